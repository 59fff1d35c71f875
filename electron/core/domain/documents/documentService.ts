import {
  type ApiParsedInput,
  type Catalogue,
  DOCUMENT_KIND_LABELS,
  type DocumentPreview,
  type DocumentSubject,
  DomainError,
  type IssuedDocument,
  type IssuedFile,
  localDate,
  type PaperSize,
  type Session,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createBlobsRepo } from '../../db/repositories/blobsRepo';
import type { createIssuedDocumentsRepo } from '../../db/repositories/issuedDocumentsRepo';
import { type AftercareFacts, aftercareSheetHtml } from '../aftercare/aftercareSheet';
import { type createAftercareTemplateService, renderAftercareBlocks } from '../aftercare/aftercareTemplates';
import type { createCatalogueService } from '../catalogue/catalogueService';
import { zoneLabel } from '../catalogue/zoneMaps';
import type { createClientService } from '../clients/clientService';
import type { createConsentService } from '../consents/consentService';
import { sha256Hex } from '../integrity/hash';
import type { createSessionService } from '../sessions/sessionService';
import type { createClinicSettingsService } from '../settings/clinicSettingsService';
import { clientSummaryHtml } from '../summaries/clientSummary';
import { sessionSummaryHtml } from '../summaries/sessionSummary';
import type { ClinicInfo } from './clinic';
import { callNumber, printedDate } from './format';
import type { PdfRenderer } from './pdfRenderer';

export interface DocumentDeps {
  clients: ReturnType<typeof createClientService>;
  sessions: ReturnType<typeof createSessionService>;
  catalogue: ReturnType<typeof createCatalogueService>;
  consents: ReturnType<typeof createConsentService>;
  settings: ReturnType<typeof createClinicSettingsService>;
  aftercare: ReturnType<typeof createAftercareTemplateService>;
  issued: ReturnType<typeof createIssuedDocumentsRepo>;
  blobs: ReturnType<typeof createBlobsRepo>;
  photoCount: (clientId: string) => number;
  deviceId: string;
  pdf: PdfRenderer | null;
}

interface Built {
  clientId: string;
  sessionId: string | null;
  templateId: string | null;
  title: string;
  html: string;
}

/** A session's day and time on the workstation's clock (charts store UTC). */
function localDayTime(iso: string): { day: string; time: string } {
  const at = new Date(iso);
  return {
    day: localDate(at),
    time: `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`,
  };
}

/** Device, lots and products named as the catalogue names them (retired entries included: old charts need them). */
function resolveChart(session: Session, catalogue: Catalogue) {
  const chart = session.current;
  const batches = new Map(
    catalogue.products.flatMap((p) => p.batches.map((b) => [b.id, { product: p, batch: b }] as const)),
  );
  const device = catalogue.devices.find((x) => x.id === chart.deviceId) ?? null;
  const numbing = chart.numbing.batchId ? batches.get(chart.numbing.batchId) : undefined;
  return {
    chart,
    // Device names usually carry make and model already ("Dermapen 4"); add only what the name lacks.
    device: device
      ? [device.name, ...[device.make, device.model].filter((x) => x && !device.name.includes(x))].join(', ')
      : null,
    cartridgeLot: chart.cartridgeBatchId
      ? (batches.get(chart.cartridgeBatchId)?.batch.lotNumber ?? null)
      : null,
    numbing: numbing ? { product: numbing.product.name, lot: numbing.batch.lotNumber } : null,
    products: chart.products.flatMap((p) => {
      const found = batches.get(p.batchId);
      return found ? [{ product: found.product, lot: found.batch.lotNumber, notes: p.notes }] : [];
    }),
  };
}

/**
 * Printed documents: aftercare sheets, session chart summaries and client record summaries. Each is built
 * as one self-contained HTML document; issuing one stores that exact HTML (content-addressed) and records
 * who issued it, so a reprint renders the stored snapshot and is the same document, whatever changed since.
 */
