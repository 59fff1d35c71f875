import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { createIpcRouter } from '../../../electron/core/api/dispatch';
import { type Core, createCore } from '../../../electron/core/app/core';
import { isOrigin } from '../../../electron/core/http/appOrigin';
import { createAppHandler, createMediaHandler } from '../../../electron/core/http/mediaHandler';
import { createStaticHandler } from '../../../electron/core/http/staticFiles';
import { createPlaywrightPdfRenderer, type RecordingPdfRenderer } from '../../support/pdfRenderer';

/** The renderer is served on a made-up origin; the built app uses app://dermachart the same way. */
export const HARNESS_ORIGIN = 'https://dermachart.test';
const ROOT = resolve(__dirname, '../../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const PRELOAD_FILE = join(ROOT, 'out/preload/index.cjs');
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots');

/**
 * Runs the real, built preload bundle in the page with a stand-in for the two Electron objects it uses:
 * contextBridge puts the API on window, and ipcRenderer.invoke goes over a Playwright binding to the same
 * IPC router and handler registry that Electron's main process uses.
 */
function preloadShim(preloadCode: string): string {
  return `(() => {
    const electron = {
      contextBridge: {
        exposeInMainWorld(key, value) {
          Object.defineProperty(window, key, { value, enumerable: true, configurable: false, writable: false });
        },
      },
      // Playwright bindings carry JSON, so file bytes travel as base64 (Electron's IPC clones them as they are).
      ipcRenderer: { invoke: (channel, payload) => window.__dermachartIpc(channel, encodeBytes(payload)) },
    };
    const encodeBytes = (value) => {
      if (value instanceof Uint8Array) {
        let text = '';
        for (let i = 0; i < value.length; i += 0x8000) text += String.fromCharCode(...value.subarray(i, i + 0x8000));
        return { __bytes: btoa(text) };
      }
      if (Array.isArray(value)) return value.map(encodeBytes);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
      }
      return value;
    };
    const module = { exports: {} };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('The preload may only require electron, not ' + name);
    };
    (function (require, module, exports) {\n${preloadCode}\n})(require, module, module.exports);
  })();`;
}

/** The binding side of the base64 byte encoding in the preload shim. */
function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__bytes === 'string') return new Uint8Array(Buffer.from(record.__bytes, 'base64'));
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeBytes(v)]));
  }
  return value;
}

export interface AppHarness {
  page: Page;
  dataDir: string;
  core(): Core;
  /** Closes the database and opens it again from disk, as a restart of the app would. */
  restartCore(): void;
  /** The core's PDF renderer (the test's own Chromium); `printed` lists what was sent to the printer. */
  pdf: RecordingPdfRenderer;
  open(hash?: string): Promise<void>;
  shot(name: string): Promise<void>;
  expectNoSeriousA11yViolations(): Promise<void>;
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page, context }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dermachart-e2e-'));
    // Consent forms render their PDFs in the test's own browser, as the app does in Electron's Chromium.
    const pdf = createPlaywrightPdfRenderer(context.browser()!);
    let core = createCore({ dataDir, pdf });
    const route = createIpcRouter(
      (name, payload) => core.dispatch(name, payload),
      (url) => isOrigin(url, HARNESS_ORIGIN),
    );
    await context.exposeBinding('__dermachartIpc', (source, channel: string, payload: unknown) =>
      route(channel, decodeBytes(payload), source.frame.url()),
    );
    await context.addInitScript({ content: preloadShim(readFileSync(PRELOAD_FILE, 'utf8')) });

    const serve = createAppHandler(
      createStaticHandler(RENDERER_DIR),
      createMediaHandler(
        (id, variant) => core.photoBytes(id, variant),
        (id, part) => core.consentBytes(id, part),
        (sha) => core.clinicLogo(sha),
      ),
    );
    await context.route(`${HARNESS_ORIGIN}/**`, async (r) => {
      const response = await serve(new Request(r.request().url(), { method: r.request().method() }));
      await r.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await use({
      page,
      dataDir,
      core: () => core,
      restartCore() {
        core.close();
        core = createCore({ dataDir, pdf });
      },
      pdf,
      async open(hash = '/clients') {
        await page.goto(`${HARNESS_ORIGIN}/index.html#${hash}`);
        await expect(page.getByText('Dermachart', { exact: true })).toBeVisible();
      },
      async shot(name) {
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
      },
      async expectNoSeriousA11yViolations() {
        // Document previews are inert, sandboxed frames (no script can run in them, so neither can axe, which
        // would wait for them until the test times out); their content is checked as PDFs instead.
        const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        ).toEqual([]);
      },
    });

    expect(pageErrors, 'uncaught errors in the renderer').toEqual([]);
    // Close the page first: its last autosave on pagehide must reach an open database.
    await page.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
