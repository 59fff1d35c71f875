import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration0008 } from '../../../../electron/core/db/migrations/0008-photos';
import {
  columns,
  type Db,
  insertClientRow,
  migrateTo,
  objectNames,
  openRaw,
  sqliteCode,
} from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2026-01-01T10:00:00.000Z';
const SHA = 'a'.repeat(64);

function insertPhoto(db: Db, row: Record<string, unknown> = {}) {
  const values = {
    id: 'p1',
    client_id: 'c1',
    original_sha256: SHA,
    format: 'jpeg',
    mime: 'image/jpeg',
    byte_size: 10,
    width: 4,
    height: 3,
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  };
  const names = Object.keys(values);
  return db
    .prepare(`INSERT INTO photos (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(values);
}

describe('migration 0008: photos', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 7);
    expect(objectNames(db, 'table')).not.toContain('photos');
    migrateTo(db, 8);
    insertClientRow(db, 'c1', AT);
  });
  afterEach(() => db.close());

  it('is migration 8 and creates the photos table with its indexes', () => {
    expect(migration0008.version).toBe(8);
    expect(objectNames(db, 'table')).toContain('photos');
    expect(objectNames(db, 'index')).toEqual(
      expect.arrayContaining(['photos_by_client', 'photos_by_session']),
    );
    const names = columns(db, 'photos').map((c) => c.name);
    for (const c of [
      'id',
      'client_id',
      'session_id',
      'original_sha256',
      'phase',
      'pose',
      'consent_scope',
      'rotation',
    ]) {
      expect(names).toContain(c);
    }
  });

  it('defaults the consent scope to the clinical record, and orientation and rotation to none', () => {
    insertPhoto(db);
    expect(db.prepare('SELECT consent_scope, orientation, rotation FROM photos').get()).toEqual({
      consent_scope: 'clinical',
      orientation: 1,
      rotation: 0,
    });
  });

  it('refuses unknown phases, poses, scopes, formats, rotations and malformed hashes', () => {
    const bad: Record<string, unknown>[] = [
      { phase: 'during' },
      { pose: 'top' },
      { consent_scope: 'public' },
      { format: 'gif' },
      { rotation: 45 },
      { orientation: 9 },
      { original_sha256: 'abc' },
    ];
    bad.forEach((row, i) => {
      expect(
        sqliteCode(() => insertPhoto(db, { id: `p${i}`, ...row })),
        JSON.stringify(row),
      ).toBe('SQLITE_CONSTRAINT_CHECK');
    });
  });

  it('stores a file once per client, and requires a real client', () => {
    insertPhoto(db);
    expect(sqliteCode(() => insertPhoto(db, { id: 'p2' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(
      sqliteCode(() => insertPhoto(db, { id: 'p3', client_id: 'nobody', original_sha256: 'b'.repeat(64) })),
    ).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  });
});
