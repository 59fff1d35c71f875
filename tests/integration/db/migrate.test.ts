import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Migration,
  migrate,
  NewerDatabaseError,
  schemaVersion,
} from '../../../electron/core/db/migrate';
import { recordsMigrations } from '../../../electron/core/db/migrations';
import { type Db, objectNames, openRaw } from '../../support/sqlite';
import { useTempDirs } from '../../support/temp';

/** A migration that creates one table and records each time it runs. */
function tableMigration(version: number, runs: number[]): Migration {
  return {
    version,
    name: `t${version}`,
    up(db) {
      runs.push(version);
      db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT; INSERT INTO t${version} VALUES (${version});`);
    },
  };
}

/** The version the records migrations bring a database to. */
const latest = recordsMigrations.length;

function schemaSnapshot(db: Db) {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
}

describe('migrate', () => {
  const tempDir = useTempDirs();
  let db: Db;
  let runs: number[];

  beforeEach(() => {
    db = openRaw(tempDir());
    runs = [];
  });
  afterEach(() => db.close());

  it('brings a new database to the latest version and records it in user_version', () => {
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, recordsMigrations)).toEqual({ from: 0, to: recordsMigrations.length });
    expect(schemaVersion(db)).toBe(recordsMigrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
  });

  it('numbers the records migrations 1..n', () => {
    expect(latest).toBeGreaterThanOrEqual(4);
    expect(recordsMigrations.map((m) => m.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(new Set(recordsMigrations.map((m) => m.name)).size).toBe(recordsMigrations.length);
  });

  it('is a no-op the second time', () => {
    migrate(db, recordsMigrations);
    const schema = schemaSnapshot(db);
    const meta = db.prepare('SELECT key, value FROM meta ORDER BY key').all();
    expect(migrate(db, recordsMigrations)).toEqual({ from: latest, to: latest });
    expect(schemaSnapshot(db)).toEqual(schema);
    expect(db.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual(meta);
  });

  it('runs only the pending migrations, in version order, whatever order they are listed in', () => {
    const [m1, m2, m3] = [1, 2, 3].map((v) => tableMigration(v, runs)) as [Migration, Migration, Migration];
    expect(migrate(db, [m1])).toEqual({ from: 0, to: 1 });
    expect(migrate(db, [m3, m1, m2])).toEqual({ from: 1, to: 3 });
    expect(runs).toEqual([1, 2, 3]);
    expect(migrate(db, [m1, m2, m3])).toEqual({ from: 3, to: 3 });
    expect(runs).toEqual([1, 2, 3]);
    expect(objectNames(db, 'table')).toEqual(['t1', 't2', 't3']);
  });

  it('applies every pending migration in one transaction: a failure leaves the database untouched', () => {
    const m1 = tableMigration(1, runs);
    migrate(db, [m1]);
    const before = schemaSnapshot(db);
    const failing: Migration = {
      version: 3,
      name: 'fails halfway',
      up(d) {
        runs.push(3);
        d.exec('CREATE TABLE half_done (x INTEGER)');
        d.exec('INSERT INTO t1 VALUES (99)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [m1, tableMigration(2, runs), failing])).toThrow('disk on fire');
    expect(runs).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(1);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(db.prepare('SELECT x FROM t1').pluck().all()).toEqual([1]);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls back a failing first migration on a new database too', () => {
    const bad: Migration = {
      version: 1,
      name: 'bad sql',
      up(d) {
        d.exec('CREATE TABLE ok (x); CREATE TABLE broken (');
      },
    };
    expect(() => migrate(db, [bad])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(objectNames(db, 'table')).toEqual([]);
  });

  it('can try again after a failed attempt', () => {
    let fail = true;
    const flaky: Migration = {
      version: 1,
      name: 'flaky',
      up(d) {
        d.exec('CREATE TABLE flaky (x)');
        if (fail) throw new Error('first try fails');
      },
    };
    expect(() => migrate(db, [flaky])).toThrow('first try fails');
    fail = false;
    expect(migrate(db, [flaky])).toEqual({ from: 0, to: 1 });
    expect(objectNames(db, 'table')).toEqual(['flaky']);
  });

  it.each([
    ['a gap', [1, 3]],
    ['not starting at 1', [2, 3]],
    ['a duplicate', [1, 1, 2]],
    ['version 0', [0, 1]],
  ])('rejects a list with %s before running anything', (_label, versions) => {
    const list = versions.map((v) => tableMigration(v, runs));
    expect(() => migrate(db, list)).toThrow(/numbered 1\.\.n without gaps/);
    expect(runs).toEqual([]);
    expect(schemaVersion(db)).toBe(0);
    expect(objectNames(db, 'table')).toEqual([]);
  });

  it('refuses a database written by a newer version, without touching it', () => {
    migrate(db, recordsMigrations);
    db.pragma('user_version = 99');
    const schema = schemaSnapshot(db);
    let error: unknown;
    try {
      migrate(db, recordsMigrations);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect(error).toBeInstanceOf(Error);
    const newer = error as NewerDatabaseError;
    expect(newer.name).toBe('NewerDatabaseError');
    expect(newer.found).toBe(99);
    expect(newer.supported).toBe(latest);
    expect(newer.message).toContain('schema 99');
    expect(newer.message).toContain(`supports ${latest}`);
    expect(schemaVersion(db)).toBe(99);
    expect(schemaSnapshot(db)).toEqual(schema);
  });

  it('refuses a newer database even when this version knows no migrations', () => {
    db.pragma('user_version = 1');
    expect(() => migrate(db, [])).toThrow(NewerDatabaseError);
  });

  it('treats an empty list on a new database as up to date', () => {
    expect(migrate(db, [])).toEqual({ from: 0, to: 0 });
    expect(schemaVersion(db)).toBe(0);
  });
});
