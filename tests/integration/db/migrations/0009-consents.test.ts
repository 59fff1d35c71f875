import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0009 } from '../../../../electron/core/db/migrations/0009-consents';
import {
  columns,
  count,
  type Db,
  indexColumns,
  insertClientRow,
  migrateTo,
  objectNames,
  objectSql,
  openRaw,
  sqliteCode,
} from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2026-01-15T10:00:00.000Z';
const SHA = 'a'.repeat(64);
const TABLES = [
  'consent_template_families',
  'consent_templates',
  'consent_records',
  'consent_signatures',
  'consent_revocations',
];

type Row = Record<string, unknown>;

function insert(db: Db, table: string, values: Row) {
  const names = Object.keys(values);
  return db
    .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(values);
}

const family = (db: Db, row: Row = {}) =>
  insert(db, 'consent_template_families', {
    id: 'f1',
    code: 'microneedling-face',
    kind: 'treatment',
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  });

const version = (db: Db, row: Row = {}) =>
  insert(db, 'consent_templates', {
    id: 't1',
    family_id: 'f1',
    version: 1,
    title: 'Face',
    blocks_json: '[{"type":"paragraph","text":"Hello"}]',
    expiry_months: 12,
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  });

const record = (db: Db, row: Row = {}) =>
  insert(db, 'consent_records', {
    id: 'r1',
    client_id: 'c1',
    template_id: 't1',
    family_id: 'f1',
    code: 'microneedling-face',
    kind: 'treatment',
    title: 'Face',
    template_version: 1,
    method: 'on-screen',
    rendered_json: '[]',
    rendered_sha256: SHA,
    acknowledged_json: '[]',
    photo_scope: null,
    client_name: 'Ann Lee',
    practitioner: 'Dr Jones',
    signed_at: AT,
    signed_at_local: '2026-01-15 10:00 +00:00 (Europe/London)',
    time_zone: 'Europe/London',
    valid_until: '2027-01-14',
    workstation_device_id: 'device',
    workstation_hostname: 'room-1',
    document_sha256: SHA,
    document_mime: 'application/pdf',
    html_sha256: SHA,
    seal: SHA,
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  });

const signature = (db: Db, row: Row = {}) =>
  insert(db, 'consent_signatures', {
    id: 's1',
    record_id: 'r1',
    role: 'client',
    name: 'Ann Lee',
    png_sha256: SHA,
    created_at: AT,
    device_id: 'device',
    ...row,
  });

const revocation = (db: Db, row: Row = {}) =>
  insert(db, 'consent_revocations', {
    id: 'v1',
    record_id: 'r1',
    reason: 'Client changed her mind',
    revoked_by: 'Dr Jones',
    revoked_at: AT,
    created_at: AT,
    device_id: 'device',
    ...row,
  });

function triggerMessage(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_TRIGGER'
      ? (error as Error).message
      : 'other';
  }
}

