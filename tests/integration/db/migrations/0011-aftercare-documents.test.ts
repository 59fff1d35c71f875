import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration0011 } from '../../../../electron/core/db/migrations/0011-aftercare-documents';
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
const SHA = 'c'.repeat(64);

function insertRow(db: Db, table: string, values: Record<string, unknown>) {
  const names = Object.keys(values);
  return db
    .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(values);
}

const stamp = { created_at: AT, updated_at: AT, device_id: 'device' };

function insertTemplate(db: Db) {
  insertRow(db, 'aftercare_template_families', { id: 'f1', code: 'face', ...stamp });
  insertRow(db, 'aftercare_templates', {
    id: 't1',
    family_id: 'f1',
    version: 1,
    title: 'Face aftercare',
    blocks_json: '[]',
    ...stamp,
  });
}

function insertSession(db: Db) {
  insertRow(db, 'treatment_types', {
    id: 'tt1',
    code: 'face',
    name: 'Face',
    zone_map: 'face',
    default_interval_days: 28,
    course_length: 4,
    ...stamp,
  });
  db.prepare(
    `INSERT INTO sessions (id, client_id, treatment_type_id, status, started_at, created_at, updated_at, device_id)
     VALUES ('s1', 'c1', 'tt1', 'draft', ?, ?, ?, 'device')`,
  ).run(AT, AT, AT);
}

const document = (row: Record<string, unknown> = {}) => ({
  id: 'd1',
  client_id: 'c1',
  session_id: 's1',
  kind: 'aftercare',
  title: 'Aftercare',
  template_id: 't1',
  paper: 'A4',
  action: 'pdf',
  snapshot_sha256: SHA,
  issued_at: AT,
  issued_by: 'Dr Lane',
  ...stamp,
  ...row,
});

describe('migration 0011: aftercare templates and issued documents', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 10);
    expect(objectNames(db, 'table')).not.toContain('issued_documents');
    migrateTo(db, 11);
    insertClientRow(db, 'c1', AT);
    insertTemplate(db);
    insertSession(db);
  });
  afterEach(() => db.close());

  it('is migration 11 and creates the template and document tables with their indexes', () => {
    expect(migration0011.version).toBe(11);
    expect(objectNames(db, 'table')).toEqual(
      expect.arrayContaining(['aftercare_template_families', 'aftercare_templates', 'issued_documents']),
    );
    expect(objectNames(db, 'index')).toEqual(
      expect.arrayContaining(['issued_documents_by_client', 'issued_documents_by_session']),
    );
    expect(columns(db, 'issued_documents').map((c) => c.name)).toEqual(
      expect.arrayContaining(['snapshot_sha256', 'template_id', 'reprint_of', 'issued_by']),
    );
  });

  it('ties each kind of document to what it is about', () => {
    insertRow(db, 'issued_documents', document());
    insertRow(db, 'issued_documents', document({ id: 'd2', kind: 'session-summary', template_id: null }));
    insertRow(
      db,
      'issued_documents',
      document({ id: 'd3', kind: 'client-summary', session_id: null, template_id: null }),
    );
    // An aftercare sheet names its template; a summary names none; a client summary has no session.
    expect(
      sqliteCode(() => insertRow(db, 'issued_documents', document({ id: 'x1', template_id: null }))),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(
      sqliteCode(() =>
        insertRow(db, 'issued_documents', document({ id: 'x2', kind: 'client-summary', template_id: null })),
      ),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteCode(() => insertRow(db, 'issued_documents', document({ id: 'x3', paper: 'A5' })))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(
      sqliteCode(() => insertRow(db, 'issued_documents', document({ id: 'x4', snapshot_sha256: 'abc' }))),
    ).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(
      sqliteCode(() => insertRow(db, 'issued_documents', document({ id: 'x5', template_id: 'nope' }))),
    ).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
  });

  it('refuses to change or delete an issued document or a template version, or to recode a family', () => {
    insertRow(db, 'issued_documents', document());
    expect(() => db.prepare("UPDATE issued_documents SET issued_by = 'x'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM issued_documents').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare("UPDATE aftercare_templates SET title = 'x'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM aftercare_templates').run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare("UPDATE aftercare_template_families SET code = 'y'").run()).toThrow(
      /code cannot be changed/,
    );
    // Retiring a family is allowed.
    db.prepare('UPDATE aftercare_template_families SET retired_at = ?').run(AT);
  });

  it('numbers versions uniquely within a family', () => {
    expect(
      sqliteCode(() =>
        insertRow(db, 'aftercare_templates', {
          id: 't2',
          family_id: 'f1',
          version: 1,
          title: 'Again',
          blocks_json: '[]',
          ...stamp,
        }),
      ),
    ).toBe('SQLITE_CONSTRAINT_UNIQUE');
  });
});
