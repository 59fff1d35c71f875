import type { Migration } from '../migrate';

/**
 * Medical history: every save is a new dated version (never an update), with one row per answer, so the
 * history a session was screened against stays readable forever.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'medical-history',
  up(db) {
    db.exec(`
      CREATE TABLE medical_histories (
        id                     TEXT PRIMARY KEY,
        client_id              TEXT NOT NULL REFERENCES clients (id),
        questionnaire_id       TEXT NOT NULL,
        questionnaire_version  INTEGER NOT NULL,
        recorded_at            TEXT NOT NULL,
        notes                  TEXT,
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        created_by             TEXT,
        device_id              TEXT NOT NULL,
        deleted_at             TEXT
      ) STRICT;
      CREATE INDEX medical_histories_by_client ON medical_histories (client_id, recorded_at DESC);

      CREATE TABLE medical_history_answers (
        id           TEXT PRIMARY KEY,
        history_id   TEXT NOT NULL REFERENCES medical_histories (id),
        question_id  TEXT NOT NULL,
        answer       TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')),
        detail       TEXT,
        last_date    TEXT,
        created_at   TEXT NOT NULL,
        device_id    TEXT NOT NULL,
        UNIQUE (history_id, question_id)
      ) STRICT;
    `);
  },
};
