import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWERS } from '../../../../electron/core/contract';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0003 } from '../../../../electron/core/db/migrations/0003-medical-history';
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

function insertClient(db: Db, id: string) {
  insertClientRow(db, id, AT);
}

function insertHistory(db: Db, id: string, clientId: string, recordedAt = AT) {
  return db
    .prepare(
      `INSERT INTO medical_histories (id, client_id, questionnaire_id, questionnaire_version, recorded_at,
         created_at, updated_at, device_id)
       VALUES (?, ?, 'medical-history', 1, ?, ?, ?, 'device')`,
    )
    .run(id, clientId, recordedAt, recordedAt, recordedAt);
}

function insertAnswer(db: Db, id: string, historyId: string, questionId: string, answer: string) {
  return db
    .prepare(
      `INSERT INTO medical_history_answers (id, history_id, question_id, answer, created_at, device_id)
       VALUES (?, ?, ?, ?, ?, 'device')`,
    )
    .run(id, historyId, questionId, answer, AT);
}

describe('migration 0003: medical history', () => {
  const tempDir = useTempDirs();
  let db: Db;

  beforeEach(() => {
    db = openRaw(tempDir());
    migrateTo(db, 2);
  });
  afterEach(() => db.close());

  it('is version 3', () => {
    expect(migration0003.version).toBe(3);
  });

  it('adds its tables and keeps the clients written at version 2', () => {
    insertClient(db, 'c1');
    expect(objectNames(db, 'table')).not.toContain('medical_histories');
    migrateTo(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(objectNames(db, 'table')).toEqual(
      expect.arrayContaining(['medical_histories', 'medical_history_answers']),
    );
    expect(db.prepare('SELECT id FROM clients').pluck().all()).toEqual(['c1']);
  });

  describe('schema', () => {
    beforeEach(() => {
      migrateTo(db, 3);
    });

    it('creates medical_histories with its columns, STRICT, referencing clients(id)', () => {
      expect(columns(db, 'medical_histories').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['client_id', 'TEXT', 1],
        ['questionnaire_id', 'TEXT', 1],
        ['questionnaire_version', 'INTEGER', 1],
        ['recorded_at', 'TEXT', 1],
        ['notes', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['updated_at', 'TEXT', 1],
        ['created_by', 'TEXT', 0],
        ['device_id', 'TEXT', 1],
        ['deleted_at', 'TEXT', 0],
      ]);
      expect(objectSql(db, 'medical_histories')).toMatch(/STRICT$/);
      const fks = db.pragma('foreign_key_list(medical_histories)') as {
        table: string;
        from: string;
        to: string;
      }[];
      expect(fks.map((f) => [f.from, f.table, f.to])).toEqual([['client_id', 'clients', 'id']]);
    });

    it('creates medical_history_answers with its columns, STRICT, referencing medical_histories(id)', () => {
      expect(columns(db, 'medical_history_answers').map((c) => [c.name, c.type, c.notnull])).toEqual([
        ['id', 'TEXT', 1],
        ['history_id', 'TEXT', 1],
        ['question_id', 'TEXT', 1],
        ['answer', 'TEXT', 1],
        ['detail', 'TEXT', 0],
        ['last_date', 'TEXT', 0],
        ['created_at', 'TEXT', 1],
        ['device_id', 'TEXT', 1],
      ]);
      expect(objectSql(db, 'medical_history_answers')).toMatch(/STRICT$/);
      const fks = db.pragma('foreign_key_list(medical_history_answers)') as {
        table: string;
        from: string;
        to: string;
      }[];
      expect(fks.map((f) => [f.from, f.table, f.to])).toEqual([['history_id', 'medical_histories', 'id']]);
    });

    it('indexes histories by client, newest first', () => {
      expect(objectNames(db, 'index')).toContain('medical_histories_by_client');
      expect(indexColumns(db, 'medical_histories_by_client')).toEqual(['client_id', 'recorded_at']);
      const desc = (db.pragma('index_xinfo(medical_histories_by_client)') as { name: string; desc: number }[])
        .filter((c) => c.name === 'recorded_at')
        .map((c) => c.desc);
      expect(desc).toEqual([1]);
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT id FROM medical_histories WHERE client_id = ? ORDER BY recorded_at DESC LIMIT 1',
        )
        .all('c1') as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toContain('medical_histories_by_client');
    });

    it('adds no triggers of its own', () => {
      expect(objectNames(db, 'trigger')).toEqual([
        'clients_fts_delete',
        'clients_fts_insert',
        'clients_fts_update',
      ]);
    });
  });

  describe('constraints', () => {
    beforeEach(() => {
      migrateTo(db, 3);
      insertClient(db, 'c1');
      insertHistory(db, 'h1', 'c1');
    });

    it('accepts exactly the answers yes, no and unsure', () => {
      ANSWERS.forEach((answer, i) => {
        expect(sqliteCode(() => insertAnswer(db, `a${i}`, 'h1', `q${i}`, answer))).toBeNull();
      });
      for (const answer of ['Yes', 'maybe', '', 'y']) {
        expect(sqliteCode(() => insertAnswer(db, `bad-${answer}`, 'h1', `q-${answer}`, answer))).toBe(
          'SQLITE_CONSTRAINT_CHECK',
        );
      }
      expect(sqliteCode(() => insertAnswer(db, 'null', 'h1', 'q-null', null as unknown as string))).toBe(
        'SQLITE_CONSTRAINT_NOTNULL',
      );
      expect(count(db, 'medical_history_answers')).toBe(ANSWERS.length);
    });

    it('allows one answer per question per version', () => {
      insertHistory(db, 'h2', 'c1', '2024-06-01T10:00:00.000Z');
      insertAnswer(db, 'a1', 'h1', 'pregnancy', 'no');
      insertAnswer(db, 'a2', 'h2', 'pregnancy', 'yes');
      expect(sqliteCode(() => insertAnswer(db, 'a3', 'h1', 'pregnancy', 'yes'))).toBe(
        'SQLITE_CONSTRAINT_UNIQUE',
      );
    });

    it('enforces both foreign keys when foreign_keys is ON', () => {
      expect(sqliteCode(() => insertHistory(db, 'h9', 'nobody'))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      expect(sqliteCode(() => insertAnswer(db, 'a9', 'no-such-history', 'pregnancy', 'no'))).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      insertAnswer(db, 'a1', 'h1', 'pregnancy', 'no');
      expect(sqliteCode(() => db.prepare("DELETE FROM medical_histories WHERE id = 'h1'").run())).toBe(
        'SQLITE_CONSTRAINT_FOREIGNKEY',
      );
      expect(count(db, 'medical_histories')).toBe(1);
    });

    it('rejects a non-integer questionnaire version (STRICT)', () => {
      expect(
        sqliteCode(() =>
          db
            .prepare(
              `INSERT INTO medical_histories (id, client_id, questionnaire_id, questionnaire_version, recorded_at,
                 created_at, updated_at, device_id) VALUES ('h5', 'c1', 'q', 'one', ?, ?, ?, 'd')`,
            )
            .run(AT, AT, AT),
        ),
      ).toBe('SQLITE_CONSTRAINT_DATATYPE');
    });
  });
});
