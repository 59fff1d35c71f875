import type { Migration } from '../migrate';

/**
 * Aftercare templates (families of versions, like consent forms) and the record of every document the
 * clinic printed or saved: which session or client, which template version, when, by whom, and the SHA-256
 * of the exact HTML in the media database, so a reprint years later is the same document. Versions and
 * issued documents are never changed or deleted; a reprint is a new row pointing at the first issue.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'aftercare-documents',
  up(db) {
    const immutable = (table: string, what: string) => `
      CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN
        SELECT RAISE(ABORT, '${what} cannot be changed');
      END;
      CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN
        SELECT RAISE(ABORT, '${what} cannot be deleted');
      END;`;
    db.exec(`
      CREATE TABLE aftercare_template_families (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        code        TEXT NOT NULL UNIQUE,
        retired_at  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        created_by  TEXT,
        device_id   TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      CREATE TABLE aftercare_templates (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        family_id    TEXT NOT NULL REFERENCES aftercare_template_families (id),
        version      INTEGER NOT NULL CHECK (version >= 1),
        title        TEXT NOT NULL,
        blocks_json  TEXT NOT NULL CHECK (json_valid(blocks_json)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        created_by   TEXT,
        device_id    TEXT NOT NULL,
        deleted_at   TEXT,
        UNIQUE (family_id, version)
      ) STRICT;

      CREATE TABLE issued_documents (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        client_id        TEXT NOT NULL REFERENCES clients (id),
        session_id       TEXT REFERENCES sessions (id),
        kind             TEXT NOT NULL CHECK (kind IN ('aftercare', 'session-summary', 'client-summary')),
        title            TEXT NOT NULL,
        template_id      TEXT REFERENCES aftercare_templates (id),
        paper            TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
        action           TEXT NOT NULL CHECK (action IN ('print', 'pdf')),
        snapshot_sha256  TEXT NOT NULL CHECK (length(snapshot_sha256) = 64),
        issued_at        TEXT NOT NULL,
        issued_by        TEXT NOT NULL,
        reprint_of       TEXT REFERENCES issued_documents (id),
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        device_id        TEXT NOT NULL,
        deleted_at       TEXT,
        -- Session documents name their session; the client summary does not.
        CHECK ((kind = 'client-summary') = (session_id IS NULL)),
        -- An aftercare sheet says which template version it came from.
        CHECK ((kind = 'aftercare') = (template_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX issued_documents_by_client ON issued_documents (client_id, issued_at DESC, seq DESC)
        WHERE deleted_at IS NULL;
      CREATE INDEX issued_documents_by_session ON issued_documents (session_id) WHERE session_id IS NOT NULL;

      CREATE TRIGGER aftercare_template_families_fixed BEFORE UPDATE OF code ON aftercare_template_families
        WHEN new.code IS NOT old.code
      BEGIN
        SELECT RAISE(ABORT, 'An aftercare template''s code cannot be changed');
      END;
      ${immutable('aftercare_templates', 'An aftercare template version')}
      ${immutable('issued_documents', 'An issued document')}
    `);
  },
};
