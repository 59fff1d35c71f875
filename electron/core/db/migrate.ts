import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database was written by a newer Dermachart (schema ${found}; this version supports ${supported}).`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in one transaction and records the result in PRAGMA user_version, so a
 * database is either fully at the new version or untouched. A database from a newer release is refused
 * rather than half-understood.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version}`);
  });
  const latest = ordered.length;
  const from = schemaVersion(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  if (from === latest) return { from, to: latest };

  db.transaction(() => {
    for (const m of ordered.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
