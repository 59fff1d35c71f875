/**
 * `npx tsx tests/bench/search-plans.ts`: why clients.search misses its 5 ms target on some query shapes, and
 * what a rewrite of clientsRepo.search would cost. It prints EXPLAIN QUERY PLAN for today's statements, times
 * candidate statements one by one, then times complete proposed searches against today's, interleaved input
 * by input so machine noise hits all of them alike.
 *
 * Candidate indexes and the candidate FTS table are created on a COPY of the temporary database; the app's
 * schema, migrations and repository are not touched.
 *
 * BENCH_DB_DIR=<dir> reuses (or creates and keeps) the 50,000-client database there, to iterate quickly.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { type Core, createCore } from '../../electron/core/app/core';
import type { ClientInput } from '../../electron/core/contract';
import { RECORDS_FILE } from '../../electron/core/db/open';
import { createDemoGenerator } from '../../electron/core/demo/generator';
import { toFtsMatch } from '../../electron/core/domain/clients/searchQuery';
import { BENCH_SEED, buildShapes, loadClinic, PAGE_SIZE, SEARCH_SQL, type Shape } from './fixture';
import { markdownTable, ms, summarize, textTable, time } from './stats';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
/** Above this many matches the list would say "1,000+" and pages are found by walking the name index. */
const CAP = 1_000;

const keep = process.env.BENCH_DB_DIR;
const root = keep ?? mkdtempSync(join(tmpdir(), 'dermachart-plans-'));
const log = (text = '') => process.stdout.write(`${text}\n`);
const progress = (text: string) => process.stderr.write(`  ${text} ...\n`);

const COLUMNS = `c.id, c.first_name, c.last_name, c.preferred_name, c.date_of_birth, c.phone, c.email,
  c.fitzpatrick, c.archived_at, c.updated_at`;
const NAME_ORDER = 'c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.seq';
const ACTIVE = 'c.deleted_at IS NULL AND c.archived_at IS NULL';
const ACTIVE_PLAIN = 'deleted_at IS NULL AND archived_at IS NULL';

/**
 * What a migration 0004 would add: a partial index holding exactly the active list in list order, B-tree
 * indexes for phone digits (a digit prefix is a range), and an FTS table that indexes only the local part of
 * the email, so "example", "com", "gmail" no longer match every client.
 */
const CANDIDATE_SCHEMA = `
  CREATE INDEX clients_active_by_name
    ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE, seq) WHERE ${ACTIVE_PLAIN};
  CREATE INDEX clients_active_by_phone ON clients (phone_digits) WHERE ${ACTIVE_PLAIN};
  CREATE INDEX clients_active_by_phone_reversed ON clients (phone_digits_reversed) WHERE ${ACTIVE_PLAIN};
  CREATE VIRTUAL TABLE clients_fts_local USING fts5 (
    first_name, last_name, preferred_name, email_local,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
  INSERT INTO clients_fts_local (rowid, first_name, last_name, preferred_name, email_local)
    SELECT seq, first_name, last_name, preferred_name,
      CASE WHEN instr(email, '@') > 0 THEN substr(email, 1, instr(email, '@') - 1) ELSE email END
    FROM clients;`;

/** Statements that need only today's schema. */
const CANDIDATES = {
  ftsCountNoJoin: 'SELECT count(*) FROM clients_fts WHERE clients_fts MATCH @match',
  ftsCountCapped: `SELECT count(*) FROM (SELECT 1 FROM clients_fts JOIN clients c ON c.seq = clients_fts.rowid
    WHERE clients_fts MATCH @match AND ${ACTIVE} LIMIT ${CAP + 1})`,
  allCountCapped: `SELECT count(*) FROM (SELECT 1 FROM clients c WHERE ${ACTIVE} LIMIT ${CAP + 1})`,
  /** Keyset paging: the page after the last row the list already shows, instead of OFFSET. */
  allItemsKeyset: `SELECT ${COLUMNS} FROM clients c WHERE ${ACTIVE}
    AND (c.last_name, c.first_name, c.seq) > (@last COLLATE NOCASE, @first COLLATE NOCASE, @seq)
    ORDER BY ${NAME_ORDER} LIMIT @limit`,
};

const PHONE_SEQS = `SELECT seq FROM clients WHERE ${ACTIVE_PLAIN} AND @d <= phone_digits AND phone_digits < @dEnd
  UNION SELECT seq FROM clients WHERE ${ACTIVE_PLAIN} AND @r <= phone_digits_reversed AND phone_digits_reversed < @rEnd`;

