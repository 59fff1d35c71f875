import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0006 } from '../../../../electron/core/db/migrations/0006-sessions';
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

const AT = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-01T11:00:00.000Z';
const HASH = 'a'.repeat(64);

type Row = Record<string, unknown>;

const SESSION_TABLES = [
  'sessions',
  'session_zones',
  'session_products',
  'session_screening',
  'session_amendments',
];

/** The catalogue and client rows a session refers to. */
function seedReferences(db: Db) {
  insertClientRow(db, 'c1', AT);
  db.prepare(
    `INSERT INTO treatment_types (id, code, name, zone_map, default_interval_days, course_length, created_at,
       updated_at, device_id) VALUES ('t1', 'face', 'Face', 'face', 28, 4, ?, ?, 'device')`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO devices (id, name, kind, created_at, updated_at, device_id)
     VALUES ('d1', 'Pen', 'pen', ?, ?, 'device')`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO products (id, name, kind, created_at, updated_at, device_id)
     VALUES ('p1', 'Serum', 'serum', ?, ?, 'device')`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO product_batches (id, product_id, lot_number, expiry_date, created_at, updated_at, device_id)
     VALUES ('b1', 'p1', 'LOT-1', '2025-01-31', ?, ?, 'device')`,
  ).run(AT, AT);
}

function insertSession(db: Db, row: Row = {}) {
  const values: Row = {
    id: 's1',
    client_id: 'c1',
    treatment_type_id: 't1',
    status: 'draft',
    started_at: AT,
    created_at: AT,
    updated_at: AT,
    device_id: 'device',
    ...row,
  };
  const names = Object.keys(values);
  return db
    .prepare(`INSERT INTO sessions (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`)
    .run(values);
}

function insertZone(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO session_zones (id, session_id, zone, depth_mm, passes, technique, position, created_at, device_id)
       VALUES (@id, @session_id, @zone, @depth_mm, @passes, @technique, @position, @at, 'device')`,
    )
    .run({
      id: 'z1',
      session_id: 's1',
      zone: 'forehead',
      depth_mm: 0.5,
      passes: null,
      technique: null,
      position: 0,
      at: AT,
      ...row,
    });
}

function insertProduct(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO session_products (id, session_id, batch_id, notes, position, created_at, device_id)
       VALUES (@id, @session_id, @batch_id, @notes, @position, @at, 'device')`,
    )
    .run({ id: 'sp1', session_id: 's1', batch_id: 'b1', notes: null, position: 0, at: AT, ...row });
}

function insertFlag(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO session_screening (id, session_id, alert_key, label, severity, advice, decision, position,
         created_at, device_id)
       VALUES (@id, @session_id, @alert_key, @label, @severity, @advice, @decision, @position, @at, 'device')`,
    )
    .run({
      id: 'f1',
      session_id: 's1',
      alert_key: 'keloids',
      label: 'Keloids',
      severity: 'contraindication',
      advice: null,
      decision: null,
      position: 0,
      at: AT,
      ...row,
    });
}

function insertAmendment(db: Db, row: Row = {}) {
  return db
    .prepare(
      `INSERT INTO session_amendments (id, session_id, reason, chart_json, chart_hash, created_at, created_by,
         device_id)
       VALUES (@id, @session_id, @reason, @chart_json, @chart_hash, @at, @by, 'device')`,
    )
    .run({
      id: 'a1',
      session_id: 's1',
      reason: 'Wrong depth',
      chart_json: '{}',
      chart_hash: HASH,
      at: LATER,
      by: 'Dr Who',
      ...row,
    });
}

