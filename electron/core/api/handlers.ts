import type { createCatalogueService } from '../domain/catalogue/catalogueService';
import type { createClientService } from '../domain/clients/clientService';
import type { createHistoryService } from '../domain/clients/historyService';
import type { createPhotoService } from '../domain/photos/photoService';
import type { createSessionService } from '../domain/sessions/sessionService';
import type { Handlers } from './dispatch';

export interface Services {
  clients: ReturnType<typeof createClientService>;
  history: ReturnType<typeof createHistoryService>;
  catalogue: ReturnType<typeof createCatalogueService>;
  sessions: ReturnType<typeof createSessionService>;
  photos: ReturnType<typeof createPhotoService>;
}

/** The handler registry: each contract name bound to its domain service. Inputs arrive already validated. */
export function createHandlers(s: Services): Handlers {
  return {
    'clients.search': (input) => s.clients.search(input),
    'clients.get': ({ id }) => s.clients.get(id),
    'clients.create': (fields) => s.clients.create(fields),
    'clients.update': ({ id, fields }) => s.clients.update(id, fields),
    'clients.archive': ({ id }) => s.clients.setArchived(id, true),
    'clients.restore': ({ id }) => s.clients.setArchived(id, false),
    'history.get': (input) => s.history.get(input),
    'history.save': (input) => s.history.save(input),
    'catalogue.get': () => s.catalogue.get(),
    'catalogue.saveTreatmentType': ({ id, fields }) => {
      s.catalogue.saveTreatmentType(id, fields);
      return s.catalogue.get();
    },
    'catalogue.saveDevice': ({ id, fields }) => {
      s.catalogue.saveDevice(id, fields);
      return s.catalogue.get();
    },
    'catalogue.saveProduct': ({ id, fields }) => {
      s.catalogue.saveProduct(id, fields);
      return s.catalogue.get();
    },
    'catalogue.saveBatch': ({ id, fields }) => {
      s.catalogue.saveBatch(id, fields);
      return s.catalogue.get();
    },
    'catalogue.setRetired': ({ kind, id, retired }) => s.catalogue.setRetired(kind, id, retired),
    'sessions.start': (input) => s.sessions.start(input),
    'sessions.get': ({ id }) => s.sessions.get(id),
    'sessions.saveDraft': ({ id, chart }) => s.sessions.saveDraft(id, chart),
    'sessions.acknowledge': (input) => s.sessions.acknowledge(input),
    'sessions.sign': ({ id, by }) => s.sessions.sign(id, by),
    'sessions.amend': (input) => s.sessions.amend(input),
    'sessions.discard': ({ id }) => {
      s.sessions.discard(id);
      return { discarded: true as const };
    },
    'sessions.listForClient': ({ clientId }) => s.sessions.listForClient(clientId),
    'sessions.onDay': ({ date }) => s.sessions.onDay(date),
    'photos.import': (input) => s.photos.import(input),
    'photos.list': (input) => s.photos.list(input),
    'photos.update': (input) => s.photos.update(input),
    'photos.exportComparison': (input) => s.photos.exportComparison(input),
  };
}
