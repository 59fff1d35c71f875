import type { Migration } from '../migrate';

/**
 * Consent forms. A template family (one per form, e.g. "microneedling-face") has versions; a version is
 * never edited, the next edit is the next version. A signed record freezes the exact rendered text of one
 * version with the answers, names, times, workstation and a SHA-256 seal; its signatures and its
 * revocation are rows of their own. The documents and signature images themselves are BLOBs in the media
 * database, referenced by SHA-256. The database refuses any change or deletion of a version, a record, a
 * signature or a revocation, not only the app.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'consents',
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
      CREATE TABLE consent_template_families (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        code        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('treatment', 'photo')),
        retired_at  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        created_by  TEXT,
        device_id   TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      CREATE TABLE consent_templates (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        family_id      TEXT NOT NULL REFERENCES consent_template_families (id),
        version        INTEGER NOT NULL CHECK (version >= 1),
        title          TEXT NOT NULL,
        blocks_json    TEXT NOT NULL CHECK (json_valid(blocks_json)),
        expiry_months  INTEGER CHECK (expiry_months BETWEEN 1 AND 120),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        created_by     TEXT,
        device_id      TEXT NOT NULL,
        deleted_at     TEXT,
        UNIQUE (family_id, version)
      ) STRICT;

      CREATE TABLE consent_records (
        seq                    INTEGER PRIMARY KEY,
        id                     TEXT NOT NULL UNIQUE,
        client_id              TEXT NOT NULL REFERENCES clients (id),
        template_id            TEXT NOT NULL REFERENCES consent_templates (id),
        family_id              TEXT NOT NULL REFERENCES consent_template_families (id),
        code                   TEXT NOT NULL,
        kind                   TEXT NOT NULL CHECK (kind IN ('treatment', 'photo')),
        title                  TEXT NOT NULL,
        template_version       INTEGER NOT NULL CHECK (template_version >= 1),
        method                 TEXT NOT NULL CHECK (method IN ('on-screen', 'paper')),
        rendered_json          TEXT NOT NULL CHECK (json_valid(rendered_json)),
        rendered_sha256        TEXT NOT NULL CHECK (length(rendered_sha256) = 64),
        acknowledged_json      TEXT NOT NULL CHECK (json_valid(acknowledged_json)),
        photo_scope            TEXT CHECK (photo_scope IN ('clinical', 'training', 'marketing')),
        client_name            TEXT NOT NULL,
        practitioner           TEXT NOT NULL,
        signed_at              TEXT NOT NULL,
        signed_at_local        TEXT NOT NULL,
        time_zone              TEXT NOT NULL,
        valid_until            TEXT,
        workstation_device_id  TEXT NOT NULL,
        workstation_hostname   TEXT NOT NULL,
        session_id             TEXT REFERENCES sessions (id),
        document_sha256        TEXT NOT NULL CHECK (length(document_sha256) = 64),
        document_mime          TEXT NOT NULL,
        document_name          TEXT,
        html_sha256            TEXT CHECK (length(html_sha256) = 64),
        seal                   TEXT NOT NULL CHECK (length(seal) = 64),
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        created_by             TEXT,
        device_id              TEXT NOT NULL,
        deleted_at             TEXT,
        -- A photo consent says what the photos may be used for; a treatment consent does not.
        CHECK ((kind = 'photo') = (photo_scope IS NOT NULL)),
        -- A form signed on screen is printed from its stored HTML; a paper record is its scan.
        CHECK ((method = 'on-screen') = (html_sha256 IS NOT NULL))
      ) STRICT;
      -- A client's records of one form, newest first: the newest decides whether the consent stands.
      CREATE INDEX consent_records_by_client_family
        ON consent_records (client_id, family_id, signed_at DESC, seq DESC) WHERE deleted_at IS NULL;
      CREATE INDEX consent_records_by_template ON consent_records (template_id);
      CREATE INDEX consent_records_by_session ON consent_records (session_id) WHERE session_id IS NOT NULL;

      CREATE TABLE consent_signatures (
        id            TEXT PRIMARY KEY,
        record_id     TEXT NOT NULL REFERENCES consent_records (id),
        role          TEXT NOT NULL CHECK (role IN ('client', 'practitioner', 'witness')),
        name          TEXT NOT NULL,
        png_sha256    TEXT NOT NULL CHECK (length(png_sha256) = 64),
        created_at    TEXT NOT NULL,
        device_id     TEXT NOT NULL,
        UNIQUE (record_id, role)
      ) STRICT;

      CREATE TABLE consent_revocations (
        id            TEXT PRIMARY KEY,
        record_id     TEXT NOT NULL UNIQUE REFERENCES consent_records (id),
        reason        TEXT NOT NULL,
        revoked_by    TEXT NOT NULL,
        revoked_at    TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        device_id     TEXT NOT NULL
      ) STRICT;

      -- A family's code (what treatment types refer to) and kind are fixed once created.
      CREATE TRIGGER consent_template_families_fixed BEFORE UPDATE OF code, kind ON consent_template_families
        WHEN new.code IS NOT old.code OR new.kind IS NOT old.kind
      BEGIN
        SELECT RAISE(ABORT, 'A consent form''s code and kind cannot be changed');
      END;
      ${immutable('consent_templates', 'A consent form version')}
      ${immutable('consent_records', 'A signed consent')}
      ${immutable('consent_signatures', 'A consent signature')}
      ${immutable('consent_revocations', 'A consent revocation')}
    `);
  },
};
