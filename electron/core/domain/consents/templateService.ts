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
import { canonicalJson } from '../integrity/hash';
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

  function familyOrThrow(id: string): StoredFamily {
    const family = d.templates.family(id);
    if (!family) throw new DomainError('NOT_FOUND', 'That consent form no longer exists.');
    return family;
  }

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

  function checkPlaceholders(fields: TemplateFields) {
    const issues = placeholderIssues(fields.blocks, 'fields.blocks');
    if (issues.length) throw new DomainError('VALIDATION', issues[0]!.message, issues);
  }

  function addVersion(familyId: string, fields: TemplateFields, at: ReturnType<typeof stamp>) {
    d.templates.insertVersion(
      {
        id: newId(),
        familyId,
        title: fields.title,
        blocks: fields.blocks,
        expiryMonths: fields.expiryMonths,
        by: d.practitionerId(),
      },
      at,
    );
  }

  const content = (v: Pick<ConsentTemplateVersion, 'title' | 'blocks' | 'expiryMonths'>) =>
    canonicalJson({ title: v.title, blocks: v.blocks, expiryMonths: v.expiryMonths });

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

    family: (id: string): ConsentTemplateFamily => view(familyOrThrow(id)),
    families: (): StoredFamily[] => d.templates.families(),
    storedFamily: (id: string): StoredFamily => familyOrThrow(id),
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
    save(familyId: string | null, fields: TemplateFields): ConsentTemplateFamily {
      checkPlaceholders(fields);
      if (familyId === null) {
        if (d.templates.familyByCode(fields.code)) {
          throw new DomainError(
            'CONFLICT',
            `There is already a consent form with the code "${fields.code}".`,
            [{ path: 'fields.code', message: 'This code is already used by another form' }],
          );
        }
        const id = newId();
        d.db.transaction(() => {
          const s = stamp();
          d.templates.insertFamily({ id, code: fields.code, kind: fields.kind, by: d.practitionerId() }, s);
          addVersion(id, fields, s);
        })();
        return service.family(id);
      }
      const family = familyOrThrow(familyId);
      const fixed = [
        fields.code !== family.code && {
          path: 'fields.code',
          message: `A form’s code cannot be changed (it is "${family.code}"); create a new form instead`,
        },
        fields.kind !== family.kind && {
          path: 'fields.kind',
          message: `A form’s kind cannot be changed (it is a ${family.kind} form); create a new form instead`,
        },
      ].filter((issue): issue is { path: string; message: string } => !!issue);
      if (fixed.length) throw new DomainError('VALIDATION', fixed[0]!.message, fixed);
      if (family.retiredAt) {
        throw new DomainError('CONFLICT', 'This consent form is retired. Restore it before editing it.');
      }
      const current = d.templates.current(family.id)!;
      if (content(current) === content(fields)) return service.family(family.id);
      d.db.transaction(() => addVersion(family.id, fields, stamp()))();
      return service.family(family.id);
    },

    /** Retired forms are not offered for new signatures; signed records of them stay valid and viewable. */
    setRetired(familyId: string, retired: boolean): ConsentTemplateFamily {
      const family = familyOrThrow(familyId);
      if (retired === (family.retiredAt !== null)) return view(family);
      d.templates.setRetired(familyId, retired ? nowIso() : null, stamp());
      return service.family(familyId);
    },

    /** Start-up: any default form whose code the clinic does not have yet (so a new default arrives once). */
    seedDefaults() {
      const missing = DEFAULT_CONSENT_TEMPLATES.map((t) => ConsentTemplateInput.parse(t)).filter(
        (t) => !d.templates.familyByCode(t.code),
      );
      if (missing.length === 0) return;
      d.db.transaction(() => {
        const s = stamp();
        for (const fields of missing) {
          checkPlaceholders(fields);
          const id = newId();
          d.templates.insertFamily({ id, code: fields.code, kind: fields.kind, by: null }, s);
          addVersion(id, fields, s);
        }
      })();
    },
  };
  return service;
}
