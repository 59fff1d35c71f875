import type { Browser } from '@playwright/test';
import type { PaperSize, PdfRenderer } from '../../electron/core/domain/documents/pdfRenderer';

/** The test adapter records what it was asked to print, so a test can see the print dialog would open. */
export interface RecordingPdfRenderer extends PdfRenderer {
  printed: { html: string; paper: PaperSize }[];
}

/**
 * The PdfRenderer of the tests: Playwright's Chromium, the engine Electron's printToPDF uses in the app.
 * Like the app's print window, each document gets a fresh context with JavaScript off. No Vitest import,
 * so the Playwright end-to-end harness uses it too.
 */
export function createPlaywrightPdfRenderer(browser: Browser): RecordingPdfRenderer {
  const printed: RecordingPdfRenderer['printed'] = [];
  async function render(html: string, paper: PaperSize): Promise<Buffer> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }
  return {
    printed,
    pdf: (html, { paper }) => render(html, paper),
    async print(html, { paper }) {
      // There is no print dialog to open in a test: the document is rendered (so a broken one fails) and noted.
      await render(html, paper);
      printed.push({ html, paper });
    },
  };
}
