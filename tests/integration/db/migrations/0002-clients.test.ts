import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEXES, SKIN_CONCERNS } from '../../../../electron/core/contract';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0002 } from '../../../../electron/core/db/migrations/0002-clients';
import {
  columns,
  count,
  type Db,
  indexColumns,
  migrateTo,
  objectNames,
  objectSql,
  openRaw,
  sqliteCode,
} from '../../../support/sqlite';
import { useTempDirs } from '../../../support/temp';

const AT = '2024-05-01T10:00:00.000Z';

interface RawClient {
  id: string;
  first_name?: string;
  last_name?: string;
  preferred_name?: string | null;
  email?: string | null;
  phone_digits?: string | null;
  phone_digits_reversed?: string | null;
  sex?: string | null;
  fitzpatrick?: unknown;
}

function insertClient(db: Db, c: RawClient) {
  return db
    .prepare(
      `INSERT INTO clients (id, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed,
         sex, fitzpatrick, created_at, updated_at, device_id)
       VALUES (@id, @first_name, @last_name, @preferred_name, @email, @phone_digits, @phone_digits_reversed,
         @sex, @fitzpatrick, @at, @at, 'device')`,
    )
    .run({
      first_name: 'Ann',
      last_name: 'Lee',
      preferred_name: null,
      email: null,
      phone_digits: null,
      phone_digits_reversed: null,
      sex: null,
      fitzpatrick: null,
      at: AT,
      ...c,
    });
}

function insertConcern(db: Db, id: string, clientId: string, concern: string) {
  return db
    .prepare(
      `INSERT INTO client_skin_concerns (id, client_id, concern, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, 'device')`,
    )
    .run(id, clientId, concern, AT, AT);
}

/** Client ids whose indexed text matches an FTS5 query. */
function ftsIds(db: Db, match: string): string[] {
  return db
    .prepare(
      `SELECT c.id FROM clients_fts JOIN clients c ON c.seq = clients_fts.rowid
       WHERE clients_fts MATCH ? ORDER BY c.id`,
    )
    .pluck()
    .all(match) as string[];
}

/** FTS5's own check that the index matches the content table; throws SQLITE_CORRUPT_VTAB if not. */
function ftsIntegrityCheck(db: Db) {
  db.prepare("INSERT INTO clients_fts (clients_fts, rank) VALUES ('integrity-check', 1)").run();
}

