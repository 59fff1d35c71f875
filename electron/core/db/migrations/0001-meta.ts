import { newId, nowIso } from '../ids';
import type { Migration } from '../migrate';

/** Workstation identity: every row records the device it was written on, for a later sync engine. */
export const migration0001: Migration = {
  version: 1,
  name: 'meta',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insert.run('device_id', newId());
    insert.run('created_at', nowIso());
  },
};
