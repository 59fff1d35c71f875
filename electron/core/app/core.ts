import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { type ConsentPart, localDate } from '../contract';
import { MEDIA_FILE, MEDIA_STORAGE, mediaMigrations } from '../db/media';
import { recordsMigrations } from '../db/migrations';
import { openDatabase, RECORDS_FILE } from '../db/open';
import { createAftercareTemplatesRepo } from '../db/repositories/aftercareTemplatesRepo';
import { createBlobsRepo } from '../db/repositories/blobsRepo';
import { createCatalogueRepo } from '../db/repositories/catalogueRepo';
import { createClientsRepo } from '../db/repositories/clientsRepo';
import { createConsentRecordsRepo } from '../db/repositories/consentRecordsRepo';
import { createConsentTemplatesRepo } from '../db/repositories/consentTemplatesRepo';
import { createHistoryRepo } from '../db/repositories/historyRepo';
import { createIssuedDocumentsRepo } from '../db/repositories/issuedDocumentsRepo';
import { createMetaRepo } from '../db/repositories/metaRepo';
import { createPhotosRepo } from '../db/repositories/photosRepo';
import { createSessionsRepo } from '../db/repositories/sessionsRepo';
import { createSettingsRepo } from '../db/repositories/settingsRepo';
import { createAftercareTemplateService } from '../domain/aftercare/aftercareTemplates';
import { createCatalogueService } from '../domain/catalogue/catalogueService';
import { createClientService, type ServiceContext } from '../domain/clients/clientService';
import { createHistoryService } from '../domain/clients/historyService';
import { createConsentService } from '../domain/consents/consentService';
import { createConsentTemplateService } from '../domain/consents/templateService';
import { createDocumentService } from '../domain/documents/documentService';
import type { PdfRenderer } from '../domain/documents/pdfRenderer';
import { type ImageProcessor, inProcessImageProcessor } from '../domain/photos/imageProcessor';
import { createPhotoService } from '../domain/photos/photoService';
import { loadDefaultQuestionnaire } from '../domain/screening/questionnaire';
import { createSessionService } from '../domain/sessions/sessionService';
import { createClinicSettingsService } from '../domain/settings/clinicSettingsService';

export interface CoreOptions {
  dataDir: string;
  /** Injected for tests; defaults to the local calendar date. */
  today?: () => string;
  log?: (error: unknown) => void;
  /** Photo decoding: the app passes a worker pool; the default runs in-process. */
  imageProcessor?: ImageProcessor;
  /**
   * Printing and PDFs (Chromium: Electron's in the app, Playwright's in tests). Without it, consent forms
   * cannot be signed on screen or printed; the paper route still works.
   */
  pdf?: PdfRenderer;
}

export interface Core {
  dataDir: string;
  db: Database;
  /** The media database: photo originals and their derived images. */
  media: Database;
  context: ServiceContext;
  /** Bytes of a stored image for the media protocol. */
  photoBytes: ReturnType<typeof createPhotoService>['bytes'];
  /** The clinic's current logo for the media protocol, if it has this hash (the settings screen shows it). */
  clinicLogo: (sha256: string) => Promise<{ mime: string; bytes: Buffer } | null>;
  /** Bytes of a signed consent's document or signature image for the media protocol. */
  consentBytes: (id: string, part: ConsentPart) => Promise<{ mime: string; bytes: Buffer } | null>;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Opens the records in a data directory and wires repositories, services and the handler registry. The same
 * function runs inside Electron's main process and in plain Node (tests, benchmarks, the demo generator).
 */
export function createCore(options: CoreOptions): Core {
  const questionnaire = loadDefaultQuestionnaire();
  const db = openDatabase(join(options.dataDir, RECORDS_FILE), { migrations: recordsMigrations });
  const context: ServiceContext = {
    db,
    deviceId: createMetaRepo(db).deviceId(),
    practitionerId: () => null,
    today: options.today ?? (() => localDate()),
    questionnaire,
    clients: createClientsRepo(db),
    history: createHistoryRepo(db),
  };
  const clients = createClientService(context);
  const catalogue = createCatalogueService({
    db,
    deviceId: context.deviceId,
    today: context.today,
    catalogue: createCatalogueRepo(db),
  });
  catalogue.seedDefaults();
  const consentTemplates = createConsentTemplateService({
    db,
    deviceId: context.deviceId,
    templates: createConsentTemplatesRepo(db),
    catalogue,
    practitionerId: context.practitionerId,
  });
  consentTemplates.seedDefaults();
  const sessionsRepo = createSessionsRepo(db);
  let media: Database;
  try {
    media = openDatabase(join(options.dataDir, MEDIA_FILE), {
      migrations: mediaMigrations,
      ...MEDIA_STORAGE,
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const blobs = createBlobsRepo(media);
  const settings = createClinicSettingsService({
    db,
    deviceId: context.deviceId,
    settings: createSettingsRepo(db),
    blobs,
  });
  const aftercare = createAftercareTemplateService({
    db,
    deviceId: context.deviceId,
    templates: createAftercareTemplatesRepo(db),
    catalogue,
    practitionerId: context.practitionerId,
  });
  aftercare.seedDefaults();
  const imageProcessor = options.imageProcessor ?? inProcessImageProcessor;
  const consents = createConsentService({
    db,
    deviceId: context.deviceId,
    hostname: hostname(),
    today: context.today,
    records: createConsentRecordsRepo(db),
    templates: consentTemplates,
    blobs,
    clients,
    catalogue,
    sessions: sessionsRepo,
    pdf: options.pdf ?? null,
    clinic: settings.clinicInfo,
    processImage: imageProcessor,
  });
  const sessions = createSessionService({
    ctx: context,
    sessions: sessionsRepo,
    clients,
    catalogue,
    consentStanding: consents.forTreatment,
  });
  const photos = createPhotoService({
    db,
    deviceId: context.deviceId,
    photos: createPhotosRepo(db),
    blobs,
    sessions: sessionsRepo,
    clients,
    process: imageProcessor,
    photoScope: consents.photoScope,
  });
  const documents = createDocumentService({
    clients,
    sessions,
    catalogue,
    consents,
    settings,
    aftercare,
    issued: createIssuedDocumentsRepo(db),
    blobs,
    photoCount: photos.count,
    deviceId: context.deviceId,
    pdf: options.pdf ?? null,
  });
  photos.sweep(
    consents.referencedHashes(),
    new Set(settings.referencedBlobs()),
    new Set(documents.referencedHashes()),
  );
  const handlers = createHandlers({
    clients,
    history: createHistoryService(context),
    catalogue,
    sessions,
    photos,
    consentTemplates,
    consents,
    settings,
    aftercare,
    documents,
  });
  return {
    dataDir: options.dataDir,
    db,
    context,
    handlers,
    dispatch: createDispatcher(handlers, options.log),
    media,
    photoBytes: photos.bytes,
    consentBytes: async (id, part) => consents.bytes(id, part),
    clinicLogo: async (sha256) => (settings.settings().logoSha256 === sha256 ? settings.logo() : null),
    close: () => {
      media.close();
      db.close();
    },
  };
}
