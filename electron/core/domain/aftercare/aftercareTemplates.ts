import type { Database } from 'better-sqlite3';
import dermaplaning from '../../../../resources/aftercare/dermaplaning.json';
import microneedlingBody from '../../../../resources/aftercare/microneedling-body.json';
import microneedlingFace from '../../../../resources/aftercare/microneedling-face.json';
import microneedlingPrp from '../../../../resources/aftercare/microneedling-prp.json';
import microneedlingScalp from '../../../../resources/aftercare/microneedling-scalp.json';
import {
  AFTERCARE_PLACEHOLDERS,
  type AftercareBlock,
  type AftercareTemplateFamily,
  AftercareTemplateInput,
  type AftercareTemplateVersion,
  type ApiIssue,
  DomainError,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type {
  createAftercareTemplatesRepo,
  StoredAftercareFamily,
} from '../../db/repositories/aftercareTemplatesRepo';
import type { createCatalogueService } from '../catalogue/catalogueService';
import { fillPlaceholders, placeholderProblems } from '../documents/placeholders';
import { templateFamilies } from '../documents/templateFamilies';

/** The sheets shipped in resources/aftercare; clinics edit them into new versions. */
export const DEFAULT_AFTERCARE_TEMPLATES: unknown[] = [
  microneedlingFace,
  microneedlingPrp,
  microneedlingScalp,
  microneedlingBody,
  dermaplaning,
];

type Fields = ReturnType<typeof AftercareTemplateInput.parse>;

export interface AftercareTemplateDeps {
  db: Database;
  deviceId: string;
  templates: ReturnType<typeof createAftercareTemplatesRepo>;
  catalogue: ReturnType<typeof createCatalogueService>;
  practitionerId: () => string | null;
}

/** Every text of a block with its path inside the block. */
function textsOf(block: AftercareBlock): { path: string; text: string }[] {
  switch (block.type) {
    case 'list':
      return block.items.map((text, i) => ({ path: `items.${i}`, text }));
    case 'checklist':
      return block.days.flatMap((d, i) => [
        { path: `days.${i}.label`, text: d.label },
        ...d.items.map((text, j) => ({ path: `days.${i}.items.${j}`, text })),
      ]);
    default:
      return [{ path: 'text', text: block.text }];
  }
}

export function aftercarePlaceholderIssues(blocks: readonly AftercareBlock[], prefix: string): ApiIssue[] {
  return blocks.flatMap((block, i) =>
    textsOf(block).flatMap(({ path, text }) =>
      placeholderProblems(text, AFTERCARE_PLACEHOLDERS).map((message) => ({
        path: `${prefix}.${i}.${path}`,
        message,
      })),
    ),
  );
}

/** The blocks with every placeholder filled in: what the client reads. */
export function renderAftercareBlocks(
  blocks: readonly AftercareBlock[],
  values: Record<keyof typeof AFTERCARE_PLACEHOLDERS, string>,
): AftercareBlock[] {
  const fill = (text: string) => fillPlaceholders(text, values);
  return blocks.map((b) => {
    switch (b.type) {
      case 'list':
        return { type: 'list', items: b.items.map(fill) };
      case 'checklist':
        return {
          type: 'checklist',
          days: b.days.map((d) => ({ label: fill(d.label), items: d.items.map(fill) })),
        };
      default:
        return { type: b.type, text: fill(b.text) };
    }
  });
}

/**
 * Aftercare templates: families of versions. Saving adds a version (or a new family); a version a sheet was
 * printed from is never changed, so any sheet can be traced to the exact text it came from.
 */
export function createAftercareTemplateService(d: AftercareTemplateDeps) {
  const stamp = () => ({ at: nowIso(), deviceId: d.deviceId });
  const content = (v: { title: string; blocks: AftercareBlock[] }) => ({ title: v.title, blocks: v.blocks });
  const addVersion = (familyId: string, fields: Fields, by: string | null) =>
    d.templates.insertVersion(
      { id: newId(), familyId, title: fields.title, blocks: fields.blocks, by },
      stamp(),
    );

  const families = templateFamilies<StoredAftercareFamily, Fields>({
    db: d.db,
    noun: 'aftercare template',
    practitionerId: d.practitionerId,
    content,
    check: (fields) => aftercarePlaceholderIssues(fields.blocks, 'fields.blocks'),
    store: {
      family: d.templates.family,
      familyByCode: d.templates.familyByCode,
      currentContent: (familyId) => content(d.templates.current(familyId)!),
      createFamily(fields, by) {
        const id = newId();
        d.templates.insertFamily({ id, code: fields.code, by }, stamp());
        addVersion(id, fields, by);
        return id;
      },
      addVersion,
      setRetired: (familyId, retiredAt) => d.templates.setRetired(familyId, retiredAt, stamp()),
    },
  });

  function view(family: StoredAftercareFamily): AftercareTemplateFamily {
    const current = d.templates.current(family.id)!;
    return {
      id: family.id,
      code: family.code,
      title: current.title,
      current,
      versions: d.templates.versions(family.id),
      retiredAt: family.retiredAt,
      treatmentTypes: d.catalogue
        .get()
        .treatmentTypes.filter((t) => t.aftercareTemplate === family.code && !t.retiredAt)
        .map((t) => ({ id: t.id, name: t.name })),
    };
  }

  const service = {
    list: (): AftercareTemplateFamily[] =>
      d.templates
        .families()
        .map(view)
        .sort((a, b) => a.title.localeCompare(b.title)),

    family: (id: string) => view(families.requireFamily(id)),

    version(id: string): AftercareTemplateVersion {
      const v = d.templates.version(id);
      if (!v) throw new DomainError('NOT_FOUND', 'That version of the aftercare template does not exist.');
      return v;
    },

    /** The current version for a treatment type's template code, or null if it has none or it is retired. */
    currentFor(code: string | null): AftercareTemplateVersion | null {
      const family = code ? d.templates.familyByCode(code) : null;
      if (!family || family.retiredAt) return null;
      return d.templates.current(family.id);
    },

    save: (familyId: string | null, fields: Fields): AftercareTemplateFamily =>
      service.family(families.save(familyId, fields)),

    setRetired(familyId: string, retired: boolean): AftercareTemplateFamily {
      families.setRetired(familyId, retired, nowIso());
      return service.family(familyId);
    },

    /** Start-up: any default sheet whose code the clinic does not have yet. */
    seedDefaults: () =>
      families.seed(DEFAULT_AFTERCARE_TEMPLATES.map((t) => AftercareTemplateInput.parse(t))),
  };
  return service;
}
