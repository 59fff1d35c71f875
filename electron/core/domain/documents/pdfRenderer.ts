import type { PaperSize } from '../../contract/settings';

/** Paper sizes a clinic prints on (the clinic settings' choice). */
export type { PaperSize };

/**
 * Turns a self-contained HTML document (inline styles, data: images, no script) into a PDF, or sends it to
 * the system print dialog. One interface, two adapters: Electron's printToPDF/print in the app
 * (electron/main/printing.ts) and Playwright's Chromium in tests; both are Chromium, so a document has the
 * same layout in either.
 */
export interface PdfRenderer {
  pdf(html: string, options: { paper: PaperSize }): Promise<Buffer>;
  print(html: string, options: { paper: PaperSize }): Promise<void>;
}
