import type { ConsentVerification } from '../../contract';
import type { createBlobsRepo } from '../../db/repositories/blobsRepo';
import type { StoredConsent } from '../../db/repositories/consentRecordsRepo';
import { ROLE_LABELS } from './consentDocument';
import { consentSeal, sha256Of } from './seal';

type Blobs = Pick<ReturnType<typeof createBlobsRepo>, 'get'>;
type Check = ConsentVerification['checks'][number];

/** Whether the stored bytes under a hash are still those bytes: 'missing', 'altered' or 'ok'. */
function blobState(blobs: Blobs, sha256: string): 'missing' | 'altered' | 'ok' {
  const blob = blobs.get(sha256);
  if (!blob) return 'missing';
  return sha256Of(blob.bytes) === sha256 ? 'ok' : 'altered';
}

function sealCheck(record: StoredConsent): Check {
  const ok = consentSeal(record, record.signatures) === record.seal;
  return {
    name: 'seal',
    ok,
    detail: ok
      ? 'The text, ticked statements, names, times and workstation match the seal recorded at signing.'
      : 'The record has been changed since it was signed: its contents no longer match the seal recorded at signing.',
  };
}

function documentCheck(record: StoredConsent, blobs: Blobs): Check {
  const what = record.method === 'paper' ? 'The attached scan' : 'The signed PDF';
  const state = blobState(blobs, record.document.sha256);
  if (state !== 'ok') {
    return {
      name: 'document',
      ok: false,
      detail:
        state === 'missing'
          ? `${what} is missing from the media database.`
          : `${what} has been altered: its SHA-256 no longer matches the one recorded.`,
    };
  }
  if (record.htmlSha256) {
    const html = blobState(blobs, record.htmlSha256);
    if (html !== 'ok') {
      return {
        name: 'document',
        ok: false,
        detail: `The signed PDF is intact, but the printable copy it was made from is ${html === 'missing' ? 'missing' : 'altered'}.`,
      };
    }
    return {
      name: 'document',
      ok: true,
      detail: 'The signed PDF and its printable copy match their SHA-256.',
    };
  }
  return { name: 'document', ok: true, detail: `${what} matches its recorded SHA-256.` };
}

function signaturesCheck(record: StoredConsent, blobs: Blobs): Check {
  if (record.signatures.length === 0) {
    return {
      name: 'signatures',
      ok: true,
      detail: 'Signed on paper: the signatures are in the attached scan.',
    };
  }
  const problems = record.signatures.flatMap((s) => {
    const state = blobState(blobs, s.sha256);
    return state === 'ok' ? [] : [`the ${ROLE_LABELS[s.role].toLowerCase()}’s signature image is ${state}`];
  });
  if (problems.length) {
    const text = problems.join('; ');
    return { name: 'signatures', ok: false, detail: `${text[0]!.toUpperCase()}${text.slice(1)}.` };
  }
  const n = record.signatures.length;
  return {
    name: 'signatures',
    ok: true,
    detail: `${n === 1 ? 'The signature image matches' : `All ${n} signature images match`} the recorded SHA-256.`,
  };
}

/**
 * Recomputes the seal from the stored rows and re-hashes every stored byte the record points at, so a
 * change made behind the app's back (a row edited with the triggers dropped, a blob rewritten) shows.
 */
export function verifyConsent(record: StoredConsent, blobs: Blobs, checkedAt: string): ConsentVerification {
  const checks = [sealCheck(record), documentCheck(record, blobs), signaturesCheck(record, blobs)];
  return { id: record.id, intact: checks.every((c) => c.ok), checks, checkedAt };
}
