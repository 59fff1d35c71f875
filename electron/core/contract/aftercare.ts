import { z } from 'zod';
import { ClientId } from './clients';
import { PAPER_SIZES } from './settings';

/**
 * Aftercare sheets and the other printed documents (session chart summary, client record summary). An
 * aftercare template is a family of versions like a consent form; every sheet printed or saved is recorded
 * with a snapshot of its exact HTML, so a reprint months later is the same document.
 */

/** Placeholders an aftercare template may use, written {{name}}; all are filled in as plain text. */
export const AFTERCARE_PLACEHOLDERS = {
  'client.name': 'Client’s full name',
  'client.firstName': 'Client’s first name',
  treatment: 'Treatment name',
  practitioner: 'Practitioner’s name',
  clinic: 'Clinic name',
  'clinic.phone': 'Clinic phone (emergency number first)',
  date: 'Date of the session',
  nextAppointment: 'Next appointment date (or “to be booked”)',
} as const;
export type AftercarePlaceholder = keyof typeof AFTERCARE_PLACEHOLDERS;

const line = (max: number, what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(max, `Keep the ${what} under ${max} characters`);

/** A block of an aftercare template: plain text with {{placeholders}}, never markup. */
export const AftercareBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: line(200, 'heading') }),
  z.object({ type: z.literal('paragraph'), text: line(3000, 'paragraph') }),
  z.object({
    type: z.literal('list'),
    items: z.array(line(500, 'list item')).min(1, 'A list needs at least one item').max(30),
  }),
  /** The day-by-day checklist the client ticks at home. */
  z.object({
    type: z.literal('checklist'),
    days: z
      .array(
        z.object({
          label: line(60, 'day'),
          items: z.array(line(200, 'checklist item')).min(1, 'A day needs at least one item').max(8),
        }),
      )
      .min(1, 'A checklist needs at least one day')
      .max(14, 'At most 14 days'),
  }),
]);
export type AftercareBlock = z.infer<typeof AftercareBlock>;

export const AftercareTemplateInput = z.object({
  /** Stable family code, e.g. "microneedling-face"; treatment types refer to it. Fixed once created. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'Use lower-case letters, digits and dashes'),
  title: line(200, 'title'),
  blocks: z.array(AftercareBlock).min(1, 'A sheet needs some text').max(120, 'Keep a sheet under 120 blocks'),
});
export type AftercareTemplateInput = z.input<typeof AftercareTemplateInput>;

export const AftercareSaveTemplateInput = z.object({
  familyId: z.uuid().nullable().default(null),
  fields: AftercareTemplateInput,
});

export interface AftercareTemplateVersion {
  id: string;
  familyId: string;
  code: string;
  title: string;
  version: number;
  blocks: AftercareBlock[];
  createdAt: string;
}

export interface AftercareTemplateFamily {
  id: string;
  code: string;
  title: string;
  current: AftercareTemplateVersion;
  versions: { id: string; version: number; createdAt: string; issuedCount: number }[];
  retiredAt: string | null;
  treatmentTypes: { id: string; name: string }[];
}

export const DOCUMENT_KINDS = ['aftercare', 'session-summary', 'client-summary'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  aftercare: 'Aftercare sheet',
  'session-summary': 'Session chart summary',
  'client-summary': 'Client record summary',
};

/** What to print: a session's aftercare sheet or chart summary, or a client's record summary. */
export const DocumentSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('aftercare'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('session-summary'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('client-summary'), clientId: ClientId }),
]);
export type DocumentSubject = z.infer<typeof DocumentSubject>;

export const DocumentPreviewInput = z.object({
  subject: DocumentSubject,
  /** The clinic's default paper when null. */
  paper: z.enum(PAPER_SIZES).nullable().default(null),
});

export const DocumentIssueInput = DocumentPreviewInput.extend({
  /** Print opens the system print dialog; pdf returns the PDF to save. */
  action: z.enum(['print', 'pdf']),
  by: line(200, 'name of who issues the document'),
});

export const DocumentReissueInput = z.object({
  id: z.uuid(),
  action: z.enum(['print', 'pdf']),
  by: line(200, 'name of who reprints the document'),
});

export interface DocumentPreview {
  title: string;
  /** The complete, self-contained HTML document (no script), for a sandboxed preview frame. */
  html: string;
  paper: (typeof PAPER_SIZES)[number];
}

export interface IssuedDocument {
  id: string;
  clientId: string;
  sessionId: string | null;
  kind: DocumentKind;
  title: string;
  /** The aftercare template version the sheet was made from (null for summaries). */
  template: { id: string; code: string; version: number } | null;
  paper: (typeof PAPER_SIZES)[number];
  action: 'print' | 'pdf';
  issuedAt: string;
  issuedBy: string;
  /** SHA-256 of the stored HTML snapshot: a reprint renders exactly this. */
  snapshotSha256: string;
  /** The first issue of this snapshot, when this row is a reprint. */
  reprintOf: string | null;
}

export interface IssuedFile {
  document: IssuedDocument;
  /** The PDF for a pdf action; null after printing. */
  file: { fileName: string; mime: 'application/pdf'; bytes: Uint8Array } | null;
}
