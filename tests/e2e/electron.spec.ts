import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, NO_ELECTRON_REASON, ROOT } from './harness/electronBinary';

const binary = electronBinary();

test.describe('Electron app (smoke)', () => {
  test.skip(!binary, NO_ELECTRON_REASON);

  test('starts on a temp data dir, creates a client, and exposes only the contract', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dermachart-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, `--data-dir=${dataDir}`, ...(process.env.CI ? ['--no-sandbox'] : [])],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Clients', exact: true })).toBeVisible();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        return { url: w.webContents.getURL() };
      });
      expect(prefs.url.startsWith('app://dermachart/')).toBe(true);

      await page.getByRole('button', { name: /New client/ }).click();
      await page.getByLabel('First name').fill('Electron');
      await page.getByLabel('Last name').fill('Smoke');
      await page.getByRole('button', { name: /Save client/ }).click();
      await expect(page.getByRole('heading', { name: 'Electron Smoke' })).toBeVisible();
      expect(existsSync(join(dataDir, 'dermachart.db'))).toBe(true);

      const surface = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        api: Object.keys(window.dermachart).sort(),
      }));
      expect(surface).toEqual({
        require: 'undefined',
        api: ['catalogue', 'clients', 'history', 'photos', 'sessions'],
      });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
