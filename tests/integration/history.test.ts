import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app/core';
import { questionsOf } from '../../electron/core/domain/screening/questionnaire';
import { call, callError, rowCount, sleep, useCores, useSharedCore } from '../support/core';
import { allNo, answersWith, UTC_ISO, UUID_V7 } from '../support/fixtures';
import { useTempDirs } from '../support/temp';

const TODAY = '2024-08-31';

async function newClient(core: Core, fields: { fitzpatrick?: 4 | 5 | null; allergies?: string | null } = {}) {
  return call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee', ...fields });
}

describe('medical history via the real dispatcher', () => {
  const newCore = useCores();
  const shared = useSharedCore();
  const tempDir = useTempDirs();
  const versionsOf = (core: Core, clientId: string) =>
    rowCount(core, 'medical_histories', `client_id = '${clientId}'`);
  const answerRows = (core: Core) => rowCount(core, 'medical_history_answers');

  it('returns the questionnaire and no version for a client without history', async () => {
    const core = shared();
    const client = await newClient(core);
    const view = await call(core, 'history.get', { clientId: client.id });
    expect(view.version).toBeNull();
    expect(view.versions).toEqual([]);
    expect(view.questionnaire.id).toBe('medical-history');
    expect(view.questionnaire).toEqual(core.context.questionnaire);
    expect(questionsOf(view.questionnaire).length).toBeGreaterThan(10);
  });

  it('saves a version with one row per answer', async () => {
    const core = shared();
    const client = await newClient(core);
    const q = core.context.questionnaire;
    const answers = answersWith(q, {
      isotretinoin: { answer: 'yes', date: '2024-05-01' },
      active_infection: { answer: 'unsure', detail: '  maybe a cold sore  ' },
      anticoagulants: { answer: 'no', detail: '' },
    });
    const saved = await call(core, 'history.save', {
      clientId: client.id,
      answers,
      notes: '  Reviewed in person. ',
    });
    expect(saved).toMatchObject({
      id: expect.stringMatching(UUID_V7),
      clientId: client.id,
      questionnaireId: 'medical-history',
      questionnaireVersion: 1,
      recordedAt: expect.stringMatching(UTC_ISO),
      notes: 'Reviewed in person.',
    });
    expect(saved.answers).toHaveLength(answers.length);
    const byId = new Map(saved.answers.map((a) => [a.questionId, a]));
    expect(byId.get('isotretinoin')).toEqual({
      questionId: 'isotretinoin',
      answer: 'yes',
      detail: null,
      date: '2024-05-01',
    });
    expect(byId.get('active_infection')).toEqual({
      questionId: 'active_infection',
      answer: 'unsure',
      detail: 'maybe a cold sore',
      date: null,
    });
    expect(byId.get('anticoagulants')).toEqual({
      questionId: 'anticoagulants',
      answer: 'no',
      detail: null,
      date: null,
    });

    expect(versionsOf(core, client.id)).toBe(1);
    expect(rowCount(core, 'medical_history_answers', `history_id = '${saved.id}'`)).toBe(answers.length);
    const row = core.db
      .prepare(
        "SELECT answer, last_date, device_id FROM medical_history_answers WHERE history_id = ? AND question_id = 'isotretinoin'",
      )
      .get(saved.id);
    expect(row).toEqual({ answer: 'yes', last_date: '2024-05-01', device_id: core.context.deviceId });

    const view = await call(core, 'history.get', { clientId: client.id });
    expect(view.version).toEqual({ ...saved, answers: expect.arrayContaining(saved.answers) });
    expect(view.versions).toEqual([{ id: saved.id, recordedAt: saved.recordedAt }]);
  });

  it('creates a new version on every save and keeps the old ones readable', async () => {
    const core = shared();
    const client = await newClient(core);
    const q = core.context.questionnaire;
    const first = await call(core, 'history.save', {
      clientId: client.id,
      answers: allNo(q),
      notes: 'first',
    });
    await sleep(2);
    const second = await call(core, 'history.save', {
      clientId: client.id,
      answers: answersWith(q, { pregnancy: { answer: 'yes' } }),
      notes: 'second',
    });
    const third = await call(core, 'history.save', {
      clientId: client.id,
      answers: allNo(q),
      notes: 'third',
    });

    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect(versionsOf(core, client.id)).toBe(3);
    expect(
      rowCount(
        core,
        'medical_history_answers',
        `history_id IN (SELECT id FROM medical_histories WHERE client_id = '${client.id}')`,
      ),
    ).toBe(3 * allNo(q).length);

    const latest = await call(core, 'history.get', { clientId: client.id });
    expect(latest.version?.id).toBe(third.id);
    expect(latest.versions.map((v) => v.id)).toEqual([third.id, second.id, first.id]);

    const old = await call(core, 'history.get', { clientId: client.id, versionId: second.id });
    expect(old.version?.notes).toBe('second');
    expect(old.version?.answers.find((a) => a.questionId === 'pregnancy')?.answer).toBe('yes');
    const oldest = await call(core, 'history.get', { clientId: client.id, versionId: first.id });
    expect(oldest.version).toMatchObject({ id: first.id, notes: 'first', recordedAt: first.recordedAt });
  });

  it('refuses a version of another client, and an unknown version', async () => {
    const core = shared();
    const ann = await newClient(core);
    const bob = await newClient(core);
    const annVersion = await call(core, 'history.save', {
      clientId: ann.id,
      answers: allNo(core.context.questionnaire),
    });
    for (const versionId of [annVersion.id, randomUUID()]) {
      const error = await callError(core, 'history.get', { clientId: bob.id, versionId });
      expect(error).toEqual({
        code: 'NOT_FOUND',
        message: 'That medical history version does not exist for this client.',
        issues: [],
      });
    }
    expect((await callError(core, 'history.get', { clientId: ann.id, versionId: 'v1' })).code).toBe(
      'VALIDATION',
    );
  });

  describe('validation', () => {
    it('lists every unanswered question and writes nothing', async () => {
      const core = shared();
      const client = await newClient(core);
      const q = core.context.questionnaire;
      const answers = allNo(q).filter((a) => a.questionId !== 'pregnancy' && a.questionId !== 'keloids');
      const before = answerRows(core);
      const error = await callError(core, 'history.save', { clientId: client.id, answers });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe('2 answer(s) need attention before saving.');
      expect(error.issues).toEqual([
        { path: 'answers.pregnancy', message: 'Please answer this question' },
        { path: 'answers.keloids', message: 'Please answer this question' },
      ]);
      expect(versionsOf(core, client.id)).toBe(0);
      expect(answerRows(core)).toBe(before);
    });

    it('refuses an empty questionnaire', async () => {
      const core = shared();
      const client = await newClient(core);
      const error = await callError(core, 'history.save', { clientId: client.id, answers: [] });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toHaveLength(questionsOf(core.context.questionnaire).length);
    });

    it('refuses unknown questions, repeated answers and dates where none belongs', async () => {
      const core = shared();
      const client = await newClient(core);
      const q = core.context.questionnaire;
      const answers = [
        ...answersWith(q, {
          isotretinoin: { answer: 'no', date: '2024-01-01' },
          pregnancy: { answer: 'yes', date: '2024-01-01' },
        }),
        { questionId: 'favourite_colour', answer: 'yes' as const },
        { questionId: 'keloids', answer: 'yes' as const },
      ];
      const before = answerRows(core);
      const error = await callError(core, 'history.save', { clientId: client.id, answers });
      expect(error.code).toBe('VALIDATION');
      const n = allNo(q).length;
      const index = (id: string) => allNo(q).findIndex((a) => a.questionId === id);
      expect(error.message).toBe('4 answer(s) need attention before saving.');
      expect(error.issues).toEqual([
        {
          path: `answers.${index('isotretinoin')}.date`,
          message: 'A date is only recorded for a "yes" answer that asks for one',
        },
        {
          path: `answers.${index('pregnancy')}.date`,
          message: 'A date is only recorded for a "yes" answer that asks for one',
        },
        { path: `answers.${n}.questionId`, message: 'Unknown question "favourite_colour"' },
        { path: `answers.${n + 1}.questionId`, message: 'Question answered twice' },
      ]);
      expect(versionsOf(core, client.id)).toBe(0);
      expect(answerRows(core)).toBe(before);
    });

    it.each([
      ['an unknown answer', { answer: 'maybe' }, 'answer', /yes, no or unsure/],
      ['a future date', { answer: 'yes', date: '2999-01-01' }, 'date', /future/],
      ['a malformed date', { answer: 'yes', date: '01/05/2024' }, 'date', /YYYY-MM-DD/],
      ['an overlong detail', { answer: 'yes', detail: 'x'.repeat(2001) }, 'detail', /2000/],
    ])('refuses %s per question before the service runs', async (_label, override, field, message) => {
      const core = shared();
      const client = await newClient(core);
      const q = core.context.questionnaire;
      const answers = answersWith(q, { isotretinoin: override as object });
      const index = answers.findIndex((a) => a.questionId === 'isotretinoin');
      const error = await callError(core, 'history.save', { clientId: client.id, answers });
      expect(error.code).toBe('VALIDATION');
      expect(new Set(error.issues.map((i) => i.path))).toEqual(new Set([`answers.${index}.${field}`]));
      expect(error.issues[0]!.message).toMatch(message);
      expect(versionsOf(core, client.id)).toBe(0);
    });

    it('refuses a malformed or unknown client', async () => {
      const core = shared();
      const answers = allNo(core.context.questionnaire);
      const before = rowCount(core, 'medical_histories');
      const bad = await callError(core, 'history.save', { clientId: 'nope', answers });
      expect(bad.code).toBe('VALIDATION');
      expect(bad.issues.map((i) => i.path)).toEqual(['clientId']);
      const missing = await callError(core, 'history.save', { clientId: randomUUID(), answers });
      expect(missing.code).toBe('NOT_FOUND');
      expect(rowCount(core, 'medical_histories')).toBe(before);
    });
  });

  describe('alerts on clients.get', () => {
    it('flags a missing history, then computes alerts from the latest version only', async () => {
      const core = newCore({ today: () => TODAY });
      const client = await newClient(core, { fitzpatrick: 5, allergies: 'Lidocaine' });
      const q = core.context.questionnaire;

      const before = await call(core, 'clients.get', { id: client.id });
      expect(before.historyRecordedAt).toBeNull();
      expect(before.alerts.map((a) => a.key)).toEqual(['history-missing', 'fitzpatrick-4', 'allergies']);
      expect(before.alerts.find((a) => a.key === 'fitzpatrick-4')?.label).toBe('Fitzpatrick V: PIH risk');

      await call(core, 'history.save', {
        clientId: client.id,
        answers: answersWith(q, {
          pregnancy: { answer: 'yes' },
          isotretinoin: { answer: 'yes', date: '2024-05-01' },
          herpes_history: { answer: 'unsure' },
        }),
      });
      await sleep(2);
      const latest = await call(core, 'history.save', {
        clientId: client.id,
        answers: answersWith(q, {
          isotretinoin: { answer: 'yes', date: '2024-01-10' },
          metal_allergy: { answer: 'unsure' },
        }),
      });

      const detail = await call(core, 'clients.get', { id: client.id });
      expect(detail.historyRecordedAt).toBe(latest.recordedAt);
      expect(detail.alerts.map((a) => [a.severity, a.key, a.label])).toEqual([
        ['caution', 'metal_allergy', 'Metal (nickel) allergy (client unsure)'],
        ['caution', 'fitzpatrick-4', 'Fitzpatrick V: PIH risk'],
        ['caution', 'allergies', 'Allergies recorded'],
      ]);
    });

    it('flags a history that is due for review', async () => {
      const core = newCore({ today: () => '2099-01-01' });
      const client = await newClient(core);
      await call(core, 'history.save', { clientId: client.id, answers: allNo(core.context.questionnaire) });
      const detail = await call(core, 'clients.get', { id: client.id });
      expect(detail.alerts.map((a) => a.key)).toEqual(['history-stale']);
    });
  });

  it('keeps every version after closing and reopening', async () => {
    const dataDir = tempDir();
    const first = newCore({ dataDir });
    const client = await newClient(first);
    const q = first.context.questionnaire;
    const v1 = await call(first, 'history.save', { clientId: client.id, answers: allNo(q) });
    const v2 = await call(first, 'history.save', {
      clientId: client.id,
      answers: answersWith(q, { keloids: { answer: 'yes' } }),
    });
    first.close();
    const second = newCore({ dataDir });
    const view = await call(second, 'history.get', { clientId: client.id });
    expect(view.versions.map((v) => v.id)).toEqual([v2.id, v1.id]);
    expect(view.version?.answers.find((a) => a.questionId === 'keloids')?.answer).toBe('yes');
  });
});
