import { createHash } from 'node:crypto';
import type { ClinicInfo } from './clinic';
import { cssString, escapeHtml, type SafeHtml } from './html';
import { LETTERHEAD_STYLE } from './letterhead';
import type { PaperSize } from './pdfRenderer';

export interface PageOptions {
  /** The document's title (the PDF's title, and what a print queue shows). */
  title: string;
  clinic: ClinicInfo;
  paper: PaperSize;
  /** Printed at the top right of every page, e.g. "Consent form". */
  runningTitle: string;
  /** Printed at the bottom left of every page, e.g. the record id. */
  footer: string;
  body: SafeHtml;
  /** The document's own styles, after the shared ones (e.g. the aftercare sheet's columns). */
  style?: string;
}

/** Inter when the workstation has it, then DejaVu Sans (Linux), then the platform's own sans-serif. */
export const FONT_STACK = `Inter, "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif`;
const MONO_STACK = `"DejaVu Sans Mono", Consolas, Menlo, monospace`;

const MARGIN_BOX = `font-family: ${FONT_STACK}; font-size: 7.5pt; color: #5b636e;`;

/** The print style shared by every document; only the page rules (size, running texts) vary. */
const BASE_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.45; color: #1b1f24; background: #fff; }
body { margin: 0; }
h1 { font-size: 16pt; line-height: 1.2; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 11pt; margin: 14pt 0 5pt; padding-bottom: 2pt; border-bottom: 0.75pt solid #c9ced6;
  break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 6pt; padding-left: 14pt; }
li { margin: 0 0 2pt; }
p, li, dd, td, h1, h2, .text { overflow-wrap: anywhere; word-break: normal; unicode-bidi: plaintext; }
.notice { border: 1pt solid #b7791f; background: #fff8e6; padding: 5pt 7pt; margin: 0 0 10pt; font-size: 9pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 3pt 10pt;
  margin: 0 0 8pt; padding: 6pt 8pt; background: #f4f6f8; border-radius: 3pt; }
dl.facts dt { color: #5b636e; font-size: 8.5pt; }
dl.facts dd { margin: 0; font-weight: 600; }
.ack { display: flex; gap: 7pt; align-items: flex-start; margin: 5pt 0; break-inside: avoid; }
.box { flex: none; width: 11pt; height: 11pt; margin-top: 1pt; border: 1pt solid #1b1f24; border-radius: 1.5pt;
  font-size: 9pt; line-height: 9pt; text-align: center; font-weight: 700; }
.signatures { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10pt 14pt; margin-top: 6pt;
  break-inside: avoid; }
.signature { break-inside: avoid; }
.signature .role { font-size: 8.5pt; color: #5b636e; text-transform: uppercase; letter-spacing: 0.04em; }
.signature .ink { height: 24mm; border-bottom: 0.75pt solid #1b1f24; display: flex; align-items: flex-end; }
.signature .ink img { max-height: 23mm; max-width: 100%; object-fit: contain; }
.signature .name { font-weight: 600; margin-top: 2pt; overflow-wrap: anywhere; }
.signature .when { font-size: 8.5pt; color: #3d4651; }
.blank-line { border-bottom: 0.75pt solid #1b1f24; height: 7mm; }
.record { margin-top: 14pt; padding-top: 6pt; border-top: 0.75pt solid #c9ced6; font-size: 8.5pt; color: #3d4651;
  break-inside: avoid; }
.record table { border-collapse: collapse; width: 100%; }
.record th { text-align: left; font-weight: 400; color: #5b636e; padding: 1pt 8pt 1pt 0; white-space: nowrap;
  vertical-align: top; width: 1%; }
.record td { padding: 1pt 0; }
.mono { font-family: ${MONO_STACK}; font-size: 8pt; overflow-wrap: anywhere; }
.scan { display: block; max-width: 100%; max-height: 250mm; margin: 0 auto; object-fit: contain; }
`;

/** The running header and footer sit in the top and bottom margins, so those never go below this. */
const MIN_RUNNING_MARGIN_MM = 14;

function pageRules(o: PageOptions): string {
  const side = o.clinic.marginMm ?? 16;
  const vertical = Math.max(side, MIN_RUNNING_MARGIN_MM);
  return `@page {
  size: ${o.paper};
  margin: ${vertical}mm ${side}mm ${vertical}mm ${side}mm;
  @top-left { content: ${cssString(o.clinic.name)}; ${MARGIN_BOX} }
  @top-right { content: ${cssString(o.runningTitle)}; ${MARGIN_BOX} }
  @bottom-left { content: ${cssString(o.footer)}; ${MARGIN_BOX} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${MARGIN_BOX} }
}`;
}

/**
 * A complete, self-contained document: page size and margins, running header and footer (clinic, title,
 * page numbers), the print style, and a Content-Security-Policy that allows no script, no network and no
 * style but this one stylesheet (by its hash); images only as data: URIs.
 */
export function pageShell(o: PageOptions): string {
  // On screen (the preview) the body stands in for the page, with the page's side margins.
  const screen = `@media screen { body { padding: ${o.clinic.marginMm ?? 16}mm; } }`;
  const style = `${pageRules(o)}\n${BASE_STYLE}\n${LETTERHEAD_STYLE}\n${o.style ?? ''}\n${screen}`;
  const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    'img-src data:',
    `style-src 'sha256-${styleHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The style is ours, and the only outside text in it went through cssString, which cannot close it.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="color-scheme" content="light">
<title>${escapeHtml(o.title)}</title>
<style>${style}</style>
</head>
<body>
${o.body.html}
</body>
</html>
`;
}
