import type { Migration } from '../migrate';

/**
 * Treatment sessions. A draft is saved continuously (autosave); sign-off freezes it with a hash; later
 * changes are amendment rows that hold the whole amended chart and a reason, so the original stays intact.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'sessions',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        seq                    INTEGER PRIMARY KEY,
        id                     TEXT NOT NULL UNIQUE,
        client_id              TEXT NOT NULL REFERENCES clients (id),
        treatment_type_id      TEXT NOT NULL REFERENCES treatment_types (id),
        status                 TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'stopped')),
        started_at             TEXT NOT NULL,
        practitioner           TEXT,
        equipment_id           TEXT REFERENCES devices (id),
        needle_config          TEXT,
        cartridge_batch_id     TEXT REFERENCES product_batches (id),
        numbing_batch_id       TEXT REFERENCES product_batches (id),
        numbing_strength       TEXT,
        numbing_applied_at     TEXT,
        numbing_removed_at     TEXT,
        endpoint               TEXT,
        reactions_none         INTEGER CHECK (reactions_none IN (0, 1)),
        reactions              TEXT,
        adverse_events_none    INTEGER CHECK (adverse_events_none IN (0, 1)),
        adverse_events         TEXT,
        notes                  TEXT,
        next_session_date      TEXT,
        copied_from_session_id TEXT REFERENCES sessions (id),
        signed_at              TEXT,
        signed_by              TEXT,
        signed_hash            TEXT,
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        created_by             TEXT,
        device_id              TEXT NOT NULL,
        deleted_at             TEXT
      ) STRICT;
      CREATE INDEX sessions_by_client ON sessions (client_id, started_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX sessions_by_day ON sessions (started_at) WHERE deleted_at IS NULL;

      CREATE TABLE session_zones (
        id          TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions (id),
        zone        TEXT NOT NULL,
        depth_mm    REAL NOT NULL CHECK (depth_mm BETWEEN 0.1 AND 3.0),
        passes      INTEGER CHECK (passes BETWEEN 1 AND 20),
        technique   TEXT,
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        UNIQUE (session_id, zone)
      ) STRICT;

      CREATE TABLE session_products (
        id          TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions (id),
        batch_id    TEXT NOT NULL REFERENCES product_batches (id),
        notes       TEXT,
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_products_by_session ON session_products (session_id, position);

      CREATE TABLE session_screening (
        id          TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions (id),
        alert_key   TEXT NOT NULL,
        label       TEXT NOT NULL,
        severity    TEXT NOT NULL CHECK (severity IN ('contraindication', 'caution', 'info')),
        advice      TEXT,
        decision    TEXT CHECK (decision IN ('proceed', 'stop')),
        note        TEXT,
        decided_at  TEXT,
        decided_by  TEXT,
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        UNIQUE (session_id, alert_key)
      ) STRICT;

      CREATE TABLE session_amendments (
        id          TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL REFERENCES sessions (id),
        reason      TEXT NOT NULL,
        chart_json  TEXT NOT NULL,
        chart_hash  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        device_id   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_amendments_by_session ON session_amendments (session_id, created_at);

      -- Signed charts and amendments are immutable: the database refuses edits, not only the app.
      CREATE TRIGGER sessions_signed_immutable BEFORE UPDATE ON sessions
        WHEN old.status = 'signed'
      BEGIN
        SELECT RAISE(ABORT, 'A signed session cannot be changed; add an amendment');
      END;
      CREATE TRIGGER session_amendments_append_only BEFORE UPDATE ON session_amendments
      BEGIN
        SELECT RAISE(ABORT, 'Amendments cannot be changed');
      END;
      CREATE TRIGGER session_amendments_no_delete BEFORE DELETE ON session_amendments
      BEGIN
        SELECT RAISE(ABORT, 'Amendments cannot be deleted');
      END;
    `);
  },
};
