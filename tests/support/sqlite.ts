import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, migrate } from '../../electron/core/db/migrate';
import { recordsMigrations } from '../../electron/core/db/migrations';

export type Db = Database.Database;

/** A plain database file in `dir` with the app's settings (WAL, foreign keys), but without migrations. */
export function openRaw(dir: string, name = 'test.db'): Db {
  const db = new Database(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Applies the first `count` records migrations. */
export function migrateTo(db: Db, count: number, migrations: readonly Migration[] = recordsMigrations) {
  return migrate(db, migrations.slice(0, count));
}

export function objectNames(db: Db, type: 'table' | 'index' | 'trigger' | 'view'): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name')
    .all(type)
    .map((r) => r.name);
}

export function objectSql(db: Db, name: string): string | null {
  return (
    db.prepare<[string], { sql: string | null }>('SELECT sql FROM sqlite_master WHERE name = ?').get(name)
      ?.sql ?? null
  );
}

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

export function columns(db: Db, table: string): ColumnInfo[] {
  return db.pragma(`table_info(${table})`) as ColumnInfo[];
}

export function indexColumns(db: Db, index: string): string[] {
  return (db.pragma(`index_xinfo(${index})`) as { name: string | null; key: number }[])
    .filter((c) => c.key === 1)
    .map((c) => c.name ?? '<expr>');
}

export function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Runs `fn` and returns the SQLite error code it threw (e.g. SQLITE_CONSTRAINT_CHECK), or null if it did not throw. */
export function sqliteCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'NO_CODE';
  }
}

/** A minimal client row, for migration tests whose tables refer to clients. */
export function insertClientRow(db: Db, id = 'c1', at = '2024-05-01T10:00:00.000Z') {
  db.prepare(
    `INSERT INTO clients (id, first_name, last_name, created_at, updated_at, device_id)
     VALUES (?, 'Ann', 'Lee', ?, ?, 'device')`,
  ).run(id, at, at);
}
