import { type Chart, ENDPOINT_LABELS, formatDepth, type ScreeningFlag, type ZoneMap } from '../../contract';
import type { ClinicInfo } from '../documents/clinic';
import { printedDate } from '../documents/format';
import { html, type SafeHtml } from '../documents/html';
import { letterhead, registrationsLine } from '../documents/letterhead';
import { pageShell } from '../documents/pageShell';
import { zoneMapSvg } from './zoneMapSvg';

/** A session's chart with its references (device, lots, zone names) resolved to plain text for print. */
export interface SessionSummaryFacts {
  sessionId: string;
  clientName: string;
  dateOfBirth: string | null;
  treatment: string;
  status: 'draft' | 'signed' | 'stopped';
  /** YYYY-MM-DD and HH:mm on the clinic's clock. */
  day: string;
  time: string;
  chart: Chart;
  zoneMap: ZoneMap | null;
  zoneLabel: (code: string) => string;
  device: string | null;
  cartridgeLot: string | null;
  numbing: { product: string; lot: string } | null;
  products: { name: string; lot: string; notes: string | null }[];
  screening: ScreeningFlag[];
  signed: { at: string; by: string; hash: string } | null;
  amendments: { at: string; by: string; reason: string }[];
}

const row = (label: string, value: SafeHtml | string | null) =>
  html`<tr><th>${label}</th><td>${value ?? html`<span class="none">Not recorded</span>`}</td></tr>`;

const observation = (o: Chart['reactions']) => (o.none ? 'None' : o.details ? o.details : null);

/** The chart as a practitioner reads it on paper: who, when, where and how deep, with what, and sign-off. */
export function sessionSummaryHtml(
  f: SessionSummaryFacts,
  clinic: ClinicInfo,
  issued: { id: string; on: string },
) {
  const c = f.chart;
  const depths = new Map(c.zones.map((z) => [z.zone, z.depthMm]));
  const body = html`${letterhead(clinic, 'Treatment chart', `${f.treatment} · ${printedDate(f.day, clinic)} ${f.time}`)}
<dl class="facts">
  <dt>Client</dt><dd>${f.clientName}</dd>
  <dt>Date of birth</dt><dd>${f.dateOfBirth ? printedDate(f.dateOfBirth, clinic) : 'Not recorded'}</dd>
  <dt>Treatment</dt><dd>${f.treatment}</dd>
  <dt>Practitioner</dt><dd>${c.practitioner ?? 'Not recorded'}</dd>
  <dt>Status</dt><dd>${f.status === 'signed' ? 'Signed' : f.status === 'stopped' ? 'Stopped at screening' : 'Draft (not signed)'}</dd>
  <dt>Next session</dt><dd>${c.nextSessionDate ? printedDate(c.nextSessionDate, clinic) : 'Not planned'}</dd>
</dl>
<section class="chart-layout">
  ${f.zoneMap ? html`<div class="map">${zoneMapSvg(f.zoneMap, depths)}</div>` : ''}
  <div class="zones">
    <h2>Areas treated</h2>
    ${
      c.zones.length
        ? html`<table class="grid"><thead><tr><th>Area</th><th>Depth</th><th>Passes</th><th>Technique</th></tr></thead><tbody>${c.zones.map(
            (z) =>
              html`<tr><td>${f.zoneLabel(z.zone)}</td><td class="num">${formatDepth(z.depthMm)}</td><td class="num">${z.passes ?? '–'}</td><td>${z.technique ?? '–'}</td></tr>`,
          )}</tbody></table>`
        : html`<p>No areas were charted.</p>`
    }
  </div>
</section>
<h2>Device and products</h2>
<table class="details">
${row('Device', f.device)}
${row('Needle configuration', c.needleConfig)}
${row('Cartridge lot', f.cartridgeLot)}
${row('Numbing', f.numbing ? `${f.numbing.product}, lot ${f.numbing.lot}${c.numbing.strength ? `, ${c.numbing.strength}` : ''}` : null)}
${row(
  'Products',
  f.products.length
    ? html`${f.products.map((p) => html`<div>${p.name}, lot ${p.lot}${p.notes ? ` (${p.notes})` : ''}</div>`)}`
    : null,
)}
${row('Endpoint', c.endpoint ? ENDPOINT_LABELS[c.endpoint] : null)}
${row('Reactions', observation(c.reactions))}
${row('Adverse events', observation(c.adverseEvents))}
${row('Notes', c.notes)}
</table>
${
  f.screening.length
    ? html`<h2>Screening</h2><table class="details">${f.screening.map((s) =>
        row(
          s.label,
          s.decision
            ? `${s.decision === 'proceed' ? 'Proceeded' : 'Stopped'}${s.note ? `: ${s.note}` : ''} (${s.decidedBy ?? 'unknown'})`
            : 'Not decided',
        ),
      )}</table>`
    : ''
}
${
  f.amendments.length
    ? html`<h2>Amendments</h2><table class="details">${f.amendments.map((a) => row(`${a.at.slice(0, 16).replace('T', ' ')} UTC, ${a.by}`, a.reason))}</table>`
    : ''
}
<section class="record">
${f.signed ? html`<p>Signed by <strong>${f.signed.by}</strong> at ${f.signed.at.slice(0, 16).replace('T', ' ')} UTC. Chart SHA-256 <span class="mono">${f.signed.hash}</span>.</p>` : html`<p>This chart is not signed.</p>`}
</section>
${registrationsLine(clinic)}`;
  return pageShell({
    title: `Treatment chart: ${f.clientName}, ${f.day}`,
    clinic,
    paper: clinic.paper,
    runningTitle: `Treatment chart · ${f.clientName}`,
    footer: `Session ${f.sessionId} · printed ${printedDate(issued.on, clinic)}`,
    body,
    style: SESSION_SUMMARY_STYLE,
  });
}

export const SESSION_SUMMARY_STYLE = `
.chart-layout { display: flex; gap: 12pt; align-items: flex-start; }
.chart-layout .map { flex: none; width: 70mm; }
.chart-layout .zones { flex: 1; min-width: 0; }
.chart-layout .zones h2 { margin-top: 0; }
svg.zone-map { width: 100%; height: auto; }
table.grid { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.grid th { text-align: left; font-weight: 600; color: #5b636e; border-bottom: 0.75pt solid #c9ced6; padding: 2pt 4pt; }
table.grid td { border-bottom: 0.5pt solid #e3e6ea; padding: 2pt 4pt; }
table.grid td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
table.details { width: 100%; border-collapse: collapse; }
table.details th { text-align: left; font-weight: 400; color: #5b636e; padding: 2pt 10pt 2pt 0; width: 30%; vertical-align: top; }
table.details td { padding: 2pt 0; vertical-align: top; overflow-wrap: anywhere; }
.none { color: #8a929c; }
`;
