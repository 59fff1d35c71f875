import type { Database } from 'better-sqlite3';
import {
  type ApiIssue,
  type ApiParsedInput,
  acknowledgementIds,
  type Client,
  type ClientConsents,
  CONSENT_ALERT_KEY,
  type ConsentDocument,
  type ConsentForm,
  type ConsentKind,
  type ConsentPart,
  type ConsentRecord,
  type ConsentRecordSummary,
  type ConsentScope,
  type ConsentSignature,
  type ConsentStanding,
  type ConsentTemplateVersion,
  type ConsentVerification,
  DomainError,
  type SignerRole,
  type TreatmentType,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createBlobsRepo } from '../../db/repositories/blobsRepo';
import type {
  createConsentRecordsRepo,
  NewConsent,
  StoredConsent,
} from '../../db/repositories/consentRecordsRepo';
import type { StoredFamily } from '../../db/repositories/consentTemplatesRepo';
import type { createSessionsRepo } from '../../db/repositories/sessionsRepo';
import type { createCatalogueService } from '../catalogue/catalogueService';
import type { createClientService } from '../clients/clientService';
import type { ClinicProvider } from '../documents/clinic';
import type { PdfRenderer } from '../documents/pdfRenderer';
import { sealOf } from '../integrity/hash';
import type { ImageProcessor } from '../photos/imageProcessor';
import { blankConsentHtml, type SignedSignature, scanPrintHtml, signedConsentHtml } from './consentDocument';
import { localMoment, longDate, startOfLocalDay, validUntil, workstationTimeZone } from './dates';
import { checkScan } from './paperScan';
import { type PlaceholderValues, renderBlocks } from './placeholders';
import { consentSeal, sha256Of } from './seal';
import { signatureProblem } from './signatureImage';
import { type StandingSubject, standingOf, statusOf, summaryOf } from './standing';
import type { createConsentTemplateService } from './templateService';
import { verifyConsent } from './verify';

export interface ConsentDeps {
  db: Database;
  deviceId: string;
  /** The workstation's name, recorded with every signature. */
  hostname: string;
  today: () => string;
  records: ReturnType<typeof createConsentRecordsRepo>;
  templates: ReturnType<typeof createConsentTemplateService>;
  blobs: ReturnType<typeof createBlobsRepo>;
  clients: ReturnType<typeof createClientService>;
  catalogue: ReturnType<typeof createCatalogueService>;
  sessions: ReturnType<typeof createSessionsRepo>;
  /** Chromium behind an interface; null where none is available (then forms cannot be signed on screen). */
  pdf: PdfRenderer | null;
  clinic: ClinicProvider;
  /** Turns an image scan into a printable JPEG (HEIC and TIFF scans are not printable as they are). */
  processImage: ImageProcessor;
}

const SIGNER_ROLES: readonly SignerRole[] = ['client', 'practitioner', 'witness'];
const SIGNER_NAMES: Record<SignerRole, string> = {
  client: 'the client',
  practitioner: 'the practitioner',
  witness: 'the witness',
};
const DOCUMENT_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/heic': 'heic',
};

function invalid(issues: ApiIssue[]): never {
  throw new DomainError('VALIDATION', issues[0]!.message, issues);
}

/**
 * Signing, attaching, revoking and checking consent records. A form is rendered from the current version
 * of its template; signing checks that the client saw exactly that text, that every statement is ticked
 * and the signatures are real, then freezes and seals it, renders the PDF, stores the bytes first (media
 * database) and the rows second (one records transaction). Nothing half-written is ever visible: a crash
 * in between leaves only unreferenced blobs, which the start-up sweep removes.
 */
