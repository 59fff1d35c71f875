/**
 * Charting at scale: one client with 300 signed sessions (a long-standing client on monthly scalp
 * treatments, plus face sessions), then listing them and opening one through the real handlers.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { type Core, createCore } from '../../electron/core/app/core';
import { call } from '../support/call';
import { ms, type Summary, summarize, timeAsync } from './stats';

export const SESSIONS = 300;
const ITERATIONS = 300;

async function chartSignedSessions(
  core: Core,
): Promise<{ clientId: string; sessionIds: string[]; seedMs: number }> {
  const started = performance.now();
  const client = await call(core, 'clients.create', {
    firstName: 'Bench',
    lastName: 'Client',
    fitzpatrick: 4,
    allergies: 'Latex',
  });
  const view = await call(core, 'history.get', { clientId: client.id });
  const answers = view.questionnaire.sections
    .flatMap((s) => s.questions)
    .map((q) => ({
      questionId: q.id,
      answer: q.id === 'herpes_history' ? ('yes' as const) : ('no' as const),
    }));
  await call(core, 'history.save', { clientId: client.id, answers });
  let catalogue = await call(core, 'catalogue.get', {});
  const serum = catalogue.products.find((p) => p.kind === 'serum')!;
  catalogue = await call(core, 'catalogue.saveBatch', {
    id: null,
    fields: { productId: serum.id, lotNumber: 'BENCH-1', expiryDate: '2099-12-31' },
  });
  const lot = catalogue.products.find((p) => p.id === serum.id)!.batches[0]!;
  const types = catalogue.treatmentTypes.filter((t) => t.zones.length > 0);

  const sessionIds: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const treatment = types[i % types.length]!;
    const startedAt = new Date(Date.UTC(2001, 0, 1) + i * 14 * 86_400_000).toISOString();
    const session = await call(core, 'sessions.start', {
      clientId: client.id,
      treatmentTypeId: treatment.id,
      practitioner: 'Dr Bench',
      startedAt,
    });
    await call(core, 'sessions.acknowledge', {
      id: session.id,
      by: 'Dr Bench',
      acknowledgements: session.screening.map((f) => ({
        alertKey: f.alertKey,
        decision: 'proceed',
        note: 'Reviewed',
      })),
    });
    await call(core, 'sessions.saveDraft', {
      id: session.id,
      chart: {
        startedAt,
        practitioner: 'Dr Bench',
        zones: treatment.zones.map((z) => ({
          zone: z.zone,
          depthMm: z.depthMin,
          passes: 2,
          technique: 'stamping',
        })),
        products: [{ batchId: lot.id, notes: null }],
        endpoint: 'uniform-erythema' as const,
        reactions: { none: true },
        adverseEvents: { none: true },
        notes: `Session ${i + 1}`,
      },
    });
    await call(core, 'sessions.sign', { id: session.id, by: 'Dr Bench' });
    sessionIds.push(session.id);
  }
  return { clientId: client.id, sessionIds, seedMs: performance.now() - started };
}

export interface SessionBench {
  seedMs: number;
  list: Summary;
  open: Summary;
  listed: number;
}

export async function benchSessions(root: string): Promise<SessionBench> {
  const core = createCore({ dataDir: mkdtempSync(join(root, 'sessions-')) });
  try {
    const { clientId, sessionIds, seedMs } = await chartSignedSessions(core);
    const listSamples: number[] = [];
    const openSamples: number[] = [];
    let listed = 0;
    for (let i = 0; i < ITERATIONS + 20; i++) {
      const list = await timeAsync(() => call(core, 'sessions.listForClient', { clientId }));
      const open = await timeAsync(() =>
        call(core, 'sessions.get', { id: sessionIds[(i * 37) % sessionIds.length]! }),
      );
      listed = list.value.length;
      if (i < 20) continue; // warm-up
      listSamples.push(list.ms);
      openSamples.push(open.ms);
    }
    return { seedMs, list: summarize(listSamples), open: summarize(openSamples), listed };
  } finally {
    core.close();
  }
}

export function sessionRows(b: SessionBench, target: number): string[][] {
  return [
    ['sessions.listForClient', `${b.listed} signed sessions`, ms(b.list.p50), ms(b.list.p95), ms(b.list.max)],
    [
      'sessions.get (one chart)',
      'with zones, products, screening',
      ms(b.open.p50),
      ms(b.open.p95),
      ms(b.open.max),
    ],
  ].map((r, i) => [...r, `p95 < ${target} ms`, (i === 0 ? b.list : b.open).p95 < target ? 'PASS' : 'MISS']);
}
