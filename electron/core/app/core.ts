import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { localDate } from '../contract';
import { MEDIA_FILE, mediaMigrations } from '../db/media';
import { recordsMigrations } from '../db/migrations';
import { openDatabase, RECORDS_FILE } from '../db/open';
import { createBlobsRepo } from '../db/repositories/blobsRepo';
import { createCatalogueRepo } from '../db/repositories/catalogueRepo';
import { createClientsRepo } from '../db/repositories/clientsRepo';
import { createHistoryRepo } from '../db/repositories/historyRepo';
import { createMetaRepo } from '../db/repositories/metaRepo';
import { createPhotosRepo } from '../db/repositories/photosRepo';
import { createSessionsRepo } from '../db/repositories/sessionsRepo';
import { createCatalogueService } from '../domain/catalogue/catalogueService';
import { createClientService, type ServiceContext } from '../domain/clients/clientService';
import { createHistoryService } from '../domain/clients/historyService';
import { type ImageProcessor, inProcessImageProcessor } from '../domain/photos/imageProcessor';
import { createPhotoService } from '../domain/photos/photoService';
import { loadDefaultQuestionnaire } from '../domain/screening/questionnaire';
import { createSessionService } from '../domain/sessions/sessionService';

export interface CoreOptions {
  dataDir: string;
  /** Injected for tests; defaults to the local calendar date. */
  today?: () => string;
  log?: (error: unknown) => void;
  /** Photo decoding: the app passes a worker pool; the default runs in-process. */
  imageProcessor?: ImageProcessor;
}

export interface Core {
  dataDir: string;
  db: Database;
  /** The media database: photo originals and their derived images. */
  media: Database;
  context: ServiceContext;
  /** Bytes of a stored image for the media protocol. */
  photoBytes: ReturnType<typeof createPhotoService>['bytes'];
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
  const sessionsRepo = createSessionsRepo(db);
  const sessions = createSessionService({ ctx: context, sessions: sessionsRepo, clients, catalogue });
  let media: Database;
  try {
    media = openDatabase(join(options.dataDir, MEDIA_FILE), { migrations: mediaMigrations });
  } catch (error) {
    db.close();
    throw error;
  }
  const photos = createPhotoService({
    db,
    deviceId: context.deviceId,
    photos: createPhotosRepo(db),
    blobs: createBlobsRepo(media),
    sessions: sessionsRepo,
    clients,
    process: options.imageProcessor ?? inProcessImageProcessor,
  });
  photos.sweep();
  const handlers = createHandlers({
    clients,
    history: createHistoryService(context),
    catalogue,
    sessions,
    photos,
  });
  return {
    dataDir: options.dataDir,
    db,
    context,
    handlers,
    dispatch: createDispatcher(handlers, options.log),
    media,
    photoBytes: photos.bytes,
    close: () => {
      media.close();
      db.close();
    },
  };
}
