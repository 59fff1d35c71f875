import { isAbsolute, resolve } from 'node:path';

export const DATA_DIR_ENV = 'DERMACHART_DATA_DIR';

/**
 * Where the records live: `--data-dir <path>` (or `--data-dir=<path>`) wins, then $DERMACHART_DATA_DIR,
 * then the platform default (Electron's userData). Relative paths resolve against the working directory.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDir: string): string {
  let fromFlag: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--data-dir') fromFlag = argv[i + 1];
    else if (arg.startsWith('--data-dir=')) fromFlag = arg.slice('--data-dir='.length);
  });
  const chosen = fromFlag?.trim() || env[DATA_DIR_ENV]?.trim() || defaultDir;
  return isAbsolute(chosen) ? chosen : resolve(chosen);
}
