import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const NO_ELECTRON_REASON =
  'Electron smoke test skipped: no Electron binary in node_modules/electron/dist (it downloads on first run, which needs the internet); the renderer is tested in Chromium instead.';

/**
 * The Electron binary is downloaded by the `electron` package on first run; where that is impossible (no
 * internet, as on the build machines) there is nothing to launch. Look for it without triggering the download.
 */
export function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
