import { describe, expect, it } from 'vitest';
import {
  type ClientDetail,
  ClientInput,
  type ClientSearchResult,
  HistorySaveInput,
  type HistoryView,
  localDate,
} from '../../electron/core/contract';
import { createDemoGenerator, foldToAscii, generateClients } from '../../electron/core/demo/generator';
import { archivedCountFor, bulkInsertClients, seedDemoClinic } from '../../electron/core/demo/seed';
import { loadDefaultQuestionnaire, questionsOf } from '../../electron/core/domain/screening/questionnaire';
import { call, useCores } from '../support/core';

const TODAY = localDate();

describe('demo clinic generator', () => {
  it('is deterministic for a seed, and different for another seed', () => {
    const a = createDemoGenerator({ seed: 7, today: TODAY });
    const b = createDemoGenerator({ seed: 7, today: TODAY });
    const clientsA = a.clients(200);
    expect(b.clients(200)).toEqual(clientsA);
    const id = '01900000-0000-7000-8000-000000000000';
    expect(b.history(id, clientsA[0])).toEqual(a.history(id, clientsA[0]));
    expect(generateClients(200, { seed: 8, today: TODAY })).not.toEqual(clientsA);
  });

  it('produces 2,000 clients that all pass the contract schema', () => {
    const inputs = generateClients(2_000, { seed: 11 });
    const failures = inputs
      .map((input, i) => ({ i, result: ClientInput.safeParse(input) }))
      .filter(({ result }) => !result.success)
      .map(
        ({ i, result }) =>
          `#${i}: ${result.error?.issues[0]?.path.join('.')} ${result.error?.issues[0]?.message}`,
      );
    expect(failures).toEqual([]);
  });

  it('produces realistic, varied and clearly fictional data', () => {
    const inputs = generateClients(2_000, { seed: 11 });
    const parsed = inputs.map((input) => ClientInput.parse(input));
    const names = parsed.map((c) => `${c.firstName} ${c.lastName}`);
    expect(new Set(names).size).toBeGreaterThan(1_500);
    expect(names.some((n) => n !== foldToAscii(n))).toBe(true); // diacritics (Zoë, Siobhán, Núñez ...)
    expect(parsed.some((c) => /\p{L}-\p{L}/u.test(c.lastName))).toBe(true); // hyphenated surnames
    expect(parsed.some((c) => c.preferredName)).toBe(true);
    expect(parsed.some((c) => c.pronouns)).toBe(true);

    for (const c of parsed) {
      if (c.email) expect(c.email).toMatch(/^[a-z0-9._]+@example\.(com|org|net)$/);
      if (c.dateOfBirth) {
        const age = Number(TODAY.slice(0, 4)) - Number(c.dateOfBirth.slice(0, 4));
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(76);
        expect(c.dateOfBirth < TODAY).toBe(true);
      }
    }
    // Mobiles only from Ofcom's drama range; the rest from its drama landline blocks.
    const phones = parsed.flatMap((c) => [c.phone, c.emergencyContact.phone]).filter((p): p is string => !!p);
    const mobiles = phones.filter((p) => p.replace(/\D/g, '').replace(/^44/, '0').startsWith('077'));
    expect(mobiles.length).toBeGreaterThan(phones.length / 2);
    for (const p of mobiles) expect(p.replace(/\D/g, '').replace(/^44/, '0')).toMatch(/^07700900\d{3}$/);

    const fitz = parsed.map((c) => c.fitzpatrick);
    for (const type of [1, 2, 3, 4, 5, 6] as const) expect(fitz).toContain(type);
    const share = (t: number) => fitz.filter((f) => f === t).length / fitz.length;
    expect(share(2) + share(3)).toBeGreaterThan(share(5) + share(6)); // a UK clinic, not a uniform spread
    expect(new Set(parsed.flatMap((c) => c.skinConcerns)).size).toBeGreaterThanOrEqual(12);
    expect(parsed.some((c) => c.allergies)).toBe(true);
    expect(parsed.some((c) => c.medications)).toBe(true);
  });

  it('answers every questionnaire question, with details and past dates only where asked', () => {
    const questionnaire = loadDefaultQuestionnaire();
    const questions = new Map(questionsOf(questionnaire).map((q) => [q.id, q]));
    const generator = createDemoGenerator({ seed: 3, questionnaire });
    const id = '01900000-0000-7000-8000-000000000000';
    let yes = 0;
    let no = 0;
    for (const client of generator.clients(300)) {
      const input = generator.history(id, client);
      const parsed = HistorySaveInput.parse(input);
      expect(parsed.answers.map((a) => a.questionId).sort()).toEqual([...questions.keys()].sort());
      for (const a of parsed.answers) {
        if (a.answer === 'yes') yes++;
        if (a.answer === 'no') no++;
        if (a.date) {
          expect(a.answer).toBe('yes');
          expect(questions.get(a.questionId)?.asksDate).toBeTruthy();
          expect(a.date < generator.today).toBe(true);
        }
        if (a.detail) expect(questions.get(a.questionId)?.asksDetail).toBeTruthy();
      }
    }
    expect(no).toBeGreaterThan(yes * 5); // mostly "no"
    expect(yes).toBeGreaterThan(0);
  });
});

