import type { Migration } from '../migrate';

/**
 * The media database: content-addressed BLOBs beside the records database, so the records stay small and
 * quick to back up. Originals are stored byte-identical and never modified; thumbnails and previews are
 * derived from them and can always be rebuilt.
 */
export const mediaMigration0001: Migration = {
  version: 1,
  name: 'blobs',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        mime        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        bytes       BLOB NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE derived (
        source_sha256 TEXT NOT NULL,
        variant       TEXT NOT NULL CHECK (variant IN ('thumb', 'preview')),
        mime          TEXT NOT NULL,
        bytes         BLOB NOT NULL,
        created_at    TEXT NOT NULL,
        PRIMARY KEY (source_sha256, variant)
      ) STRICT;
    `);
  },
};
