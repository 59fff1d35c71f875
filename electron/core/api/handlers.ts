import type { createAftercareTemplateService } from '../domain/aftercare/aftercareTemplates';
import type { createCatalogueService } from '../domain/catalogue/catalogueService';
import type { createClientService } from '../domain/clients/clientService';
import type { createHistoryService } from '../domain/clients/historyService';
import type { createConsentService } from '../domain/consents/consentService';
import type { createConsentTemplateService } from '../domain/consents/templateService';
import type { createDocumentService } from '../domain/documents/documentService';
import type { createPhotoService } from '../domain/photos/photoService';
import type { createSessionService } from '../domain/sessions/sessionService';
import type { createClinicSettingsService } from '../domain/settings/clinicSettingsService';
import type { Handlers } from './dispatch';

export interface Services {
  clients: ReturnType<typeof createClientService>;
  history: ReturnType<typeof createHistoryService>;
  catalogue: ReturnType<typeof createCatalogueService>;
  sessions: ReturnType<typeof createSessionService>;
  photos: ReturnType<typeof createPhotoService>;
  consentTemplates: ReturnType<typeof createConsentTemplateService>;
  consents: ReturnType<typeof createConsentService>;
  settings: ReturnType<typeof createClinicSettingsService>;
  aftercare: ReturnType<typeof createAftercareTemplateService>;
  documents: ReturnType<typeof createDocumentService>;
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
    'consents.templates': () => s.consentTemplates.list(),
    'consents.template': ({ id }) => s.consentTemplates.version(id),
    'consents.saveTemplate': ({ familyId, fields }) => s.consentTemplates.save(familyId, fields),
    'consents.setTemplateRetired': ({ familyId, retired }) =>
      s.consentTemplates.setRetired(familyId, retired),
    'consents.prepare': (input) => s.consents.prepare(input),
    'consents.sign': (input) => s.consents.sign(input),
    'consents.attachPaper': (input) => s.consents.attachPaper(input),
    'consents.blankForm': (input) => s.consents.blankForm(input),
    'consents.forClient': ({ clientId }) => s.consents.forClient(clientId),
    'consents.list': ({ clientId }) => s.consents.list(clientId),
    'consents.get': ({ id }) => s.consents.get(id),
    'consents.revoke': (input) => s.consents.revoke(input),
    'consents.verify': ({ id }) => s.consents.verify(id),
    'consents.document': ({ id }) => s.consents.document(id),
    'consents.print': ({ id }) => s.consents.print(id),
    'settings.get': () => s.settings.profile(),
    'settings.save': (input) => s.settings.save(input),
    'settings.setLogo': (input) => s.settings.setLogo(input),
    'settings.clearLogo': () => s.settings.clearLogo(),
    'settings.savePractitioner': (input) => s.settings.savePractitioner(input),
    'settings.setPractitionerRetired': (input) => s.settings.setPractitionerRetired(input),
    'aftercare.templates': () => s.aftercare.list(),
    'aftercare.template': ({ id }) => s.aftercare.version(id),
    'aftercare.saveTemplate': ({ familyId, fields }) => s.aftercare.save(familyId, fields),
    'aftercare.setTemplateRetired': ({ familyId, retired }) => s.aftercare.setRetired(familyId, retired),
    'documents.preview': (input) => s.documents.preview(input),
    'documents.issue': (input) => s.documents.issue(input),
    'documents.reissue': (input) => s.documents.reissue(input),
    'documents.listForClient': ({ clientId }) => s.documents.listForClient(clientId),
  };
}
