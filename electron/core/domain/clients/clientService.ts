import type { Database } from 'better-sqlite3';
import {
  type ApiParsedInput,
  type Client,
  type ClientDetail,
  type ClientFields,
  type ClientSearchResult,
  DomainError,
  type Questionnaire,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createClientsRepo } from '../../db/repositories/clientsRepo';
import type { createHistoryRepo } from '../../db/repositories/historyRepo';
import { computeAlerts } from '../screening/alerts';
import { parseClientQuery } from './searchQuery';

export interface ServiceContext {
  db: Database;
  deviceId: string;
  /** The signed-in practitioner; null until accounts exist. */
  practitionerId: () => string | null;
  today: () => string;
  questionnaire: Questionnaire;
  clients: ReturnType<typeof createClientsRepo>;
  history: ReturnType<typeof createHistoryRepo>;
}

export function notFound(): never {
  throw new DomainError('NOT_FOUND', 'That client no longer exists. Refresh the list and try again.');
}

export function createClientService(ctx: ServiceContext) {
  const { db, clients } = ctx;

  function write(id: string, fields: ClientFields) {
    return { id, fields, at: nowIso(), deviceId: ctx.deviceId, practitionerId: ctx.practitionerId() };
  }

  function requireClient(id: string): Client {
    return clients.get(id) ?? notFound();
  }

  return {
    requireClient,

    search(input: ApiParsedInput<'clients.search'>): ClientSearchResult {
      const query = parseClientQuery(input.query);
      if (query.kind === 'nothing') return { total: 0, capped: false, items: [] };
      return clients.search({
        query,
        status: input.status,
        sort: input.sort,
        offset: input.offset,
        limit: input.limit,
        withTotal: input.withTotal,
      });
    },

    get(id: string): ClientDetail {
      const client = requireClient(id);
      const history = ctx.history.latest(id);
      return {
        client,
        historyRecordedAt: history?.recordedAt ?? null,
        alerts: computeAlerts({
          questionnaire: ctx.questionnaire,
          fitzpatrick: client.fitzpatrick,
          allergies: client.allergies,
          history,
          today: ctx.today(),
        }),
      };
    },

    create(fields: ClientFields): Client {
      const id = newId();
      db.transaction(() => clients.insert(write(id, fields)))();
      return requireClient(id);
    },

    update(id: string, fields: ClientFields): Client {
      const updated = db.transaction(() => clients.update(write(id, fields)))();
      if (!updated) notFound();
      return requireClient(id);
    },

    setArchived(id: string, archived: boolean): Client {
      const client = requireClient(id);
      if (archived === (client.archivedAt !== null)) return client;
      const at = nowIso();
      clients.setArchived(id, archived ? at : null, at, ctx.deviceId, ctx.practitionerId());
      return requireClient(id);
    },
  };
}
