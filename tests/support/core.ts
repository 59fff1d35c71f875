import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Core, type CoreOptions, createCore } from '../../electron/core/app/core';
import { useTempDirs } from './temp';

// The call helpers have no Vitest import, so Playwright tests and the benchmark use them too.
export { call, callError } from './call';

/**
 * Registers cleanup and returns a factory for real cores (real SQLite file in a fresh temp folder). Cores
 * opened through it are closed after each test, before their folders are removed.
 */
export function useCores() {
  const tempDir = useTempDirs('dermachart-core-');
  const cores: Core[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) if (core.db.open) core.close();
  });
  return (options: Partial<CoreOptions> = {}): Core => {
    const core = createCore({ dataDir: options.dataDir ?? tempDir(), ...options });
    cores.push(core);
    return core;
  };
}

export function rowCount(core: Core, table: string, where = '1 = 1'): number {
  return core.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One real core shared by the tests of a describe block (opening a database costs tens of milliseconds of
 * fsync): for tests that only read, or that check a call wrote nothing. Returns a getter.
 */
export function useSharedCore(options: Partial<CoreOptions> = {}): () => Core {
  let core: Core | undefined;
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dermachart-shared-'));
    core = createCore({ dataDir: dir, ...options });
  });
  afterAll(() => {
    if (core?.db.open) core.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!core) throw new Error('useSharedCore: the core is only available inside tests');
    return core;
  };
}
