import type { Migration } from '../migrate';

/**
 * The clinic's details printed on every document, and its practitioners. The settings are one row (the
 * newest live one wins, so two synced workstations never fight over a fixed id); practitioners are rows
 * that retire rather than disappear, because old charts and documents name them.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'clinic-settings',
  up(db) {
    db.exec(`
      CREATE TABLE clinic_settings (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        address          TEXT,
        phone            TEXT,
        emergency_phone  TEXT,
        email            TEXT,
        website          TEXT,
        registrations    TEXT,
        logo_sha256      TEXT CHECK (logo_sha256 IS NULL OR length(logo_sha256) = 64),
        paper            TEXT NOT NULL CHECK (paper IN ('A4', 'Letter')),
        margin_mm        INTEGER NOT NULL CHECK (margin_mm BETWEEN 5 AND 40),
        date_format      TEXT NOT NULL,
        locale           TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        updated_by       TEXT,
        device_id        TEXT NOT NULL,
        deleted_at       TEXT
      ) STRICT;

      CREATE TABLE practitioners (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        credentials  TEXT,
        retired_at   TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        device_id    TEXT NOT NULL,
        deleted_at   TEXT
      ) STRICT;
      CREATE UNIQUE INDEX practitioners_by_name ON practitioners (name COLLATE NOCASE) WHERE deleted_at IS NULL;
    `);
  },
};