export function createConsentService(d: ConsentDeps) {
  const stamp = () => ({ at: nowIso(), deviceId: d.deviceId });

  function requirePdf(): PdfRenderer {
    if (!d.pdf) {
      throw new DomainError(
        'CONFLICT',
        'PDF rendering is not available on this workstation, so forms cannot be signed or printed here. ' +
          'Sign on paper and attach the scan instead.',
      );
    }
    return d.pdf;
  }

  function requireRecord(id: string): StoredConsent {
    const record = d.records.get(id);
    if (!record) throw new DomainError('NOT_FOUND', 'That consent record no longer exists.');
    return record;
  }

  function activeClient(id: string): Client {
    const client = d.clients.requireClient(id);
    if (client.archivedAt) {
      throw new DomainError(
        'CONFLICT',
        'This client is archived. Restore the client before recording a consent.',
      );
    }
    return client;
  }

  /** The version, its family, and a refusal if the form is retired. */
  function usableTemplate(templateId: string): { template: ConsentTemplateVersion; family: StoredFamily } {
    const template = d.templates.version(templateId);
    const family = d.templates.storedFamily(template.familyId);
    if (family.retiredAt) {
      throw new DomainError(
        'CONFLICT',
        `“${template.title}” is retired and can no longer be signed. Restore it, or use another form.`,
      );
    }
    return { template, family };
  }

  function requireCurrent(template: ConsentTemplateVersion) {
    const current = d.templates.current(template.familyId)!;
    if (current.id !== template.id) {
      throw new DomainError(
        'CONFLICT',
        `Version ${template.version} of “${template.title}” has been replaced by version ${current.version}. ` +
          'Open the form again to use the current version.',
      );
    }
  }

  /** The treatment the form is for, as the client reads it: the treatment types that use the form. */
  function treatmentName(template: ConsentTemplateVersion): string {
    const names = d.catalogue
      .get()
      .treatmentTypes.filter((t) => t.consentTemplate === template.code && !t.retiredAt)
      .map((t) => t.name);
    return names.length ? names.join(' or ') : template.title;
  }

  function render(client: Client, template: ConsentTemplateVersion, practitioner: string, date: string) {
    const values: PlaceholderValues = {
      'client.name': `${client.firstName} ${client.lastName}`,
      'client.firstName': client.firstName,
      'client.dateOfBirth': client.dateOfBirth ? longDate(client.dateOfBirth) : 'not recorded',
      treatment: treatmentName(template),
      practitioner,
      clinic: d.clinic().name,
      date: longDate(date),
    };
    const blocks = renderBlocks(template.blocks, values);
    return { blocks, renderedSha256: sealOf(blocks) };
  }

  function prepareForm(input: ApiParsedInput<'consents.prepare'>) {
    const client = activeClient(input.clientId);
    const { template, family } = usableTemplate(input.templateId);
    requireCurrent(template);
    const rendered = render(client, template, input.practitioner, d.today());
    const form: ConsentForm = {
      template,
      clientId: client.id,
      blocks: rendered.blocks,
      renderedSha256: rendered.renderedSha256,
      practitioner: input.practitioner,
    };
    return { client, template, family, form };
  }

  function sessionIssue(clientId: string, sessionId: string | null): ApiIssue | null {
    if (!sessionId) return null;
    const session = d.sessions.get(sessionId);
    if (session && session.clientId === clientId) return null;
    return { path: 'sessionId', message: 'That session does not belong to this client' };
  }

  function photoScopeIssue(kind: ConsentKind, scope: ConsentScope | null): ApiIssue | null {
    if (kind === 'photo' && !scope) {
      return { path: 'photoScope', message: 'Choose what the photographs may be used for' };
    }
    if (kind === 'treatment' && scope) {
      return { path: 'photoScope', message: 'Only a photography consent records a use of photographs' };
    }
    return null;
  }

  /**
   * A draft session whose consent flag is still open, for a treatment that uses this form, gets the flag
   * decided by the new record (inside the same transaction as the record).
   */
  function resolveSessionFlag(record: NewConsent, at: string) {
    if (!record.sessionId || statusOf({ ...record, revocation: null }, d.today()) !== 'valid') return;
    const session = d.sessions.get(record.sessionId);
    if (session?.status !== 'draft') return;
    const flag = session.screening.find((f) => f.alertKey === CONSENT_ALERT_KEY && f.decision === null);
    if (!flag) return;
    if (d.catalogue.treatmentType(session.treatmentTypeId).consentTemplate !== record.code) return;
    const how = record.method === 'paper' ? 'Consent signed on paper' : 'Consent signed';
    d.sessions.decide(
      session.id,
      CONSENT_ALERT_KEY,
      'proceed',
      `${how}: ${record.title} v${record.templateVersion}, record ${record.id}`,
      record.practitioner,
      at,
    );
  }

  function toRecord(r: StoredConsent): ConsentRecord {
    return {
      ...summaryOf(r, d.today()),
      blocks: r.blocks,
      acknowledged: r.acknowledged,
      signatures: r.signatures,
      practitioner: r.practitioner,
      clientName: r.clientName,
      workstation: r.workstation,
      documentSha256: r.document.sha256,
      documentMime: r.document.mime,
    };
  }

  function documentName(r: StoredConsent): string {
    const day = r.signedAtLocal.slice(0, 10);
    return `consent-${r.code}-v${r.templateVersion}-${day}-${r.id.slice(-8)}.${DOCUMENT_EXTENSIONS[r.document.mime] ?? 'bin'}`;
  }

  /** The forms a client's page shows: one per form the active treatments use, then the photo consent. */
  function subjects(): StandingSubject[] {
    const byCode = new Map<string | null, { id: string; name: string }[]>();
    for (const t of d.catalogue.get().treatmentTypes) {
      if (t.retiredAt) continue;
      const list = byCode.get(t.consentTemplate) ?? [];
      list.push({ id: t.id, name: t.name });
      byCode.set(t.consentTemplate, list);
    }
    const treatment = [...byCode].map(([code, treatmentTypes]) => subjectFor(code, treatmentTypes));
    const photo = d.templates
      .families()
      .filter((f) => f.kind === 'photo' && !f.retiredAt)
      .map((f) => subjectFor(f.code, []));
    return [...treatment, ...photo];
  }

  function subjectFor(code: string | null, treatmentTypes: { id: string; name: string }[]): StandingSubject {
    const family = code ? d.templates.familyByCode(code) : null;
    if (!family) {
      return {
        familyId: null,
        code,
        title: code ? `Consent form “${code}” (not set up)` : 'No consent form set up',
        kind: 'treatment',
        treatmentTypes,
      };
    }
    return {
      familyId: family.id,
      code: family.code,
      title: d.templates.current(family.id)!.title,
      kind: family.kind,
      treatmentTypes,
    };
  }

  function standing(clientId: string, subject: StandingSubject): ConsentStanding {
    const newest = subject.familyId ? d.records.newest(clientId, subject.familyId) : null;
    return standingOf(subject, newest, d.today());
  }

  return {
    prepare: (input: ApiParsedInput<'consents.prepare'>): ConsentForm => prepareForm(input).form,

    async sign(input: ApiParsedInput<'consents.sign'>): Promise<ConsentRecord> {
      const pdf = requirePdf();
      const { client, template, form } = prepareForm({
        clientId: input.clientId,
        templateId: input.templateId,
        practitioner: input.practitioner.name,
      });
      if (form.renderedSha256 !== input.renderedSha256) {
        throw new DomainError(
          'CONFLICT',
          'The form’s text has changed since it was shown (a new version, a changed name or a new day). ' +
            'Go through the updated form with the client and sign again.',
        );
      }
      const issues: ApiIssue[] = [];
      const ticked = new Set(input.acknowledged);
      const required = acknowledgementIds(template.blocks);
      for (const id of required) {
        if (!ticked.has(id)) {
          issues.push({ path: `acknowledged.${id}`, message: 'The client must tick this statement to sign' });
        }
      }
      for (const id of ticked) {
        if (!required.includes(id)) {
          issues.push({ path: 'acknowledged', message: `“${id}” is not a statement on this form` });
        }
      }
      const scope = photoScopeIssue(template.kind, input.photoScope);
      if (scope) issues.push(scope);
      const session = sessionIssue(client.id, input.sessionId);
      if (session) issues.push(session);
      const signers = SIGNER_ROLES.flatMap((role) => {
        const signer = input[role];
        return signer ? [{ role, name: signer.name, png: signer.signature }] : [];
      });
      for (const s of signers) {
        const problem = await signatureProblem(s.png, SIGNER_NAMES[s.role]);
        if (problem) issues.push({ path: `${s.role}.signature`, message: problem });
      }
      if (issues.length) invalid(issues);

      const now = new Date();
      const id = newId();
      const signatures: ConsentSignature[] = signers.map((s) => ({
        role: s.role,
        name: s.name,
        sha256: sha256Of(s.png),
      }));
      const frozen: Omit<NewConsent, 'seal' | 'document' | 'htmlSha256'> = {
        id,
        clientId: client.id,
        templateId: template.id,
        familyId: template.familyId,
        code: template.code,
        kind: template.kind,
        title: template.title,
        templateVersion: template.version,
        method: 'on-screen',
        blocks: form.blocks,
        renderedSha256: form.renderedSha256,
        acknowledged: required,
        photoScope: input.photoScope,
        clientName: input.client.name,
        practitioner: input.practitioner.name,
        signedAt: now.toISOString(),
        signedAtLocal: localMoment(now),
        timeZone: workstationTimeZone(),
        validUntil: validUntil(d.today(), template.expiryMonths),
        workstation: { deviceId: d.deviceId, hostname: d.hostname },
        sessionId: input.sessionId,
      };
      // The PDF prints the seal, so it cannot be part of it (see consentSeal).
      const seal = consentSeal({ ...frozen, document: null }, signatures);
      const clinic = d.clinic();
      const pngs: SignedSignature[] = signers.map((s) => ({ role: s.role, name: s.name, png: s.png }));
      const htmlText = signedConsentHtml({ ...frozen, seal }, pngs, clinic, client.dateOfBirth);
      const html = Buffer.from(htmlText, 'utf8');
      const pdfBytes = await pdf.pdf(htmlText, { paper: clinic.paper });
      const record: NewConsent = {
        ...frozen,
        seal,
        document: { sha256: sha256Of(pdfBytes), mime: 'application/pdf', name: null },
        htmlSha256: sha256Of(html),
      };

      const at = nowIso();
      d.blobs.storeAll(
        [
          ...signers.map((s) => ({ sha256: sha256Of(s.png), mime: 'image/png', bytes: Buffer.from(s.png) })),
          { sha256: record.htmlSha256!, mime: 'text/html; charset=utf-8', bytes: html },
          { sha256: record.document.sha256, mime: 'application/pdf', bytes: pdfBytes },
        ],
        at,
      );
      d.db.transaction(() => {
        // The PDF took a moment: the form must still be the current, unretired version when the rows land.
        usableTemplate(template.id);
        requireCurrent(template);
        d.records.insert(record, signatures, stamp());
        resolveSessionFlag(record, at);
      })();
      return toRecord(requireRecord(id));
    },

    /** The paper route: a scan of a signed paper copy becomes the record, sealed with its hash. */
    async attachPaper(input: ApiParsedInput<'consents.attachPaper'>): Promise<ConsentRecord> {
      const client = activeClient(input.clientId);
      // A paper copy may have been printed from an earlier version: any version of a form in use counts.
      const { template } = usableTemplate(input.templateId);
      const issues = [
        photoScopeIssue(template.kind, input.photoScope),
        sessionIssue(client.id, input.sessionId),
      ].filter((i): i is ApiIssue => i !== null);
      const scan = checkScan(input.bytes);
      if (!scan.ok) invalid([...issues, { path: 'bytes', message: scan.message }]);
      if (issues.length) invalid(issues);

      const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      const rendered = render(client, template, input.practitioner, input.signedOn);
      const signedAt = startOfLocalDay(input.signedOn);
      const id = newId();
      const unsealed: Omit<NewConsent, 'seal' | 'htmlSha256'> = {
        id,
        clientId: client.id,
        templateId: template.id,
        familyId: template.familyId,
        code: template.code,
        kind: template.kind,
        title: template.title,
        templateVersion: template.version,
        method: 'paper',
        blocks: rendered.blocks,
        renderedSha256: rendered.renderedSha256,
        // What was ticked is on the paper; nothing is claimed here that the scan does not show.
        acknowledged: [],
        photoScope: input.photoScope,
        clientName: input.clientName,
        practitioner: input.practitioner,
        signedAt: signedAt.toISOString(),
        signedAtLocal: localMoment(signedAt),
        timeZone: workstationTimeZone(),
        validUntil: validUntil(input.signedOn, template.expiryMonths),
        workstation: { deviceId: d.deviceId, hostname: d.hostname },
        sessionId: input.sessionId,
        document: { sha256: sha256Of(bytes), mime: scan.mime, name: input.fileName },
      };
      const record: NewConsent = { ...unsealed, seal: consentSeal(unsealed, []), htmlSha256: null };

      const at = nowIso();
      d.blobs.storeAll([{ sha256: record.document.sha256, mime: scan.mime, bytes }], at);
      d.db.transaction(() => {
        d.records.insert(record, [], stamp());
        resolveSessionFlag(record, at);
      })();
      return toRecord(requireRecord(id));
    },

    /** A pre-filled, unsigned form as a PDF, to print and sign on paper. Nothing is stored. */
    async blankForm(input: ApiParsedInput<'consents.blankForm'>): Promise<ConsentDocument> {
      const pdf = requirePdf();
      const { client, template, form } = prepareForm(input);
      const clinic = d.clinic();
      const html = blankConsentHtml(
        {
          title: template.title,
          code: template.code,
          version: template.version,
          kind: template.kind,
          blocks: form.blocks,
          clientName: `${client.firstName} ${client.lastName}`,
          dateOfBirth: client.dateOfBirth,
          practitioner: input.practitioner,
          date: d.today(),
        },
        clinic,
      );
      const bytes = await pdf.pdf(html, { paper: clinic.paper });
      return {
        fileName: `consent-${template.code}-v${template.version}-unsigned.pdf`,
        mime: 'application/pdf',
        bytes: new Uint8Array(bytes),
      };
    },

    revoke(input: ApiParsedInput<'consents.revoke'>): ConsentRecord {
      const record = requireRecord(input.id);
      const revoked = d.db.transaction(() =>
        d.records.revoke({ id: newId(), recordId: record.id, reason: input.reason, by: input.by }, stamp()),
      )();
      if (!revoked) {
        const { revocation } = requireRecord(input.id);
        throw new DomainError(
          'CONFLICT',
          `This consent was already revoked on ${revocation!.revokedAt.slice(0, 10)} by ${revocation!.by}.`,
        );
      }
      return toRecord(requireRecord(record.id));
    },

    get: (id: string): ConsentRecord => toRecord(requireRecord(id)),

    list(clientId: string): ConsentRecordSummary[] {
      d.clients.requireClient(clientId);
      const today = d.today();
      return d.records.listForClient(clientId).map((r) => summaryOf(r, today));
    },

    verify: (id: string): ConsentVerification => verifyConsent(requireRecord(id), d.blobs, nowIso()),

    /** The stored document, byte for byte. */
    document(id: string): ConsentDocument {
      const record = requireRecord(id);
      const blob = d.blobs.get(record.document.sha256);
      if (!blob)
        throw new DomainError(
          'NOT_FOUND',
          'The document of this consent is missing from the media database.',
        );
      return {
        fileName: documentName(record),
        mime: record.document.mime,
        bytes: new Uint8Array(blob.bytes),
      };
    },

    /** The system print dialog for the stored form: the same HTML the signed PDF was made from. */
    async print(id: string): Promise<{ printed: true }> {
      const pdf = requirePdf();
      const record = requireRecord(id);
      const clinic = d.clinic();
      if (record.htmlSha256) {
        const html = d.blobs.get(record.htmlSha256);
        if (!html) throw new DomainError('NOT_FOUND', 'The printable copy of this consent is missing.');
        await pdf.print(html.bytes.toString('utf8'), { paper: clinic.paper });
        return { printed: true };
      }
      if (record.document.mime === 'application/pdf') {
        throw new DomainError(
          'CONFLICT',
          'This consent is a scanned PDF: open the document and print it from the PDF viewer.',
        );
      }
      const scan = d.blobs.get(record.document.sha256);
      if (!scan)
        throw new DomainError('NOT_FOUND', 'The scan of this consent is missing from the media database.');
      const image = await d.processImage(scan.bytes);
      await pdf.print(scanPrintHtml(record, image.preview, 'image/jpeg', clinic), { paper: clinic.paper });
      return { printed: true };
    },

    /** Bytes for the media protocol: the document, or one signer's signature image. */
    bytes(id: string, part: ConsentPart): { mime: string; bytes: Buffer } | null {
      const record = d.records.get(id);
      if (!record) return null;
      if (part === 'document') {
        const blob = d.blobs.get(record.document.sha256);
        return blob ? { mime: record.document.mime, bytes: blob.bytes } : null;
      }
      const signature = record.signatures.find((s) => `signature-${s.role}` === part);
      if (!signature) return null;
      const blob = d.blobs.get(signature.sha256);
      return blob ? { mime: 'image/png', bytes: blob.bytes } : null;
    },

    /** Where the client stands for each form the active treatments use, and the photo consent. */
    forClient(clientId: string): ClientConsents {
      d.clients.requireClient(clientId);
      const standings = subjects().map((s) => standing(clientId, s));
      const photo = standings.find((s) => s.kind === 'photo' && s.status === 'valid');
      return { standings, photoScope: photo?.record?.photoScope ?? 'clinical' };
    },

    /**
     * The widest use the client's current photo consent allows ('clinical' without a valid one): what every
     * photo of theirs may be used for, so a revocation or expiry applies to all their photos at once.
     */
    photoScope(clientId: string): ConsentScope {
      const photo = d.templates
        .families()
        .filter((f) => f.kind === 'photo' && !f.retiredAt)
        .map((f) => standing(clientId, subjectFor(f.code, [])))
        .find((s) => s.status === 'valid');
      return photo?.record?.photoScope ?? 'clinical';
    },

    /** The standing of the form one treatment type uses (for charting); null for an unknown type. */
    forTreatment(clientId: string, treatmentTypeId: string): ConsentStanding | null {
      let treatment: TreatmentType;
      try {
        treatment = d.catalogue.treatmentType(treatmentTypeId);
      } catch (error) {
        if (error instanceof DomainError) return null;
        throw error;
      }
      const subject = subjectFor(treatment.consentTemplate, [{ id: treatment.id, name: treatment.name }]);
      return standing(clientId, subject);
    },

    /** Every media blob a consent holds, so the start-up sweep keeps them. */
    referencedHashes: () => d.records.referencedHashes(),
  };
}