describe('seedDemoClinic', () => {
  const newCore = useCores();

  it('loads 50 valid clients with histories through the dispatcher', async () => {
    const core = newCore();
    const result = await seedDemoClinic(core, { clients: 50, seed: 5, withHistory: true });
    expect(result.created).toBe(50);
    expect(result.histories).toBe(50);
    expect(result.archived).toBe(archivedCountFor(50));
    expect(result.archived).toBeGreaterThan(0);

    const all = await call(core, 'clients.search', { query: '', status: 'all', limit: 500 });
    expect(all.total).toBe(50);
    const archived = (await call(core, 'clients.search', {
      query: '',
      status: 'archived',
    })) as ClientSearchResult;
    expect(archived.total).toBe(result.archived);

    // Search finds generated names, diacritics folded ("Nunez" finds "Núñez").
    const first = result.clients[0]!;
    const found = await call(core, 'clients.search', {
      query: `${first.firstName} ${first.lastName}`,
      status: 'all',
    });
    expect(found.items.map((c) => c.id)).toContain(first.id);
    const accented = result.clients.find(
      (c) => c.lastName !== foldToAscii(c.lastName) || c.firstName !== foldToAscii(c.firstName),
    );
    expect(accented).toBeDefined();
    const folded = await call(core, 'clients.search', {
      query: foldToAscii(`${accented!.firstName} ${accented!.lastName}`),
      status: 'all',
    });
    expect(folded.items.map((c) => c.id)).toContain(accented!.id);

    // Every client has a history; alerts are computed from it and from the record.
    const details: ClientDetail[] = [];
    for (const id of result.ids) {
      const detail = await call(core, 'clients.get', { id });
      const history = (await call(core, 'history.get', { clientId: id })) as HistoryView;
      expect(history.version?.answers).toHaveLength(questionsOf(core.context.questionnaire).length);
      expect(detail.historyRecordedAt).not.toBeNull();
      expect(detail.alerts.some((a) => a.key === 'history-missing')).toBe(false);
      details.push(detail);
    }
    expect(details.some((d) => d.alerts.some((a) => a.source === 'history'))).toBe(true);
    const darker = details.find((d) => (d.client.fitzpatrick ?? 0) >= 4);
    expect(darker?.alerts.some((a) => a.key === 'fitzpatrick-4')).toBe(true);
    const allergic = details.find((d) => d.client.allergies);
    if (allergic) expect(allergic.alerts.some((a) => a.key === 'allergies')).toBe(true);
  });

  it('without histories, every client shows the missing-history alert', async () => {
    const core = newCore();
    const result = await seedDemoClinic(core, { clients: 5, seed: 5, withHistory: false });
    expect(result.histories).toBe(0);
    const detail = await call(core, 'clients.get', { id: result.ids[0]! });
    expect(detail.alerts.some((a) => a.key === 'history-missing')).toBe(true);
  });

  it('bulkInsertClients stores the same clients the dispatcher would', async () => {
    const core = newCore();
    const inputs = generateClients(300, { seed: 9 });
    const ids = bulkInsertClients(core, inputs);
    expect(ids).toHaveLength(300);
    const list = await call(core, 'clients.search', { query: '', limit: 500 });
    expect(list.total).toBe(300);
    const stored = await call(core, 'clients.get', { id: ids[0]! });
    const { id: _id, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = stored.client;
    const expected = ClientInput.parse(inputs[0]);
    expect({ ...fields, skinConcerns: [...fields.skinConcerns].sort() }).toEqual({
      ...expected,
      skinConcerns: [...expected.skinConcerns].sort(),
    });
    expect(() => bulkInsertClients(core, [{ firstName: '', lastName: 'X' }])).toThrow(/failed validation/);
  });
});