export function createDocumentService(d: DocumentDeps) {
  function clinicFor(paper: PaperSize | null): ClinicInfo {
    const clinic = d.settings.clinicInfo();
    return paper ? { ...clinic, paper } : clinic;
  }

  function requireSession(id: string): Session {
    const session = d.sessions.get(id);
    if (session.status === 'stopped') {
      throw new DomainError(
        'CONFLICT',
        'This session was stopped at screening: there is nothing to print for it.',
      );
    }
    return session;
  }

  function aftercare(sessionId: string, clinic: ClinicInfo, issue: { id: string; on: string }): Built {
    const session = requireSession(sessionId);
    const { client } = d.clients.get(session.clientId);
    const catalogue = d.catalogue.get();
    const treatment = d.catalogue.treatmentType(session.treatmentTypeId);
    const template = d.aftercare.currentFor(treatment.aftercareTemplate);
    if (!template) {
      throw new DomainError(
        'CONFLICT',
        `${treatment.name} has no aftercare template. Choose one for it in the catalogue first.`,
      );
    }
    const resolved = resolveChart(session, catalogue);
    const { day } = localDayTime(resolved.chart.startedAt);
    const practitionerName = resolved.chart.practitioner;
    const known = practitionerName
      ? d.settings
          .profile()
          .practitioners.find((p) => p.name.toLowerCase() === practitionerName.toLowerCase())
      : undefined;
    const facts: AftercareFacts = {
      sessionId,
      clientName: `${client.firstName} ${client.lastName}`,
      date: day,
      treatment: treatment.name,
      practitioner: practitionerName
        ? { name: practitionerName, credentials: known?.credentials ?? null }
        : null,
      zones: resolved.chart.zones.map((z) => ({
        label: zoneLabel(z.zone),
        depthMm: z.depthMm,
        passes: z.passes,
      })),
      products: resolved.products.map((p) => ({
        name: p.product.name,
        lot: p.lot,
        whatToExpect: p.product.whatToExpect,
      })),
      nextAppointment: resolved.chart.nextSessionDate,
    };
    const blocks = renderAftercareBlocks(template.blocks, {
      'client.name': facts.clientName,
      'client.firstName': client.preferredName ?? client.firstName,
      treatment: treatment.name,
      practitioner: practitionerName ?? 'your practitioner',
      clinic: clinic.name,
      'clinic.phone': callNumber(clinic) ?? 'the clinic',
      date: printedDate(day, clinic),
      nextAppointment: facts.nextAppointment ? printedDate(facts.nextAppointment, clinic) : 'to be booked',
    });
    return {
      clientId: client.id,
      sessionId,
      templateId: template.id,
      title: `${template.title}: ${facts.clientName}`,
      html: aftercareSheetHtml(facts, { ...template, blocks }, clinic, issue),
    };
  }

  function sessionSummary(sessionId: string, clinic: ClinicInfo, issue: { id: string; on: string }): Built {
    const session = d.sessions.get(sessionId);
    const { client } = d.clients.get(session.clientId);
    const catalogue = d.catalogue.get();
    const treatment = d.catalogue.treatmentType(session.treatmentTypeId);
    const resolved = resolveChart(session, catalogue);
    const { day, time } = localDayTime(resolved.chart.startedAt);
    const name = `${client.firstName} ${client.lastName}`;
    return {
      clientId: client.id,
      sessionId,
      templateId: null,
      title: `Treatment chart: ${name}, ${day}`,
      html: sessionSummaryHtml(
        {
          sessionId,
          clientName: name,
          dateOfBirth: client.dateOfBirth,
          treatment: treatment.name,
          status: session.status,
          day,
          time,
          chart: resolved.chart,
          zoneMap: catalogue.zoneMaps.find((m) => m.id === treatment.zoneMap) ?? null,
          zoneLabel,
          device: resolved.device,
          cartridgeLot: resolved.cartridgeLot,
          numbing: resolved.numbing,
          products: resolved.products.map((p) => ({ name: p.product.name, lot: p.lot, notes: p.notes })),
          screening: session.screening,
          signed:
            session.signedAt && session.signedBy && session.signedHash
              ? { at: session.signedAt, by: session.signedBy, hash: session.signedHash }
              : null,
          amendments: session.amendments.map((a) => ({ at: a.at, by: a.by, reason: a.reason })),
        },
        clinic,
        issue,
      ),
    };
  }

  function clientSummary(clientId: string, clinic: ClinicInfo, issue: { id: string; on: string }): Built {
    const detail = d.clients.get(clientId);
    const consents = d.consents.forClient(clientId);
    const name = `${detail.client.firstName} ${detail.client.lastName}`;
    return {
      clientId,
      sessionId: null,
      templateId: null,
      title: `Client record: ${name}`,
      html: clientSummaryHtml(
        {
          client: detail.client,
          alerts: detail.alerts,
          historyRecordedAt: detail.historyRecordedAt,
          consents: consents.standings,
          photoScope: consents.photoScope,
          sessions: d.sessions.listForClient(clientId),
          photoCount: d.photoCount(clientId),
        },
        clinic,
        issue,
      ),
    };
  }

  function build(subject: DocumentSubject, clinic: ClinicInfo, issue: { id: string; on: string }): Built {
    switch (subject.kind) {
      case 'aftercare':
        return aftercare(subject.sessionId, clinic, issue);
      case 'session-summary':
        return sessionSummary(subject.sessionId, clinic, issue);
      case 'client-summary':
        return clientSummary(subject.clientId, clinic, issue);
    }
  }

  function renderer(): PdfRenderer {
    if (!d.pdf) throw new DomainError('CONFLICT', 'Printing is not available on this workstation.');
    return d.pdf;
  }

  const fileName = (doc: IssuedDocument) =>
    `${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase().replace(/\s+/g, '-')}-${doc.issuedAt.slice(0, 10)}-${doc.id.slice(-8)}.pdf`;

  /** Prints or renders the stored snapshot; the row is written only once that worked. */
  async function deliver(html: string, doc: IssuedDocument): Promise<IssuedFile['file']> {
    if (doc.action === 'print') {
      await renderer().print(html, { paper: doc.paper });
      return null;
    }
    const pdf = await renderer().pdf(html, { paper: doc.paper });
    return { fileName: fileName(doc), mime: 'application/pdf', bytes: new Uint8Array(pdf) };
  }

  return {
    /** The document as it would print now, for the preview; nothing is recorded. */
    preview(input: ApiParsedInput<'documents.preview'>): DocumentPreview {
      const clinic = clinicFor(input.paper);
      const built = build(input.subject, clinic, { id: 'preview', on: localDate() });
      return { title: built.title, html: built.html, paper: clinic.paper };
    },

    /**
     * Prints or saves a document and records it: the HTML snapshot is stored first (content-addressed), the
     * document is printed or rendered, and only then is the row written, so a failed print leaves no record.
     */
    async issue(input: ApiParsedInput<'documents.issue'>): Promise<IssuedFile> {
      const clinic = clinicFor(input.paper);
      const id = newId();
      const issuedAt = nowIso();
      const built = build(input.subject, clinic, { id, on: localDate(new Date(issuedAt)) });
      const snapshotSha256 = sha256Hex(built.html);
      d.blobs.storeImage(
        { sha256: snapshotSha256, mime: 'text/html', bytes: Buffer.from(built.html, 'utf8') },
        [],
        issuedAt,
      );
      const doc: IssuedDocument = {
        id,
        clientId: built.clientId,
        sessionId: built.sessionId,
        kind: input.subject.kind,
        title: built.title,
        template: null,
        paper: clinic.paper,
        action: input.action,
        issuedAt,
        issuedBy: input.by,
        snapshotSha256,
        reprintOf: null,
      };
      const file = await deliver(built.html, doc);
      d.issued.insert({ ...doc, templateId: built.templateId, deviceId: d.deviceId });
      return { document: d.issued.get(id)!, file };
    },

    /** The same document again, from its stored snapshot: identical, whatever changed in the records since. */
    async reissue(input: ApiParsedInput<'documents.reissue'>): Promise<IssuedFile> {
      const original = d.issued.get(input.id);
      if (!original) throw new DomainError('NOT_FOUND', 'That document no longer exists.');
      const first = original.reprintOf ? (d.issued.get(original.reprintOf) ?? original) : original;
      const stored = d.blobs.get(first.snapshotSha256);
      if (!stored) {
        throw new DomainError(
          'NOT_FOUND',
          'The stored copy of this document is missing from the media store.',
        );
      }
      const html = stored.bytes.toString('utf8');
      if (sha256Hex(html) !== first.snapshotSha256) {
        throw new DomainError('CONFLICT', 'The stored copy of this document does not match its fingerprint.');
      }
      const id = newId();
      const doc: IssuedDocument = {
        ...first,
        id,
        action: input.action,
        issuedAt: nowIso(),
        issuedBy: input.by,
        reprintOf: first.id,
      };
      const file = await deliver(html, doc);
      d.issued.insert({ ...doc, templateId: first.template?.id ?? null, deviceId: d.deviceId });
      return { document: d.issued.get(id)!, file };
    },

    listForClient(clientId: string): IssuedDocument[] {
      d.clients.requireClient(clientId);
      return d.issued.forClient(clientId);
    },

    referencedHashes: () => d.issued.referencedSnapshots(),
  };
}
