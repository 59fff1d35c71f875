import type { Database } from 'better-sqlite3';
import { type ApiIssue, DomainError } from '../../contract';
import { canonicalJson } from '../integrity/hash';

/** A template family as stored: its fixed code, and whether it is retired. */
interface StoredFamily {
  id: string;
  code: string;
  retiredAt: string | null;
}

/** What the versioning rules need from a kind of template's repository and fields. */
export interface TemplateFamilyStore<F extends StoredFamily, Fields extends { code: string }> {
  family(id: string): F | null;
  familyByCode(code: string): F | null;
  /** The newest version's editable content (title, blocks, …), compared to decide whether a save changes it. */
  currentContent(familyId: string): unknown;
  /** Inserts the family and its version 1; returns the family's id. */
  createFamily(fields: Fields, by: string | null): string;
  addVersion(familyId: string, fields: Fields, by: string | null): void;
  setRetired(familyId: string, retiredAt: string | null): void;
}

/**
 * The versioning rules every kind of template (consent forms, aftercare sheets) follows: a family's code is
 * fixed once created; editing adds a version and never changes one; saving the same content again adds
 * nothing; a retired family is restored before it is edited; default templates arrive once each, by code.
 */
export function templateFamilies<F extends StoredFamily, Fields extends { code: string }>(d: {
  db: Database;
  store: TemplateFamilyStore<F, Fields>;
  /** "consent form", "aftercare template": how messages name one. */
  noun: string;
  /** The editable content of fields, in the shape currentContent returns. */
  content: (fields: Fields) => unknown;
  /** Problems with fields before anything is written (placeholders, …). */
  check: (fields: Fields) => ApiIssue[];
  /** Fields besides the code that a family keeps for ever (e.g. a consent form's kind). */
  fixed?: (family: F, fields: Fields) => ApiIssue[];
  practitionerId: () => string | null;
}) {
  const { store, noun } = d;
  const short = noun.split(' ').at(-1)!;

  function requireFamily(id: string): F {
    const family = store.family(id);
    if (!family) throw new DomainError('NOT_FOUND', `That ${noun} no longer exists.`);
    return family;
  }

  function check(fields: Fields) {
    const issues = d.check(fields);
    if (issues.length) throw new DomainError('VALIDATION', issues[0]!.message, issues);
  }

  return {
    requireFamily,

    /** A new family (familyId null: version 1) or the next version of one. Returns the family's id. */
    save(familyId: string | null, fields: Fields): string {
      check(fields);
      if (familyId === null) {
        if (store.familyByCode(fields.code)) {
          throw new DomainError('CONFLICT', `There is already a ${noun} with the code "${fields.code}".`, [
            { path: 'fields.code', message: `This code is already used by another ${short}` },
          ]);
        }
        return d.db.transaction(() => store.createFamily(fields, d.practitionerId()))();
      }
      const family = requireFamily(familyId);
      const fixed: ApiIssue[] = [
        ...(fields.code === family.code
          ? []
          : [
              {
                path: 'fields.code',
                message: `A ${short}’s code cannot be changed (it is "${family.code}"); create a new ${short} instead`,
              },
            ]),
        ...(d.fixed?.(family, fields) ?? []),
      ];
      if (fixed.length) throw new DomainError('VALIDATION', fixed[0]!.message, fixed);
      if (family.retiredAt) {
        throw new DomainError('CONFLICT', `This ${noun} is retired. Restore it before editing it.`);
      }
      if (canonicalJson(store.currentContent(family.id)) !== canonicalJson(d.content(fields))) {
        d.db.transaction(() => store.addVersion(family.id, fields, d.practitionerId()))();
      }
      return family.id;
    },

    setRetired(familyId: string, retired: boolean, at: string): void {
      const family = requireFamily(familyId);
      if (retired !== (family.retiredAt !== null)) store.setRetired(familyId, retired ? at : null);
    },

    /** Start-up: every default whose code the clinic does not have yet, in one transaction. */
    seed(defaults: Fields[]) {
      const missing = defaults.filter((t) => !store.familyByCode(t.code));
      if (missing.length === 0) return;
      d.db.transaction(() => {
        for (const fields of missing) {
          check(fields);
          store.createFamily(fields, null);
        }
      })();
    },
  };
}
