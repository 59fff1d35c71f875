import type { Migration } from '../migrate';

/**
 * Photos: one row per image a client has, pointing at its original in the media database by SHA-256. The
 * row holds what the practitioner tags (phase, pose, session, notes), the consent scope, and non-destructive
 * adjustments (rotation, crop) as metadata: the original bytes are never changed.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'photos',
  up(db) {
    db.exec(`
      CREATE TABLE photos (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        client_id        TEXT NOT NULL REFERENCES clients (id),
        session_id       TEXT REFERENCES sessions (id),
        original_sha256  TEXT NOT NULL CHECK (length(original_sha256) = 64),
        original_name    TEXT,
        format           TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'tiff', 'heic')),
        mime             TEXT NOT NULL,
        byte_size        INTEGER NOT NULL,
        width            INTEGER NOT NULL,
        height           INTEGER NOT NULL,
        orientation      INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
        taken_at         TEXT,
        phase            TEXT CHECK (phase IN ('before', 'after', 'follow-up')),
        pose             TEXT CHECK (pose IN ('front', 'left-45', 'right-45', 'left-90', 'right-90', 'crown',
                                              'hairline', 'body-area')),
        notes            TEXT,
        consent_scope    TEXT NOT NULL DEFAULT 'clinical' CHECK (consent_scope IN ('clinical', 'training', 'marketing')),
        rotation         INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
        crop_json        TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        created_by       TEXT,
        device_id        TEXT NOT NULL,
        deleted_at       TEXT,
        UNIQUE (client_id, original_sha256)
      ) STRICT;
      -- The timeline's order (capture time, else import time), so listing a client's photos reads the index in
      -- order instead of sorting thousands of rows.
      CREATE INDEX photos_by_client ON photos (client_id, coalesce(taken_at, created_at) DESC, seq DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX photos_by_session ON photos (session_id) WHERE deleted_at IS NULL;
    `);
  },
};
