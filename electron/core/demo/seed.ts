import type { Core } from '../app/core';
import {
  type Client,
  type ClientDetail,
  ClientInput,
  type ConsentTemplateFamily,
  type HistoryVersion,
} from '../contract';
import { newId, nowIso } from '../db/ids';
import { createDemoCharting, type DraftStage, seedDemoLots, UNTREATED_CONTRAINDICATIONS } from './charting';
import { expectOk } from './expect';
import { createDemoGenerator, DEFAULT_DEMO_SEED, type DemoGenerator, Rng, subSeed } from './generator';

export interface SeedOptions {
  clients: number;
  seed?: number;
  /** Save a medical history for every client (default true). */
  withHistory?: boolean;
  /**
   * Add product lots and chart courses of signed sessions for about 40% of the clients, with a couple of
   * drafts open today (default: true when histories are saved).
   */
  withSessions?: boolean;
  /** Reference date for ages and history dates (YYYY-MM-DD); defaults to the workstation's local date. */
  today?: string;
}

export interface SeedResult {
  seed: number;
  created: number;
  histories: number;
  archived: number;
  /** Product lots added to the catalogue, and how many of the demo lots expire soon or have expired. */
  lots: number;
  lotsExpiring: number;
  lotsExpired: number;
  /** Clients with a course of sessions. */
  courses: number;
  /** Signed sessions, of which `amended` carry an amendment; drafts are open today. */
  sessions: number;
  amended: number;
  drafts: number;
  /** Consent forms recorded (on paper, with a generated scan) for the clients with a course. */
  consents: number;
  /** Ids in creation order. */
  ids: string[];
  clients: Client[];
}

/** How many demo clients end up archived: a few, so the archive filter has something to show. */
export function archivedCountFor(total: number): number {
  if (total < 5) return 0;
  return Math.max(1, Math.round(total * 0.03));
}

/** Positions of the archived clients: evenly spread (not the first ones, which tests and demos look at). */
function archivedIndexes(total: number): number[] {
  const count = archivedCountFor(total);
  return Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * total) / count));
}

/** Share of clients picked for a course (a few are then left out: archived, or not to be treated). */
const COURSE_SHARE = 0.43;
/** Drafts left open today, so the Today view shows work in progress. */
const DRAFT_STAGES: readonly DraftStage[] = ['numbing-on', 'awaiting-sign-off'];

/**
 * Loads a fictional clinic through the real, validated API path (core.dispatch), exactly as the renderer
 * would: clients.create, then history.save; then product lots (catalogue.saveBatch) and courses of charted
 * sessions (consents on paper first, then sessions.start, acknowledge, saveDraft, sign, and now and then
 * amend); then clients.archive for a few. Throws on the first refusal.
 */
export async function seedDemoClinic(core: Core, options: SeedOptions): Promise<SeedResult> {
  const generator: DemoGenerator = createDemoGenerator({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    today: options.today,
    questionnaire: core.context.questionnaire,
  });
  const withHistory = options.withHistory ?? true;
  const withSessions = options.withSessions ?? withHistory;
  const result: SeedResult = {
    seed: generator.seed,
    created: 0,
    histories: 0,
    archived: 0,
    lots: 0,
    lotsExpiring: 0,
    lotsExpired: 0,
    courses: 0,
    sessions: 0,
    amended: 0,
    drafts: 0,
    consents: 0,
    ids: [],
    clients: [],
  };
  const inputs: ClientInput[] = [];

  for (let i = 0; i < options.clients; i++) {
    const input = generator.client();
    inputs.push(input);
    const client = expectOk<Client>(await core.dispatch('clients.create', input), `clients.create #${i + 1}`);
    result.created++;
    result.ids.push(client.id);
    result.clients.push(client);
    if (withHistory) {
      expectOk<HistoryVersion>(
        await core.dispatch('history.save', generator.history(client.id, input)),
        `history.save for client #${i + 1}`,
      );
      result.histories++;
    }
  }

  const toArchive = archivedIndexes(result.ids.length);
  if (withSessions) await chartCourses(core, generator, inputs, new Set(toArchive), result);

  for (const index of toArchive) {
    const id = result.ids[index]!;
    const archived = expectOk<Client>(
      await core.dispatch('clients.archive', { id }),
      `clients.archive #${index + 1}`,
    );
    result.clients[index] = archived;
    result.archived++;
  }
  return result;
}

