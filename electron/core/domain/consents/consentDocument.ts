import {
  CONSENT_SCOPES,
  type ConsentBlock,
  type ConsentKind,
  type ConsentScope,
  SCOPE_LABELS,
  type SignerRole,
  scopeAllows,
} from '../../contract';
import type { NewConsent } from '../../db/repositories/consentRecordsRepo';
import type { ClinicInfo } from '../documents/clinic';
import { html, type SafeHtml } from '../documents/html';
import { letterhead } from '../documents/letterhead';
import { pageShell } from '../documents/pageShell';
import { textBlockHtml } from '../documents/textBlocks';
import { longDate } from './dates';

/**
 * The printed consent form, as HTML for the PdfRenderer: the signed record (text, ticked statements, photo
 * use, signatures, times, workstation, record id and seal) and the blank, pre-filled form for signing on
 * paper. Every value goes through the `html` tag, so nothing a client or a template says becomes markup.
 */

export const ROLE_LABELS: Record<SignerRole, string> = {
  client: 'Client',
  practitioner: 'Practitioner',
  witness: 'Witness',
};

const TICK = '✓';

interface FormHeading {
  title: string;
  code: string;
  version: number;
  kind: ConsentKind;
  clientName: string;
  /** YYYY-MM-DD, or null when the record has none. */
  dateOfBirth: string | null;
}

function header(clinic: ClinicInfo, f: FormHeading): SafeHtml {
  return letterhead(clinic, f.title, `Form ${f.code} · Version ${f.version}`);
}

