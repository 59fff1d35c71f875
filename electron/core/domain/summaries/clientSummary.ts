import {
  type Alert,
  type Client,
  type ConsentScope,
  type ConsentStanding,
  fitzpatrickLabel,
  SCOPE_LABELS,
  type SessionSummary,
  SKIN_CONCERN_LABELS,
} from '../../contract';
import type { ClinicInfo } from '../documents/clinic';
import { printedDate } from '../documents/format';
import { html, type SafeHtml } from '../documents/html';
import { letterhead, registrationsLine } from '../documents/letterhead';
import { pageShell } from '../documents/pageShell';

export interface ClientSummaryFacts {
  client: Client;
  alerts: Alert[];
  /** When the latest medical history was recorded (UTC ISO), or null. */
  historyRecordedAt: string | null;
  consents: ConsentStanding[];
  photoScope: ConsentScope;
  sessions: SessionSummary[];
  photoCount: number;
}

const STANDING_TEXT: Record<ConsentStanding['status'], string> = {
  valid: 'Valid',
  expired: 'Expired',
  revoked: 'Revoked',
  missing: 'Not signed',
};

const field = (label: string, value: SafeHtml | string | null | undefined) =>
  html`<tr><th>${label}</th><td>${value ? value : html`<span class="none">Not recorded</span>`}</td></tr>`;

/** A client's record on paper: details, alerts, consent standing and the list of sessions. */
export function clientSummaryHtml(
  f: ClientSummaryFacts,
  clinic: ClinicInfo,
  issued: { id: string; on: string },
) {
  const c = f.client;
  const name = `${c.firstName} ${c.lastName}`;
  const day = (iso: string) => printedDate(iso.slice(0, 10), clinic);
  const body = html`${letterhead(clinic, 'Client record summary', name)}
<h2>Details</h2>
<table class="details">
${field('Name', `${name}${c.preferredName ? ` (prefers ${c.preferredName})` : ''}`)}
${field('Date of birth', c.dateOfBirth ? printedDate(c.dateOfBirth, clinic) : null)}
${field('Phone', c.phone)}
${field('Email', c.email)}
${field(
  'Emergency contact',
  c.emergencyContact.name
    ? [c.emergencyContact.name, c.emergencyContact.relationship, c.emergencyContact.phone]
        .filter(Boolean)
        .join(', ')
    : null,
)}
${field('Skin type', c.fitzpatrick ? fitzpatrickLabel(c.fitzpatrick) : null)}
${field('Concerns', c.skinConcerns.map((s) => SKIN_CONCERN_LABELS[s]).join(', ') || null)}
${field('Allergies', c.allergies)}
${field('Medications', c.medications)}
${field('Medical history', f.historyRecordedAt ? `Last recorded ${day(f.historyRecordedAt)}` : 'Never recorded')}
</table>
<h2>Alerts</h2>
${
  f.alerts.length
    ? html`<ul class="alerts">${f.alerts.map((a) => html`<li class="${a.severity}"><strong>${a.label}</strong>${a.advice ? `: ${a.advice}` : ''}</li>`)}</ul>`
    : html`<p>No alerts from the medical history.</p>`
}
<h2>Consent</h2>
<table class="grid">
<thead><tr><th>Form</th><th>Status</th><th>Signed</th><th>Valid until</th></tr></thead>
<tbody>${f.consents.map(
    (s) =>
      html`<tr><td>${s.title}</td><td>${STANDING_TEXT[s.status]}</td><td>${s.record ? day(s.record.signedAt) : '–'}</td><td>${s.validUntil ? printedDate(s.validUntil, clinic) : s.record ? 'Until revoked' : '–'}</td></tr>`,
  )}</tbody>
</table>
<p>Photographs may be used for: <strong>${SCOPE_LABELS[f.photoScope]}</strong>. Photos on record: ${String(f.photoCount)}.</p>
<h2>Sessions</h2>
${
  f.sessions.length
    ? html`<table class="grid"><thead><tr><th>Date</th><th>Treatment</th><th>Course</th><th>Areas</th><th>Deepest</th><th>Status</th></tr></thead><tbody>${f.sessions.map(
        (s) =>
          html`<tr><td>${day(s.startedAt)}</td><td>${s.treatmentName}</td><td>${s.courseNumber ? `${s.courseNumber} of ${s.courseLength}` : '–'}</td><td class="num">${String(s.zoneCount)}</td><td class="num">${s.maxDepthMm === null ? '–' : `${s.maxDepthMm} mm`}</td><td>${s.status}${s.amended ? ' (amended)' : ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No sessions yet.</p>`
}
${registrationsLine(clinic)}`;
  return pageShell({
    title: `Client record: ${name}`,
    clinic,
    paper: clinic.paper,
    runningTitle: `Client record · ${name}`,
    footer: `Client ${c.id} · printed ${printedDate(issued.on, clinic)}`,
    body,
    style: CLIENT_SUMMARY_STYLE,
  });
}

export const CLIENT_SUMMARY_STYLE = `
ul.alerts { padding-left: 14pt; }
ul.alerts li.contraindication { color: #9b1c1c; }
`;
