import { z } from 'zod';
import {
  AftercareSaveTemplateInput,
  type AftercareTemplateFamily,
  type AftercareTemplateVersion,
  DocumentIssueInput,
  type DocumentPreview,
  DocumentPreviewInput,
  DocumentReissueInput,
  type IssuedDocument,
  type IssuedFile,
} from './aftercare';
import { BatchInput, type Catalogue, DeviceInput, ProductInput, TreatmentTypeInput } from './catalogue';
import { type Client, ClientId, ClientInput, ClientSearchInput, type ClientSearchResult } from './clients';
import {
  type ClientConsents,
  ConsentAttachPaperInput,
  type ConsentDocument,
  type ConsentForm,
  ConsentPrepareInput,
  type ConsentRecord,
  type ConsentRecordSummary,
  ConsentRevokeInput,
  ConsentSaveTemplateInput,
  ConsentSignInput,
  type ConsentTemplateFamily,
  type ConsentTemplateVersion,
  type ConsentVerification,
} from './consents';
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
import { type ClinicProfile, ClinicSettingsInput, LogoInput, PractitionerInput } from './settings';

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
  'consents.templates': call(z.object({})).returns<ConsentTemplateFamily[]>(),
  'consents.template': call(z.object({ id: z.uuid() })).returns<ConsentTemplateVersion>(),
  'consents.saveTemplate': call(ConsentSaveTemplateInput).returns<ConsentTemplateFamily>(),
  'consents.setTemplateRetired': call(
    z.object({ familyId: z.uuid(), retired: z.boolean() }),
  ).returns<ConsentTemplateFamily>(),
  'consents.prepare': call(ConsentPrepareInput).returns<ConsentForm>(),
  'consents.sign': call(ConsentSignInput).returns<ConsentRecord>(),
  'consents.attachPaper': call(ConsentAttachPaperInput).returns<ConsentRecord>(),
  /** A pre-filled, unsigned form as a PDF, for the paper route. */
  'consents.blankForm': call(ConsentPrepareInput).returns<ConsentDocument>(),
  'consents.forClient': call(z.object({ clientId: ClientId })).returns<ClientConsents>(),
  'consents.list': call(z.object({ clientId: ClientId })).returns<ConsentRecordSummary[]>(),
  'consents.get': call(z.object({ id: z.uuid() })).returns<ConsentRecord>(),
  'consents.revoke': call(ConsentRevokeInput).returns<ConsentRecord>(),
  'consents.verify': call(z.object({ id: z.uuid() })).returns<ConsentVerification>(),
  /** The stored document, byte for byte: the signed PDF or the attached scan. */
  'consents.document': call(z.object({ id: z.uuid() })).returns<ConsentDocument>(),
  /** The system print dialog for the stored signed form. */
  'consents.print': call(z.object({ id: z.uuid() })).returns<{ printed: true }>(),
  'settings.get': call(z.object({})).returns<ClinicProfile>(),
  'settings.save': call(ClinicSettingsInput).returns<ClinicProfile>(),
  'settings.setLogo': call(LogoInput).returns<ClinicProfile>(),
  'settings.clearLogo': call(z.object({})).returns<ClinicProfile>(),
  'settings.savePractitioner': call(
    z.object({ id: z.uuid().nullable().default(null), fields: PractitionerInput }),
  ).returns<ClinicProfile>(),
  'settings.setPractitionerRetired': call(
    z.object({ id: z.uuid(), retired: z.boolean() }),
  ).returns<ClinicProfile>(),
  'aftercare.templates': call(z.object({})).returns<AftercareTemplateFamily[]>(),
  'aftercare.template': call(z.object({ id: z.uuid() })).returns<AftercareTemplateVersion>(),
  'aftercare.saveTemplate': call(AftercareSaveTemplateInput).returns<AftercareTemplateFamily>(),
  'aftercare.setTemplateRetired': call(
    z.object({ familyId: z.uuid(), retired: z.boolean() }),
  ).returns<AftercareTemplateFamily>(),
  /** A document as it would print now; nothing is recorded. */
  'documents.preview': call(DocumentPreviewInput).returns<DocumentPreview>(),
  /** Print or save as PDF, recorded with a snapshot of the exact document. */
  'documents.issue': call(DocumentIssueInput).returns<IssuedFile>(),
  /** The stored snapshot printed or saved again: the same document as the first time. */
  'documents.reissue': call(DocumentReissueInput).returns<IssuedFile>(),
  'documents.listForClient': call(z.object({ clientId: ClientId })).returns<IssuedDocument[]>(),
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

export * from './aftercare';
export * from './catalogue';
export * from './clients';
export * from './consents';
export * from './depthScale';
export * from './errors';
export * from './history';
export * from './photos';
export * from './sessions';
export * from './settings';
