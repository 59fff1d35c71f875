import { z } from 'zod';
import { ClientId, pastDate } from './clients';
import { CONSENT_SCOPES, type ConsentScope } from './photos';

/**
 * Consent forms. A template is a family of versions (one row per version); editing creates a new version and
 * old ones stay readable. A signed record freezes the exact rendered text of one version with its answers,
 * signatures, names and times, sealed by a SHA-256; it is never edited, only revoked by a new row.
 */

export const CONSENT_KINDS = ['treatment', 'photo'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
/** The code of the photography consent family (there is one; it is not tied to a treatment type). */
export const PHOTO_CONSENT_CODE = 'photography';

export const SCOPE_LABELS: Record<ConsentScope, string> = {
  clinical: 'Clinical record only',
  training: 'Training (de-identified)',
  marketing: 'Marketing',
};

/**
 * Placeholders a template's text may use, written {{name}}. They are replaced by plain text when the form is
 * prepared; nothing in a template or a value is ever treated as HTML.
 */
export const PLACEHOLDERS = {
  'client.name': 'Client’s full name',
  'client.firstName': 'Client’s first name',
  'client.dateOfBirth': 'Client’s date of birth',
  treatment: 'Treatment name',
  practitioner: 'Practitioner’s name',
  clinic: 'Clinic name',
  date: 'Today’s date',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const line = (max: number, what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(max, `Keep the ${what} under ${max} characters`);

/** One block of a template's body. Text is plain text with {{placeholders}}; no markup of any kind. */
export const ConsentBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: line(200, 'heading') }),
  z.object({ type: z.literal('paragraph'), text: line(5000, 'paragraph') }),
  z.object({
    type: z.literal('list'),
    items: z.array(line(1000, 'list item')).min(1, 'A list needs at least one item').max(50),
  }),
  /** A statement the client must tick before signing. The id is stable across versions. */
  z.object({
    type: z.literal('acknowledgement'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and dashes (up to 40)'),
    text: line(1000, 'acknowledgement'),
  }),
]);
export type ConsentBlock = z.infer<typeof ConsentBlock>;

export const ConsentTemplateInput = z
  .object({
    /** Stable family code, e.g. "microneedling-face"; treatment types refer to it. Fixed once created. */
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'Use lower-case letters, digits and dashes'),
    kind: z.enum(CONSENT_KINDS),
    title: line(200, 'title'),
    blocks: z.array(ConsentBlock).min(1, 'A form needs some text').max(300, 'Keep a form under 300 blocks'),
    /** Months a signature stays valid; null: until revoked. */
    expiryMonths: z.number().int().min(1, 'At least 1 month').max(120, 'At most 120 months').nullable(),
  })
  .refine((t) => new Set(acknowledgementIds(t.blocks)).size === acknowledgementIds(t.blocks).length, {
    message: 'Two acknowledgements share an id',
    path: ['blocks'],
  });
export type ConsentTemplateInput = z.input<typeof ConsentTemplateInput>;

export function acknowledgementIds(blocks: readonly ConsentBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'acknowledgement' ? [b.id] : []));
}

/** A PNG of a signature drawn on screen (signature_pad's toDataURL, decoded to bytes). */
export const SignatureImage = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'The signature is missing' })
  .refine((b) => b.byteLength > 0 && b.byteLength <= 2 * 1024 * 1024, {
    message: 'The signature image is empty or too large',
  });

const Signer = z.object({ name: line(200, 'name'), signature: SignatureImage });

export const ConsentPrepareInput = z.object({
  clientId: ClientId,
  /** A template version id; the current version of a family is what a new form uses. */
  templateId: z.uuid(),
  practitioner: line(200, 'practitioner’s name'),
});

export const ConsentSignInput = z.object({
  clientId: ClientId,
  templateId: z.uuid(),
  /** The session being charted when the form was signed, if any: its consent flag is then resolved. */
  sessionId: z.uuid().nullable().default(null),
  /** What consents.prepare returned: the server refuses if the text would now render differently. */
  renderedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Ids of the acknowledgements the client ticked: all of the form's must be there. */
  acknowledged: z.array(z.string().max(40)).max(100),
  /** Photo consent only: the widest use the client allows. */
  photoScope: z.enum(CONSENT_SCOPES).nullable().default(null),
  client: Signer,
  practitioner: Signer,
  witness: Signer.nullable().default(null),
});

/** The paper route: a scanned, signed copy (PDF or image) becomes the record. */
export const ConsentAttachPaperInput = z.object({
  clientId: ClientId,
  templateId: z.uuid(),
  sessionId: z.uuid().nullable().default(null),
  signedOn: pastDate,
  clientName: line(200, 'client’s name'),
  practitioner: line(200, 'practitioner’s name'),
  photoScope: z.enum(CONSENT_SCOPES).nullable().default(null),
  fileName: z.string().trim().max(255).nullable().default(null),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'The scanned file is missing' })
    .refine((b) => b.byteLength <= 50 * 1024 * 1024, { message: 'The scan is larger than 50 MB' }),
});

