import {
  CONSENT_ALERT_KEY,
  type ConsentKind,
  type ConsentRecordSummary,
  type ConsentStanding,
  localDate,
  type ScreeningFlag,
} from '../../contract';
import type { StoredConsent } from '../../db/repositories/consentRecordsRepo';
import { shortDate } from './dates';

/**
 * Whether a consent stands: the newest record of a form decides. Revoked beats everything; otherwise it is
 * valid through its last day (validUntil, inclusive) and expired from the day after.
 */
export function statusOf(
  record: Pick<StoredConsent, 'validUntil' | 'revocation'>,
  today: string,
): ConsentRecordSummary['status'] {
  if (record.revocation) return 'revoked';
  if (record.validUntil !== null && today > record.validUntil) return 'expired';
  return 'valid';
}

export function summaryOf(r: StoredConsent, today: string): ConsentRecordSummary {
  return {
    id: r.id,
    clientId: r.clientId,
    templateId: r.templateId,
    familyId: r.familyId,
    code: r.code,
    kind: r.kind,
    title: r.title,
    templateVersion: r.templateVersion,
    method: r.method,
    photoScope: r.photoScope,
    signedAt: r.signedAt,
    signedAtLocal: r.signedAtLocal,
    validUntil: r.validUntil,
    status: statusOf(r, today),
    revocation: r.revocation,
    sessionId: r.sessionId,
    seal: r.seal,
  };
}

export interface StandingSubject {
  familyId: string | null;
  code: string | null;
  title: string;
  kind: ConsentKind;
  treatmentTypes: { id: string; name: string }[];
}

export function standingOf(
  subject: StandingSubject,
  newest: StoredConsent | null,
  today: string,
): ConsentStanding {
  if (!newest) return { ...subject, status: 'missing', record: null, validUntil: null };
  const record = summaryOf(newest, today);
  return {
    ...subject,
    status: record.status,
    record,
    validUntil: record.status === 'revoked' ? null : record.validUntil,
  };
}

/**
 * The screening flag a session gets when its treatment has no valid consent: a caution, so the
 * practitioner can have the client sign now, or proceed and record why (a note is required).
 */
export function consentFlag(
  standing: ConsentStanding,
  treatmentName: string,
): Omit<ScreeningFlag, 'decision' | 'note' | 'decidedAt' | 'decidedBy'> | null {
  const flag = (label: string, advice = 'Have the client sign now, or proceed and record why.') => ({
    alertKey: CONSENT_ALERT_KEY,
    label,
    severity: 'caution' as const,
    advice,
  });
  if (standing.familyId === null) {
    return flag(
      `No consent form is set up for ${treatmentName}`,
      'Choose a consent form for this treatment in the catalogue, or proceed and record why.',
    );
  }
  switch (standing.status) {
    case 'valid':
      return null;
    case 'missing':
      return flag(`No valid consent for ${treatmentName}`);
    case 'expired':
      return flag(`Consent for ${treatmentName} expired (valid until ${shortDate(standing.validUntil!)})`);
    case 'revoked': {
      const on = localDate(new Date(standing.record!.revocation!.revokedAt));
      return flag(`Consent for ${treatmentName} was revoked on ${shortDate(on)}`);
    }
  }
}
