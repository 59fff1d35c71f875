import type { Database } from 'better-sqlite3';
import type { Answer, HistoryAnswer, HistoryVersion } from '../../contract';

interface HistoryRow {
  id: string;
  client_id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  recorded_at: string;
  notes: string | null;
}

export interface HistoryWrite {
  id: string;
  clientId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  recordedAt: string;
  notes: string | null;
  answers: HistoryAnswer[];
  deviceId: string;
  practitionerId: string | null;
  newId: () => string;
}

export function createHistoryRepo(db: Database) {
  const insertHistory = db.prepare(`
    INSERT INTO medical_histories (
      id, client_id, questionnaire_id, questionnaire_version, recorded_at, notes,
      created_at, updated_at, created_by, device_id
    ) VALUES (
      @id, @client_id, @questionnaire_id, @questionnaire_version, @recorded_at, @notes,
      @recorded_at, @recorded_at, @practitioner, @device_id
    )`);
  const insertAnswer = db.prepare(`
    INSERT INTO medical_history_answers (id, history_id, question_id, answer, detail, last_date, created_at, device_id)
    VALUES (@id, @history_id, @question_id, @answer, @detail, @last_date, @created_at, @device_id)`);

  const latest = db.prepare<[string], HistoryRow>(`
    SELECT id, client_id, questionnaire_id, questionnaire_version, recorded_at, notes
    FROM medical_histories WHERE client_id = ? AND deleted_at IS NULL
    ORDER BY recorded_at DESC, id DESC LIMIT 1`);
  const byId = db.prepare<[string, string], HistoryRow>(`
    SELECT id, client_id, questionnaire_id, questionnaire_version, recorded_at, notes
    FROM medical_histories WHERE id = ? AND client_id = ? AND deleted_at IS NULL`);
  const versions = db.prepare<[string], { id: string; recorded_at: string }>(`
    SELECT id, recorded_at FROM medical_histories WHERE client_id = ? AND deleted_at IS NULL
    ORDER BY recorded_at DESC, id DESC`);
  const answersOf = db.prepare<
    [string],
    { question_id: string; answer: Answer; detail: string | null; last_date: string | null }
  >('SELECT question_id, answer, detail, last_date FROM medical_history_answers WHERE history_id = ?');

  function withAnswers(row: HistoryRow): HistoryVersion {
    return {
      id: row.id,
      clientId: row.client_id,
      questionnaireId: row.questionnaire_id,
      questionnaireVersion: row.questionnaire_version,
      recordedAt: row.recorded_at,
      notes: row.notes,
      answers: answersOf.all(row.id).map((a) => ({
        questionId: a.question_id,
        answer: a.answer,
        detail: a.detail,
        date: a.last_date,
      })),
    };
  }

  return {
    insert(w: HistoryWrite): void {
      insertHistory.run({
        id: w.id,
        client_id: w.clientId,
        questionnaire_id: w.questionnaireId,
        questionnaire_version: w.questionnaireVersion,
        recorded_at: w.recordedAt,
        notes: w.notes,
        practitioner: w.practitionerId,
        device_id: w.deviceId,
      });
      for (const a of w.answers) {
        insertAnswer.run({
          id: w.newId(),
          history_id: w.id,
          question_id: a.questionId,
          answer: a.answer,
          detail: a.detail,
          last_date: a.date,
          created_at: w.recordedAt,
          device_id: w.deviceId,
        });
      }
    },
    latest(clientId: string): HistoryVersion | null {
      const row = latest.get(clientId);
      return row ? withAnswers(row) : null;
    },
    get(clientId: string, id: string): HistoryVersion | null {
      const row = byId.get(id, clientId);
      return row ? withAnswers(row) : null;
    },
    versions(clientId: string): { id: string; recordedAt: string }[] {
      return versions.all(clientId).map((v) => ({ id: v.id, recordedAt: v.recorded_at }));
    },
  };
}