/** Statements on the candidate schema; `{fts}` is clients_fts (same results) or clients_fts_local. */
const PROPOSED = {
  allCount: SEARCH_SQL.allCount,
  allItems: SEARCH_SQL.allItems,
  ftsCountCapped: `SELECT count(*) FROM (SELECT 1 FROM {fts} JOIN clients c ON c.seq = {fts}.rowid
    WHERE {fts} MATCH @match AND ${ACTIVE} LIMIT ${CAP + 1})`,
  ftsItemsSorted: `SELECT ${COLUMNS} FROM {fts} JOIN clients c ON c.seq = {fts}.rowid
    WHERE {fts} MATCH @match AND ${ACTIVE} ORDER BY ${NAME_ORDER} LIMIT @limit OFFSET @offset`,
  /** Walk the active list in name order, keeping rows in the FTS match set: stops after one page. */
  ftsItemsWalk: `SELECT ${COLUMNS} FROM clients c INDEXED BY clients_active_by_name
    WHERE ${ACTIVE} AND c.seq IN (SELECT rowid FROM {fts} WHERE {fts} MATCH @match)
    ORDER BY ${NAME_ORDER} LIMIT @limit OFFSET @offset`,
  phoneFwdCapped: `SELECT count(*) FROM (SELECT 1 FROM clients INDEXED BY clients_active_by_phone
    WHERE ${ACTIVE_PLAIN} AND @d <= phone_digits AND phone_digits < @dEnd LIMIT ${CAP + 1})`,
  phoneRevCapped: `SELECT count(*) FROM (SELECT 1 FROM clients INDEXED BY clients_active_by_phone_reversed
    WHERE ${ACTIVE_PLAIN} AND @r <= phone_digits_reversed AND phone_digits_reversed < @rEnd LIMIT ${CAP + 1})`,
  phoneCount: `SELECT count(*) FROM (${PHONE_SEQS})`,
  phoneItemsSorted: `SELECT ${COLUMNS} FROM clients c WHERE c.seq IN (${PHONE_SEQS})
    ORDER BY ${NAME_ORDER} LIMIT @limit OFFSET @offset`,
  phoneItemsWalk: `SELECT ${COLUMNS} FROM clients c INDEXED BY clients_active_by_name
    WHERE ${ACTIVE} AND ((@d <= c.phone_digits AND c.phone_digits < @dEnd)
      OR (@r <= c.phone_digits_reversed AND c.phone_digits_reversed < @rEnd))
    ORDER BY ${NAME_ORDER} LIMIT @limit OFFSET @offset`,
};

function phoneParams(query: string) {
  const d = query.replace(/\D/g, '');
  const r = [...d].reverse().join('');
  return { d, dEnd: `${d}:`, r, rEnd: `${r}:` };
}

/** Same test toFtsMatch uses to treat a query as a phone number. */
const isPhoneQuery = (query: string) => /^[+\d\s().-]+$/.test(query.trim()) && /\d/.test(query);

/** The FTS query without the phone columns, for the FTS table that has none. */
const textMatch = (match: string) =>
  match.replace(
    '{first_name last_name preferred_name email}',
    '{first_name last_name preferred_name email_local}',
  );

