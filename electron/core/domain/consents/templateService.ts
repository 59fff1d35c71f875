import type { Database } from 'better-sqlite3';
import {
  type ConsentTemplateFamily,
  ConsentTemplateInput,
  type ConsentTemplateVersion,
  DomainError,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createConsentTemplatesRepo, StoredFamily } from '../../db/repositories/consentTemplatesRepo';
import type { createCatalogueService } from '../catalogue/catalogueService';
import { templateFamilies } from '../documents/templateFamilies';
import { DEFAULT_CONSENT_TEMPLATES } from './defaults';
import { placeholderIssues } from './placeholders';

export interface ConsentTemplateDeps {
  db: Database;
  deviceId: string;
  templates: ReturnType<typeof createConsentTemplatesRepo>;
  catalogue: ReturnType<typeof createCatalogueService>;
  /** The signed-in practitioner; null until accounts exist. */
  practitionerId: () => string | null;
}

type TemplateFields = ReturnType<typeof ConsentTemplateInput.parse>;

/**
 * Consent form templates: families of versions. Saving a form adds a version (or a new family); a version
 * already in use is never changed, so every signed record can show exactly what was signed. A retired form
 * stays readable with its records but is no longer offered for signing.
 */
export function createConsentTemplateService(d: ConsentTemplateDeps) {
  const stamp = () => ({ at: nowIso(), deviceId: d.deviceId });

  function addVersion(familyId: string, fields: TemplateFields, by: string | null) {
    d.templates.insertVersion(
      {
        id: newId(),
        familyId,
        title: fields.title,
        blocks: fields.blocks,
        expiryMonths: fields.expiryMonths,
        by,
      },
      stamp(),
    );
  }

  const content = (v: Pick<ConsentTemplateVersion, 'title' | 'blocks' | 'expiryMonths'>) => ({
    title: v.title,
    blocks: v.blocks,
    expiryMonths: v.expiryMonths,
  });

  const families = templateFamilies<StoredFamily, TemplateFields>({
    db: d.db,
    noun: 'consent form',
    practitionerId: d.practitionerId,
    content,
    check: (fields) => placeholderIssues(fields.blocks, 'fields.blocks'),
    fixed: (family, fields) =>
      fields.kind === family.kind
        ? []
        : [
            {
              path: 'fields.kind',
              message: `A form’s kind cannot be changed (it is a ${family.kind} form); create a new form instead`,
            },
          ],
    store: {
      family: d.templates.family,
      familyByCode: d.templates.familyByCode,
      currentContent: (familyId) => content(d.templates.current(familyId)!),
      createFamily(fields, by) {
        const id = newId();
        d.templates.insertFamily({ id, code: fields.code, kind: fields.kind, by }, stamp());
        addVersion(id, fields, by);
        return id;
      },
      addVersion,
      setRetired: (familyId, retiredAt) => d.templates.setRetired(familyId, retiredAt, stamp()),
    },
  });

  function view(family: StoredFamily): ConsentTemplateFamily {
    const current = d.templates.current(family.id)!;
    return {
      id: family.id,
      code: family.code,
      kind: family.kind,
      title: current.title,
      current,
      versions: d.templates.versions(family.id),
      retiredAt: family.retiredAt,
      treatmentTypes: d.catalogue
        .get()
        .treatmentTypes.filter((t) => t.consentTemplate === family.code && !t.retiredAt)
        .map((t) => ({ id: t.id, name: t.name })),
    };
  }

  const service = {
    /** Treatment forms first, then photo forms; each by title. */
    list(): ConsentTemplateFamily[] {
      return d.templates
        .families()
        .map(view)
        .sort((a, b) =>
          a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'treatment' ? -1 : 1,
        );
    },

    family: (id: string): ConsentTemplateFamily => view(families.requireFamily(id)),
    families: (): StoredFamily[] => d.templates.families(),
    storedFamily: (id: string): StoredFamily => families.requireFamily(id),
    familyByCode: (code: string): StoredFamily | null => d.templates.familyByCode(code),
    current: (familyId: string): ConsentTemplateVersion | null => d.templates.current(familyId),

    version(id: string): ConsentTemplateVersion {
      const version = d.templates.version(id);
      if (!version) throw new DomainError('NOT_FOUND', 'That version of the consent form does not exist.');
      return version;
    },

    /**
     * A new form (familyId null: version 1) or the next version of a form. The code and kind are fixed once
     * created; saving the same text again adds no version.
     */
    save: (familyId: string | null, fields: TemplateFields): ConsentTemplateFamily =>
      service.family(families.save(familyId, fields)),

    /** Retired forms are not offered for new signatures; signed records of them stay valid and viewable. */
    setRetired(familyId: string, retired: boolean): ConsentTemplateFamily {
      families.setRetired(familyId, retired, nowIso());
      return service.family(familyId);
    },

    /** Start-up: any default form whose code the clinic does not have yet (so a new default arrives once). */
    seedDefaults: () => families.seed(DEFAULT_CONSENT_TEMPLATES.map((t) => ConsentTemplateInput.parse(t))),
  };
  return service;
}
