import { randomUUID } from 'node:crypto';
import { BrowserWindow, session } from 'electron';
import type { PaperSize, PdfRenderer } from '../core/domain/documents/pdfRenderer';

/** An in-memory session of its own: print windows share no cookies, cache or permissions with the app. */
const PRINT_PARTITION = 'dermachart-print';
const PRINT_SCHEME = 'dermachart-print';

let partitionReady = false;
const pending = new Map<string, string>();

/**
 * Documents reach the print window through a protocol of the print session, keyed by a one-time token, not
 * a data: URL (Chromium caps those at 2 MB, and a form with signature images or a logo can come near it)
 * and not a temporary file (nothing of a client's record is written outside the data folder).
 */
function printSession() {
  const ses = session.fromPartition(PRINT_PARTITION);
  if (!partitionReady) {
    ses.protocol.handle(PRINT_SCHEME, (request) => {
      const token = new URL(request.url).hostname;
      const html = pending.get(token);
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    });
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // The document is self-contained (inline styles, data: images): it never needs the network.
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !/^(dermachart-print|data):/.test(details.url) }),
    );
    partitionReady = true;
  }
  return ses;
}

/** Loads one document in a hidden, sandboxed window without preload or JavaScript, then runs `use`. */
async function withDocument<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const token = randomUUID();
  pending.set(token, html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await window.loadURL(`${PRINT_SCHEME}://${token}/`);
    return await use(window);
  } finally {
    pending.delete(token);
    if (!window.isDestroyed()) window.destroy();
  }
}

/**
 * The app's PdfRenderer: Chromium's own print pipeline, the same engine the tests drive through Playwright,
 * so a document saved here has the layout the tests read back.
 */
export function createElectronPdfRenderer(): PdfRenderer {
  return {
    pdf: (html: string, options: { paper: PaperSize }) =>
      withDocument(html, (window) =>
        window.webContents.printToPDF({
          pageSize: options.paper,
          printBackground: true,
          preferCSSPageSize: true,
          generateDocumentOutline: true,
        }),
      ),
    print: (html: string, options: { paper: PaperSize }) =>
      withDocument(
        html,
        (window) =>
          new Promise<void>((resolve, reject) => {
            window.webContents.print(
              { silent: false, printBackground: true, pageSize: options.paper },
              (success, failureReason) => {
                // Cancelling the system dialog is the practitioner's choice, not an error.
                if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled')
                  resolve();
                else reject(new Error(`Printing failed: ${failureReason}`));
              },
            );
          }),
      ),
  };
}
