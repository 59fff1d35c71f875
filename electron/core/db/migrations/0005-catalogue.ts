import type { Migration } from '../migrate';

/**
 * The clinic's catalogues: treatment types (with default zones and depth ranges), devices (with their
 * needle configurations) and products (with batches, for lot traceability). Lists are rows, not JSON.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE treatment_types (
        id                    TEXT PRIMARY KEY,
        code                  TEXT NOT NULL UNIQUE,
        name                  TEXT NOT NULL,
        zone_map              TEXT NOT NULL CHECK (zone_map IN ('face', 'scalp', 'body')),
        default_interval_days INTEGER NOT NULL CHECK (default_interval_days BETWEEN 1 AND 365),
        course_length         INTEGER NOT NULL CHECK (course_length BETWEEN 1 AND 24),
        consent_template      TEXT,
        aftercare_template    TEXT,
        retired_at            TEXT,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        device_id             TEXT NOT NULL,
        deleted_at            TEXT
      ) STRICT;

      CREATE TABLE treatment_type_zones (
        id                TEXT PRIMARY KEY,
        treatment_type_id TEXT NOT NULL REFERENCES treatment_types (id),
        zone              TEXT NOT NULL,
        depth_min_mm      REAL NOT NULL CHECK (depth_min_mm BETWEEN 0.1 AND 3.0),
        depth_max_mm      REAL NOT NULL CHECK (depth_max_mm BETWEEN 0.1 AND 3.0),
        position          INTEGER NOT NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        device_id         TEXT NOT NULL,
        deleted_at        TEXT,
        CHECK (depth_min_mm <= depth_max_mm)
      ) STRICT;
      CREATE INDEX treatment_type_zones_by_type ON treatment_type_zones (treatment_type_id, position);

      CREATE TABLE devices (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('pen', 'roller', 'stamp')),
        make        TEXT,
        model       TEXT,
        retired_at  TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;

      CREATE TABLE device_needle_configs (
        id            TEXT PRIMARY KEY,
        equipment_id  TEXT NOT NULL REFERENCES devices (id),
        label         TEXT NOT NULL,
        position      INTEGER NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        device_id     TEXT NOT NULL,
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX device_needle_configs_by_device ON device_needle_configs (equipment_id, position);

      CREATE TABLE products (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('serum', 'numbing', 'prp-kit', 'cartridge', 'other')),
        brand          TEXT,
        what_to_expect TEXT,
        retired_at     TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        device_id      TEXT NOT NULL,
        deleted_at     TEXT
      ) STRICT;

      CREATE TABLE product_batches (
        id               TEXT PRIMARY KEY,
        product_id       TEXT NOT NULL REFERENCES products (id),
        lot_number       TEXT NOT NULL,
        expiry_date      TEXT NOT NULL,
        quantity_on_hand INTEGER CHECK (quantity_on_hand >= 0),
        retired_at       TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        device_id        TEXT NOT NULL,
        deleted_at       TEXT,
        UNIQUE (product_id, lot_number)
      ) STRICT;
    `);
  },
};
