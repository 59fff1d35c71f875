import type { createClientService } from '../domain/clients/clientService';
import type { createHistoryService } from '../domain/clients/historyService';
import type { Handlers } from './dispatch';

export interface Services {
  clients: ReturnType<typeof createClientService>;
  history: ReturnType<typeof createHistoryService>;
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
  };
}
