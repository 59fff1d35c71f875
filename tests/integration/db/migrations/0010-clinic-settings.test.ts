import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration0010 } from '../../../../electron/core/db/migrations/0010-clinic-settings';
import { columns, type Db, migrateTo, objectNames, openRaw, sqliteCode } from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2026-01-01T10:00:00.000Z';

function insertSettings(db: Db, row: Record<string, unknown> = {}) {
  const values = {
    id: 's1',
    name: 'Skin Studio',
    paper: 'A4',
    margin_mm: 15,
    date_format: 'D MMM YYYY',
    locale: 'en-GB',
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  };
  const names = Object.keys(values);
  return db
    .prepare(
      `INSERT INTO clinic_settings (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
    )
    .run(values);
}

const insertPractitioner = (db: Db, id: string, name: string) =>
  db
    .prepare(
      `INSERT INTO practitioners (id, name, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, 'device')`,
    )
    .run(id, name, AT, AT);

describe('migration 0010: clinic settings', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 9);
    expect(objectNames(db, 'table')).not.toContain('clinic_settings');
    migrateTo(db, 10);
  });
  afterEach(() => db.close());

  it('is migration 10 and creates the settings and practitioners tables', () => {
    expect(migration0010.version).toBe(10);
    expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(['clinic_settings', 'practitioners']));
    expect(columns(db, 'clinic_settings').map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'name',
        'logo_sha256',
        'paper',
        'margin_mm',
        'date_format',
        'locale',
        'device_id',
      ]),
    );
  });

  it('accepts A4 and Letter only, and margins between 5 and 40 mm', () => {
    insertSettings(db);
    insertSettings(db, { id: 's2', paper: 'Letter', margin_mm: 40 });
    expect(sqliteCode(() => insertSettings(db, { id: 's3', paper: 'A5' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insertSettings(db, { id: 's4', margin_mm: 2 }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insertSettings(db, { id: 's5', name: '' }))).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insertSettings(db, { id: 's6', logo_sha256: 'abc' }))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
  });

  it('keeps practitioner names unique regardless of case, among live rows', () => {
    insertPractitioner(db, 'p1', 'Dr Ada Lane');
    expect(sqliteCode(() => insertPractitioner(db, 'p2', 'dr ada lane'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    db.prepare('UPDATE practitioners SET deleted_at = ? WHERE id = ?').run(AT, 'p1');
    insertPractitioner(db, 'p3', 'Dr Ada Lane');
  });
});
