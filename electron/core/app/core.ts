import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { localDate } from '../contract';
import { recordsMigrations } from '../db/migrations';
import { openDatabase, RECORDS_FILE } from '../db/open';
import { createCatalogueRepo } from '../db/repositories/catalogueRepo';
import { createClientsRepo } from '../db/repositories/clientsRepo';
import { createHistoryRepo } from '../db/repositories/historyRepo';
import { createMetaRepo } from '../db/repositories/metaRepo';
import { createSessionsRepo } from '../db/repositories/sessionsRepo';
import { createCatalogueService } from '../domain/catalogue/catalogueService';
import { createClientService, type ServiceContext } from '../domain/clients/clientService';
import { createHistoryService } from '../domain/clients/historyService';
import { loadDefaultQuestionnaire } from '../domain/screening/questionnaire';
import { createSessionService } from '../domain/sessions/sessionService';

export interface CoreOptions {
  dataDir: string;
  /** Injected for tests; defaults to the local calendar date. */
  today?: () => string;
  log?: (error: unknown) => void;
}

export interface Core {
  dataDir: string;
  db: Database;
  context: ServiceContext;
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
  const sessions = createSessionService({
    ctx: context,
    sessions: createSessionsRepo(db),
    clients,
    catalogue,
  });
  const handlers = createHandlers({ clients, history: createHistoryService(context), catalogue, sessions });
  return {
    dataDir: options.dataDir,
    db,
    context,
    handlers,
    dispatch: createDispatcher(handlers, options.log),
    close: () => db.close(),
  };
}
