import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attachPaperConsent } from '../../support/consents';
import { call, callError, useCores } from '../../support/core';

const jpeg = async (background: string) =>
  new Uint8Array(
    await sharp({ create: { width: 600, height: 450, channels: 3, background } })
      .jpeg()
      .toBuffer(),
  );

/** Each photo's allowed use follows the client's current photo consent: signed, revoked, expired. */
describe('photo consent decides what photos may be used for', () => {
  const cores = useCores();

  async function twoPhotos(today: () => string) {
    const core = cores({ today });
    const client = await call(core, 'clients.create', { firstName: 'Iris', lastName: 'Moreau' });
    const before = await call(core, 'photos.import', {
      clientId: client.id,
      bytes: await jpeg('#884422'),
      phase: 'before',
    });
    const after = await call(core, 'photos.import', {
      clientId: client.id,
      bytes: await jpeg('#aa6644'),
      phase: 'after',
    });
    const exportFor = (use: 'clinical' | 'training' | 'marketing') =>
      call(core, 'photos.exportComparison', { earlierId: before.photo.id, laterId: after.photo.id, use });
    const refusedFor = (use: 'training' | 'marketing') =>
      callError(core, 'photos.exportComparison', {
        earlierId: before.photo.id,
        laterId: after.photo.id,
        use,
      });
    const scopes = async () =>
      (await call(core, 'photos.list', { clientId: client.id })).map((p) => p.consentScope);
    return { core, client, before, exportFor, refusedFor, scopes };
  }

  it('is the clinical record only until the client signs a photo consent', async () => {
    const { before, scopes, refusedFor, exportFor } = await twoPhotos(() => '2026-03-01');
    expect(before.photo.consentScope).toBe('clinical');
    expect(await scopes()).toEqual(['clinical', 'clinical']);
    expect((await refusedFor('training')).code).toBe('CONFLICT');
    await expect(exportFor('clinical')).resolves.toMatchObject({ mime: 'image/jpeg' });
  });

  it('widens with a signed photo consent, for every photo, and narrows again when it is revoked', async () => {
    const { core, client, scopes, refusedFor, exportFor } = await twoPhotos(() => '2026-03-01');
    const consent = await attachPaperConsent(core, client.id, 'photography', {
      signedOn: '2026-02-20',
      photoScope: 'marketing',
    });
    expect(await scopes()).toEqual(['marketing', 'marketing']);
    await expect(exportFor('marketing')).resolves.toMatchObject({ mime: 'image/jpeg' });

    await call(core, 'consents.revoke', {
      id: consent.id,
      reason: 'Client asked us to stop',
      by: 'Front desk',
    });
    expect(await scopes()).toEqual(['clinical', 'clinical']);
    const refused = await refusedFor('marketing');
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/allows “Clinical record only”, which does not cover marketing use/);
  });

  it('allows training but not marketing with a training consent, and falls back when it expires', async () => {
    let today = '2026-03-01';
    const { core, client, scopes, refusedFor, exportFor } = await twoPhotos(() => today);
    await attachPaperConsent(core, client.id, 'photography', {
      signedOn: '2026-02-20',
      photoScope: 'training',
    });
    expect(await scopes()).toEqual(['training', 'training']);
    await expect(exportFor('training')).resolves.toMatchObject({ mime: 'image/jpeg' });
    expect((await refusedFor('marketing')).code).toBe('CONFLICT');
    // The photography form lasts 24 months: on 20 Feb 2028 it has lapsed.
    today = '2028-02-20';
    expect(await scopes()).toEqual(['clinical', 'clinical']);
    expect((await refusedFor('training')).code).toBe('CONFLICT');
  });
});
