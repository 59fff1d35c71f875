import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0004 } from '../../../../electron/core/db/migrations/0004-client-search';
import {
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
  archived_at?: string | null;
  deleted_at?: string | null;
}

function insertClient(db: Db, c: RawClient) {
  return db
    .prepare(
      `INSERT INTO clients (id, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed,
         archived_at, deleted_at, created_at, updated_at, device_id)
       VALUES (@id, @first_name, @last_name, @preferred_name, @email, @phone_digits, @phone_digits_reversed,
         @archived_at, @deleted_at, @at, @at, 'device')`,
    )
    .run({
      first_name: 'Ann',
      last_name: 'Lee',
      preferred_name: null,
      email: null,
      phone_digits: null,
      phone_digits_reversed: null,
      archived_at: null,
      deleted_at: null,
      at: AT,
      ...c,
    });
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

function plan(db: Db, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((p) => p.detail)
    .join('\n');
}

/** The clients a version 3 database might hold when it is upgraded. */
function seedVersion3(db: Db) {
  insertClient(db, {
    id: 'joanna',
    first_name: 'Joanna',
    last_name: 'Smith',
    preferred_name: 'Jo',
    email: 'joanna.smith@example.com',
    phone_digits: '07700900123',
    phone_digits_reversed: '32100900770',
  });
  insertClient(db, { id: 'zoe', first_name: 'Zoë', last_name: 'Brontë', email: 'zoe@bronte.test' });
  insertClient(db, {
    id: 'mj',
    first_name: 'Mary-Jane',
    last_name: "O'Brien",
    email: 'mj.obrien@example.com',
  });
  insertClient(db, { id: 'noemail', first_name: 'Paul', last_name: 'Jones' });
  insertClient(db, {
    id: 'archived',
    first_name: 'Arch',
    last_name: 'Ived',
    archived_at: AT,
    email: 'arch@x.test',
  });
  insertClient(db, {
    id: 'deleted',
    first_name: 'Del',
    last_name: 'Eted',
    deleted_at: AT,
    email: 'del@x.test',
  });
}

describe('migration 0004: client search', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 3);
  });
  afterEach(() => db.close());

  it('is version 4', () => {
    expect(migration0004.version).toBe(4);
    expect(migration0004.name).toBe('client-search');
  });

  it('keeps every client and the triggers, and moves to user_version 4', () => {
    seedVersion3(db);
    // At version 3 the email domain and the phone digits were in the full-text index.
    expect(ftsIds(db, 'example')).toEqual(['joanna', 'mj']);
    expect(ftsIds(db, 'phone_digits : 07700*')).toEqual(['joanna']);
    const before = db.prepare('SELECT * FROM clients ORDER BY seq').all() as Record<string, unknown>[];

    migrateTo(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(count(db, 'clients')).toBe(6);
    // Every stored column is as it was, plus the computed email_local.
    const after = db.prepare('SELECT * FROM clients ORDER BY seq').all() as Record<string, unknown>[];
    expect(after.map(({ email_local: _, ...rest }) => rest)).toEqual(before);
    expect(after.map((r) => r.email_local)).toEqual([
      'joanna.smith',
      'zoe',
      'mj.obrien',
      null,
      'arch',
      'del',
    ]);
    expect(objectNames(db, 'trigger')).toEqual([
      'clients_fts_delete',
      'clients_fts_insert',
      'clients_fts_update',
    ]);
  });

  describe('rebuilding the full-text index over existing rows', () => {
    beforeEach(() => {
      seedVersion3(db);
      migrateTo(db, 4);
    });

    it('indexes names, preferred names and the local part of the email', () => {
      expect(ftsIds(db, 'smith')).toEqual(['joanna']);
      expect(ftsIds(db, 'joa*')).toEqual(['joanna']);
      expect(ftsIds(db, 'preferred_name : jo')).toEqual(['joanna']);
      expect(ftsIds(db, 'zoe')).toEqual(['zoe']);
      expect(ftsIds(db, 'bront*')).toEqual(['zoe']);
      expect(ftsIds(db, 'obrien')).toEqual(['mj']);
      expect(ftsIds(db, 'email_local : mj')).toEqual(['mj']);
      expect(ftsIds(db, 'email_local : "joanna.smith"*')).toEqual(['joanna']);
      expect(ftsIds(db, 'email_local : arch')).toEqual(['archived']);
      ftsIntegrityCheck(db);
    });

    it('indexes soft-deleted and archived rows too (the queries filter them)', () => {
      expect(ftsIds(db, 'del')).toEqual(['deleted']);
      expect(ftsIds(db, 'ived')).toEqual(['archived']);
    });

    it('no longer indexes email domains', () => {
      for (const word of ['example', 'exa*', 'com', 'test', 'x']) {
        expect(ftsIds(db, word), word).toEqual([]);
      }
      // "bronte" still finds Zoë, by her last name, but not by her domain.
      expect(ftsIds(db, 'bronte')).toEqual(['zoe']);
      expect(ftsIds(db, 'email_local : bront*')).toEqual([]);
    });

    it('no longer indexes phone digits, nor has columns for them', () => {
      expect(ftsIds(db, '"07700"*')).toEqual([]);
      expect(ftsIds(db, '"32100"*')).toEqual([]);
      expect(sqliteCode(() => ftsIds(db, 'phone_digits : 07700*'))).toBe('SQLITE_ERROR');
      expect(sqliteCode(() => ftsIds(db, 'email : example'))).toBe('SQLITE_ERROR');
    });

    it('declares the new columns, external content and tokenizer', () => {
      const fts = objectSql(db, 'clients_fts')!;
      expect(fts).toContain('USING fts5');
      expect(fts).toMatch(/first_name, last_name, preferred_name, email_local,/);
      expect(fts).not.toContain('phone_digits');
      expect(fts).toContain("content = 'clients'");
      expect(fts).toContain("content_rowid = 'seq'");
      expect(fts).toContain('remove_diacritics 2');
      expect(fts).toContain("prefix = '1 2 3'");
      expect(objectNames(db, 'table')).toEqual(
        expect.arrayContaining([
          'clients_fts',
          'clients_fts_config',
          'clients_fts_data',
          'clients_fts_docsize',
          'clients_fts_idx',
        ]),
      );
      expect(count(db, 'clients_fts_docsize')).toBe(6);
    });
  });

  describe('email_local', () => {
    beforeEach(() => {
      migrateTo(db, 4);
    });

    it('is a virtual generated column of clients', () => {
      const column = (
        db.pragma('table_xinfo(clients)') as { name: string; type: string; hidden: number }[]
      ).find((c) => c.name === 'email_local');
      // hidden = 2: a VIRTUAL generated column (3 would be STORED).
      expect(column).toMatchObject({ name: 'email_local', type: 'TEXT', hidden: 2 });
      expect(objectSql(db, 'clients')).toMatch(/email_local TEXT GENERATED ALWAYS AS/);
    });

    it.each([
      ['joanna.smith@example.com', 'joanna.smith'],
      ['a@b', 'a'],
      ['first@second@third', 'first'],
      ['no-at-sign', 'no-at-sign'],
      ['@domain.only', ''],
      ['trailing@', 'trailing'],
      ['zoë@bronte.test', 'zoë'],
      [null, null],
    ])('is %j -> %j', (email, local) => {
      insertClient(db, { id: 'c1', email });
      expect(db.prepare("SELECT email_local FROM clients WHERE id = 'c1'").pluck().get()).toBe(local);
      ftsIntegrityCheck(db);
    });

    it('follows the email when it changes and cannot be written directly', () => {
      insertClient(db, { id: 'c1', email: 'old@example.com' });
      db.prepare("UPDATE clients SET email = 'new@example.com' WHERE id = 'c1'").run();
      expect(db.prepare("SELECT email_local FROM clients WHERE id = 'c1'").pluck().get()).toBe('new');
      expect(sqliteCode(() => db.prepare("UPDATE clients SET email_local = 'x' WHERE id = 'c1'").run())).toBe(
        'SQLITE_ERROR',
      );
    });
  });

  describe('triggers keep the index in step', () => {
    beforeEach(() => {
      migrateTo(db, 4);
    });

    it('indexes a client on insert, email by its local part', () => {
      expect(ftsIds(db, 'smith')).toEqual([]);
      insertClient(db, {
        id: 'c1',
        first_name: 'Joanna',
        last_name: 'Smith',
        preferred_name: 'Jo',
        email: 'jo.smith@example.com',
      });
      expect(ftsIds(db, 'smith')).toEqual(['c1']);
      expect(ftsIds(db, 'first_name : joa*')).toEqual(['c1']);
      expect(ftsIds(db, 'preferred_name : jo')).toEqual(['c1']);
      expect(ftsIds(db, 'email_local : "jo.smith"')).toEqual(['c1']);
      expect(ftsIds(db, 'example')).toEqual([]);
      ftsIntegrityCheck(db);
    });

    it('folds diacritics both ways', () => {
      insertClient(db, { id: 'c1', first_name: 'Zoë', last_name: 'Brontë' });
      insertClient(db, { id: 'c2', first_name: 'Zoe', last_name: 'Bronte' });
      expect(ftsIds(db, 'zoe')).toEqual(['c1', 'c2']);
      expect(ftsIds(db, 'zoë')).toEqual(['c1', 'c2']);
      expect(ftsIds(db, 'BRONT*')).toEqual(['c1', 'c2']);
    });

    it('re-indexes on update of a name', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith' });
      insertClient(db, { id: 'c2', first_name: 'Paul', last_name: 'Smith' });
      db.prepare("UPDATE clients SET last_name = 'Jones', preferred_name = 'Jojo' WHERE id = 'c1'").run();
      expect(ftsIds(db, 'smith')).toEqual(['c2']);
      expect(ftsIds(db, 'jones')).toEqual(['c1']);
      expect(ftsIds(db, 'jojo')).toEqual(['c1']);
      ftsIntegrityCheck(db);
    });

    it('re-indexes on update of the email (its local part is derived, not written)', () => {
      insertClient(db, { id: 'c1', email: 'first.choice@example.com' });
      expect(ftsIds(db, 'choice')).toEqual(['c1']);

      db.prepare("UPDATE clients SET email = 'second.pick@clinic.test' WHERE id = 'c1'").run();
      expect(ftsIds(db, 'choice')).toEqual([]);
      expect(ftsIds(db, 'pick')).toEqual(['c1']);
      expect(ftsIds(db, 'clinic')).toEqual([]);
      ftsIntegrityCheck(db);

      // Only the domain changes: the index holds the same words.
      db.prepare("UPDATE clients SET email = 'second.pick@elsewhere.test' WHERE id = 'c1'").run();
      expect(ftsIds(db, 'pick')).toEqual(['c1']);
      ftsIntegrityCheck(db);

      db.prepare("UPDATE clients SET email = NULL WHERE id = 'c1'").run();
      expect(ftsIds(db, 'pick')).toEqual([]);
      ftsIntegrityCheck(db);

      db.prepare("UPDATE clients SET email = 'back@example.com' WHERE id = 'c1'").run();
      expect(ftsIds(db, 'back')).toEqual(['c1']);
      ftsIntegrityCheck(db);
    });

    it('leaves the index consistent when only unindexed columns change', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith', email: 'jo@example.com' });
      db.prepare(
        `UPDATE clients SET notes = 'smith jones', archived_at = ?, phone_digits = '0123', phone_digits_reversed = '3210'
         WHERE id = 'c1'`,
      ).run(AT);
      expect(ftsIds(db, 'jones')).toEqual([]);
      expect(ftsIds(db, 'smith')).toEqual(['c1']);
      expect(ftsIds(db, '"0123"*')).toEqual([]);
      ftsIntegrityCheck(db);
    });

    it('removes a client from the index on delete', () => {
      insertClient(db, { id: 'c1', first_name: 'Joanna', last_name: 'Smith', email: 'joey@example.com' });
      insertClient(db, { id: 'c2', first_name: 'Paul', last_name: 'Smith' });
      db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
      expect(ftsIds(db, 'smith')).toEqual(['c2']);
      expect(ftsIds(db, 'joanna')).toEqual([]);
      expect(ftsIds(db, 'joey')).toEqual([]);
      expect(count(db, 'clients_fts_docsize')).toBe(1);
      ftsIntegrityCheck(db);
    });

    it('integrity-check really detects an index out of step after an email change (so the checks above can fail)', () => {
      insertClient(db, { id: 'c1', email: 'first@example.com' });
      db.exec('DROP TRIGGER clients_fts_update');
      db.prepare("UPDATE clients SET email = 'second@example.com' WHERE id = 'c1'").run();
      expect(sqliteCode(() => ftsIntegrityCheck(db))).toMatch(/^SQLITE_CORRUPT/);
    });

    it('fires the update trigger on an email change (it is among the watched columns)', () => {
      const sql = objectSql(db, 'clients_fts_update')!;
      expect(sql).toMatch(/AFTER UPDATE OF first_name, last_name, preferred_name, email ON clients/);
      expect(sql).not.toContain('phone_digits');
    });
  });

  describe('indexes', () => {
    beforeEach(() => {
      migrateTo(db, 4);
    });

    it('adds the active-by-name, phone and reversed-phone indexes, all partial', () => {
      expect(objectNames(db, 'index')).toEqual(
        expect.arrayContaining(['clients_active_by_name', 'clients_by_phone', 'clients_by_phone_reversed']),
      );
      expect(indexColumns(db, 'clients_active_by_name')).toEqual(['last_name', 'first_name', 'seq']);
      expect(indexColumns(db, 'clients_by_phone')).toEqual(['phone_digits']);
      expect(indexColumns(db, 'clients_by_phone_reversed')).toEqual(['phone_digits_reversed']);

      expect(objectSql(db, 'clients_active_by_name')).toMatch(
        /last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq\s*\)\s*WHERE deleted_at IS NULL AND archived_at IS NULL$/,
      );
      expect(objectSql(db, 'clients_by_phone')).toMatch(/WHERE deleted_at IS NULL$/);
      expect(objectSql(db, 'clients_by_phone_reversed')).toMatch(/WHERE deleted_at IS NULL$/);

      const list = db.pragma('index_list(clients)') as { name: string; partial: number }[];
      const partial = Object.fromEntries(list.map((i) => [i.name, i.partial]));
      expect(partial).toMatchObject({
        clients_active_by_name: 1,
        clients_by_phone: 1,
        clients_by_phone_reversed: 1,
      });
    });

    it('keeps the indexes of 0002', () => {
      expect(objectNames(db, 'index')).toEqual(
        expect.arrayContaining(['clients_by_name', 'clients_by_updated', 'clients_by_created']),
      );
    });

    it('counts the active list from clients_active_by_name alone', () => {
      const sql = `SELECT count(*) FROM clients c INDEXED BY clients_active_by_name
         WHERE c.deleted_at IS NULL AND c.archived_at IS NULL`;
      expect(plan(db, sql)).toMatch(/^SCAN c USING (COVERING )?INDEX clients_active_by_name$/);
      // The WHERE is implied by the index's own, so no table column is read: the seek to the table row is
      // deferred and never happens.
      const opcodes = (db.prepare(`EXPLAIN ${sql}`).all() as { opcode: string }[]).map((o) => o.opcode);
      expect(opcodes).not.toContain('Column');
      expect(opcodes).not.toContain('SeekRowid');
      expect(opcodes).not.toContain('Sort');
    });

    it('counts correctly through clients_active_by_name', () => {
      insertClient(db, { id: 'a1' });
      insertClient(db, { id: 'a2' });
      insertClient(db, { id: 'arch', archived_at: AT });
      insertClient(db, { id: 'del', deleted_at: AT });
      insertClient(db, { id: 'both', archived_at: AT, deleted_at: AT });
      const active = db
        .prepare(
          `SELECT count(*) FROM clients c INDEXED BY clients_active_by_name
           WHERE c.deleted_at IS NULL AND c.archived_at IS NULL`,
        )
        .pluck()
        .get();
      expect(active).toBe(2);
      db.prepare("UPDATE clients SET archived_at = ? WHERE id = 'a1'").run(AT);
      db.prepare("UPDATE clients SET archived_at = NULL WHERE id = 'arch'").run();
      expect(
        db
          .prepare(
            `SELECT id FROM clients c INDEXED BY clients_active_by_name
             WHERE c.deleted_at IS NULL AND c.archived_at IS NULL ORDER BY id`,
          )
          .pluck()
          .all(),
      ).toEqual(['a2', 'arch']);
    });

    it('cannot be used for a query that may need archived or deleted rows (it is partial)', () => {
      for (const where of ['c.deleted_at IS NULL', 'c.archived_at IS NULL', '1 = 1']) {
        expect(
          sqliteCode(() =>
            plan(db, `SELECT count(*) FROM clients c INDEXED BY clients_active_by_name WHERE ${where}`),
          ),
          where,
        ).toBe('SQLITE_ERROR');
      }
    });

    it('lists active clients by name from the index, without sorting', () => {
      const detail = plan(
        db,
        `SELECT id FROM clients c WHERE c.deleted_at IS NULL AND c.archived_at IS NULL
         ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.seq LIMIT 50`,
      );
      expect(detail).toContain('clients_active_by_name');
      expect(detail).not.toContain('TEMP B-TREE');
    });

    it('searches phone digits, forwards and reversed, as index ranges', () => {
      const forwards = plan(
        db,
        `SELECT seq FROM clients WHERE deleted_at IS NULL AND phone_digits >= '07700' AND phone_digits < '07700:'`,
      );
      expect(forwards).toMatch(
        /SEARCH clients USING (COVERING )?INDEX clients_by_phone \(phone_digits>\? AND phone_digits<\?\)/,
      );
      const reversed = plan(
        db,
        `SELECT seq FROM clients WHERE deleted_at IS NULL
           AND phone_digits_reversed >= '3210' AND phone_digits_reversed < '3210:'`,
      );
      expect(reversed).toMatch(
        /SEARCH clients USING (COVERING )?INDEX clients_by_phone_reversed \(phone_digits_reversed>\? AND phone_digits_reversed<\?\)/,
      );
    });
  });
});
