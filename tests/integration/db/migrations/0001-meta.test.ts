import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0001 } from '../../../../electron/core/db/migrations/0001-meta';
import { UTC_ISO, UUID_V7 } from '../../../support/fixtures';
import {
  columns,
  type Db,
  migrateTo,
  objectNames,
  objectSql,
  openRaw,
  sqliteCode,
} from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

describe('migration 0001: meta', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 0);
  });
  afterEach(() => db.close());

  it('is version 1', () => {
    expect(migration0001.version).toBe(1);
    expect(migration0001.name).toBe('meta');
  });

  it('starts from an empty database at user_version 0', () => {
    expect(schemaVersion(db)).toBe(0);
    expect(objectNames(db, 'table')).toEqual([]);
  });

  it('creates a STRICT meta table keyed by text (STRICT makes the key NOT NULL)', () => {
    migrateTo(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(objectNames(db, 'table')).toEqual(['meta']);
    expect(columns(db, 'meta').map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['key', 'TEXT', 1, 1],
      ['value', 'TEXT', 1, 0],
    ]);
    expect(objectSql(db, 'meta')).toMatch(/\)\s*STRICT$/);
  });

  it('records a UUIDv7 device id and a UTC creation timestamp', () => {
    const before = new Date().toISOString();
    migrateTo(db, 1);
    const rows = db.prepare('SELECT key, value FROM meta ORDER BY key').all() as {
      key: string;
      value: string;
    }[];
    expect(rows.map((r) => r.key)).toEqual(['created_at', 'device_id']);
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    expect(meta.device_id).toMatch(UUID_V7);
    expect(meta.created_at).toMatch(UTC_ISO);
    expect(meta.created_at! >= before).toBe(true);
    expect(meta.created_at! <= new Date().toISOString()).toBe(true);
  });

  it('gives every new database its own device id', () => {
    migrateTo(db, 1);
    const other = openRaw(tempDir());
    try {
      migrateTo(other, 1);
      const id = (d: Db) => d.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
      expect(id(db)).not.toEqual(id(other));
    } finally {
      other.close();
    }
  });

  it('enforces the key, NOT NULL and STRICT typing', () => {
    migrateTo(db, 1);
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    expect(sqliteCode(() => insert.run('device_id', 'again'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(sqliteCode(() => insert.run('x', null))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(() => insert.run(null, 'x'))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(sqliteCode(() => insert.run('y', Buffer.from([1, 2, 3])))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    expect(sqliteCode(() => insert.run('z', 'fine'))).toBeNull();
  });
});