describe('migration 0009: consents', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 8);
    insertClientRow(db, 'c1', AT);
  });
  afterEach(() => db.close());

  it('is migration 9, adds its tables and keeps the rows written at version 8', () => {
    expect(migration0009.version).toBe(9);
    expect(migration0009.name).toBe('consents');
    for (const table of TABLES) expect(objectNames(db, 'table')).not.toContain(table);
    migrateTo(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(TABLES));
    expect(db.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
    for (const table of TABLES) expect(count(db, table), table).toBe(0);
  });

  describe('schema', () => {
    beforeEach(() => migrateTo(db, 9));

    it('makes every table STRICT, with a UUID id and UTC stamps and the device id', () => {
      for (const table of TABLES) {
        expect(objectSql(db, table), table).toMatch(/STRICT$/);
        const names = columns(db, table).map((c) => c.name);
        expect(names, table).toEqual(expect.arrayContaining(['id', 'created_at', 'device_id']));
      }
      for (const table of ['consent_template_families', 'consent_templates', 'consent_records']) {
        expect(columns(db, table).map((c) => c.name)).toEqual(
          expect.arrayContaining(['updated_at', 'created_by', 'deleted_at']),
        );
      }
    });

    it('keeps everything a signed record freezes in columns of its own', () => {
      expect(columns(db, 'consent_records').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['seq', 'INTEGER', 0],
        ['id', 'TEXT', 1],
        ['client_id', 'TEXT', 1],
        ['template_id', 'TEXT', 1],
        ['family_id', 'TEXT', 1],
        ['code', 'TEXT', 1],
        ['kind', 'TEXT', 1],
        ['title', 'TEXT', 1],
        ['template_version', 'INTEGER', 1],
        ['method', 'TEXT', 1],
        ['rendered_json', 'TEXT', 1],
        ['rendered_sha256', 'TEXT', 1],
        ['acknowledged_json', 'TEXT', 1],
        ['photo_scope', 'TEXT', 0],
        ['client_name', 'TEXT', 1],
        ['practitioner', 'TEXT', 1],
        ['signed_at', 'TEXT', 1],
        ['signed_at_local', 'TEXT', 1],
        ['time_zone', 'TEXT', 1],
        ['valid_until', 'TEXT', 0],
        ['workstation_device_id', 'TEXT', 1],
        ['workstation_hostname', 'TEXT', 1],
        ['session_id', 'TEXT', 0],
        ['document_sha256', 'TEXT', 1],
        ['document_mime', 'TEXT', 1],
        ['document_name', 'TEXT', 0],
        ['html_sha256', 'TEXT', 0],
        ['seal', 'TEXT', 1],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['created_by', 'TEXT', 0],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(columns(db, 'consent_signatures').map((c) => c.name)).toEqual([
        'id',
        'record_id',
        'role',
        'name',
        'png_sha256',
        'created_at',
        'device_id',
      ]);
    });

    it("indexes a client's records by form, newest first, over live rows", () => {
      expect(indexColumns(db, 'consent_records_by_client_family')).toEqual([
        'client_id',
        'family_id',
        'signed_at',
        'seq',
      ]);
      const desc = (
        db.pragma('index_xinfo(consent_records_by_client_family)') as { name: string; desc: number }[]
      )
        .filter((c) => c.name === 'signed_at' || c.name === 'seq')
        .map((c) => c.desc);
      expect(desc).toEqual([1, 1]);
      expect(objectSql(db, 'consent_records_by_client_family')).toMatch(/WHERE deleted_at IS NULL$/);
      // The query that decides a consent's standing reads that index.
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM consent_records r WHERE r.client_id = ? AND r.family_id = ?
           AND r.deleted_at IS NULL ORDER BY r.signed_at DESC, r.seq DESC LIMIT 1`,
        )
        .all('c1', 'f1') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX consent_records_by_client_family/);
      expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    });
  });

  describe('constraints', () => {
    beforeEach(() => {
      migrateTo(db, 9);
      family(db);
      version(db);
    });

    it('gives each form a unique code, a kind of treatment or photo, and unique version numbers', () => {
      expect(sqliteCode(() => family(db, { id: 'f2' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(sqliteCode(() => family(db, { id: 'f3', code: 'x', kind: 'aftercare' }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => family(db, { id: 'f4', code: 'photography', kind: 'photo' }))).toBeNull();
      expect(sqliteCode(() => version(db, { id: 't2' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(sqliteCode(() => version(db, { id: 't3', version: 2 }))).toBeNull();
      expect(sqliteCode(() => version(db, { id: 't4', version: 0 }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => version(db, { id: 't5', version: 3, family_id: 'nope' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => version(db, { id: 't6', version: 4, blocks_json: 'not json' }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => version(db, { id: 't7', version: 5, expiry_months: 0 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => version(db, { id: 't8', version: 6, expiry_months: null }))).toBeNull();
    });

    it('refuses a record of an unknown client or template, a bad method or a short hash', () => {
      expect(sqliteCode(() => record(db, { client_id: 'nobody' }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      expect(sqliteCode(() => record(db, { template_id: 'nothing' }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      expect(sqliteCode(() => record(db, { session_id: 'no-session' }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      expect(sqliteCode(() => record(db, { method: 'email' }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => record(db, { seal: 'abc' }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => record(db, { document_sha256: 'abc' }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => record(db, { template_version: 'one' }))).toBe('SQLITE_CONSTRAINT_DATATYPE');
      expect(count(db, 'consent_records')).toBe(0);
      expect(sqliteCode(() => record(db))).toBeNull();
    });

    it('requires a photo scope on a photo consent and refuses one on a treatment consent', () => {
      expect(sqliteCode(() => record(db, { id: 'a', photo_scope: 'marketing' }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => record(db, { id: 'b', kind: 'photo', photo_scope: null }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => record(db, { id: 'c', kind: 'photo', photo_scope: 'everything' }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => record(db, { id: 'd', kind: 'photo', photo_scope: 'training' }))).toBeNull();
    });

    it('keeps the printable HTML for forms signed on screen only', () => {
      expect(sqliteCode(() => record(db, { id: 'a', html_sha256: null }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => record(db, { id: 'b', method: 'paper' }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => record(db, { id: 'c', method: 'paper', html_sha256: null }))).toBeNull();
    });

    it('has one signature per role and one revocation per record', () => {
      record(db);
      expect(sqliteCode(() => signature(db))).toBeNull();
      expect(sqliteCode(() => signature(db, { id: 's2' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(sqliteCode(() => signature(db, { id: 's3', role: 'practitioner' }))).toBeNull();
      expect(sqliteCode(() => signature(db, { id: 's4', role: 'guardian' }))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(sqliteCode(() => signature(db, { id: 's5', role: 'witness', record_id: 'nope' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => revocation(db))).toBeNull();
      expect(sqliteCode(() => revocation(db, { id: 'v2', reason: 'Again' }))).toBe(
        'SQLITE_CONSTRAINT_UNIQUE',
      );
    });
  });

  describe('triggers', () => {
    beforeEach(() => {
      migrateTo(db, 9);
      family(db);
      version(db);
      record(db);
      signature(db);
      revocation(db);
    });

    it.each([
      ['UPDATE consent_templates SET title = ?', 'x', 'A consent form version cannot be changed'],
      ['UPDATE consent_templates SET deleted_at = ?', AT, 'A consent form version cannot be changed'],
      ['DELETE FROM consent_templates WHERE id <> ?', 'x', 'A consent form version cannot be deleted'],
      ['UPDATE consent_records SET rendered_json = ?', '[]', 'A signed consent cannot be changed'],
      ['UPDATE consent_records SET valid_until = ?', '2099-01-01', 'A signed consent cannot be changed'],
      ['UPDATE consent_records SET deleted_at = ?', AT, 'A signed consent cannot be changed'],
      ['DELETE FROM consent_records WHERE id <> ?', 'x', 'A signed consent cannot be deleted'],
      [
        'UPDATE consent_signatures SET png_sha256 = ?',
        'b'.repeat(64),
        'A consent signature cannot be changed',
      ],
      ['DELETE FROM consent_signatures WHERE id <> ?', 'x', 'A consent signature cannot be deleted'],
      ['UPDATE consent_revocations SET reason = ?', 'Other', 'A consent revocation cannot be changed'],
      ['DELETE FROM consent_revocations WHERE id <> ?', 'x', 'A consent revocation cannot be deleted'],
    ])('refuses %s', (sql, value, message) => {
      const table = /(?:UPDATE|FROM) (\w+)/.exec(sql)![1]!;
      const before = db.prepare(`SELECT * FROM ${table}`).all();
      expect(triggerMessage(() => db.prepare(sql).run(value))).toBe(message);
      expect(db.prepare(`SELECT * FROM ${table}`).all()).toEqual(before);
    });

    it('lets a form be retired and restored, but never changes its code or kind', () => {
      expect(
        sqliteCode(() =>
          db
            .prepare("UPDATE consent_template_families SET retired_at = ?, updated_at = ? WHERE id = 'f1'")
            .run(AT, AT),
        ),
      ).toBeNull();
      expect(
        sqliteCode(() =>
          db.prepare("UPDATE consent_template_families SET retired_at = NULL WHERE id = 'f1'").run(),
        ),
      ).toBeNull();
      expect(
        triggerMessage(() =>
          db.prepare("UPDATE consent_template_families SET code = 'other' WHERE id = 'f1'").run(),
        ),
      ).toBe("A consent form's code and kind cannot be changed");
      expect(
        triggerMessage(() =>
          db.prepare("UPDATE consent_template_families SET kind = 'photo' WHERE id = 'f1'").run(),
        ),
      ).toBe("A consent form's code and kind cannot be changed");
      // A family in use cannot disappear either: its versions hold it by foreign key.
      expect(
        sqliteCode(() => db.prepare("DELETE FROM consent_template_families WHERE id = 'f1'").run()),
      ).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    });
  });
});
