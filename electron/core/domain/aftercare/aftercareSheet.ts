import { type AftercareBlock, formatDepth } from '../../contract';
import type { ClinicInfo } from '../documents/clinic';
import { callNumber, printedDate } from '../documents/format';
import { html, type SafeHtml } from '../documents/html';
import { letterhead, registrationsLine } from '../documents/letterhead';
import { pageShell } from '../documents/pageShell';
import { textBlockHtml } from '../documents/textBlocks';

/** The facts of one session that a client's aftercare sheet states, already resolved to plain text. */
export interface AftercareFacts {
  sessionId: string;
  clientName: string;
  /** YYYY-MM-DD: the session's day on the clinic's calendar. */
  date: string;
  treatment: string;
  practitioner: { name: string; credentials: string | null } | null;
  zones: { label: string; depthMm: number; passes: number | null }[];
  products: { name: string; lot: string | null; whatToExpect: string | null }[];
  /** YYYY-MM-DD, or null when no next session is planned. */
  nextAppointment: string | null;
}

export interface AftercareTemplateUse {
  code: string;
  version: number;
  title: string;
  /** Blocks with placeholders already filled in. */
  blocks: AftercareBlock[];
}

const BOX = html`<span class="box" aria-hidden="true"></span>`;

/** Everything but the checklist, which has its own section at the end. */
function instructions(blocks: readonly AftercareBlock[]): SafeHtml[] {
  return blocks.flatMap((b) => (b.type === 'checklist' ? [] : [textBlockHtml(b)]));
}

function checklist(blocks: readonly AftercareBlock[]): SafeHtml {
  const days = blocks.flatMap((b) => (b.type === 'checklist' ? b.days : []));
  if (days.length === 0) return html``;
  return html`<section class="checklist">
<h2>Day by day: tick as you go</h2>
<table>
${days.map(
  (d) =>
    html`<tr><th dir="auto">${d.label}</th><td>${d.items.map(
      (item) => html`<span class="check">${BOX}<span dir="auto">${item}</span></span>`,
    )}</td></tr>`,
)}
</table>
</section>`;
}

/**
 * One page (usually) that the client takes home: what was done today, what to expect from each product,
 * the clinic's instructions for the days ahead, a checklist to tick, and who to call.
 */
export function aftercareSheetHtml(
  facts: AftercareFacts,
  template: AftercareTemplateUse,
  clinic: ClinicInfo,
  issued: { id: string; on: string },
): string {
  const phone = callNumber(clinic);
  const practitioner = facts.practitioner
    ? `${facts.practitioner.name}${facts.practitioner.credentials ? `, ${facts.practitioner.credentials}` : ''}`
    : 'Not recorded';
  const body = html`${letterhead(clinic, template.title, `${facts.treatment} · ${printedDate(facts.date, clinic)}`)}
<dl class="facts">
  <dt>Client</dt><dd>${facts.clientName}</dd>
  <dt>Date</dt><dd>${printedDate(facts.date, clinic)}</dd>
  <dt>Treatment</dt><dd>${facts.treatment}</dd>
  <dt>Practitioner</dt><dd>${practitioner}</dd>
  <dt>Next appointment</dt><dd>${facts.nextAppointment ? printedDate(facts.nextAppointment, clinic) : 'To be booked'}</dd>
  <dt>Questions or worries</dt><dd>${phone ? `${clinic.name}, ${phone}` : clinic.name}</dd>
</dl>
<section class="today">
<h2>What was done today</h2>
${
  facts.zones.length
    ? html`<ul class="zones">${facts.zones.map(
        (z) =>
          html`<li><span dir="auto">${z.label}</span><span class="depth">${formatDepth(z.depthMm)}${z.passes ? ` × ${z.passes}` : ''}</span></li>`,
      )}</ul>`
    : html`<p>No treated areas were recorded.</p>`
}
${
  facts.products.length
    ? html`<h3>Products applied</h3><ul class="products">${facts.products.map(
        (p) =>
          html`<li><strong dir="auto">${p.name}</strong>${p.lot ? html` <span class="lot">lot ${p.lot}</span>` : ''}${
            p.whatToExpect ? html`: <span dir="auto">${p.whatToExpect}</span>` : ''
          }</li>`,
      )}</ul>`
    : ''
}
</section>
<section class="instructions">
${instructions(template.blocks)}
</section>
${checklist(template.blocks)}
<div class="call">${
    phone
      ? html`If anything worries you, call <strong>${clinic.name}</strong> on <strong>${phone}</strong>. In an emergency, call your local emergency number.`
      : html`If anything worries you, contact <strong>${clinic.name}</strong>. In an emergency, call your local emergency number.`
  }</div>
${registrationsLine(clinic)}`;
  return pageShell({
    title: `${template.title}: ${facts.clientName}, ${facts.date}`,
    clinic,
    paper: clinic.paper,
    runningTitle: template.title,
    footer: `Aftercare ${template.code} v${template.version} · issued ${printedDate(issued.on, clinic)} · ${issued.id}`,
    body,
    style: AFTERCARE_STYLE,
  });
}

/** Styles of the aftercare sheet (zones in columns, instructions in two columns, the checklist table). */
export const AFTERCARE_STYLE = `
html { font-size: 9pt; line-height: 1.32; }
h2 { font-size: 10pt; margin: 8pt 0 3pt; }
ul { margin-bottom: 3pt; }
li { margin-bottom: 1pt; }
dl.facts { margin-bottom: 4pt; }
h3 { font-size: 9.5pt; margin: 6pt 0 3pt; }
.today ul.zones { columns: 3; column-gap: 12pt; list-style: none; padding: 0; margin: 0 0 4pt; }
.today ul.zones li { display: flex; justify-content: space-between; gap: 6pt; break-inside: avoid;
  border-bottom: 0.5pt dotted #c9ced6; }
.today .depth { font-variant-numeric: tabular-nums; white-space: nowrap; color: #3d4651; }
.products .lot { color: #5b636e; font-size: 8.5pt; }
.instructions { columns: 2; column-gap: 16pt; }
.instructions h2 { break-after: avoid; margin-top: 6pt; }
.instructions > :first-child { margin-top: 0; }
.instructions ul { break-inside: auto; }
.instructions li { break-inside: avoid; }
.checklist { break-inside: avoid; }
.checklist table { width: 100%; border-collapse: collapse; }
.checklist th { text-align: left; white-space: nowrap; padding: 3pt 8pt 3pt 0; vertical-align: top; font-size: 9pt; width: 1%; }
.checklist td { padding: 3pt 0; border-bottom: 0.5pt solid #e3e6ea; }
.check { display: inline-flex; align-items: center; gap: 4pt; margin-right: 12pt; }
.check .box { display: inline-block; width: 9pt; height: 9pt; margin: 0; }
.call { margin-top: 10pt; padding: 6pt 8pt; border: 1pt solid #1b1f24; border-radius: 3pt; break-inside: avoid; }
`;
