import type { Migration } from '../migrate';

/**
 * Clients, their skin concerns (rows, not a JSON array) and a full-text index over name, email and phone.
 * `seq` is the local integer key the FTS index needs (a plain rowid may change on VACUUM); `id` is the
 * global UUIDv7 every other table refers to.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        seq                    INTEGER PRIMARY KEY,
        id                     TEXT NOT NULL UNIQUE,
        first_name             TEXT NOT NULL,
        last_name              TEXT NOT NULL,
        preferred_name         TEXT,
        date_of_birth          TEXT,
        sex                    TEXT CHECK (sex IN ('female', 'male', 'intersex', 'unspecified')),
        pronouns               TEXT,
        phone                  TEXT,
        phone_digits           TEXT,
        phone_digits_reversed  TEXT,
        email                  TEXT,
        address_line1          TEXT,
        address_line2          TEXT,
        city                   TEXT,
        region                 TEXT,
        postcode               TEXT,
        country                TEXT,
        emergency_name         TEXT,
        emergency_phone        TEXT,
        emergency_relationship TEXT,
        fitzpatrick            INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
        allergies              TEXT,
        medications            TEXT,
        notes                  TEXT,
        archived_at            TEXT,
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        created_by             TEXT,
        updated_by             TEXT,
        device_id              TEXT NOT NULL,
        deleted_at             TEXT
      ) STRICT;

      CREATE INDEX clients_by_name ON clients (
        last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq
      ) WHERE deleted_at IS NULL;
      CREATE INDEX clients_by_updated ON clients (updated_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX clients_by_created ON clients (created_at DESC) WHERE deleted_at IS NULL;

      CREATE TABLE client_skin_concerns (
        id          TEXT PRIMARY KEY,
        client_id   TEXT NOT NULL REFERENCES clients (id),
        concern     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        deleted_at  TEXT,
        UNIQUE (client_id, concern)
      ) STRICT;

      CREATE VIRTUAL TABLE clients_fts USING fts5 (
        first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed,
        content = 'clients',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );

      CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
        INSERT INTO clients_fts (rowid, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed)
        VALUES (new.seq, new.first_name, new.last_name, new.preferred_name, new.email, new.phone_digits, new.phone_digits_reversed);
      END;

      CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed)
        VALUES ('delete', old.seq, old.first_name, old.last_name, old.preferred_name, old.email, old.phone_digits, old.phone_digits_reversed);
      END;

      CREATE TRIGGER clients_fts_update AFTER UPDATE OF first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed ON clients BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed)
        VALUES ('delete', old.seq, old.first_name, old.last_name, old.preferred_name, old.email, old.phone_digits, old.phone_digits_reversed);
        INSERT INTO clients_fts (rowid, first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed)
        VALUES (new.seq, new.first_name, new.last_name, new.preferred_name, new.email, new.phone_digits, new.phone_digits_reversed);
      END;
    `);
  },
};
