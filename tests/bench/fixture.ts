import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core/app/core';
import type { ClientInput } from '../../electron/core/contract';
import { createDemoGenerator, Rng } from '../../electron/core/demo/generator';
import { bulkArchiveClients, bulkInsertClients } from '../../electron/core/demo/seed';

export const BENCH_SEED = 424_242;
export const PAGE_SIZE = 100;
export const DEEP_OFFSET = 40_000;

export interface LoadedClinic {
  inputs: ClientInput[];
  ids: string[];
  archivedIds: string[];
  generateMs: number;
  insertMs: number;
  archiveMs: number;
}

/** Generates `count` demo clients and loads them with the benchmark fast path; archives 1 in 50. */
export function loadClinic(core: Core, count: number, seed = BENCH_SEED): LoadedClinic {
  let start = performance.now();
  const inputs = createDemoGenerator({ seed, questionnaire: core.context.questionnaire }).clients(count);
  const generateMs = performance.now() - start;

  start = performance.now();
  const ids = bulkInsertClients(core, inputs);
  const insertMs = performance.now() - start;

  start = performance.now();
  const archivedIds = ids.filter((_, i) => i % 50 === 25);
  bulkArchiveClients(core, archivedIds);
  const archiveMs = performance.now() - start;

  return { inputs, ids, archivedIds, generateMs, insertMs, archiveMs };
}

// -------------------------------------------------------------------------------------------------------
// Query shapes, built from the generated data so every input is something a practitioner could type.

export interface Shape {
  name: string;
  example: string;
  inputs: { query: string; offset: number }[];
}

function digitsOf(text: string) {
  return text.replace(/\D/g, '');
}

/** The formatted phone cut after `n` digits: "07700 900123", 7 -> "07700 9". */
export function phonePrefix(phone: string, n: number): string {
  let seen = 0;
  for (let i = 0; i < phone.length; i++) {
    if (/\d/.test(phone[i]!)) seen++;
    if (seen === n) return phone.slice(0, i + 1);
  }
  return phone;
}

export function buildShapes(inputs: readonly ClientInput[], count: number): Shape[] {
  const rng = new Rng(7);
  const names = inputs.flatMap((c) => [c.firstName, c.lastName]).filter((n) => /^\p{L}{3}/u.test(n));
  const surnames = inputs.map((c) => c.lastName);
  const phones = inputs.map((c) => c.phone).filter((p): p is string => !!p && digitsOf(p).length >= 10);
  const mobiles = phones.filter((p) => p.startsWith('07700'));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const many = <T>(make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));
  const text = (make: () => string) => many(() => ({ query: make(), offset: 0 }));

  return [
    {
      name: '1-letter prefix',
      example: 's, M, k ...',
      inputs: many((i) => {
        const l = letters[i % letters.length]!;
        return { query: i % 3 === 0 ? l.toUpperCase() : l, offset: 0 };
      }),
    },
    { name: '2-letter prefix', example: 'ok, Nú, pa ...', inputs: text(() => rng.pick(names).slice(0, 2)) },
    {
      name: '3-letter prefix',
      example: 'Oka, chl, Sio ...',
      inputs: text(() => rng.pick(names).slice(0, 3)),
    },
    { name: 'full surname', example: 'Núñez, Patel ...', inputs: text(() => rng.pick(surnames)) },
    {
      name: 'phone prefix',
      example: '07700 9, 0113 49 ...',
      inputs: text(() =>
        rng.chance(0.7)
          ? phonePrefix(rng.pick(mobiles), rng.int(6, 9))
          : phonePrefix(rng.pick(phones), rng.int(5, 8)),
      ),
    },
    {
      name: 'phone last 4',
      example: '0123, 4567 ...',
      inputs: text(() => digitsOf(rng.pick(phones)).slice(-4)),
    },
    { name: 'empty (first page)', example: '""', inputs: many(() => ({ query: '', offset: 0 })) },
    {
      name: `empty, offset ${DEEP_OFFSET}`,
      example: `"" @ ${DEEP_OFFSET}+`,
      inputs: many((i) => ({ query: '', offset: DEEP_OFFSET + (i % 10) * PAGE_SIZE })),
    },
  ];
}
