import type { ClinicInfo } from './clinic';
import { html, type SafeHtml } from './html';

/**
 * The top of every document: logo, clinic name and contact details on the left, the document's title
 * and reference on the right. Consent forms, aftercare sheets and summaries all start with it.
 */
export function letterhead(clinic: ClinicInfo, title: string, reference: SafeHtml | string): SafeHtml {
  const contact = [clinic.phone, clinic.email, clinic.website].filter(Boolean).join(' · ');
  return html`<header class="letterhead">
  <div class="letterhead-clinic">
    ${clinic.logoDataUri ? html`<img class="logo" src="${clinic.logoDataUri}" alt="${clinic.name} logo">` : ''}
    <div>
      <div class="clinic-name">${clinic.name}</div>
      ${clinic.address ? html`<div class="clinic-line">${clinic.address.split('\n').join(', ')}</div>` : ''}
      ${contact ? html`<div class="clinic-line">${contact}</div>` : ''}
    </div>
  </div>
  <div class="letterhead-title">
    <h1>${title}</h1>
    <div class="reference">${reference}</div>
  </div>
</header>`;
}

/** Registration numbers, printed small at the foot of the last page. */
export function registrationsLine(clinic: ClinicInfo): SafeHtml | '' {
  if (!clinic.registrations) return '';
  return html`<p class="registrations">${clinic.name}: ${clinic.registrations.split('\n').join(' · ')}</p>`;
}

/** Styles for the letterhead; pageShell includes them in every document. */
export const LETTERHEAD_STYLE = `
.letterhead { display: flex; justify-content: space-between; align-items: flex-end; gap: 12pt;
  border-bottom: 1.5pt solid #1b1f24; padding-bottom: 6pt; margin-bottom: 10pt; }
.letterhead-clinic { display: flex; gap: 8pt; align-items: center; min-width: 0; }
.letterhead .logo { max-height: 16mm; max-width: 45mm; object-fit: contain; }
.letterhead .clinic-name { font-size: 11pt; font-weight: 700; overflow-wrap: anywhere; }
.letterhead .clinic-line { font-size: 8pt; color: #3d4651; overflow-wrap: anywhere; }
.letterhead-title { text-align: right; flex: none; max-width: 55%; }
.letterhead-title h1 { font-size: 14pt; }
.letterhead .reference { font-size: 8pt; color: #5b636e; }
.registrations { margin-top: 10pt; font-size: 7.5pt; color: #5b636e; }
`;
