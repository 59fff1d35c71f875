import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { call, callError, rowCount, useCores } from '../support/core';

const CLINIC = {
  name: 'Skin Studio <Harley St>',
  address: '1 Harley Street\nLondon W1G 9QD',
  phone: '020 7946 0000',
  emergencyPhone: '07700 900123',
  email: 'hello@skinstudio.example',
  website: 'www.skinstudio.example',
  registrations: 'Licence SP-2024-118',
  paper: 'Letter' as const,
  marginMm: 12,
  dateFormat: 'DD/MM/YYYY' as const,
  locale: 'en-US' as const,
};

describe('clinic settings', () => {
  const core = useCores();

  it('starts unconfigured with sensible defaults, then saves and reloads from disk', async () => {
    const c = core();
    const initial = await call(c, 'settings.get', {});
    expect(initial.settings).toMatchObject({
      name: 'Your clinic',
      paper: 'A4',
      configured: false,
      logoSha256: null,
    });
    await call(c, 'settings.save', CLINIC);
    await call(c, 'settings.save', { ...CLINIC, phone: '020 7946 0001' });
    // One row, updated in place.
    expect(rowCount(c, 'clinic_settings')).toBe(1);
    const dataDir = c.dataDir;
    c.close();
    const reopened = core({ dataDir });
    expect((await call(reopened, 'settings.get', {})).settings).toMatchObject({
      ...CLINIC,
      phone: '020 7946 0001',
      configured: true,
    });
  });

  it('explains bad fields and saves nothing', async () => {
    const c = core();
    const error = await callError(c, 'settings.save', {
      ...CLINIC,
      name: ' ',
      email: 'not-an-email',
      marginMm: 100,
      paper: 'A3',
    });
    expect(error.code).toBe('VALIDATION');
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'marginMm', 'paper']));
    expect(rowCount(c, 'clinic_settings')).toBe(0);
  });

  it('stores a logo scaled to fit the header as PNG, and survives the start-up sweep', async () => {
    const c = core();
    const big = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    const profile = await call(c, 'settings.setLogo', { bytes: new Uint8Array(big), fileName: 'logo.jpg' });
    const sha = profile.settings.logoSha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const dataDir = c.dataDir;
    c.close();
    const reopened = core({ dataDir });
    const stored = reopened.media.prepare('SELECT mime, bytes FROM blobs WHERE sha256 = ?').get(sha) as {
      mime: string;
      bytes: Buffer;
    };
    expect(stored.mime).toBe('image/png');
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeLessThanOrEqual(720);
    expect(meta.height).toBeLessThanOrEqual(240);
    expect((await call(reopened, 'settings.clearLogo', {})).settings.logoSha256).toBeNull();
  });

  it('refuses a logo that is not a PNG, JPEG or WebP image', async () => {
    const c = core();
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const error = await callError(c, 'settings.setLogo', { bytes: text, fileName: 'logo.svg' });
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error.message).toMatch(/PNG, JPEG or WebP/);
    const truncated = (
      await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
        .png()
        .toBuffer()
    ).subarray(0, 60);
    expect((await callError(c, 'settings.setLogo', { bytes: new Uint8Array(truncated) })).message).toMatch(
      /damaged/,
    );
    expect((await call(c, 'settings.get', {})).settings.logoSha256).toBeNull();
  });

  it('keeps practitioners with credentials, unique by name, retired rather than removed', async () => {
    const c = core();
    let profile = await call(c, 'settings.savePractitioner', {
      id: null,
      fields: { name: 'Dr Ada Lane', credentials: 'GMC 7654321' },
    });
    profile = await call(c, 'settings.savePractitioner', { id: null, fields: { name: 'Ben Okafor' } });
    expect(profile.practitioners.map((p) => p.name)).toEqual(['Ben Okafor', 'Dr Ada Lane']);
    const clash = await callError(c, 'settings.savePractitioner', {
      id: null,
      fields: { name: 'dr ada lane' },
    });
    expect(clash).toMatchObject({ code: 'CONFLICT' });
    const ben = profile.practitioners.find((p) => p.name === 'Ben Okafor')!;
    profile = await call(c, 'settings.setPractitionerRetired', { id: ben.id, retired: true });
    // Retired practitioners stay on the list (old documents name them), after the active ones.
    expect(profile.practitioners.map((p) => [p.name, Boolean(p.retiredAt)])).toEqual([
      ['Dr Ada Lane', false],
      ['Ben Okafor', true],
    ]);
  });
});
