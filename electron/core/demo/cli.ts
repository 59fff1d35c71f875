/**
 * Loads a fictional demo clinic into a data directory:
 *
 *   npm run demo -- --data-dir ./demo-data --clients 120 [--seed 7] [--no-history] [--no-sessions] [--force]
 *
 * The data directory comes from --data-dir, then $DERMACHART_DATA_DIR, then ./demo-data. A directory whose
 * records already hold clients is left alone unless --force is given (which adds the demo clients alongside).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Core, createCore } from '../app/core';
import { DATA_DIR_ENV, resolveDataDir } from '../app/dataDir';
import type { ClientSearchResult } from '../contract';
import { DatabaseOpenError, RECORDS_FILE } from '../db/open';
import { DEFAULT_DEMO_SEED } from './generator';
import { seedDemoClinic } from './seed';

const DEFAULT_DIR = 'demo-data';
const DEFAULT_CLIENTS = 120;
const MAX_CLIENTS = 100_000;

const USAGE = `Usage: npm run demo -- [--data-dir <dir>] [--clients <n>] [--seed <n>] [--no-history] [--no-sessions] [--force]

  --data-dir <dir>  where to write the records (default: $${DATA_DIR_ENV}, else ./${DEFAULT_DIR})
  --clients <n>     how many fictional clients to create (default ${DEFAULT_CLIENTS})
  --seed <n>        random seed; the same seed gives the same clients (default ${DEFAULT_DEMO_SEED})
  --no-history      do not record a medical history for each client (implies --no-sessions)
  --no-sessions     do not add product lots or chart treatment sessions
  --force           add the demo clients even if the records already hold clients`;

interface CliOptions {
  dataDir: string;
  clients: number;
  seed: number;
  withHistory: boolean;
  withSessions: boolean;
  force: boolean;
  help: boolean;
}

class UsageError extends Error {}

function integerFlag(
  argv: readonly string[],
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  let raw: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === name) raw = argv[i + 1];
    else if (arg.startsWith(`${name}=`)) raw = arg.slice(name.length + 1);
  });
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const known = new Set([
    '--data-dir',
    '--clients',
    '--seed',
    '--no-history',
    '--no-sessions',
    '--force',
    '--help',
    '-h',
  ]);
  const valued = new Set(['--data-dir', '--clients', '--seed']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!known.has(name)) throw new UsageError(`Unknown option "${arg}".`);
    if (valued.has(arg)) {
      if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))
        throw new UsageError(`${arg} needs a value.`);
      i++;
    }
  }
  return {
    dataDir: resolveDataDir(argv, env, DEFAULT_DIR),
    clients: integerFlag(argv, '--clients', DEFAULT_CLIENTS, 1, MAX_CLIENTS),
    seed: integerFlag(argv, '--seed', DEFAULT_DEMO_SEED, 0, 0xffffffff),
    withHistory: !argv.includes('--no-history'),
    withSessions: !argv.includes('--no-history') && !argv.includes('--no-sessions'),
    force: argv.includes('--force'),
    help: argv.includes('--help') || argv.includes('-h'),
  };
}

async function countClients(core: Core): Promise<number> {
  const envelope = await core.dispatch('clients.search', { query: '', status: 'all', limit: 1 });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as ClientSearchResult).total ?? 0;
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv, env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  let core: Core;
  try {
    core = createCore({ dataDir: options.dataDir });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(`Cannot open the records in ${options.dataDir}: ${error.message}`);
      if (error.reason === 'LOCKED')
        console.error('Close Dermachart (or the other program using it) and try again.');
      return 1;
    }
    throw error;
  }

  try {
    const existing = await countClients(core);
    if (existing > 0 && !options.force) {
      console.error(
        `Refusing to add demo data: ${join(options.dataDir, RECORDS_FILE)} already holds ${existing} client(s).\n` +
          'Choose an empty directory with --data-dir <dir>, or pass --force to add the demo clients alongside them.',
      );
      return 1;
    }

    console.log(
      `Loading ${options.clients} fictional demo clients (seed ${options.seed}) into ${options.dataDir} ...`,
    );
    const started = performance.now();
    const result = await seedDemoClinic(core, {
      clients: options.clients,
      seed: options.seed,
      withHistory: options.withHistory,
      withSessions: options.withSessions,
    });
    const seconds = (performance.now() - started) / 1000;
    const total = await countClients(core);

    console.log(`Done in ${seconds.toFixed(1)} s.`);
    console.log(
      `  clients created:        ${result.created}${existing ? ` (added to ${existing} existing)` : ''}`,
    );
    console.log(`  medical histories saved: ${result.histories}`);
    console.log(`  clients archived:       ${result.archived}`);
    if (options.withSessions) {
      console.log(
        `  product lots added:     ${result.lots} ${
          result.lots
            ? `(${result.lotsExpiring} expiring within 30 days, ${result.lotsExpired} expired)`
            : '(already recorded)'
        }`,
      );
      console.log(`  treatment courses:      ${result.courses} client${result.courses === 1 ? '' : 's'}`);
      console.log(`  sessions created:       ${result.sessions + result.drafts}`);
      console.log(`    signed:               ${result.sessions} (${result.amended} amended)`);
      console.log(`    drafts open today:    ${result.drafts}`);
      console.log(`  consent forms:          ${result.consents} (on paper, with generated demo scans)`);
    }
    console.log(`  clients in the records: ${total}`);
    console.log(`  records file:           ${join(options.dataDir, RECORDS_FILE)}`);
    const sample = result.clients
      .slice(0, 5)
      .map((c) => `${c.firstName} ${c.lastName}`)
      .join(', ');
    console.log(`  for example:            ${sample}`);
    console.log('\nAll names, phone numbers (Ofcom drama ranges) and addresses are fictional.');
    console.log(
      `Open them with: ${DATA_DIR_ENV}="${options.dataDir}" npm start   (or: npm start -- --data-dir "${options.dataDir}")`,
    );
    return 0;
  } finally {
    core.close();
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