describe('migration 0002: clients', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 1);
  });
  afterEach(() => db.close());

  it('is version 2', () => {
    expect(migration0002.version).toBe(2);
  });

  it('keeps what 0001 wrote', () => {
    const deviceId = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get();
    expect(objectNames(db, 'table')).not.toContain('clients');
    migrateTo(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe(deviceId);
  });

  describe('schema', () => {
    beforeEach(() => {
      migrateTo(db, 2);
    });

    it('creates clients, client_skin_concerns and the FTS5 index with its shadow tables', () => {
      const tables = objectNames(db, 'table');
      expect(tables).toEqual(
        expect.arrayContaining([
          'clients',
          'client_skin_concerns',
          'clients_fts',
          'clients_fts_config',
          'clients_fts_data',
          'clients_fts_docsize',
          'clients_fts_idx',
        ]),
      );
      expect(objectSql(db, 'clients')).toMatch(/STRICT$/);
      expect(objectSql(db, 'client_skin_concerns')).toMatch(/STRICT$/);
      const fts = objectSql(db, 'clients_fts')!;
      expect(fts).toContain('USING fts5');
      expect(fts).toContain("content = 'clients'");
      expect(fts).toContain("content_rowid = 'seq'");
      expect(fts).toContain('remove_diacritics 2');
    });

    it('gives clients every column the repository writes', () => {
      const cols = columns(db, 'clients');
      expect(cols.map((c) => c.name)).toEqual([
        'seq',
        'id',
        'first_name',
        'last_name',
        'preferred_name',
        'date_of_birth',
        'sex',
        'pronouns',
        'phone',
        'phone_digits',
        'phone_digits_reversed',
        'email',
        'address_line1',
        'address_line2',
        'city',
        'region',
        'postcode',
        'country',
        'emergency_name',
        'emergency_phone',
        'emergency_relationship',
        'fitzpatrick',
        'allergies',
        'medications',
        'notes',
        'archived_at',
        'created_at',
        'updated_at',
        'created_by',
        'updated_by',
        'device_id',
        'deleted_at',
      ]);
      const byName = Object.fromEntries(cols.map((c) => [c.name, c]));
      // INTEGER PRIMARY KEY: an alias of the rowid, which the FTS index uses as its content_rowid.
      expect(byName.seq).toMatchObject({ type: 'INTEGER', pk: 1 });
      expect(byName.fitzpatrick?.type).toBe('INTEGER');
      const required = cols.filter((c) => c.notnull === 1).map((c) => c.name);
      expect(required.sort()).toEqual(
        ['created_at', 'device_id', 'first_name', 'id', 'last_name', 'updated_at'].sort(),
      );
    });

    it('gives client_skin_concerns its columns and a foreign key to clients(id)', () => {
      expect(columns(db, 'client_skin_concerns').map((c) => c.name)).toEqual([
        'id',
        'client_id',
        'concern',
        'created_at',
        'updated_at',
        'device_id',
        'deleted_at',
      ]);
      const fks = db.pragma('foreign_key_list(client_skin_concerns)') as {
        table: string;
        from: string;
        to: string;
      }[];
      expect(fks.map((f) => [f.from, f.table, f.to])).toEqual([['client_id', 'clients', 'id']]);
    });

    it('creates the list indexes as partial indexes over live rows', () => {
      const indexes = objectNames(db, 'index');
      expect(indexes).toEqual(
        expect.arrayContaining(['clients_by_name', 'clients_by_updated', 'clients_by_created']),
      );
      expect(indexColumns(db, 'clients_by_name')).toEqual(['last_name', 'first_name', 'seq']);
      expect(indexColumns(db, 'clients_by_updated')).toEqual(['updated_at']);
      expect(indexColumns(db, 'clients_by_created')).toEqual(['created_at']);
      for (const name of ['clients_by_name', 'clients_by_updated', 'clients_by_created']) {
        expect(objectSql(db, name)).toMatch(/WHERE deleted_at IS NULL$/);
      }
      expect(objectSql(db, 'clients_by_name')).toMatch(/last_name COLLATE NOCASE, first_name COLLATE NOCASE/);
    });

    it('creates the three FTS sync triggers on clients', () => {
      expect(objectNames(db, 'trigger')).toEqual([
        'clients_fts_delete',
        'clients_fts_insert',
        'clients_fts_update',
      ]);
      const onTable = db
        .prepare("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        .pluck()
        .all();
      expect(onTable).toEqual(['clients']);
    });

    it('uses the ordered-by-name index for a name sort over live rows', () => {
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM clients WHERE deleted_at IS NULL
           ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq`,
        )
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toContain('clients_by_name');
    });
  });

  describe('constraints', () => {
    beforeEach(() => {
      migrateTo(db, 2);
    });

    it('accepts Fitzpatrick types 1 to 6 and null, and rejects anything else', () => {
      for (const type of [1, 2, 3, 4, 5, 6]) {
        expect(sqliteCode(() => insertClient(db, { id: `ok-${type}`, fitzpatrick: type }))).toBeNull();
      }
      expect(sqliteCode(() => insertClient(db, { id: 'null', fitzpatrick: null }))).toBeNull();
      expect(sqliteCode(() => insertClient(db, { id: 'zero', fitzpatrick: 0 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => insertClient(db, { id: 'seven', fitzpatrick: 7 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => insertClient(db, { id: 'neg', fitzpatrick: -1 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => insertClient(db, { id: 'text', fitzpatrick: 'IV' }))).toBe(
        'SQLITE_CONSTRAINT_DATATYPE',
      );
      expect(sqliteCode(() => insertClient(db, { id: 'real', fitzpatrick: 2.5 }))).toBe(
        'SQLITE_CONSTRAINT_DATATYPE',
      );
      expect(count(db, 'clients')).toBe(7);
    });

    it("accepts exactly the contract's sex values and null", () => {
      for (const sex of SEXES) expect(sqliteCode(() => insertClient(db, { id: sex, sex }))).toBeNull();
      expect(sqliteCode(() => insertClient(db, { id: 'none', sex: null }))).toBeNull();
      for (const sex of ['other', 'Female', '', 'f']) {
        expect(sqliteCode(() => insertClient(db, { id: `bad-${sex}`, sex }))).toBe('SQLITE_CONSTRAINT_CHECK');
      }
    });

    it('requires a unique id and the mandatory columns', () => {
      insertClient(db, { id: 'a' });
      expect(sqliteCode(() => insertClient(db, { id: 'a' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(sqliteCode(() => insertClient(db, { id: 'b', first_name: null as unknown as string }))).toBe(
        'SQLITE_CONSTRAINT_NOTNULL',
      );
      expect(sqliteCode(() => insertClient(db, { id: null as unknown as string }))).toBe(
        'SQLITE_CONSTRAINT_NOTNULL',
      );
    });

    it('allows one row per client and concern', () => {
      insertClient(db, { id: 'c1' });
      insertClient(db, { id: 'c2' });
      insertConcern(db, 'k1', 'c1', 'acne');
      insertConcern(db, 'k2', 'c2', 'acne');
      insertConcern(db, 'k3', 'c1', 'melasma');
      expect(sqliteCode(() => insertConcern(db, 'k4', 'c1', 'acne'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(sqliteCode(() => insertConcern(db, 'k1', 'c2', 'texture'))).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
      expect(count(db, 'client_skin_concerns')).toBe(3);
    });

    it('stores every skin concern the contract knows', () => {
      insertClient(db, { id: 'c1' });
      SKIN_CONCERNS.forEach((concern, i) => {
        insertConcern(db, `k${i}`, 'c1', concern);
      });
      expect(count(db, 'client_skin_concerns')).toBe(SKIN_CONCERNS.length);
    });

    it('enforces the concern -> client foreign key when foreign_keys is ON', () => {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqliteCode(() => insertConcern(db, 'k1', 'nobody', 'acne'))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      insertClient(db, { id: 'c1' });
      insertConcern(db, 'k1', 'c1', 'acne');
      expect(sqliteCode(() => db.prepare("DELETE FROM clients WHERE id = 'c1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
    });

    it('does not enforce it with foreign_keys OFF (which is why openDatabase turns it on)', () => {
      db.pragma('foreign_keys = OFF');
      expect(sqliteCode(() => insertConcern(db, 'k1', 'nobody', 'acne'))).toBeNull();
      const violations = db.pragma('foreign_key_check(client_skin_concerns)') as unknown[];
      expect(violations).toHaveLength(1);
    });
  });

  describe('full-text index', () => {
    beforeEach(() => {
      migrateTo(db, 2);
    });

    it('indexes a client on insert', () => {
      expect(ftsIds(db, 'smith')).toEqual([]);
      insertClient(db, {
        id: 'c1',
        first_name: 'Joanna',
        last_name: 'Smith',
        preferred_name: 'Jo',
        email: 'jo.smith@example.com',
        phone_digits: '07700900123',
        phone_digits_reversed: '32100900770',
      });
      expect(ftsIds(db, 'smith')).toEqual(['c1']);
      expect(ftsIds(db, 'first_name : joa*')).toEqual(['c1']);
      expect(ftsIds(db, 'preferred_name : jo')).toEqual(['c1']);
      expect(ftsIds(db, 'email : example')).toEqual(['c1']);
      expect(ftsIds(db, 'phone_digits : 07700*')).toEqual(['c1']);
      expect(ftsIds(db, 'phone_digits_reversed : 3210*')).toEqual(['c1']);
      ftsIntegrityCheck(db);
    });

    it('folds diacritics both ways', () => {
      insertClient(db, { id: 'c1', first_name: 'Zoë', last_name: 'Brontë' });
      insertClient(db, { id: 'c2', first_name: 'Zoe', last_name: 'Bronte' });
      expect(ftsIds(db, 'zoe')).toEqual(['c1', 'c2']);
      expect(ftsIds(db, 'zoë')).toEqual(['c1', 'c2']);
      expect(ftsIds(db, 'BRONT*')).toEqual(['c1', 'c2']);
    });

    it('re-indexes the old and new text on update of an indexed column', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith' });
      insertClient(db, { id: 'c2', first_name: 'Paul', last_name: 'Smith' });
      db.prepare("UPDATE clients SET last_name = 'Jones', email = 'jj@clinic.test' WHERE id = 'c1'").run();
      expect(ftsIds(db, 'smith')).toEqual(['c2']);
      expect(ftsIds(db, 'jones')).toEqual(['c1']);
      expect(ftsIds(db, 'clinic')).toEqual(['c1']);
      db.prepare("UPDATE clients SET email = NULL WHERE id = 'c1'").run();
      expect(ftsIds(db, 'clinic')).toEqual([]);
      ftsIntegrityCheck(db);
    });

    it('leaves the index consistent when only unindexed columns change', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith' });
      db.prepare("UPDATE clients SET notes = 'smith jones', archived_at = ? WHERE id = 'c1'").run(AT);
      expect(ftsIds(db, 'jones')).toEqual([]);
      expect(ftsIds(db, 'smith')).toEqual(['c1']);
      ftsIntegrityCheck(db);
    });

    it('removes a client from the index on delete', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith' });
      insertClient(db, { id: 'c2', first_name: 'Paul', last_name: 'Smith' });
      db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
      expect(ftsIds(db, 'smith')).toEqual(['c2']);
      expect(ftsIds(db, 'joanna')).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM clients_fts_docsize').pluck().get()).toBe(1);
      ftsIntegrityCheck(db);
    });

    it('integrity-check really detects an index out of step (so the checks above can fail)', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith' });
      db.exec('DROP TRIGGER clients_fts_update');
      db.prepare("UPDATE clients SET last_name = 'Jones' WHERE id = 'c1'").run();
      expect(sqliteCode(() => ftsIntegrityCheck(db))).toMatch(/^SQLITE_CORRUPT/);
    });
  });
});