/**
 * Lots first (sessions record them), then a course for about 40% of the clients: not for clients about to be
 * archived, nor for anyone with a contraindication the clinic would not treat over (pregnancy, isotretinoin,
 * an active infection, chemotherapy). Other flags are acknowledged with a note on every session.
 */
async function chartCourses(
  core: Core,
  generator: DemoGenerator,
  inputs: readonly ClientInput[],
  archived: ReadonlySet<number>,
  result: SeedResult,
): Promise<void> {
  const { catalogue, lots, added } = await seedDemoLots(core, generator.today, generator.seed);
  result.lots = added;
  result.lotsExpiring = lots.filter((l) => l.expiry === 'expiring').length;
  result.lotsExpired = lots.filter((l) => l.expiry === 'expired').length;

  const pick = new Rng(subSeed(generator.seed, 3));
  const chosen: number[] = [];
  for (let i = 0; i < result.ids.length; i++) {
    if (!pick.chance(COURSE_SHARE) || archived.has(i)) continue;
    const detail = expectOk<ClientDetail>(
      await core.dispatch('clients.get', { id: result.ids[i]! }),
      `clients.get #${i + 1}`,
    );
    const untreatable = detail.alerts.some(
      (a) => a.severity === 'contraindication' && UNTREATED_CONTRAINDICATIONS.has(a.key),
    );
    if (untreatable) continue;
    chosen.push(i);
  }
  // Drafts today for clients spread through the list (one in each part), so they are easy to come across.
  const stages = new Map<number, DraftStage>();
  DRAFT_STAGES.slice(0, chosen.length).forEach((stage, k, all) => {
    const from = Math.floor((k * chosen.length) / all.length);
    const to = Math.floor(((k + 1) * chosen.length) / all.length) - 1;
    stages.set(chosen[pick.int(from, Math.max(from, to))]!, stage);
  });

  const consentForms = expectOk<ConsentTemplateFamily[]>(
    await core.dispatch('consents.templates', {}),
    'consents.templates',
  );
  const charting = createDemoCharting({
    seed: generator.seed,
    today: generator.today,
    catalogue,
    lots,
    consentForms,
  });
  for (const index of chosen) {
    const course = await charting.chartCourse(
      core,
      { id: result.ids[index]!, index, input: inputs[index]! },
      stages.get(index) ?? null,
    );
    if (!course) continue;
    result.courses++;
    result.sessions += course.signed;
    result.amended += course.amended;
    result.drafts += course.drafts;
    result.consents += course.consents;
  }
}

/**
 * Benchmark fast path: validates every input with the contract's ClientInput schema, then inserts them all in
 * ONE transaction through the clients repository, with the same ids, timestamps and device id the service
 * uses. Not for the app: it skips the dispatcher so 50,000 rows load in seconds.
 */
export function bulkInsertClients(core: Core, inputs: readonly ClientInput[]): string[] {
  const parsed = inputs.map((input, i) => {
    const result = ClientInput.safeParse(input);
    if (!result.success) {
      throw new Error(
        `Generated client #${i + 1} failed validation: ${result.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    return result.data;
  });
  const { context } = core;
  const ids: string[] = [];
  core.db.transaction(() => {
    for (const fields of parsed) {
      const id = newId();
      context.clients.insert({
        id,
        fields,
        at: nowIso(),
        deviceId: context.deviceId,
        practitionerId: context.practitionerId(),
      });
      ids.push(id);
    }
  })();
  return ids;
}

/** Benchmark fast path for archiving: marks the given clients archived in one transaction. */
export function bulkArchiveClients(core: Core, ids: readonly string[]): void {
  const { context } = core;
  core.db.transaction(() => {
    for (const id of ids) {
      const at = nowIso();
      context.clients.setArchived(id, at, at, context.deviceId, context.practitionerId());
    }
  })();
}
