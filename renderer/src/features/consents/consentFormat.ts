import type { ConsentKind, ConsentScope, ConsentStanding } from '@contract';
import { formatDate } from '../clients/format';

export const KIND_LABELS: Record<ConsentKind, string> = {
  treatment: 'Treatment',
  photo: 'Photography',
};

/** What each photo scope means, in words a client understands; each includes the ones before it. */
export const SCOPE_EXPLANATIONS: Record<ConsentScope, string> = {
  clinical:
    'Photos are kept in my clinical record only, to plan and review my treatment. They are not shown to anyone outside my care.',
  training:
    'As above, and photos with anything that identifies me removed may be used to train clinic staff.',
  marketing:
    'As above, and photos may be shown publicly, for example on the clinic’s website or social media.',
};

/** One line on a standing: "Valid until 12 Mar 2027", "Expired on …", "Revoked on …", "Not signed". */
export function standingText(s: ConsentStanding): string {
  switch (s.status) {
    case 'valid':
      return s.validUntil ? `Valid until ${formatDate(s.validUntil)}` : 'Valid until revoked';
    case 'expired':
      return `Expired on ${formatDate(s.validUntil)}`;
    case 'revoked':
      return `Revoked on ${formatDate(s.record?.revocation?.revokedAt)}`;
    case 'missing':
      return 'Not signed';
  }
}

/** A short name for a standing: its treatments ("Face micro-needling"), or "Photography". */
export function standingName(s: ConsentStanding): string {
  if (s.kind === 'photo') return 'Photography';
  return s.treatmentTypes.map((t) => t.name).join(', ') || s.title;
}

/** A PNG data URL (signature_pad's toDataURL) as the bytes the API stores. */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The signing mode's address: a form family for a client, optionally from a session being charted. */
export function signingPath(opts: {
  clientId: string;
  familyId: string;
  sessionId?: string | null;
  returnTo?: string;
}): string {
  const params = new URLSearchParams();
  if (opts.sessionId) params.set('session', opts.sessionId);
  if (opts.returnTo) params.set('return', opts.returnTo);
  const query = params.toString();
  return `/sign/${opts.clientId}/${opts.familyId}${query ? `?${query}` : ''}`;
}
