import { createHash } from 'node:crypto';
import type { ConsentSignature } from '../../contract';
import type { NewConsent } from '../../db/repositories/consentRecordsRepo';
import { sealOf } from '../integrity/hash';

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const ROLE_ORDER = ['client', 'practitioner', 'witness'];

/**
 * The seal of a consent record: SHA-256 over everything that was agreed and how: the exact rendered text,
 * the form and version, the ticked statements, the photo use, the names and signature images (by hash),
 * the times (UTC and as the workstation showed them), the expiry, the workstation, the client and session.
 * The same function seals at signing and recomputes at verification, from the stored rows.
 *
 * A PDF made on screen is not in the seal, because the seal is printed on it (it is checked against its
 * own recorded SHA-256 instead). A paper scan IS the signed document, so its hash is sealed.
 */
export function consentSeal(
  record: Omit<NewConsent, 'seal' | 'htmlSha256' | 'document'> & { document: NewConsent['document'] | null },
  signatures: readonly ConsentSignature[],
): string {
  return sealOf({
    v: 1,
    id: record.id,
    clientId: record.clientId,
    clientName: record.clientName,
    method: record.method,
    template: {
      id: record.templateId,
      familyId: record.familyId,
      code: record.code,
      kind: record.kind,
      title: record.title,
      version: record.templateVersion,
    },
    blocks: record.blocks,
    renderedSha256: record.renderedSha256,
    acknowledged: [...record.acknowledged].sort(),
    photoScope: record.photoScope,
    practitioner: record.practitioner,
    signatures: [...signatures]
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((s) => ({ role: s.role, name: s.name, sha256: s.sha256 })),
    signedAt: record.signedAt,
    signedAtLocal: record.signedAtLocal,
    timeZone: record.timeZone,
    validUntil: record.validUntil,
    workstation: record.workstation,
    sessionId: record.sessionId,
    scan:
      record.method === 'paper' && record.document
        ? { sha256: record.document.sha256, mime: record.document.mime, name: record.document.name }
        : null,
  });
}
