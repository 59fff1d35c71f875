import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ];
  return specifiers.map((m) => m[1]!);
}

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function violations(dir: string, isForbidden: (specifier: string, file: string) => boolean) {
  return sourceFiles(join(ROOT, dir)).flatMap((file) =>
    importsOf(file)
      .filter((s) => isForbidden(s, file))
      .map((s) => `${relative(ROOT, file)} imports ${s}`),
  );
}

describe('process boundaries', () => {
  it('the renderer imports nothing from Node or Electron, and from core only the contract', () => {
    const found = violations('renderer', (s, file) => {
      if (NODE.has(s) || s === 'electron' || s === 'better-sqlite3') return true;
      if (s.startsWith('.')) {
        const target = resolve(join(file, '..'), s);
        return !target.startsWith(join(ROOT, 'renderer'));
      }
      return false;
    });
    expect(found).toEqual([]);
  });

  it('core never imports Electron', () => {
    expect(violations('electron/core', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
  });

  it('the preload imports only electron, the API client builder and the contract', () => {
    const allowed = new Set(['electron', '../core/api/client', '../core/contract']);
    expect(violations('electron/preload', (s) => !allowed.has(s))).toEqual([]);
  });

  it('the contract is pure: no Node, no database, no other core module', () => {
    expect(
      violations(
        'electron/core/contract',
        (s) => NODE.has(s) || s === 'better-sqlite3' || s.startsWith('..'),
      ),
    ).toEqual([]);
  });

  it('only main and preload import Electron', () => {
    const outside = [
      ...violations('renderer', (s) => s === 'electron'),
      ...violations('electron/core', (s) => s === 'electron'),
      ...violations('tests/unit', (s) => s === 'electron'),
      ...violations('tests/integration', (s) => s === 'electron'),
    ];
    expect(outside).toEqual([]);
  });
});
