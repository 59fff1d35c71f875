import type { Core } from '../app/core';
import { type Client, ClientInput, type Envelope, type HistoryVersion } from '../contract';
import { newId, nowIso } from '../db/ids';
import { createDemoGenerator, DEFAULT_DEMO_SEED, type DemoGenerator } from './generator';

export interface SeedOptions {
  clients: number;
  seed?: number;
  /** Save a medical history for every client (default true). */
  withHistory?: boolean;
  /** Reference date for ages and history dates (YYYY-MM-DD); defaults to the workstation's local date. */
  today?: string;
}

export interface SeedResult {
  seed: number;
  created: number;
  histories: number;
  archived: number;
  /** Ids in creation order. */
  ids: string[];
  clients: Client[];
}

/** Unwraps a dispatch envelope, failing loudly with the validation message if the demo data is rejected. */
function expectOk<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) {
    const issues = envelope.error.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    throw new Error(
      `${what} failed (${envelope.error.code}): ${envelope.error.message}${issues ? ` [${issues}]` : ''}`,
    );
  }
  return envelope.value as T;
}

/** How many demo clients end up archived: a few, so the archive filter has something to show. */
export function archivedCountFor(total: number): number {
  if (total < 5) return 0;
  return Math.max(1, Math.round(total * 0.03));
}

/**
 * Loads a fictional clinic through the real, validated API path (core.dispatch), exactly as the renderer
 * would: clients.create, then history.save, then clients.archive for a few. Throws on the first refusal.
 */
export async function seedDemoClinic(core: Core, options: SeedOptions): Promise<SeedResult> {
  const generator: DemoGenerator = createDemoGenerator({
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    today: options.today,
    questionnaire: core.context.questionnaire,
  });
  const withHistory = options.withHistory ?? true;
  const result: SeedResult = {
    seed: generator.seed,
    created: 0,
    histories: 0,
    archived: 0,
    ids: [],
    clients: [],
  };

  for (let i = 0; i < options.clients; i++) {
    const input = generator.client();
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

  // Archive evenly spread clients (not the first ones, which tests and demos tend to look at).
  const toArchive = archivedCountFor(result.ids.length);
  for (let k = 0; k < toArchive; k++) {
    const index = Math.floor(((k + 0.5) * result.ids.length) / toArchive);
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
