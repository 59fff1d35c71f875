import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { ConsentStanding } from '../../../electron/core/contract';
import { treatmentByCode } from '../../support/catalogue';
import { attachPaperConsent, familyByCode } from '../../support/consents';
import { call, callError, rowCount, useCores } from '../../support/core';
import { UTC_ISO } from '../../support/fixtures';

/**
 * Where a client stands, decided by the newest record of each form, at an injected today. Records here are
 * made through the paper route (no PDF renderer needed); signing on screen is covered in signing.test.ts.
 */
describe('consent standing, expiry and revocation', () => {
  const newCore = useCores();

  async function setup(start = '2026-01-15') {
    let today = start;
    const core = newCore({ today: () => today });
    const client = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' });
    return {
      core,
      clientId: client.id,
      setToday: (day: string) => {
        today = day;
      },
    };
  }

  const standingOf = async (core: Core, clientId: string, code: string): Promise<ConsentStanding> => {
    const found = (await call(core, 'consents.forClient', { clientId })).standings.find(
      (s) => s.code === code,
    );
    if (!found) throw new Error(`No standing for ${code}`);
    return found;
  };

  it('lists one standing per form the active treatments use, then the photo consent, all missing at first', async () => {
    const { core, clientId } = await setup();
    const consents = await call(core, 'consents.forClient', { clientId });
    const face = await treatmentByCode(core, 'face-microneedling');
    expect(consents.photoScope).toBe('clinical');
    expect(consents.standings.map((s) => [s.code, s.kind, s.status])).toEqual([
      ['microneedling-body', 'treatment', 'missing'],
      ['dermaplaning', 'treatment', 'missing'],
      ['microneedling-face', 'treatment', 'missing'],
      ['microneedling-prp', 'treatment', 'missing'],
      ['microneedling-scalp', 'treatment', 'missing'],
      ['photography', 'photo', 'missing'],
    ]);
    expect(consents.standings.find((s) => s.code === 'microneedling-face')).toEqual({
      familyId: (await familyByCode(core, 'microneedling-face')).id,
      code: 'microneedling-face',
      title: 'Consent to micro-needling (collagen induction therapy) of the face',
      kind: 'treatment',
      treatmentTypes: [{ id: face.id, name: face.name }],
      status: 'missing',
      record: null,
      validUntil: null,
    });
  });

  it('is valid through the last day, expired from the day after (signed 15 Jan for 12 months: until 14 Jan)', async () => {
    const { core, clientId, setToday } = await setup('2026-01-15');
    const record = await attachPaperConsent(core, clientId, 'microneedling-face');
    expect(record.validUntil).toBe('2027-01-14');
    expect(record.status).toBe('valid');

    setToday('2027-01-14');
    expect(await standingOf(core, clientId, 'microneedling-face')).toMatchObject({
      status: 'valid',
      validUntil: '2027-01-14',
      record: { id: record.id, status: 'valid' },
    });
    setToday('2027-01-15');
    expect(await standingOf(core, clientId, 'microneedling-face')).toMatchObject({
      status: 'expired',
      validUntil: '2027-01-14',
      record: { id: record.id, status: 'expired' },
    });
    expect((await call(core, 'consents.get', { id: record.id })).status).toBe('expired');
    expect((await call(core, 'consents.list', { clientId }))[0]!.status).toBe('expired');

    // A newer signature puts the client back in good standing: the newest record decides. (A paper form's
    // date cannot be after the real today, so this one is dated within the first year.)
    const renewed = await attachPaperConsent(core, clientId, 'microneedling-face', {
      signedOn: '2026-11-01',
    });
    expect(await standingOf(core, clientId, 'microneedling-face')).toMatchObject({
      status: 'valid',
      validUntil: '2027-10-31',
      record: { id: renewed.id },
    });
    expect((await call(core, 'consents.list', { clientId })).map((r) => r.id)).toEqual([
      renewed.id,
      record.id,
    ]);
  });

  it('follows a template’s own expiry, and a form without one is valid until revoked', async () => {
    const { core, clientId, setToday } = await setup('2026-01-31');
    const face = await familyByCode(core, 'microneedling-face');
    await call(core, 'consents.saveTemplate', {
      familyId: face.id,
      fields: { ...face.current, expiryMonths: 1 },
    });
    const short = await attachPaperConsent(core, clientId, 'microneedling-face');
    expect(short.validUntil).toBe('2026-02-28');

    const scalp = await familyByCode(core, 'microneedling-scalp');
    await call(core, 'consents.saveTemplate', {
      familyId: scalp.id,
      fields: { ...scalp.current, expiryMonths: null },
    });
    const forever = await attachPaperConsent(core, clientId, 'microneedling-scalp');
    expect(forever.validUntil).toBeNull();
    setToday('2099-12-31');
    expect(await standingOf(core, clientId, 'microneedling-scalp')).toMatchObject({
      status: 'valid',
      validUntil: null,
    });
  });

  it('revokes once, with a reason, who and when; a second revocation is a conflict', async () => {
    const { core, clientId } = await setup();
    const record = await attachPaperConsent(core, clientId, 'microneedling-face');
    const revoked = await call(core, 'consents.revoke', {
      id: record.id,
      reason: 'Client withdrew consent by phone',
      by: 'Dr Jones',
    });
    expect(revoked.status).toBe('revoked');
    expect(revoked.revocation).toEqual({
      id: expect.any(String),
      reason: 'Client withdrew consent by phone',
      by: 'Dr Jones',
      revokedAt: expect.stringMatching(UTC_ISO),
    });
    expect(revoked.seal).toBe(record.seal);
    expect(await standingOf(core, clientId, 'microneedling-face')).toMatchObject({
      status: 'revoked',
      validUntil: null,
      record: { id: record.id, status: 'revoked' },
    });

    const again = await callError(core, 'consents.revoke', {
      id: record.id,
      reason: 'Again',
      by: 'Dr Smith',
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(
      `This consent was already revoked on ${revoked.revocation!.revokedAt.slice(0, 10)} by Dr Jones.`,
    );
    expect(rowCount(core, 'consent_revocations')).toBe(1);
    expect((await call(core, 'consents.get', { id: record.id })).revocation?.reason).toBe(
      'Client withdrew consent by phone',
    );

    const blank = await callError(core, 'consents.revoke', { id: record.id, reason: ' ', by: 'Dr Jones' });
    expect(blank.issues).toEqual([{ path: 'reason', message: 'Enter the reason for revoking' }]);
    expect((await callError(core, 'consents.revoke', { id: randomUUID(), reason: 'x', by: 'y' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('groups treatment types that share a form, and shows a treatment whose form does not exist', async () => {
    const { core, clientId } = await setup();
    const saved = await call(core, 'catalogue.saveTreatmentType', {
      id: null,
      fields: {
        name: 'Neck micro-needling',
        zoneMap: 'face',
        defaultIntervalDays: 28,
        courseLength: 3,
        zones: [],
        consentTemplate: 'microneedling-face',
      },
    });
    await call(core, 'catalogue.saveTreatmentType', {
      id: null,
      fields: {
        name: 'Lip blush',
        zoneMap: 'face',
        defaultIntervalDays: 42,
        courseLength: 2,
        zones: [],
        consentTemplate: 'lip-blush',
      },
    });
    const scalp = await treatmentByCode(core, 'scalp-microneedling');
    await call(core, 'catalogue.setRetired', { kind: 'treatmentType', id: scalp.id, retired: true });
    await attachPaperConsent(core, clientId, 'microneedling-face');

    const consents = await call(core, 'consents.forClient', { clientId });
    const face = consents.standings.find((s) => s.code === 'microneedling-face')!;
    const neck = saved.treatmentTypes.find((t) => t.name === 'Neck micro-needling')!;
    expect(face.treatmentTypes.map((t) => t.name)).toEqual([
      'Face micro-needling (collagen induction)',
      neck.name,
    ]);
    expect(face.status).toBe('valid');
    expect(consents.standings.find((s) => s.code === 'lip-blush')).toMatchObject({
      familyId: null,
      title: 'Consent form “lip-blush” (not set up)',
      status: 'missing',
      treatmentTypes: [{ name: 'Lip blush' }],
    });
    // A retired treatment type no longer asks for its form.
    expect(consents.standings.map((s) => s.code)).not.toContain('microneedling-scalp');
  });

  it('takes the photo scope from the current valid photo consent, else the clinical record only', async () => {
    const { core, clientId, setToday } = await setup('2026-01-15');
    expect((await call(core, 'consents.forClient', { clientId })).photoScope).toBe('clinical');
    const training = await attachPaperConsent(core, clientId, 'photography', { photoScope: 'training' });
    expect(training.validUntil).toBe('2028-01-14');
    expect((await call(core, 'consents.forClient', { clientId })).photoScope).toBe('training');

    const marketing = await attachPaperConsent(core, clientId, 'photography', { photoScope: 'marketing' });
    const consents = await call(core, 'consents.forClient', { clientId });
    expect(consents.photoScope).toBe('marketing');
    expect(consents.standings.find((s) => s.kind === 'photo')).toMatchObject({
      code: 'photography',
      status: 'valid',
      record: { id: marketing.id, photoScope: 'marketing' },
    });

    // Narrowed by a new form, then withdrawn altogether: back to the clinical record only.
    const clinical = await attachPaperConsent(core, clientId, 'photography', { photoScope: 'clinical' });
    expect((await call(core, 'consents.forClient', { clientId })).photoScope).toBe('clinical');
    await call(core, 'consents.revoke', { id: clinical.id, reason: 'No photos', by: 'Dr Jones' });
    expect((await call(core, 'consents.forClient', { clientId })).photoScope).toBe('clinical');

    const again = await attachPaperConsent(core, clientId, 'photography', { photoScope: 'marketing' });
    expect(again.status).toBe('valid');
    setToday('2028-01-15');
    const expired = await call(core, 'consents.forClient', { clientId });
    expect(expired.photoScope).toBe('clinical');
    expect(expired.standings.find((s) => s.kind === 'photo')?.status).toBe('expired');
  });

  it('refuses an unknown client', async () => {
    const { core } = await setup();
    expect((await callError(core, 'consents.forClient', { clientId: randomUUID() })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'consents.list', { clientId: randomUUID() })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'consents.get', { id: randomUUID() })).code).toBe('NOT_FOUND');
  });
});