function facts(pairs: [string, string][]): SafeHtml {
  return html`<dl class="facts">${pairs.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function block(b: ConsentBlock, ticked: boolean): SafeHtml {
  if (b.type !== 'acknowledgement') return textBlockHtml(b);
  return html`<div class="ack" data-ack="${b.id}"><span class="box">${ticked ? TICK : ''}</span><span class="text" dir="auto">${b.text}</span></div>`;
}

const body = (blocks: readonly ConsentBlock[], ticked: boolean) => blocks.map((b) => block(b, ticked));

/** The three uses, the chosen one ticked and the narrower ones it includes marked as such. */
function photoUse(scope: ConsentScope | null): SafeHtml {
  return html`<h2>Use of photographs</h2>
<p>${scope ? 'The widest use the client allows:' : 'Tick the widest use the client allows (one box):'}</p>
${CONSENT_SCOPES.map(
  (s) =>
    html`<div class="ack" data-scope="${s}"><span class="box">${scope === s ? TICK : ''}</span><span class="text">${SCOPE_LABELS[s]}${
      scope && s !== scope && scopeAllows(scope, s) ? ' (included)' : ''
    }</span></div>`,
)}`;
}

export interface SignedSignature {
  role: SignerRole;
  name: string;
  png: Uint8Array;
}

/** The signed form exactly as it is stored, printed and turned into the record's PDF. */
export function signedConsentHtml(
  record: Omit<NewConsent, 'document' | 'htmlSha256'>,
  signatures: readonly SignedSignature[],
  clinic: ClinicInfo,
  dateOfBirth: string | null,
): string {
  const f = { ...record, version: record.templateVersion, dateOfBirth };
  const dataUri = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const validity = record.validUntil ? `Valid until ${longDate(record.validUntil)}` : 'Valid until revoked';
  const content = html`${header(clinic, f)}
${facts([
  ['Client', record.clientName],
  ['Date of birth', dateOfBirth ? longDate(dateOfBirth) : 'Not recorded'],
  ['Practitioner', record.practitioner],
  ['Signed', record.signedAtLocal],
])}
${body(record.blocks, true)}
${record.kind === 'photo' ? photoUse(record.photoScope) : ''}
<h2>Signatures</h2>
<div class="signatures">
${signatures.map(
  (s) => html`<div class="signature" data-role="${s.role}">
  <div class="role">${ROLE_LABELS[s.role]}</div>
  <div class="ink"><img src="${dataUri(s.png)}" alt="Signature of ${s.name}"></div>
  <div class="name">${s.name}</div>
  <div class="when">${record.signedAtLocal}</div>
  <div class="when">${record.signedAt} (UTC)</div>
</div>`,
)}
</div>
<section class="record">
<table>
<tr><th>Record</th><td class="mono">${record.id}</td></tr>
<tr><th>Form</th><td>${record.code}, version ${record.templateVersion} (<span class="mono">${record.templateId}</span>)</td></tr>
<tr><th>Signed on screen</th><td>${record.signedAtLocal}; ${record.signedAt} UTC</td></tr>
<tr><th>Validity</th><td>${validity}</td></tr>
<tr><th>Workstation</th><td>${record.workstation.hostname} (<span class="mono">${record.workstation.deviceId}</span>)</td></tr>
${record.sessionId ? html`<tr><th>Session</th><td class="mono">${record.sessionId}</td></tr>` : ''}
<tr><th>Text SHA-256</th><td class="mono">${record.renderedSha256}</td></tr>
<tr><th>Seal SHA-256</th><td class="mono">${record.seal}</td></tr>
</table>
<p>The seal is a SHA-256 over the text above, the ticked statements, the names, the signature images, the
times, the workstation and the record's identifiers. Dermachart can recompute it to show the record is unchanged.</p>
</section>`;
  return pageShell({
    title: `${record.title}: ${record.clientName}`,
    clinic,
    paper: clinic.paper,
    runningTitle: `${record.title} (v${record.templateVersion})`,
    footer: `Consent record ${record.id}`,
    body: content,
  });
}

export interface BlankForm {
  title: string;
  code: string;
  version: number;
  kind: ConsentKind;
  blocks: ConsentBlock[];
  clientName: string;
  dateOfBirth: string | null;
  practitioner: string;
  /** YYYY-MM-DD: the day it was printed. */
  date: string;
}

/** The pre-filled form for signing on paper: empty tick boxes and signature lines, no seal. */
export function blankConsentHtml(form: BlankForm, clinic: ClinicInfo): string {
  const line = (role: SignerRole, name: string) => html`<div class="signature" data-role="${role}">
  <div class="role">${ROLE_LABELS[role]}${role === 'witness' ? ' (if any)' : ''}</div>
  <div class="ink"></div>
  <div class="name">${name || 'Name:'}</div>
  <div class="blank-line"></div>
  <div class="when">Date and time</div>
</div>`;
  const content = html`${header(clinic, form)}
<div class="notice">Unsigned copy for signing on paper. Tick each statement, sign and date below; the signed form
is then scanned and attached to the client’s record.</div>
${facts([
  ['Client', form.clientName],
  ['Date of birth', form.dateOfBirth ? longDate(form.dateOfBirth) : 'Not recorded'],
  ['Practitioner', form.practitioner],
  ['Printed', longDate(form.date)],
])}
${body(form.blocks, false)}
${form.kind === 'photo' ? photoUse(null) : ''}
<h2>Signatures</h2>
<div class="signatures">
${line('client', form.clientName)}
${line('practitioner', form.practitioner)}
${line('witness', '')}
</div>`;
  return pageShell({
    title: `${form.title}: ${form.clientName} (unsigned)`,
    clinic,
    paper: clinic.paper,
    runningTitle: `${form.title} (v${form.version})`,
    footer: `Unsigned form ${form.code} v${form.version}, printed ${form.date}`,
    body: content,
  });
}

/** An image scan of a paper form, fitted to a page, so it prints through the same renderer. */
export function scanPrintHtml(
  record: NewConsent,
  image: Uint8Array,
  mime: string,
  clinic: ClinicInfo,
): string {
  const src = `data:${mime};base64,${Buffer.from(image).toString('base64')}`;
  return pageShell({
    title: `${record.title}: ${record.clientName} (scan)`,
    clinic,
    paper: clinic.paper,
    runningTitle: `${record.title} (v${record.templateVersion}), signed on paper`,
    footer: `Consent record ${record.id}`,
    body: html`<img class="scan" src="${src}" alt="Scan of the signed form">`,
  });
}