function plan(core: Core, sql: string, params: object): string {
  return (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

function openClinics(): { today: Core; proposed: Core; inputs: ClientInput[] } {
  const dir = join(root, 'clinic');
  const existed = existsSync(join(dir, RECORDS_FILE));
  let core = createCore({ dataDir: dir });
  let inputs: ClientInput[];
  if (existed) {
    inputs = createDemoGenerator({ seed: BENCH_SEED }).clients(CLIENTS);
  } else {
    progress(`loading ${CLIENTS} clients`);
    inputs = loadClinic(core, CLIENTS).inputs;
  }
  core.close(); // checkpoints the WAL into the file, so a plain copy is complete
  const copyDir = join(root, 'candidate');
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  copyFileSync(join(dir, RECORDS_FILE), join(copyDir, RECORDS_FILE));
  core = createCore({ dataDir: dir });
  const proposed = createCore({ dataDir: copyDir });
  progress('building candidate indexes on the copy');
  proposed.db.exec(CANDIDATE_SCHEMA);
  return { today: core, proposed, inputs };
}

type Input = { query: string; offset: number; match: string | null };
type SearchFn = (i: Input) => { total: number; items: unknown[] };

function inputsOf(shape: Shape): Input[] {
  return shape.inputs.slice(0, SAMPLES).map((i) => ({ ...i, match: toFtsMatch(i.query) }));
}

function measure(shape: Shape, run: (input: Input) => unknown) {
  const inputs = inputsOf(shape);
  for (const input of inputs.slice(0, 10)) run(input);
  return summarize(inputs.map((input) => time(() => run(input)).ms));
}

function main() {
  const { today: todayCore, proposed: proposedCore, inputs } = openClinics();
  const db = todayCore.db;
  const shapes = buildShapes(inputs, SAMPLES);
  const textShapes = shapes.filter((s) => s.inputs[0]!.query !== '' && !isPhoneQuery(s.inputs[0]!.query));
  const phoneShapes = shapes.filter((s) => isPhoneQuery(s.inputs[0]!.query));
  const [empty, deep] = shapes.filter((s) => s.inputs[0]!.query === '') as [Shape, Shape];
  const page = { limit: PAGE_SIZE };
  const prepare = <T extends Record<string, string>>(core: Core, sqls: T, fts = 'clients_fts') =>
    Object.fromEntries(
      Object.entries(sqls).map(([k, sql]) => [k, core.db.prepare(sql.replaceAll('{fts}', fts))]),
    ) as Record<keyof T, Statement>;

  log(
    `SQLite ${db.prepare('SELECT sqlite_version()').pluck().get()}, cache_size ${db.pragma('cache_size', { simple: true })}, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  log(
    `planner statistics (sqlite_stat1) present: ${db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'").pluck().get() === 1}`,
  );
  log();
  log('EXPLAIN QUERY PLAN, today (name-asc, active):');
  for (const [name, sql] of Object.entries(SEARCH_SQL))
    log(`  ${name}: ${plan(todayCore, sql, { match: 'x', ...page, offset: 0 })}`);
  log(
    `  keyset page (candidate): ${plan(todayCore, CANDIDATES.allItemsKeyset, { last: 'a', first: 'b', seq: 1, ...page })}`,
  );
  log('EXPLAIN QUERY PLAN on the candidate schema:');
  for (const [name, sql] of Object.entries(PROPOSED)) {
    log(
      `  ${name}: ${plan(proposedCore, sql.replaceAll('{fts}', 'clients_fts'), { match: 'x', ...phoneParams('077009'), ...page, offset: 0 })}`,
    );
  }
  log();

  // Email domains are indexed as words: how many clients each short query matches with and without them.
  const countToday = db.prepare(SEARCH_SQL.ftsCount).pluck();
  const countLocal = proposedCore.db
    .prepare(SEARCH_SQL.ftsCount.replaceAll('clients_fts', 'clients_fts_local'))
    .pluck();
  const domainRows = ['c', 'e', 'n', 'o', 'co', 'ex', 'ne', 'or', 's', 'sa'].map((q) => {
    const match = toFtsMatch(q)!;
    return [q, String(countToday.get({ match })), String(countLocal.get({ match: textMatch(match) }))];
  });
  log(
    'Active clients matched by a short query: FTS today (email domains indexed) vs local part of the email only:',
  );
  log();
  log(textTable(['Query', 'today', 'local part only'], domainRows));
  log();

  const today = prepare(todayCore, SEARCH_SQL);
  const candidates = prepare(todayCore, CANDIDATES);
  const proposed = prepare(proposedCore, PROPOSED);
  const proposedLocal = prepare(proposedCore, PROPOSED, 'clients_fts_local');
  const rows: string[][] = [];
  const add = (shape: Shape, variant: string, run: (input: Input) => unknown) => {
    const s = measure(shape, run);
    rows.push([shape.name, variant, ms(s.p50), ms(s.p95)]);
  };

  // 1. Statement by statement.
  progress('statements');
  for (const shape of [...textShapes, ...phoneShapes]) {
    add(shape, 'today: count(*) (FTS + join)', (i) => today.ftsCount.pluck().get({ match: i.match }));
    add(shape, 'today: page (FTS + join + sort)', (i) =>
      today.ftsItems.all({ match: i.match, ...page, offset: 0 }),
    );
    add(shape, 'count(*), FTS only (no join)', (i) =>
      candidates.ftsCountNoJoin.pluck().get({ match: i.match }),
    );
    add(shape, `count capped at ${CAP}`, (i) => candidates.ftsCountCapped.pluck().get({ match: i.match }));
  }
  for (const shape of textShapes) {
    add(shape, 'page by name-index walk', (i) =>
      proposed.ftsItemsWalk.all({ match: i.match, ...page, offset: 0 }),
    );
  }
  for (const shape of phoneShapes) {
    add(shape, `count, B-tree fwd + rev, capped`, (i) => {
      const p = phoneParams(i.query);
      return [proposed.phoneFwdCapped.pluck().get(p), proposed.phoneRevCapped.pluck().get(p)];
    });
    add(shape, 'count, B-tree UNION (exact)', (i) => proposed.phoneCount.pluck().get(phoneParams(i.query)));
    add(shape, 'page, B-tree ranges + sort', (i) =>
      proposed.phoneItemsSorted.all({ ...phoneParams(i.query), ...page, offset: 0 }),
    );
    add(shape, 'page, name-index walk', (i) =>
      proposed.phoneItemsWalk.all({ ...phoneParams(i.query), ...page, offset: 0 }),
    );
  }
  add(empty, 'today: count(*)', () => today.allCount.pluck().get());
  add(empty, 'today: page', () => today.allItems.all({ ...page, offset: 0 }));
  add(empty, `count capped at ${CAP}`, () => candidates.allCountCapped.pluck().get());
  add(empty, 'count(*), active partial index', () => proposed.allCount.pluck().get());
  add(deep, 'today: page (OFFSET)', (i) => today.allItems.all({ ...page, offset: i.offset }));
  add(deep, 'page (OFFSET), active partial index', (i) =>
    proposed.allItems.all({ ...page, offset: i.offset }),
  );
  const anchor =
    db.prepare(`SELECT c.last_name AS last, c.first_name AS first, c.seq FROM clients c WHERE ${ACTIVE}
    ORDER BY ${NAME_ORDER} LIMIT 1 OFFSET ?`);
  const anchors = new Map(inputsOf(deep).map((i) => [i.offset, anchor.get(i.offset - 1) as object]));
  add(deep, 'keyset page (no OFFSET)', (i) =>
    candidates.allItemsKeyset.all({ ...anchors.get(i.offset), ...page }),
  );

  // 2. Whole searches, interleaved.
  progress('whole searches');
  const todaySearch: SearchFn = (i) => {
    const params = i.match === null ? {} : { match: i.match };
    const total = (i.match === null ? today.allCount : today.ftsCount).pluck().get(params) as number;
    const items = (i.match === null ? today.allItems : today.ftsItems).all({
      ...params,
      ...page,
      offset: i.offset,
    });
    return { total, items };
  };
  const proposal =
    (s: typeof proposed, local: boolean): SearchFn =>
    (i) => {
      if (i.match === null) {
        return {
          total: s.allCount.pluck().get() as number,
          items: s.allItems.all({ ...page, offset: i.offset }),
        };
      }
      if (isPhoneQuery(i.query)) {
        const p = phoneParams(i.query);
        const capped =
          (s.phoneFwdCapped.pluck().get(p) as number) > CAP ||
          (s.phoneRevCapped.pluck().get(p) as number) > CAP;
        const total = capped ? CAP + 1 : (s.phoneCount.pluck().get(p) as number);
        return {
          total,
          items: (capped ? s.phoneItemsWalk : s.phoneItemsSorted).all({ ...p, ...page, offset: i.offset }),
        };
      }
      const match = local ? textMatch(i.match) : i.match;
      const total = s.ftsCountCapped.pluck().get({ match }) as number;
      return {
        total,
        items: (total > CAP ? s.ftsItemsWalk : s.ftsItemsSorted).all({ match, ...page, offset: i.offset }),
      };
    };
  const variants: [string, SearchFn][] = [
    ['today', todaySearch],
    ['A', proposal(proposed, false)],
    ['B', proposal(proposedLocal, true)],
  ];
  const ids = (r: { items: unknown[] }) => r.items.map((x) => (x as { id: string }).id).join();
  const compareRows: string[][] = [];
  for (const shape of shapes) {
    const list = inputsOf(shape);
    for (const i of list.slice(0, 10)) for (const [, fn] of variants) fn(i);
    const samples = variants.map(() => [] as number[]);
    let samePage = true;
    for (const i of list) {
      const results = variants.map(([, fn], k) => {
        const r = time(() => fn(i));
        samples[k]!.push(r.ms);
        return r.value;
      });
      if (ids(results[0]!) !== ids(results[1]!)) samePage = false;
    }
    const s = samples.map(summarize);
    compareRows.push([shape.name, ...s.flatMap((x) => [ms(x.p50), ms(x.p95)]), samePage ? 'yes' : 'NO']);
  }
  todayCore.close();
  proposedCore.close();

  const headers = ['Query shape', 'Statement', 'p50 ms', 'p95 ms'];
  const order = (name: string) => shapes.findIndex((x) => x.name === name);
  rows.sort((x, y) => order(x[0]!) - order(y[0]!));
  log(
    `Statement timings (${CLIENTS.toLocaleString('en-GB')} clients, ${SAMPLES} inputs per shape, limit ${PAGE_SIZE}):`,
  );
  log();
  log(textTable(headers, rows));
  log();
  const compareHeaders = [
    'Query shape',
    'today p50',
    'today p95',
    'A p50',
    'A p95',
    'B p50',
    'B p95',
    'A = today page',
  ];
  log('Whole search (SQL only, no dispatch), ms, the three run interleaved input by input:');
  log(
    `  A = count capped at ${CAP} ("1,000+"), name-index walk above the cap, phone digits on B-tree indexes,`,
  );
  log('      partial index on the active list. Same rows in the same order as today.');
  log('  B = A with an FTS table that indexes only the local part of the email (fewer, better matches).');
  log();
  log(textTable(compareHeaders, compareRows));
  log();
  log(markdownTable(headers, rows));
  log();
  log(markdownTable(compareHeaders, compareRows));
}

try {
  main();
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
}