function signSession(db: Db, id = 's1') {
  return db
    .prepare(
      `UPDATE sessions SET status = 'signed', signed_at = ?, signed_by = 'Dr Who', signed_hash = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(LATER, HASH, LATER, id);
}

function foreignKeys(db: Db, table: string): string[][] {
  return (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[])
    .map((f) => [f.from, f.table, f.to])
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('migration 0006: sessions', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 5);
  });
  afterEach(() => db.close());

  it('is version 6', () => {
    expect(migration0006.version).toBe(6);
    expect(migration0006.name).toBe('sessions');
  });

  it('adds its tables and keeps the clients and catalogue written at version 5', () => {
    seedReferences(db);
    for (const table of SESSION_TABLES) expect(objectNames(db, 'table')).not.toContain(table);
    migrateTo(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(objectNames(db, 'table')).toEqual(expect.arrayContaining(SESSION_TABLES));
    expect(db.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
    expect(db.prepare('SELECT id FROM treatment_types').pluck().all()).toEqual(['t1']);
    expect(db.prepare('SELECT lot_number FROM product_batches').pluck().all()).toEqual(['LOT-1']);
    for (const table of SESSION_TABLES) expect(count(db, table), table).toBe(0);
  });

  describe('schema', () => {
    beforeEach(() => {
      migrateTo(db, 6);
    });

    it('makes every table STRICT', () => {
      for (const table of SESSION_TABLES) expect(objectSql(db, table), table).toMatch(/STRICT$/);
    });

    it('creates sessions with every column the repository writes', () => {
      const cols = columns(db, 'sessions');
      expect(cols.map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['seq', 'INTEGER', 0],
        ['id', 'TEXT', 1],
        ['client_id', 'TEXT', 1],
        ['treatment_type_id', 'TEXT', 1],
        ['status', 'TEXT', 1],
        ['started_at', 'TEXT', 1],
        ['practitioner', 'TEXT', 0],
        ['equipment_id', 'TEXT', 0],
        ['needle_config', 'TEXT', 0],
        ['cartridge_batch_id', 'TEXT', 0],
        ['numbing_batch_id', 'TEXT', 0],
        ['numbing_strength', 'TEXT', 0],
        ['numbing_applied_at', 'TEXT', 0],
        ['numbing_removed_at', 'TEXT', 0],
        ['endpoint', 'TEXT', 0],
        ['reactions_none', 'INTEGER', 0],
        ['reactions', 'TEXT', 0],
        ['adverse_events_none', 'INTEGER', 0],
        ['adverse_events', 'TEXT', 0],
        ['notes', 'TEXT', 0],
        ['next_session_date', 'TEXT', 0],
        ['copied_from_session_id', 'TEXT', 0],
        ['signed_at', 'TEXT', 0],
        ['signed_by', 'TEXT', 0],
        ['signed_hash', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['created_by', 'TEXT', 0],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(cols.find((c) => c.name === 'seq')?.pk).toBe(1);
      expect(foreignKeys(db, 'sessions')).toEqual([
        ['cartridge_batch_id', 'product_batches', 'id'],
        ['client_id', 'clients', 'id'],
        ['copied_from_session_id', 'sessions', 'id'],
        ['equipment_id', 'devices', 'id'],
        ['numbing_batch_id', 'product_batches', 'id'],
        ['treatment_type_id', 'treatment_types', 'id'],
      ]);
    });

    it('creates the child tables, each referencing sessions(id)', () => {
      expect(columns(db, 'session_zones').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['session_id', 'TEXT', 1],
        ['zone', 'TEXT', 1],
        ['depth_mm', 'REAL', 1],
        ['passes', 'INTEGER', 0],
        ['technique', 'TEXT', 0],
        ['position', 'INTEGER', 1],
        ['created_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
      ]);
      expect(columns(db, 'session_products').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['session_id', 'TEXT', 1],
        ['batch_id', 'TEXT', 1],
        ['notes', 'TEXT', 0],
        ['position', 'INTEGER', 1],
        ['created_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
      ]);
      expect(columns(db, 'session_screening').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['session_id', 'TEXT', 1],
        ['alert_key', 'TEXT', 1],
        ['label', 'TEXT', 1],
        ['severity', 'TEXT', 1],
        ['advice', 'TEXT', 0],
        ['decision', 'TEXT', 0],
        ['note', 'TEXT', 0],
        ['decided_at', 'TEXT', 0],
        ['decided_by', 'TEXT', 0],
        ['position', 'INTEGER', 1],
        ['created_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
      ]);
      expect(columns(db, 'session_amendments').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['session_id', 'TEXT', 1],
        ['reason', 'TEXT', 1],
        ['chart_json', 'TEXT', 1],
        ['chart_hash', 'TEXT', 1],
        ['created_at', 'TEXT', 1],
        ['created_by', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
      ]);
      expect(foreignKeys(db, 'session_zones')).toEqual([['session_id', 'sessions', 'id']]);
      expect(foreignKeys(db, 'session_products')).toEqual([
        ['batch_id', 'product_batches', 'id'],
        ['session_id', 'sessions', 'id'],
      ]);
      expect(foreignKeys(db, 'session_screening')).toEqual([['session_id', 'sessions', 'id']]);
      expect(foreignKeys(db, 'session_amendments')).toEqual([['session_id', 'sessions', 'id']]);
    });

    it('indexes sessions by client (newest first) and by day, over live rows only', () => {
      expect(objectNames(db, 'index')).toEqual(
        expect.arrayContaining([
          'sessions_by_client',
          'sessions_by_day',
          'session_products_by_session',
          'session_amendments_by_session',
        ]),
      );
      expect(indexColumns(db, 'sessions_by_client')).toEqual(['client_id', 'started_at']);
      const desc = (db.pragma('index_xinfo(sessions_by_client)') as { name: string; desc: number }[])
        .filter((c) => c.name === 'started_at')
        .map((c) => c.desc);
      expect(desc).toEqual([1]);
      expect(indexColumns(db, 'sessions_by_day')).toEqual(['started_at']);
      expect(objectSql(db, 'sessions_by_client')).toMatch(/WHERE deleted_at IS NULL$/);
      expect(objectSql(db, 'sessions_by_day')).toMatch(/WHERE deleted_at IS NULL$/);
      expect(indexColumns(db, 'session_products_by_session')).toEqual(['session_id', 'position']);
      expect(indexColumns(db, 'session_amendments_by_session')).toEqual(['session_id', 'created_at']);
    });

    it('adds the three immutability triggers', () => {
      expect(objectNames(db, 'trigger')).toEqual([
        'clients_fts_delete',
        'clients_fts_insert',
        'clients_fts_update',
        'session_amendments_append_only',
        'session_amendments_no_delete',
        'sessions_signed_immutable',
      ]);
    });
  });

  describe('constraints', () => {
    beforeEach(() => {
      migrateTo(db, 6);
      seedReferences(db);
    });

    it('accepts exactly the statuses draft, signed and stopped', () => {
      ['draft', 'signed', 'stopped'].forEach((status, i) => {
        expect(sqliteCode(() => insertSession(db, { id: `s${i}`, status }))).toBeNull();
      });
      for (const status of ['Draft', 'amended', 'deleted', '']) {
        expect(sqliteCode(() => insertSession(db, { id: `bad-${status}`, status }))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
      }
      expect(sqliteCode(() => insertSession(db, { id: 'null', status: null }))).toBe(
        'SQLITE_CONSTRAINT_NOTNULL',
      );
      expect(count(db, 'sessions')).toBe(3);
    });

    it('keeps the "none" answers for reactions and adverse events to 0, 1 or unknown', () => {
      expect(
        sqliteCode(() => insertSession(db, { id: 'a', reactions_none: null, adverse_events_none: null })),
      ).toBeNull();
      expect(
        sqliteCode(() => insertSession(db, { id: 'b', reactions_none: 0, adverse_events_none: 1 })),
      ).toBeNull();
      expect(sqliteCode(() => insertSession(db, { id: 'c', reactions_none: 2 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'd', adverse_events_none: -1 }))).toBe(
        'SQLITE_CONSTRAINT_CHECK',
      );
    });

    it('gives sessions a unique id', () => {
      insertSession(db, { id: 's1' });
      expect(sqliteCode(() => insertSession(db, { id: 's1' }))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    });

    it('enforces the foreign keys of sessions', () => {
      expect(sqliteCode(() => insertSession(db, { id: 'x1', client_id: 'nobody' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'x2', treatment_type_id: 'nothing' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'x3', equipment_id: 'no-device' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'x4', cartridge_batch_id: 'no-batch' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'x5', numbing_batch_id: 'no-batch' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => insertSession(db, { id: 'x6', copied_from_session_id: 'no-session' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(count(db, 'sessions')).toBe(0);

      insertSession(db, { id: 's1', equipment_id: 'd1', cartridge_batch_id: 'b1', numbing_batch_id: 'b1' });
      insertSession(db, { id: 's2', copied_from_session_id: 's1' });
      expect(count(db, 'sessions')).toBe(2);
      expect(sqliteCode(() => db.prepare("DELETE FROM clients WHERE id = 'c1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => db.prepare("DELETE FROM product_batches WHERE id = 'b1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(sqliteCode(() => db.prepare("DELETE FROM devices WHERE id = 'd1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
    });

    describe('session_zones', () => {
      beforeEach(() => insertSession(db));

      it('accepts depths from 0.1 to 3.0 mm inclusive and refuses anything outside', () => {
        expect(sqliteCode(() => insertZone(db, { id: 'a', zone: 'a', depth_mm: 0.1 }))).toBeNull();
        expect(sqliteCode(() => insertZone(db, { id: 'b', zone: 'b', depth_mm: 3.0 }))).toBeNull();
        expect(sqliteCode(() => insertZone(db, { id: 'c', zone: 'c', depth_mm: 1.25 }))).toBeNull();
        for (const depth of [0, 0.05, 0.09, 3.01, 3.5, -1]) {
          expect(
            sqliteCode(() => insertZone(db, { id: `d${depth}`, zone: `d${depth}`, depth_mm: depth })),
            String(depth),
          ).toBe('SQLITE_CONSTRAINT_CHECK');
        }
        expect(sqliteCode(() => insertZone(db, { id: 'n', zone: 'n', depth_mm: null }))).toBe(
          'SQLITE_CONSTRAINT_NOTNULL',
        );
        expect(count(db, 'session_zones')).toBe(3);
      });

      it('keeps passes between 1 and 20, or unknown', () => {
        expect(sqliteCode(() => insertZone(db, { id: 'a', zone: 'a', passes: 1 }))).toBeNull();
        expect(sqliteCode(() => insertZone(db, { id: 'b', zone: 'b', passes: 20 }))).toBeNull();
        expect(sqliteCode(() => insertZone(db, { id: 'c', zone: 'c', passes: null }))).toBeNull();
        expect(sqliteCode(() => insertZone(db, { id: 'd', zone: 'd', passes: 0 }))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
        expect(sqliteCode(() => insertZone(db, { id: 'e', zone: 'e', passes: 21 }))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
      });

      it('allows each zone once per session', () => {
        insertSession(db, { id: 's2' });
        insertZone(db, { id: 'z1', session_id: 's1', zone: 'forehead' });
        expect(sqliteCode(() => insertZone(db, { id: 'z2', session_id: 's1', zone: 'forehead' }))).toBe(
          'SQLITE_CONSTRAINT_UNIQUE',
        );
        expect(sqliteCode(() => insertZone(db, { id: 'z3', session_id: 's2', zone: 'forehead' }))).toBeNull();
      });

      it('refuses a zone of an unknown session, and a depth written as text (STRICT)', () => {
        expect(sqliteCode(() => insertZone(db, { session_id: 'nope' }))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
        expect(sqliteCode(() => insertZone(db, { depth_mm: 'deep' }))).toBe('SQLITE_CONSTRAINT_DATATYPE');
      });
    });

    describe('session_products and session_screening', () => {
      beforeEach(() => insertSession(db));

      it('requires products to name a known batch of a known session', () => {
        expect(sqliteCode(() => insertProduct(db))).toBeNull();
        expect(sqliteCode(() => insertProduct(db, { id: 'sp2', batch_id: 'no-batch' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        expect(sqliteCode(() => insertProduct(db, { id: 'sp3', session_id: 'no-session' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
        expect(sqliteCode(() => insertProduct(db, { id: 'sp4', batch_id: null }))).toBe(
          'SQLITE_CONSTRAINT_NOTNULL',
        );
        // The same batch may be used twice in one session (e.g. two serums from one lot at different steps).
        expect(sqliteCode(() => insertProduct(db, { id: 'sp5', position: 1 }))).toBeNull();
        expect(sqliteCode(() => db.prepare("DELETE FROM sessions WHERE id = 's1'").run())).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
      });

      it('accepts exactly the severities and decisions of the screening flags', () => {
        ['contraindication', 'caution', 'info'].forEach((severity, i) => {
          expect(sqliteCode(() => insertFlag(db, { id: `f${i}`, alert_key: `k${i}`, severity }))).toBeNull();
        });
        expect(sqliteCode(() => insertFlag(db, { id: 'bad', alert_key: 'bad', severity: 'warning' }))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
        ['proceed', 'stop', null].forEach((decision, i) => {
          expect(sqliteCode(() => insertFlag(db, { id: `d${i}`, alert_key: `d${i}`, decision }))).toBeNull();
        });
        for (const decision of ['Proceed', 'skip', '']) {
          expect(
            sqliteCode(() => insertFlag(db, { id: `x-${decision}`, alert_key: `x-${decision}`, decision })),
          ).toBe('SQLITE_CONSTRAINT_CHECK');
        }
        expect(count(db, 'session_screening')).toBe(6);
      });

      it('raises each alert once per session', () => {
        insertFlag(db, { id: 'f1', alert_key: 'keloids' });
        expect(sqliteCode(() => insertFlag(db, { id: 'f2', alert_key: 'keloids' }))).toBe(
          'SQLITE_CONSTRAINT_UNIQUE',
        );
        expect(sqliteCode(() => insertFlag(db, { id: 'f3', session_id: 'no-session', alert_key: 'x' }))).toBe(
          'SQLITE_CONSTRAINT_FOREIGNKEY',
        );
      });
    });
  });

  describe('triggers', () => {
    beforeEach(() => {
      migrateTo(db, 6);
      seedReferences(db);
      insertSession(db, { id: 's1', practitioner: 'Dr Who' });
      insertZone(db, { session_id: 's1', depth_mm: 0.5 });
    });

    it('lets a draft be edited and then signed', () => {
      expect(
        sqliteCode(() =>
          db.prepare("UPDATE sessions SET notes = 'Autosaved', updated_at = ? WHERE id = 's1'").run(LATER),
        ),
      ).toBeNull();
      expect(sqliteCode(() => signSession(db))).toBeNull();
      expect(db.prepare("SELECT status, notes, signed_hash FROM sessions WHERE id = 's1'").get()).toEqual({
        status: 'signed',
        notes: 'Autosaved',
        signed_hash: HASH,
      });
    });

    it('lets a draft be stopped, and a stopped session still be updated', () => {
      db.prepare("UPDATE sessions SET status = 'stopped' WHERE id = 's1'").run();
      expect(
        sqliteCode(() => db.prepare("UPDATE sessions SET deleted_at = ? WHERE id = 's1'").run(LATER)),
      ).toBeNull();
    });

    it.each([
      ['the notes', "notes = 'Edited later'"],
      ['the status back to draft', "status = 'draft'"],
      ['the signed hash', "signed_hash = 'forged'"],
      ['the signer', "signed_by = 'Someone else'"],
      ['the deleted flag (a soft delete)', "deleted_at = '2024-06-01T00:00:00.000Z'"],
      ['only updated_at', "updated_at = '2024-06-01T00:00:00.000Z'"],
    ])('refuses any UPDATE of a signed session: %s', (_label, assignment) => {
      signSession(db);
      const before = db.prepare("SELECT * FROM sessions WHERE id = 's1'").get();
      let error: unknown = null;
      try {
        db.prepare(`UPDATE sessions SET ${assignment} WHERE id = 's1'`).run();
      } catch (e) {
        error = e;
      }
      expect((error as { code?: string } | null)?.code).toBe('SQLITE_CONSTRAINT_TRIGGER');
      expect((error as Error).message).toBe('A signed session cannot be changed; add an amendment');
      expect(db.prepare("SELECT * FROM sessions WHERE id = 's1'").get()).toEqual(before);
    });

    it('refuses the UPDATE of a signed session even when it changes nothing, and inside a larger statement', () => {
      insertSession(db, { id: 's2' });
      signSession(db);
      expect(sqliteCode(() => db.prepare("UPDATE sessions SET status = status WHERE id = 's1'").run())).toBe(
        'SQLITE_CONSTRAINT_TRIGGER',
      );
      // One statement touching a draft and a signed session: the whole statement is rolled back.
      expect(sqliteCode(() => db.prepare("UPDATE sessions SET notes = 'bulk'").run())).toBe(
        'SQLITE_CONSTRAINT_TRIGGER',
      );
      expect(db.prepare("SELECT notes FROM sessions WHERE id = 's2'").pluck().get()).toBeNull();
    });

    it('keeps amendments append-only: no UPDATE and no DELETE', () => {
      signSession(db);
      insertAmendment(db, { id: 'a1' });
      insertAmendment(db, { id: 'a2', reason: 'Second thoughts' });
      expect(count(db, 'session_amendments')).toBe(2);

      for (const sql of [
        "UPDATE session_amendments SET reason = 'Rewritten' WHERE id = 'a1'",
        "UPDATE session_amendments SET chart_json = '{\"zones\":[]}' WHERE id = 'a1'",
        'UPDATE session_amendments SET created_at = created_at',
      ]) {
        expect(
          sqliteCode(() => db.prepare(sql).run()),
          sql,
        ).toBe('SQLITE_CONSTRAINT_TRIGGER');
      }
      for (const sql of [
        "DELETE FROM session_amendments WHERE id = 'a1'",
        'DELETE FROM session_amendments',
      ]) {
        expect(
          sqliteCode(() => db.prepare(sql).run()),
          sql,
        ).toBe('SQLITE_CONSTRAINT_TRIGGER');
      }
      expect(db.prepare('SELECT id, reason FROM session_amendments ORDER BY id').all()).toEqual([
        { id: 'a1', reason: 'Wrong depth' },
        { id: 'a2', reason: 'Second thoughts' },
      ]);
      let message = '';
      try {
        db.prepare("DELETE FROM session_amendments WHERE id = 'a2'").run();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe('Amendments cannot be deleted');
    });

    it('requires an amendment to belong to a known session', () => {
      expect(sqliteCode(() => insertAmendment(db, { session_id: 'no-session' }))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
    });

    it('keeps a session with amendments from being deleted (the foreign key holds)', () => {
      signSession(db);
      insertAmendment(db);
      db.prepare("DELETE FROM session_zones WHERE session_id = 's1'").run();
      expect(sqliteCode(() => db.prepare("DELETE FROM sessions WHERE id = 's1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
    });
  });
});
