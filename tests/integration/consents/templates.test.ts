import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import {
  acknowledgementIds,
  type ConsentTemplateInput,
  PHOTO_CONSENT_CODE,
  ConsentTemplateInput as TemplateSchema,
} from '../../../electron/core/contract';
import { placeholderIssues } from '../../../electron/core/domain/consents/placeholders';
import catalogueSeed from '../../../resources/catalogue/treatment-types.json';
import { treatmentByCode } from '../../support/catalogue';
import { attachPaperConsent, familyByCode, TREATMENT_CONSENT_CODES } from '../../support/consents';
import { call, callError, rowCount, useCores } from '../../support/core';
import { UTC_ISO, UUID_V7 } from '../../support/fixtures';

const RESOURCES = join(__dirname, '../../../resources/consent');

function fields(overrides: Partial<ConsentTemplateInput> = {}): ConsentTemplateInput {
  return {
    code: 'chemical-peel',
    kind: 'treatment',
    title: 'Consent to a chemical peel',
    blocks: [
      { type: 'paragraph', text: '{{client.name}} consents to {{treatment}} at {{clinic}} on {{date}}.' },
      { type: 'acknowledgement', id: 'understood', text: 'I understand the risks.' },
    ],
    expiryMonths: 12,
    ...overrides,
  };
}

