import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from '../e2e/harness/browser';
import { createPlaywrightPdfRenderer, type RecordingPdfRenderer } from './pdfRenderer';

/**
 * One Chromium for the whole test file (launching one takes about half a second), closed after it.
 * Returns a getter for the file's renderer.
 */
export function usePdfRenderer(): () => RecordingPdfRenderer {
  let browser: Browser | undefined;
  let renderer: RecordingPdfRenderer | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(chromiumLaunchOptions());
    renderer = createPlaywrightPdfRenderer(browser);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!renderer) throw new Error('usePdfRenderer: the renderer is only available inside tests');
    return renderer;
  };
}
