/**
 * `npm run bench`: how Dermachart's records layer performs at clinic scale. It prints figures, it never
 * fails on timing (machines differ); the PASS/MISS column compares against the target for the list search.
 *
 *   1. open a fresh data directory (all migrations) and reopen a 50,000-client one;
 *   2. load 50,000 generated clients;
 *   3. clients.search through core.dispatch (validation included) for typical query shapes;
 *   4. charting: listing and opening a client's signed sessions;
 *   5. photos: importing camera-size JPEGs through the worker pool against a bare sharp loop, and the
 *      photo timeline of a client with 5,000 photos, first page and every page (see photos.ts).
 *
 * Environment:
 *   BENCH_ONLY=photos         run only some parts: a comma-separated list of clients (1-3), sessions (4)
 *                             and photos (5), e.g. BENCH_ONLY=photos or BENCH_ONLY=clients,sessions
 *   BENCH_CLIENTS=50000       clients to seed;  BENCH_ITERATIONS=300  searches per query shape
 *   BENCH_PHOTOS=200          camera JPEGs to import (e.g. BENCH_PHOTOS=60 for a quick profile)
 *
 * Everything is written under os.tmpdir() and deleted at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Core, createCore } from '../../electron/core/app/core';
import type { ClientSearchResult } from '../../electron/core/contract';
import { buildShapes, loadClinic, PAGE_SIZE, type Shape } from './fixture';
import { benchPhotos, PHOTO_HEADERS, PHOTOS, photoRows, TIMELINE_PHOTOS } from './photos';
import { benchSessions, SESSIONS, sessionRows } from './sessions';
import { markdownTable, ms, type Summary, summarize, textTable, time, timeAsync } from './stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 25;
/** Per-shape time budget, so one slow shape cannot push the whole run past ~2 minutes. */
const SHAPE_BUDGET_MS = 6_000;
const MIN_ITERATIONS = 200;
const TARGET_P95_MS = 5;
const SESSION_TARGET_P95_MS = 20;
const PHOTO_RATIO_TARGET = 0.8;
const TIMELINE_TARGET_P95_MS = 20;
const PARTS = ['clients', 'sessions', 'photos'] as const;
type Part = (typeof PARTS)[number];

/** The parts BENCH_ONLY names (all when unset); an unknown name stops the run before anything starts. */
function selectedParts(value: string | undefined): ReadonlySet<Part> {
  if (!value?.trim()) return new Set(PARTS);
  const names = value.split(',').map((n) => n.trim().toLowerCase());
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`BENCH_ONLY: unknown part "${unknown.join('", "')}"; use ${PARTS.join(', ')}\n`);
    process.exit(2);
  }
  return new Set(names as Part[]);
}
const ONLY = selectedParts(process.env.BENCH_ONLY);

