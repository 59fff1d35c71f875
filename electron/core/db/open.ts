import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, migrate, NewerDatabaseError, schemaVersion } from './migrate';

export type OpenFailure = 'LOCKED' | 'NEWER_VERSION' | 'UNWRITABLE' | 'CORRUPT' | 'UNKNOWN';

/** Why the records could not be opened, with the path, so the start-up error window can say what to do. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    readonly path: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export const RECORDS_FILE = 'dermachart.db';

export interface OpenOptions {
  migrations: readonly Migration[];
  /** How long a write waits for another writer before giving up. */
  busyTimeoutMs?: number;
  /**
   * Page size for a new file, set before its first table; a file that exists keeps the size it was made
   * with (SQLite cannot change it in WAL mode). Unset: SQLite's 4096.
   */
  pageSize?: number;
  /** How much WAL a commit may leave before it checkpoints, in bytes. Unset: SQLite's 1000 pages. */
  checkpointBytes?: number;
}

/**
 * Opens (creating if needed) a database file with the settings every Dermachart database uses: WAL,
 * foreign keys, a busy timeout, and an exclusive lock so a second program (or a second copy of Dermachart
 * pointed at the same folder) cannot write the same records at once.
 */
export function openDatabase(file: string, options: OpenOptions): Database.Database {
  const dir = join(file, '..');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (cause) {
    throw new DatabaseOpenError(
      'UNWRITABLE',
      file,
      `Dermachart cannot write to the data folder ${dir}.`,
      cause,
    );
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
    // Refuse a newer database before any pragma below can rewrite its header.
    const found = schemaVersion(db);
    if (found > options.migrations.length) throw new NewerDatabaseError(found, options.migrations.length);
    db.pragma('locking_mode = EXCLUSIVE');
    if (options.pageSize && isEmpty(db)) db.pragma(`page_size = ${options.pageSize}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.checkpointBytes) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`wal_autocheckpoint = ${Math.max(1, Math.round(options.checkpointBytes / pageSize))}`);
    }
    // Take the exclusive lock now, so "in use elsewhere" is reported at start-up, not at the first save.
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('COMMIT').run();
    migrate(db, options.migrations);
    return db;
  } catch (cause) {
    db?.close();
    throw classify(cause, file);
  }
}

/** A file with nothing in it yet (new, or created empty): its page size can still be chosen. */
function isEmpty(db: Database.Database): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;
}

function classify(cause: unknown, file: string): DatabaseOpenError {
  if (cause instanceof DatabaseOpenError) return cause;
  if (cause instanceof NewerDatabaseError) {
    return new DatabaseOpenError(
      'NEWER_VERSION',
      file,
      `${cause.message} Install the latest Dermachart to open it; nothing was changed.`,
      cause,
    );
  }
  const code = (cause as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DatabaseOpenError(
      'LOCKED',
      file,
      'The records are open in another Dermachart window or program.',
      cause,
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DatabaseOpenError(
      'CORRUPT',
      file,
      'The records file is damaged or is not a Dermachart database.',
      cause,
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new DatabaseOpenError('UNWRITABLE', file, 'Dermachart cannot write to the records file.', cause);
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new DatabaseOpenError('UNKNOWN', file, `The records could not be opened: ${detail}`, cause);
}
