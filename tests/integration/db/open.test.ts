import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../electron/core/db/migrate';
import { recordsMigrations } from '../../../electron/core/db/migrations';
import { DatabaseOpenError, openDatabase, RECORDS_FILE } from '../../../electron/core/db/open';
import type { Db } from '../../support/sqlite';
import { useTempDirs } from '../../support/temp';

function openError(fn: () => unknown): DatabaseOpenError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('expected openDatabase to fail');
}

/** A database as some other (newer) program left it: given journal mode, user_version, one table. */
function writeForeignDatabase(file: string, userVersion: number, journalMode: 'wal' | 'delete') {
  const other = new Database(file);
  other.pragma(`journal_mode = ${journalMode}`);
  other.exec('CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES (1)');
  other.pragma(`user_version = ${userVersion}`);
  other.close();
}

describe('openDatabase', () => {
  const tempDir = useTempDirs();
  const open: Db[] = [];
  const track = (db: Db) => {
    open.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });

  it('creates the data folder and the file, migrated, with the Dermachart settings', () => {
    const file = join(tempDir(), 'nested', 'deeper', RECORDS_FILE);
    const db = track(openDatabase(file, { migrations: recordsMigrations }));
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(recordsMigrations.length);
    expect(db.inTransaction).toBe(false);
  });

  it('uses the busy timeout it is given', () => {
    const db = track(
      openDatabase(join(tempDir(), RECORDS_FILE), { migrations: recordsMigrations, busyTimeoutMs: 1234 }),
    );
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
  });

  it('reopens an existing database with its data and identity intact', () => {
    const file = join(tempDir(), RECORDS_FILE);
    const first = openDatabase(file, { migrations: recordsMigrations });
    const deviceId = first.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
    first.close();
    const again = track(openDatabase(file, { migrations: recordsMigrations }));
    expect(again.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe(deviceId);
  });

  describe('failures', () => {
    it('LOCKED: a second open of the same file while the first is open', () => {
      const file = join(tempDir(), RECORDS_FILE);
      track(openDatabase(file, { migrations: recordsMigrations }));
      const started = Date.now();
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations, busyTimeoutMs: 50 }));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(error.reason).toBe('LOCKED');
      expect(error.path).toBe(file);
      expect(error.name).toBe('DatabaseOpenError');
      expect(error.message).toMatch(/open in another Dermachart window or program/);
      expect((error.cause as { code?: string }).code).toBe('SQLITE_BUSY');
    });

    it('LOCKED is released when the first connection closes', () => {
      const file = join(tempDir(), RECORDS_FILE);
      const first = openDatabase(file, { migrations: recordsMigrations });
      expect(
        openError(() => openDatabase(file, { migrations: recordsMigrations, busyTimeoutMs: 50 })).reason,
      ).toBe('LOCKED');
      first.close();
      const second = track(openDatabase(file, { migrations: recordsMigrations, busyTimeoutMs: 50 }));
      expect(second.pragma('user_version', { simple: true })).toBe(recordsMigrations.length);
    });

    it('holds an exclusive lock: another program cannot even read the records meanwhile', () => {
      const file = join(tempDir(), RECORDS_FILE);
      track(openDatabase(file, { migrations: recordsMigrations }));
      const other = track(new Database(file, { timeout: 50 }));
      expect(() => other.prepare('SELECT count(*) FROM clients').get()).toThrow(/locked|busy/i);
    });

    it('NEWER_VERSION: refuses a WAL database from a newer release and leaves the file byte for byte as it was', () => {
      const dir = tempDir();
      const file = join(dir, RECORDS_FILE);
      writeForeignDatabase(file, 99, 'wal');
      const before = readFileSync(file);
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations }));
      expect(error.reason).toBe('NEWER_VERSION');
      expect(error.path).toBe(file);
      expect(error.message).toContain('schema 99');
      expect(error.message).toContain('nothing was changed');
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual([RECORDS_FILE]);
      // The failed open closed its connection: another program can open and read the file at once.
      const check = track(new Database(file, { timeout: 50 }));
      expect(check.pragma('user_version', { simple: true })).toBe(99);
      expect(check.prepare('SELECT count(*) FROM sqlite_master').pluck().get()).toBe(1);
    });

    it('NEWER_VERSION: leaves a rollback-journal database from a newer release untouched too', () => {
      // "nothing was changed", says the message; but openDatabase switches the file to WAL before it reads
      // user_version, which rewrites the header (bytes 18-19 and the change counter). See the report.
      const file = join(tempDir(), RECORDS_FILE);
      writeForeignDatabase(file, 99, 'delete');
      const before = readFileSync(file);
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations }));
      expect(error.reason).toBe('NEWER_VERSION');
      expect(readFileSync(file).equals(before)).toBe(true);
    });

    it('CORRUPT: a file that is not a database, left in place for recovery', () => {
      const file = join(tempDir(), RECORDS_FILE);
      const garbage = 'These are not the records you are looking for. '.repeat(200);
      writeFileSync(file, garbage);
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations }));
      expect(error.reason).toBe('CORRUPT');
      expect(error.path).toBe(file);
      expect(error.message).toMatch(/damaged or is not a Dermachart database/);
      expect((error.cause as { code?: string }).code).toBe('SQLITE_NOTADB');
      expect(readFileSync(file, 'utf8')).toBe(garbage);
    });

    it('UNWRITABLE: a data folder that cannot be created (its parent is a regular file)', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'file.txt'), 'just a file');
      const file = join(dir, 'file.txt', 'sub', RECORDS_FILE);
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations }));
      expect(error.reason).toBe('UNWRITABLE');
      expect(error.path).toBe(file);
      expect(error.message).toContain(join(dir, 'file.txt', 'sub'));
      expect((error.cause as { code?: string }).code).toBe('ENOTDIR');
      expect(readFileSync(join(dir, 'file.txt'), 'utf8')).toBe('just a file');
    });

    it('UNWRITABLE: the records path is a folder, not a file', () => {
      const dir = tempDir();
      const file = join(dir, RECORDS_FILE);
      mkdirSync(file);
      const error = openError(() => openDatabase(file, { migrations: recordsMigrations }));
      expect(error.reason).toBe('UNWRITABLE');
      expect(error.path).toBe(file);
      expect((error.cause as { code?: string }).code).toBe('SQLITE_CANTOPEN');
    });

    it('UNKNOWN: any other failure, with its detail, and the connection closed', () => {
      const file = join(tempDir(), RECORDS_FILE);
      const broken: Migration = {
        version: 1,
        name: 'broken',
        up() {
          throw new TypeError('cannot read properties of undefined');
        },
      };
      const error = openError(() => openDatabase(file, { migrations: [broken] }));
      expect(error.reason).toBe('UNKNOWN');
      expect(error.message).toContain('cannot read properties of undefined');
      expect(error.cause).toBeInstanceOf(TypeError);
      const check = track(new Database(file, { timeout: 50 }));
      expect(check.pragma('user_version', { simple: true })).toBe(0);
    });
  });
});