const root = mkdtempSync(join(tmpdir(), 'dermachart-bench-'));
const cleanup = () => rmSync(root, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

function loadAverage() {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}

function log(text = '') {
  process.stdout.write(`${text}\n`);
}

// -------------------------------------------------------------------------------------------------------

interface ShapeResult {
  shape: Shape;
  summary: Summary;
  medianTotal: number;
  /** The input with the largest match set, which usually sets the p95. */
  largest: { query: string; total: number };
}

async function search(core: Core, query: string, offset: number): Promise<ClientSearchResult> {
  // Like the client list: only the first page asks for the total.
  const envelope = await core.dispatch('clients.search', {
    query,
    offset,
    limit: PAGE_SIZE,
    withTotal: offset === 0,
  });
  if (!envelope.ok) throw new Error(`clients.search "${query}" failed: ${envelope.error.message}`);
  return envelope.value as ClientSearchResult;
}

async function runShape(core: Core, shape: Shape): Promise<ShapeResult> {
  for (let i = 0; i < WARMUP; i++) {
    const input = shape.inputs[i % shape.inputs.length]!;
    await search(core, input.query, input.offset);
  }
  const samples: number[] = [];
  const totals: number[] = [];
  let largest = { query: '', total: -1 };
  const started = performance.now();
  for (let i = 0; i < shape.inputs.length; i++) {
    if (i >= MIN_ITERATIONS && performance.now() - started > SHAPE_BUDGET_MS) break;
    const input = shape.inputs[i]!;
    const { ms: elapsed, value } = await timeAsync(() => search(core, input.query, input.offset));
    samples.push(elapsed);
    // Later pages skip the count, as the client list does; their shape reports the first page's total.
    const total = value.total ?? 0;
    totals.push(total);
    if (total > largest.total) largest = { query: input.query, total };
  }
  totals.sort((a, b) => a - b);
  return {
    shape,
    summary: summarize(samples),
    medianTotal: totals[Math.floor(totals.length / 2)] ?? 0,
    largest,
  };
}

/** Parts 1-3: opening, loading 50,000 clients, search. Returns its Markdown for the README. */
async function clientsPart(): Promise<string> {
  // 1. Opening.
  const firstOpen = time(() => createCore({ dataDir: join(root, 'fresh-0') }));
  firstOpen.value.close();
  const freshSamples: number[] = [];
  for (let i = 1; i <= 10; i++) {
    const { ms: elapsed, value } = time(() => createCore({ dataDir: join(root, `fresh-${i}`) }));
    value.close();
    freshSamples.push(elapsed);
  }
  const fresh = summarize(freshSamples);
  log(
    `Open a fresh data directory + all migrations: first ${ms(firstOpen.ms)} ms (cold process), then p50 ${ms(fresh.p50)} ms, max ${ms(fresh.max)} ms (n=${fresh.n})`,
  );

  // 2. Loading 50,000 clients.
  const bigDir = join(root, 'clinic-50k');
  let core = createCore({ dataDir: bigDir });
  const loaded = loadClinic(core, CLIENTS);
  const rowsPerSecond = CLIENTS / (loaded.insertMs / 1000);
  log(
    `Seed ${CLIENTS.toLocaleString('en-GB')} clients: generate ${ms(loaded.generateMs / 1000)} s, ` +
      `validate + insert (one transaction) ${ms(loaded.insertMs / 1000)} s (${Math.round(rowsPerSecond).toLocaleString('en-GB')} clients/s), ` +
      `archive ${loaded.archivedIds.length} ${ms(loaded.archiveMs / 1000)} s`,
  );
  core.close();

  // 3. Reopening the 50k database.
  const reopenSamples: number[] = [];
  let coldFirstSearch = 0;
  for (let i = 0; i < 5; i++) {
    const { ms: elapsed, value } = time(() => createCore({ dataDir: bigDir }));
    reopenSamples.push(elapsed);
    if (i === 0) coldFirstSearch = (await timeAsync(() => search(value, '', 0))).ms;
    if (i < 4) value.close();
    else core = value;
  }
  const reopen = summarize(reopenSamples);
  log(
    `Reopen the ${CLIENTS.toLocaleString('en-GB')}-client database: p50 ${ms(reopen.p50)} ms, max ${ms(reopen.max)} ms (n=${reopen.n}); ` +
      `first search after opening ${ms(coldFirstSearch)} ms`,
  );
  log();

  // 4. Search through the dispatcher.
  const shapes = buildShapes(loaded.inputs, ITERATIONS);
  const results: ShapeResult[] = [];
  for (const shape of shapes) {
    process.stderr.write(`  searching: ${shape.name} ...\n`);
    results.push(await runShape(core, shape));
  }

  const headers = [
    'Query shape',
    'Examples',
    'Matches (median)',
    'Most matches',
    'n',
    'p50 ms',
    'p95 ms',
    'max ms',
    'Target',
    'Result',
  ];
  const rows = results.map((r) => [
    r.shape.name,
    r.shape.example,
    r.largest.total ? r.medianTotal.toLocaleString('en-GB') : 'not counted',
    r.largest.total ? `"${r.largest.query}" ${r.largest.total.toLocaleString('en-GB')}` : '(later page)',
    String(r.summary.n),
    ms(r.summary.p50),
    ms(r.summary.p95),
    ms(r.summary.max),
    `p95 < ${TARGET_P95_MS} ms`,
    r.summary.p95 < TARGET_P95_MS ? 'PASS' : 'MISS',
  ]);
  log(
    `clients.search via core.dispatch (zod validation included), ${CLIENTS.toLocaleString('en-GB')} clients, limit ${PAGE_SIZE}, sort name-asc, status active:`,
  );
  log();
  log(textTable(headers, rows));
  log();

  core.close();
  return [
    `Open fresh database + migrations: p50 ${ms(fresh.p50)} ms. Reopen ${CLIENTS.toLocaleString('en-GB')} clients: p50 ${ms(reopen.p50)} ms. ` +
      `Seed ${CLIENTS.toLocaleString('en-GB')} clients: ${ms(loaded.insertMs / 1000)} s. (node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'})`,
    markdownTable(headers, rows),
  ].join('\n\n');
}

/** Part 4: charting. */
async function sessionsPart(): Promise<string> {
  // A client with many signed sessions.
  log(`  charting: ${SESSIONS} signed sessions for one client ...`);
  const charting = await benchSessions(root);
  const sessionHeaders = ['Call', 'Data', 'p50 ms', 'p95 ms', 'max ms', 'Target', 'Result'];
  const sessionTable = sessionRows(charting, SESSION_TARGET_P95_MS);
  log(
    `Charted ${SESSIONS} sessions (start, screening, autosave, sign-off) through the handlers in ${ms(charting.seedMs / 1000)} s.`,
  );
  log();
  log(textTable(sessionHeaders, sessionTable));
  log();
  return markdownTable(sessionHeaders, sessionTable);
}

/** Part 5: photos. */
async function photosPart(): Promise<string> {
  // Import throughput against bare sharp, and the timeline query.
  const photos = await benchPhotos(root, (text) => process.stderr.write(`${text}\n`));
  const photoTable = photoRows(photos, PHOTO_RATIO_TARGET, TIMELINE_TARGET_P95_MS);
  log(
    `Photos: ${PHOTOS} camera JPEGs imported through photos.import (worker pool) and through a bare sharp loop; ` +
      `photos.list for ${TIMELINE_PHOTOS.toLocaleString('en-GB')} photos. Peak RSS is the whole process, ` +
      'worker threads included (they share it), sampled every 50 ms.',
  );
  log();
  log(textTable(PHOTO_HEADERS, photoTable));
  log();
  return markdownTable(PHOTO_HEADERS, photoTable);
}

async function main() {
  const totalStart = performance.now();
  log('Dermachart benchmark');
  log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${process.platform}`);
  log(`temp data: ${root}`);
  log(`parts: ${[...ONLY].join(', ')}${ONLY.size < PARTS.length ? ' (BENCH_ONLY)' : ''}`);
  log(`load average at start: ${loadAverage()} (timings are noisy if other work is running)`);
  log();

  const parts: Record<Part, () => Promise<string>> = {
    clients: clientsPart,
    sessions: sessionsPart,
    photos: photosPart,
  };
  const markdown: string[] = [];
  for (const part of PARTS) if (ONLY.has(part)) markdown.push(await parts[part]());

  const totalSeconds = (performance.now() - totalStart) / 1000;
  log(`Total bench time ${ms(totalSeconds, 1)} s; load average at end: ${loadAverage()}.`);
  log();
  log('Markdown (for the README):');
  log();
  log(markdown.join('\n\n'));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