async function newClient(core: Core) {
  return (await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' })).id;
}

describe('the default consent forms in resources/consent', () => {
  const files = readdirSync(RESOURCES).filter((f) => f.endsWith('.json'));
  const forms = files.map((f) => ({ file: f, json: JSON.parse(readFileSync(join(RESOURCES, f), 'utf8')) }));

  it('has one file per form, named by its code, valid against the schema and its placeholders known', () => {
    expect(files.sort()).toEqual(
      [...TREATMENT_CONSENT_CODES, PHOTO_CONSENT_CODE].map((c) => `${c}.json`).sort(),
    );
    for (const { file, json } of forms) {
      const parsed = TemplateSchema.safeParse(json);
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
      expect(`${json.code}.json`).toBe(file);
      expect(placeholderIssues(parsed.data!.blocks, 'blocks'), file).toEqual([]);
    }
  });

  it('covers every consent form the default treatment types name', () => {
    const named = new Set(catalogueSeed.treatmentTypes.map((t) => t.consentTemplate));
    const codes = new Set(forms.map((f) => f.json.code));
    for (const code of named) expect(codes, code).toContain(code);
  });

  it('says what DOMAIN.md asks of a treatment consent, with statements to tick', () => {
    for (const { file, json } of forms.filter((f) => f.json.kind === 'treatment')) {
      const text = JSON.stringify(json.blocks).toLowerCase();
      const headings = json.blocks
        .filter((b: { type: string }) => b.type === 'heading')
        .map((b: { text: string }) => b.text);
      expect(headings, file).toEqual(
        expect.arrayContaining([
          'The procedure',
          'What to expect afterwards',
          'Risks and possible complications',
          'Alternatives',
          'Aftercare: your part',
          'Your medical history',
          'Your rights',
          'Declaration',
        ]),
      );
      for (const word of ['infection', 'hyperpigmentation', 'allergic', 'withdraw', 'medical history']) {
        expect(text, `${file}: ${word}`).toContain(word);
      }
      expect(acknowledgementIds(json.blocks), file).toEqual(
        expect.arrayContaining(['medical-history-true', 'right-to-withdraw', 'consent-given']),
      );
      expect(json.expiryMonths, file).toBe(12);
      for (const p of [
        '{{client.name}}',
        '{{client.dateOfBirth}}',
        '{{treatment}}',
        '{{practitioner}}',
        '{{clinic}}',
        '{{date}}',
      ]) {
        expect(JSON.stringify(json.blocks), `${file}: ${p}`).toContain(p);
      }
    }
    const microneedling = forms.filter((f) => f.json.code.startsWith('microneedling-'));
    for (const { file, json } of microneedling) {
      const text = JSON.stringify(json.blocks).toLowerCase();
      for (const word of ['redness', 'tightness', 'flaking', 'tram-track', 'granulomatous', 'bruising']) {
        expect(text, `${file}: ${word}`).toContain(word);
      }
    }
    const prp = forms.find((f) => f.json.code === 'microneedling-prp')!.json;
    expect(JSON.stringify(prp.blocks)).toMatch(/blood/i);
    expect(acknowledgementIds(prp.blocks)).toContain('blood-draw');
  });

  it('explains the three photo uses and how to withdraw on the photography form, which lasts 24 months', () => {
    const photo = forms.find((f) => f.json.code === PHOTO_CONSENT_CODE)!.json;
    expect(photo.kind).toBe('photo');
    expect(photo.expiryMonths).toBe(24);
    const text = JSON.stringify(photo.blocks);
    for (const phrase of ['Clinical record only', 'Training (de-identified)', 'Marketing', 'withdraw']) {
      expect(text).toContain(phrase);
    }
  });
});

describe('consent templates through the real dispatcher', () => {
  const newCore = useCores();

  it('seeds the default forms once, linked to the treatment types that use them', async () => {
    const core = newCore();
    const families = await call(core, 'consents.templates', {});
    expect(families.map((f) => f.code)).toEqual([
      // By title: "Consent to body ...", "... dermaplaning", "... micro-needling (collagen ...) of the face", ...
      'microneedling-body',
      'dermaplaning',
      'microneedling-face',
      'microneedling-prp',
      'microneedling-scalp',
      'photography',
    ]);
    const face = families.find((f) => f.code === 'microneedling-face')!;
    expect(face).toEqual({
      id: expect.stringMatching(UUID_V7),
      code: 'microneedling-face',
      kind: 'treatment',
      title: 'Consent to micro-needling (collagen induction therapy) of the face',
      current: expect.objectContaining({ version: 1, familyId: face.id, expiryMonths: 12 }),
      versions: [
        { id: face.current.id, version: 1, createdAt: expect.stringMatching(UTC_ISO), signedCount: 0 },
      ],
      retiredAt: null,
      treatmentTypes: [
        {
          id: (await treatmentByCode(core, 'face-microneedling')).id,
          name: 'Face micro-needling (collagen induction)',
        },
      ],
    });
    expect(families.find((f) => f.code === 'photography')).toMatchObject({
      kind: 'photo',
      treatmentTypes: [],
    });

    const dir = core.dataDir;
    core.close();
    const reopened = newCore({ dataDir: dir });
    expect(rowCount(reopened, 'consent_template_families')).toBe(6);
    expect(rowCount(reopened, 'consent_templates')).toBe(6);
    expect((await call(reopened, 'consents.templates', {})).map((f) => f.id)).toEqual(
      families.map((f) => f.id),
    );
  });

  it('saves an edit as a new version; the old version stays readable and keeps its signed records', async () => {
    const core = newCore();
    const clientId = await newClient(core);
    const face = await familyByCode(core, 'microneedling-face');
    await attachPaperConsent(core, clientId, 'microneedling-face');

    const blocks = [...face.current.blocks, { type: 'paragraph' as const, text: 'Added in version 2.' }];
    const saved = await call(core, 'consents.saveTemplate', {
      familyId: face.id,
      fields: { code: face.code, kind: face.kind, title: 'Face consent (revised)', blocks, expiryMonths: 6 },
    });
    expect(saved.current).toMatchObject({
      version: 2,
      title: 'Face consent (revised)',
      expiryMonths: 6,
      blocks,
    });
    expect(saved.title).toBe('Face consent (revised)');
    expect(saved.versions.map((v) => [v.version, v.signedCount])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(await call(core, 'consents.template', { id: face.current.id })).toEqual(face.current);
    expect(await call(core, 'consents.template', { id: saved.current.id })).toEqual(saved.current);
    expect(rowCount(core, 'consent_templates', `family_id = '${face.id}'`)).toBe(2);
  });

  it('adds no version when nothing changed', async () => {
    const core = newCore();
    const face = await familyByCode(core, 'microneedling-face');
    const { code, kind, title, blocks, expiryMonths } = face.current;
    const again = await call(core, 'consents.saveTemplate', {
      familyId: face.id,
      fields: { code, kind, title, blocks, expiryMonths },
    });
    expect(again.versions).toHaveLength(1);
    expect(again.current).toEqual(face.current);
  });

  it('creates a new form as version 1, and refuses a second form with the same code', async () => {
    const core = newCore();
    const created = await call(core, 'consents.saveTemplate', { familyId: null, fields: fields() });
    expect(created).toMatchObject({
      code: 'chemical-peel',
      kind: 'treatment',
      current: { version: 1 },
      treatmentTypes: [],
    });
    const before = rowCount(core, 'consent_templates');
    const duplicate = await callError(core, 'consents.saveTemplate', {
      familyId: null,
      fields: fields({ title: 'Other' }),
    });
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.issues).toEqual([
      { path: 'fields.code', message: 'This code is already used by another form' },
    ]);
    expect(rowCount(core, 'consent_templates')).toBe(before);

    // A treatment type that names the new form is listed with it.
    const peel = await call(core, 'catalogue.saveTreatmentType', {
      id: null,
      fields: {
        name: 'Chemical peel',
        zoneMap: 'face',
        defaultIntervalDays: 28,
        courseLength: 3,
        zones: [],
        consentTemplate: 'chemical-peel',
      },
    });
    const id = peel.treatmentTypes.find((t) => t.name === 'Chemical peel')!.id;
    expect((await familyByCode(core, 'chemical-peel')).treatmentTypes).toEqual([
      { id, name: 'Chemical peel' },
    ]);
  });

  it('keeps a form’s code and kind fixed', async () => {
    const core = newCore();
    const face = await familyByCode(core, 'microneedling-face');
    const { title, blocks, expiryMonths } = face.current;
    const error = await callError(core, 'consents.saveTemplate', {
      familyId: face.id,
      fields: { code: 'face-v2', kind: 'photo', title, blocks, expiryMonths },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((i) => i.path)).toEqual(['fields.code', 'fields.kind']);
    expect(error.message).toMatch(/code cannot be changed/);
    expect((await familyByCode(core, 'microneedling-face')).versions).toHaveLength(1);
  });

  it('refuses unknown or unclosed placeholders with the path of the text, writing nothing', async () => {
    const core = newCore();
    const before = rowCount(core, 'consent_templates');
    const error = await callError(core, 'consents.saveTemplate', {
      familyId: null,
      fields: fields({
        blocks: [
          { type: 'paragraph', text: 'Dear {{client.surname}},' },
          { type: 'list', items: ['fine', 'Signed on {{date'] },
        ],
      }),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((i) => i.path)).toEqual(['fields.blocks.0.text', 'fields.blocks.1.items.1']);
    expect(error.message).toMatch(/^\{\{client\.surname\}\} is not a placeholder/);
    expect(rowCount(core, 'consent_templates')).toBe(before);
    expect(rowCount(core, 'consent_template_families')).toBe(6);
  });

  it.each([
    ['an empty title', { title: '  ' }, 'fields.title', 'Enter the title'],
    ['no text', { blocks: [] }, 'fields.blocks', 'A form needs some text'],
    ['a bad code', { code: 'Chemical Peel' }, 'fields.code', 'Use lower-case letters, digits and dashes'],
    ['a zero expiry', { expiryMonths: 0 }, 'fields.expiryMonths', 'At least 1 month'],
    [
      'two statements with one id',
      {
        blocks: [
          { type: 'acknowledgement' as const, id: 'a', text: 'One' },
          { type: 'acknowledgement' as const, id: 'a', text: 'Two' },
        ],
      },
      'fields.blocks',
      'Two acknowledgements share an id',
    ],
    [
      'a statement id with capitals',
      { blocks: [{ type: 'acknowledgement' as const, id: 'Agree', text: 'I agree' }] },
      'fields.blocks.0.id',
      'Use lower-case letters, digits and dashes (up to 40)',
    ],
  ])('refuses %s with a message on the field', async (_label, overrides, path, message) => {
    const core = newCore();
    const error = await callError(core, 'consents.saveTemplate', {
      familyId: null,
      fields: fields(overrides),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path, message });
  });

  it('retires a form: still listed and readable, not offered for signing; restoring brings it back', async () => {
    const core = newCore();
    const clientId = await newClient(core);
    const scalp = await familyByCode(core, 'microneedling-scalp');
    const signed = await attachPaperConsent(core, clientId, 'microneedling-scalp');
    const retired = await call(core, 'consents.setTemplateRetired', { familyId: scalp.id, retired: true });
    expect(retired.retiredAt).toMatch(UTC_ISO);
    expect((await call(core, 'consents.templates', {})).find((f) => f.id === scalp.id)?.retiredAt).toBe(
      retired.retiredAt,
    );
    expect(await call(core, 'consents.template', { id: scalp.current.id })).toEqual(scalp.current);
    expect((await call(core, 'consents.get', { id: signed.id })).status).toBe('valid');

    const prepare = await callError(core, 'consents.prepare', {
      clientId,
      templateId: scalp.current.id,
      practitioner: 'Dr Jones',
    });
    expect(prepare.code).toBe('CONFLICT');
    expect(prepare.message).toMatch(/is retired and can no longer be signed/);
    const edit = await callError(core, 'consents.saveTemplate', {
      familyId: scalp.id,
      fields: { ...scalp.current, title: 'New title' },
    });
    expect(edit.code).toBe('CONFLICT');

    const restored = await call(core, 'consents.setTemplateRetired', { familyId: scalp.id, retired: false });
    expect(restored.retiredAt).toBeNull();
    await call(core, 'consents.prepare', {
      clientId,
      templateId: scalp.current.id,
      practitioner: 'Dr Jones',
    });
  });

  it('answers NOT_FOUND for an unknown form or version', async () => {
    const core = newCore();
    expect((await callError(core, 'consents.template', { id: randomUUID() })).code).toBe('NOT_FOUND');
    expect(
      (await callError(core, 'consents.setTemplateRetired', { familyId: randomUUID(), retired: true })).code,
    ).toBe('NOT_FOUND');
    expect(
      (await callError(core, 'consents.saveTemplate', { familyId: randomUUID(), fields: fields() })).code,
    ).toBe('NOT_FOUND');
  });
});
