import { z } from 'zod';
import { BatchInput, type Catalogue, DeviceInput, ProductInput, TreatmentTypeInput } from './catalogue';
import { type Client, ClientId, ClientInput, ClientSearchInput, type ClientSearchResult } from './clients';
import type { Envelope } from './errors';
import {
  type Alert,
  HistoryGetInput,
  HistorySaveInput,
  type HistoryVersion,
  type HistoryView,
} from './history';
import {
  type Photo,
  type PhotoExport,
  PhotoExportInput,
  PhotoImportInput,
  type PhotoImportResult,
  PhotoListInput,
  PhotoUpdateInput,
} from './photos';
import {
  type Session,
  SessionAcknowledgeInput,
  SessionAmendInput,
  SessionListInput,
  SessionSaveDraftInput,
  SessionSignInput,
  SessionStartInput,
  type SessionSummary,
  SessionTodayInput,
} from './sessions';

/** A call's spec: its zod input schema, and its result type carried as a phantom. */
interface CallSpec<I extends z.ZodType, R> {
  input: I;
  readonly __result?: R;
}
const call = <I extends z.ZodType>(input: I) => ({ returns: <R>(): CallSpec<I, R> => ({ input }) });

const byId = z.object({ id: ClientId });
/** Create (no id) or update (id) a catalogue entry. */
const saving = <S extends z.ZodType>(fields: S) =>
  z.object({ id: z.uuid().nullable().default(null), fields });

/**
 * Every call across the bridge, in one list. The preload builds window.dermachart from these names; main
 * validates each payload with the schema before its handler runs.
 */
export const contract = {
  'clients.search': call(ClientSearchInput).returns<ClientSearchResult>(),
  'clients.get': call(byId).returns<ClientDetail>(),
  'clients.create': call(ClientInput).returns<Client>(),
  'clients.update': call(z.object({ id: ClientId, fields: ClientInput })).returns<Client>(),
  'clients.archive': call(byId).returns<Client>(),
  'clients.restore': call(byId).returns<Client>(),
  'history.get': call(HistoryGetInput).returns<HistoryView>(),
  'history.save': call(HistorySaveInput).returns<HistoryVersion>(),
  'catalogue.get': call(z.object({})).returns<Catalogue>(),
  'catalogue.saveTreatmentType': call(saving(TreatmentTypeInput)).returns<Catalogue>(),
  'catalogue.saveDevice': call(saving(DeviceInput)).returns<Catalogue>(),
  'catalogue.saveProduct': call(saving(ProductInput)).returns<Catalogue>(),
  'catalogue.saveBatch': call(saving(BatchInput)).returns<Catalogue>(),
  'catalogue.setRetired': call(
    z.object({
      kind: z.enum(['treatmentType', 'device', 'product', 'batch']),
      id: z.uuid(),
      retired: z.boolean(),
    }),
  ).returns<Catalogue>(),
  'sessions.start': call(SessionStartInput).returns<Session>(),
  'sessions.get': call(z.object({ id: z.uuid() })).returns<Session>(),
  'sessions.saveDraft': call(SessionSaveDraftInput).returns<Session>(),
  'sessions.acknowledge': call(SessionAcknowledgeInput).returns<Session>(),
  'sessions.sign': call(SessionSignInput).returns<Session>(),
  'sessions.amend': call(SessionAmendInput).returns<Session>(),
  'sessions.discard': call(z.object({ id: z.uuid() })).returns<{ discarded: true }>(),
  'sessions.listForClient': call(SessionListInput).returns<SessionSummary[]>(),
  'sessions.onDay': call(SessionTodayInput).returns<SessionSummary[]>(),
  'photos.import': call(PhotoImportInput).returns<PhotoImportResult>(),
  'photos.list': call(PhotoListInput).returns<Photo[]>(),
  'photos.update': call(PhotoUpdateInput).returns<Photo[]>(),
  'photos.exportComparison': call(PhotoExportInput).returns<PhotoExport>(),
} as const;

export interface ClientDetail {
  client: Client;
  alerts: Alert[];
  /** When the latest medical history was recorded; null if never. */
  historyRecordedAt: string | null;
}

export type Contract = typeof contract;
export type ApiName = keyof Contract;
export type ApiInput<N extends ApiName> = z.input<Contract[N]['input']>;
export type ApiParsedInput<N extends ApiName> = z.output<Contract[N]['input']>;
export type ApiResult<N extends ApiName> = NonNullable<Contract[N]['__result']>;

export const API_NAMES = Object.keys(contract) as ApiName[];

/** IPC channel for a call: one channel per name, so main can refuse anything not in the contract. */
export const channelFor = (name: ApiName) => `dermachart:${name}` as const;
export const CHANNEL_PREFIX = 'dermachart:';

type NamespaceOf<N> = N extends `${infer NS}.${string}` ? NS : never;
type MethodOf<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never;

/** The nested object the preload exposes: window.dermachart.clients.search(input) -> Envelope. */
export type DermachartApi = {
  [NS in NamespaceOf<ApiName>]: {
    [N in ApiName as MethodOf<N, NS>]: (input: ApiInput<N>) => Promise<Envelope<ApiResult<N>>>;
  };
};

export * from './catalogue';
export * from './clients';
export * from './errors';
export * from './history';
export * from './photos';
export * from './sessions';
