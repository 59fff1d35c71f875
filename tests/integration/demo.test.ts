import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app/core';
import {
  BATCH_EXPIRY_WARNING_DAYS,
  type ClientDetail,
  ClientInput,
  type ClientSearchResult,
  HistorySaveInput,
  type HistoryView,
  localDate,
  type Session,
  type SessionSummary,
} from '../../electron/core/contract';
import { DEMO_PRACTITIONERS, planDemoLots } from '../../electron/core/demo/charting';
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

  it('without histories, every client shows the missing-history alert (and nothing is charted)', async () => {
    const core = newCore();
    const result = await seedDemoClinic(core, { clients: 5, seed: 5, withHistory: false });
    expect(result.histories).toBe(0);
    expect(result.sessions + result.drafts + result.lots).toBe(0);
    const detail = await call(core, 'clients.get', { id: result.ids[0]! });
    expect(detail.alerts.some((a) => a.key === 'history-missing')).toBe(true);
    expect(await call(core, 'sessions.listForClient', { clientId: result.ids[0]! })).toEqual([]);
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

  it('charts courses of signed sessions, drafts open today and lots that expire, all valid', async () => {
    const core = newCore();
    const started = Date.now();
    const result = await seedDemoClinic(core, { clients: 30, seed: 5, withHistory: true });
    expect(result.created).toBe(30);
    expect(result.courses).toBeGreaterThanOrEqual(6); // about 40% of 30, less the archived and untreatable
    expect(result.courses).toBeLessThanOrEqual(20);
    expect(result.sessions).toBeGreaterThan(result.courses);
    expect(result.drafts).toBeGreaterThanOrEqual(1);

    // Lots: a couple per product, one expiring within 30 days and one expired, relative to today.
    const catalogue = await call(core, 'catalogue.get', {});
    const batches = catalogue.products.flatMap((p) => p.batches.map((b) => ({ ...b, product: p })));
    expect(result.lots).toBe(batches.length);
    for (const p of catalogue.products) expect(p.batches.length).toBeGreaterThanOrEqual(2);
    for (const b of batches) expect(b.lotNumber).toMatch(/^[A-Z]{2,3}-\d{2}-\d{4}$/);
    const expired = batches.filter((b) => b.expiry === 'expired');
    const expiring = batches.filter((b) => b.expiry === 'expiring');
    expect(expired).toHaveLength(1);
    expect(expiring).toHaveLength(1);
    expect(expired[0]!.expiryDate < TODAY).toBe(true);
    const daysLeft = (Date.parse(expiring[0]!.expiryDate) - Date.parse(TODAY)) / 86_400_000;
    expect(daysLeft).toBeGreaterThanOrEqual(0);
    expect(daysLeft).toBeLessThanOrEqual(BATCH_EXPIRY_WARNING_DAYS);
    const ok = batches.filter((b) => b.expiry === 'ok');
    const monthsAhead = ok.map((b) => (Date.parse(b.expiryDate) - Date.parse(TODAY)) / (30.4 * 86_400_000));
    expect(Math.min(...monthsAhead)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...monthsAhead)).toBeLessThanOrEqual(24.5);

    // Courses: one treatment per client, numbered 1..n in date order, all in the past.
    const types = new Map(catalogue.treatmentTypes.map((t) => [t.id, t]));
    const now = new Date().toISOString();
    const lists: SessionSummary[][] = [];
    for (const clientId of result.ids) {
      const list = await call(core, 'sessions.listForClient', { clientId });
      if (list.length === 0) continue;
      lists.push(list);
      expect(new Set(list.map((s) => s.treatmentTypeId)).size).toBe(1);
      const ordered = [...list].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      expect(ordered.map((s) => s.courseNumber)).toEqual(ordered.map((_, i) => i + 1));
      expect(list.length).toBeLessThanOrEqual(Math.min(5, types.get(list[0]!.treatmentTypeId)!.courseLength));
      for (const s of ordered.slice(0, -1)) expect(s.status).toBe('signed');
      const last = ordered.at(-1)!;
      expect(last.startedAt <= now).toBe(true);
      const lastDay = localDate(new Date(last.startedAt));
      if (last.status === 'draft') expect(lastDay).toBe(TODAY);
      else {
        expect(last.status).toBe('signed');
        expect(lastDay < TODAY).toBe(true);
        expect((Date.parse(TODAY) - Date.parse(lastDay)) / 86_400_000).toBeLessThanOrEqual(28);
      }
      for (const s of ordered.slice(1)) {
        const interval = types.get(s.treatmentTypeId)!.defaultIntervalDays;
        expect(Math.abs(s.daysSincePrevious! - interval)).toBeLessThanOrEqual(6); // ± a few days (and Sundays)
      }
    }
    expect(lists).toHaveLength(result.courses);
    expect(lists.some((l) => l.length >= 3)).toBe(true);
    expect(lists.flat().filter((s) => s.status === 'signed')).toHaveLength(result.sessions);
    expect(lists.flat().filter((s) => s.amended)).toHaveLength(result.amended);

    // The Today view is not empty: the drafts were started today.
    const today = await call(core, 'sessions.onDay', { date: TODAY });
    expect(today.filter((s) => s.status === 'draft')).toHaveLength(result.drafts);

    // Every chart is valid: complete, inside the treatment's defaults, and only lot-expiry warnings.
    const batchIds = new Map(batches.map((b) => [b.id, b]));
    for (const summary of lists.flat()) {
      const session = (await call(core, 'sessions.get', { id: summary.id })) as Session;
      const chart = session.current;
      const treatment = types.get(session.treatmentTypeId)!;
      expect(session.warnings.filter((w) => !/batchId$/.test(w.path))).toEqual([]);
      expect(session.screening.every((f) => f.decision === 'proceed' && !!f.note)).toBe(true);
      expect(DEMO_PRACTITIONERS).toContain(chart.practitioner);
      for (const z of chart.zones) {
        const range = treatment.zones.find((t) => t.zone === z.zone)!;
        expect(range).toBeDefined();
        expect(z.depthMm).toBeGreaterThanOrEqual(range.depthMin);
        expect(z.depthMm).toBeLessThanOrEqual(range.depthMax);
        expect(Math.abs(z.depthMm * 20 - Math.round(z.depthMm * 20))).toBeLessThan(1e-9);
        expect(z.passes).toBeGreaterThanOrEqual(2);
        expect(z.passes).toBeLessThanOrEqual(4);
      }
      if (treatment.zones.length) expect(chart.zones.length).toBeGreaterThan(0);
      for (const id of [
        chart.cartridgeBatchId,
        chart.numbing.batchId,
        ...chart.products.map((p) => p.batchId),
      ])
        if (id) expect(batchIds.get(id)?.expiry).not.toBe('expired');
      if (chart.deviceId) {
        const device = catalogue.devices.find((d) => d.id === chart.deviceId)!;
        expect(device.needleConfigs).toContain(chart.needleConfig);
      }
      expect(chart.adverseEvents.none ?? true).toBe(true);
      if (session.status === 'draft') continue;

      expect(session.status).toBe('signed');
      expect(session.signedHash).toBeTruthy();
      expect(chart.products.length).toBeGreaterThanOrEqual(1);
      expect(chart.products.length).toBeLessThanOrEqual(2);
      if (chart.numbing.appliedAt) {
        const minutes = (Date.parse(chart.numbing.removedAt!) - Date.parse(chart.numbing.appliedAt)) / 60_000;
        expect(minutes).toBeGreaterThanOrEqual(30);
        expect(minutes).toBeLessThanOrEqual(45);
      }
      if (chart.zones.length) expect(chart.endpoint).not.toBeNull();
      expect(chart.reactions.none === true || !!chart.reactions.details).toBe(true);
      expect(chart.notes).toBeTruthy();
      expect(session.chart.nextSessionDate).toBe(
        localDate(new Date(Date.parse(session.chart.startedAt) + treatment.defaultIntervalDays * 86_400_000)),
      );
      for (const a of session.amendments) expect(a.reason.length).toBeGreaterThanOrEqual(3);
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('records each treated client’s consents on paper, so their sessions raise no consent flag', async () => {
    const core = newCore();
    const result = await seedDemoClinic(core, { clients: 30, seed: 5, withHistory: true });
    let treated = 0;
    let photo = 0;
    for (const clientId of result.ids) {
      const sessions = await call(core, 'sessions.listForClient', { clientId });
      const records = await call(core, 'consents.list', { clientId });
      if (sessions.length === 0) {
        expect(records).toEqual([]);
        continue;
      }
      treated++;
      const first = [...sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0]!;
      const session = await call(core, 'sessions.get', { id: first.id });
      expect(session.screening.map((f) => f.alertKey)).not.toContain('consent');
      expect(session.consent?.status).toBe('valid');
      const treatment = records.find((r) => r.kind === 'treatment')!;
      expect(treatment).toMatchObject({ method: 'paper', status: 'valid' });
      expect(treatment.signedAt <= first.startedAt).toBe(true);
      expect((await call(core, 'consents.verify', { id: treatment.id })).intact).toBe(true);
      const scan = await call(core, 'consents.document', { id: treatment.id });
      expect(scan.mime).toBe('image/png');
      if (records.some((r) => r.kind === 'photo')) photo++;
    }
    expect(treated).toBe(result.courses);
    expect(result.consents).toBe(treated + photo);
    expect(photo).toBeGreaterThan(0);
  });

  it('charts the same courses for the same seed', async () => {
    const shape = async (core: Core, ids: string[]) => {
      const out: unknown[] = [];
      for (const clientId of ids) {
        for (const s of await call(core, 'sessions.listForClient', { clientId })) {
          const session = await call(core, 'sessions.get', { id: s.id });
          const {
            startedAt,
            deviceId: _d,
            cartridgeBatchId: _c,
            numbing,
            products,
            ...chart
          } = session.current;
          out.push({
            client: s.clientName,
            treatment: s.treatmentName,
            status: s.status,
            // Drafts start a few minutes before now; signed sessions are on fixed days and times.
            startedAt: s.status === 'draft' ? null : startedAt,
            numbing: numbing.strength,
            products: products.length,
            chart,
            amendments: session.amendments.map((a) => a.reason),
          });
        }
      }
      return out;
    };
    const a = newCore();
    const b = newCore();
    const first = await seedDemoClinic(a, { clients: 20, seed: 42 });
    const second = await seedDemoClinic(b, { clients: 20, seed: 42 });
    expect(second.sessions).toBe(first.sessions);
    expect(await shape(b, second.ids)).toEqual(await shape(a, first.ids));
    const lots = async (core: Core) =>
      (await call(core, 'catalogue.get', {})).products.flatMap((p) =>
        p.batches.map((l) => `${p.name} ${l.lotNumber} ${l.expiryDate} ${l.quantityOnHand}`),
      );
    expect(await lots(b)).toEqual(await lots(a));
    // Lots move with today (so the demo stays current) but keep their shape.
    const products = (await call(a, 'catalogue.get', {})).products;
    const later = planDemoLots(products, '2031-03-15', 42);
    expect(later.map((l) => l.lotNumber.slice(0, 3))).toEqual(
      planDemoLots(products, TODAY, 42).map((l) => l.lotNumber.slice(0, 3)),
    );
    expect(later.every((l) => l.madeOn < l.expiryDate)).toBe(true);
  });
});
