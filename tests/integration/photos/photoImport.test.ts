import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app/core';
import { mediaUrl } from '../../../electron/core/contract';
import { createBlobsRepo } from '../../../electron/core/db/repositories/blobsRepo';
import { createMediaHandler } from '../../../electron/core/http/mediaHandler';
import { call, callError, rowCount, useCores } from '../../support/core';

const ORIGIN = 'https://dermachart.test';

async function jpeg(width: number, height: number, colour = { r: 200, g: 120, b: 90 }): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  );
}

describe('photo import through the real dispatcher', () => {
  const newCore = useCores();

  async function withClient() {
    const core = newCore();
    const client = await call(core, 'clients.create', { firstName: 'Ana', lastName: 'Silva' });
    return { core, clientId: client.id };
  }

  it('stores the original byte-identical with a thumbnail and a preview, and lists it', async () => {
    const { core, clientId } = await withClient();
    const bytes = await jpeg(2400, 1800);
    const { photo, duplicate } = await call(core, 'photos.import', {
      clientId,
      bytes,
      fileName: 'IMG_0001.jpg',
      phase: 'before',
      pose: 'front',
    });
    expect(duplicate).toBe(false);
    expect(photo).toMatchObject({
      clientId,
      format: 'jpeg',
      width: 2400,
      height: 1800,
      phase: 'before',
      pose: 'front',
    });
    expect(photo.consentScope).toBe('clinical');

    const serve = createMediaHandler(core.photoBytes);
    const original = await serve(new Request(`${ORIGIN}${mediaUrl(photo.id, 'original')}`));
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.compare(Buffer.from(await original.arrayBuffer()), Buffer.from(bytes))).toBe(0);
    for (const [variant, longest] of [
      ['thumb', 320],
      ['preview', 1600],
    ] as const) {
      const response = await serve(new Request(`${ORIGIN}${mediaUrl(photo.id, variant)}`));
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBe(longest);
    }
    expect(await call(core, 'photos.list', { clientId })).toEqual([photo]);
  });

  it('stores the same file once: a second import is reported as a duplicate', async () => {
    const { core, clientId } = await withClient();
    const bytes = await jpeg(640, 480);
    const first = await call(core, 'photos.import', { clientId, bytes });
    const again = await call(core, 'photos.import', { clientId, bytes });
    expect(again).toEqual({ photo: first.photo, duplicate: true });
    expect(rowCount(core, 'photos')).toBe(1);
    expect(core.media.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1);
  });

  it('refuses a file that is not an image with a clear message and stores nothing', async () => {
    const { core, clientId } = await withClient();
    const error = await callError(core, 'photos.import', {
      clientId,
      bytes: new TextEncoder().encode('This is a note, not a photo.'),
      fileName: 'notes.jpg',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^notes\.jpg: /);
    expect(rowCount(core, 'photos')).toBe(0);
    expect(core.media.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
  });

  it('refuses a payload without bytes, and a session of another client', async () => {
    const { core, clientId } = await withClient();
    expect((await callError(core, 'photos.import', { clientId, bytes: 'not bytes' })).code).toBe(
      'VALIDATION',
    );
    const other = await call(core, 'clients.create', { firstName: 'Bo', lastName: 'Ng' });
    const catalogue = await call(core, 'catalogue.get', {});
    const session = await call(core, 'sessions.start', {
      clientId: other.id,
      treatmentTypeId: catalogue.treatmentTypes[0]!.id,
      practitioner: 'Dr A',
    });
    const error = await callError(core, 'photos.import', {
      clientId,
      bytes: await jpeg(64, 64),
      sessionId: session.id,
    });
    expect(error.issues).toEqual([{ path: 'sessionId', message: expect.any(String) }]);
    expect(rowCount(core, 'photos')).toBe(0);
  });

  it('a crash between the blob commit and the row commit leaves nothing behind after a restart', async () => {
    const { core } = await withClient();
    const dir = core.dataDir;
    createBlobsRepo(core.media).storeImage(
      { sha256: 'c'.repeat(64), mime: 'image/jpeg', bytes: Buffer.from(await jpeg(32, 32)) },
      [],
      new Date().toISOString(),
    );
    core.close();
    const reopened = createCore({ dataDir: dir });
    try {
      expect(reopened.media.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
  });

  it('rebuilds a missing thumbnail from the original', async () => {
    const { core, clientId } = await withClient();
    const { photo } = await call(core, 'photos.import', { clientId, bytes: await jpeg(800, 600) });
    core.media.prepare('DELETE FROM derived').run();
    const response = await createMediaHandler(core.photoBytes)(
      new Request(`${ORIGIN}${mediaUrl(photo.id, 'thumb')}`),
    );
    expect(response.status).toBe(200);
    expect(core.media.prepare('SELECT count(*) FROM derived').pluck().get()).toBe(2);
  });

  it('serves nothing but stored images: traversal and malformed media URLs are 404', async () => {
    const { core, clientId } = await withClient();
    const { photo } = await call(core, 'photos.import', { clientId, bytes: await jpeg(64, 64) });
    const serve = createMediaHandler(core.photoBytes);
    const paths = [
      `/media/photo/${photo.id}/raw`,
      `/media/photo/${photo.id}/thumb/extra`,
      `/media/photo/${photo.id}/thumb?x=1`,
      '/media/photo/not-a-uuid/thumb',
      '/media/photo/../../dermachart.db',
      '/media/photo/%2e%2e%2f%2e%2e%2fdermachart.db/original',
      `/media/photo/${crypto.randomUUID()}/thumb`,
      '/media/dermachart-media.db',
    ];
    for (const path of paths) {
      expect((await serve(new Request(`${ORIGIN}${path}`))).status, path).toBe(404);
    }
    expect(
      (await serve(new Request(`${ORIGIN}${mediaUrl(photo.id, 'thumb')}`, { method: 'POST' }))).status,
    ).toBe(405);
  });

  it('tags many photos at once and filters the timeline by pose and phase', async () => {
    const { core, clientId } = await withClient();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await call(core, 'photos.import', { clientId, bytes: await jpeg(64 + i, 64) })).photo.id);
    }
    const updated = await call(core, 'photos.update', {
      ids: ids.slice(0, 3),
      patch: { phase: 'after', pose: 'left-45' },
    });
    expect(updated.every((p) => p.phase === 'after' && p.pose === 'left-45')).toBe(true);
    expect((await call(core, 'photos.list', { clientId, pose: 'left-45' })).map((p) => p.id).sort()).toEqual(
      ids.slice(0, 3).sort(),
    );
    expect(await call(core, 'photos.list', { clientId, phase: 'before' })).toEqual([]);
    expect((await callError(core, 'photos.update', { ids, patch: {} })).code).toBe('VALIDATION');
  });

  it('exports a comparison as one JPEG without metadata, only for a use both consents allow', async () => {
    const { core, clientId } = await withClient();
    const withGps = new Uint8Array(
      await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#a0522d' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
        .toBuffer(),
    );
    const before = await call(core, 'photos.import', {
      clientId,
      bytes: withGps,
      phase: 'before',
      pose: 'front',
    });
    const after = await call(core, 'photos.import', {
      clientId,
      bytes: await jpeg(900, 1200),
      phase: 'after',
      pose: 'front',
    });
    const exported = await call(core, 'photos.exportComparison', {
      earlierId: before.photo.id,
      laterId: after.photo.id,
      use: 'clinical',
    });
    expect(exported.fileName).toMatch(/^comparison-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.jpg$/);
    const meta = await sharp(Buffer.from(exported.bytes)).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.height).toBeGreaterThan(1200); // both panes at 1200 px plus the caption band
    // The caption band under the first pane holds dark text on white.
    const { data, info } = await sharp(Buffer.from(exported.bytes))
      .extract({ left: 24, top: 24 + 1200, width: 1600, height: 72 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const dark = [...data].filter((v) => v < 100).length;
    expect(dark / (info.width * info.height)).toBeGreaterThan(0.005);

    const refused = await callError(core, 'photos.exportComparison', {
      earlierId: before.photo.id,
      laterId: after.photo.id,
      use: 'marketing',
    });
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /photo consent allows “Clinical record only”, which does not cover marketing use/,
      ),
    });
  });
});
