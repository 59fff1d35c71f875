import type { Database } from 'better-sqlite3';

export function createMetaRepo(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  return {
    get(key: string): string | null {
      return get.get(key)?.value ?? null;
    },
    deviceId(): string {
      const id = get.get('device_id')?.value;
      if (!id) throw new Error('meta.device_id is missing: the database was not migrated');
      return id;
    },
  };
}