export const ConsentRevokeInput = z.object({
  id: z.uuid(),
  reason: line(2000, 'reason for revoking'),
  by: line(200, 'name of who records the revocation'),
});

export const ConsentSaveTemplateInput = z.object({
  /** The family to add a version to; null creates a new family (version 1). */
  familyId: z.uuid().nullable().default(null),
  fields: ConsentTemplateInput,
});

export interface ConsentTemplateVersion {
  id: string;
  familyId: string;
  code: string;
  kind: ConsentKind;
  title: string;
  version: number;
  blocks: ConsentBlock[];
  expiryMonths: number | null;
  createdAt: string;
}

export interface ConsentTemplateFamily {
  id: string;
  code: string;
  kind: ConsentKind;
  /** The newest version's title. */
  title: string;
  current: ConsentTemplateVersion;
  versions: { id: string; version: number; createdAt: string; signedCount: number }[];
  retiredAt: string | null;
  /** Treatment types whose consent is this family (by code). */
  treatmentTypes: { id: string; name: string }[];
}

/** A block after placeholders are filled in: plain text, exactly what the client reads. */
export type RenderedBlock = ConsentBlock;

export interface ConsentForm {
  template: ConsentTemplateVersion;
  clientId: string;
  /** The form's text with every placeholder replaced. */
  blocks: RenderedBlock[];
  /** SHA-256 of the rendered blocks; pass it back to consents.sign. */
  renderedSha256: string;
  practitioner: string;
}

export type SignerRole = 'client' | 'practitioner' | 'witness';

export interface ConsentSignature {
  role: SignerRole;
  name: string;
  /** SHA-256 of the PNG; the image is at consentSignatureUrl(record id, role). */
  sha256: string;
}

export interface ConsentRevocation {
  id: string;
  reason: string;
  by: string;
  revokedAt: string;
}

export type ConsentStatus = 'valid' | 'expired' | 'revoked' | 'missing';

export interface ConsentRecordSummary {
  id: string;
  clientId: string;
  templateId: string;
  familyId: string;
  code: string;
  kind: ConsentKind;
  title: string;
  templateVersion: number;
  method: 'on-screen' | 'paper';
  photoScope: ConsentScope | null;
  /** UTC ISO time of signing (for paper: the date given, at 00:00 local). */
  signedAt: string;
  /** The same moment as the workstation showed it, with its offset and time zone. */
  signedAtLocal: string;
  /** The last day the consent is valid (YYYY-MM-DD), or null when it does not expire. */
  validUntil: string | null;
  status: Exclude<ConsentStatus, 'missing'>;
  revocation: ConsentRevocation | null;
  sessionId: string | null;
  seal: string;
}

export interface ConsentRecord extends ConsentRecordSummary {
  blocks: RenderedBlock[];
  acknowledged: string[];
  signatures: ConsentSignature[];
  practitioner: string;
  clientName: string;
  workstation: { deviceId: string; hostname: string };
  /** SHA-256 of the stored PDF (for paper: of the attached scan). */
  documentSha256: string;
  documentMime: string;
}

export interface ConsentVerification {
  id: string;
  /** True only if the seal, the document and every signature image match what was recorded. */
  intact: boolean;
  checks: { name: 'seal' | 'document' | 'signatures'; ok: boolean; detail: string }[];
  checkedAt: string;
}

/** Consent standing for one treatment type (or the photo consent) on a client's page. */
export interface ConsentStanding {
  /** The template family; null if a treatment type names no consent template. */
  familyId: string | null;
  code: string | null;
  title: string;
  kind: ConsentKind;
  treatmentTypes: { id: string; name: string }[];
  status: ConsentStatus;
  /** The record that decides the status (newest on-screen or paper signature), if any. */
  record: ConsentRecordSummary | null;
  /** For an expired record: when; for a valid one: until when. */
  validUntil: string | null;
}

export interface ClientConsents {
  standings: ConsentStanding[];
  /** What the client's current photo consent allows; 'clinical' without a valid photo consent. */
  photoScope: ConsentScope;
}

export interface ConsentDocument {
  fileName: string;
  mime: 'application/pdf' | string;
  bytes: Uint8Array;
}

/** What the media protocol serves of a consent record: its document or one signer's signature image. */
export type ConsentPart = 'document' | `signature-${SignerRole}`;

export const consentDocumentUrl = (recordId: string) => `/media/consent/${recordId}/document`;
export const consentSignatureUrl = (recordId: string, role: SignerRole) =>
  `/media/consent/${recordId}/signature-${role}`;
