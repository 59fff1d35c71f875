import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type CropRect, mediaUrl } from '../../../electron/core/contract';
import { createMediaHandler } from '../../../electron/core/http/mediaHandler';
import { call, callError, useCores } from '../../support/core';

const ORIGIN = 'https://dermachart.test';
type Rgb = [number, number, number];
const RED: Rgb = [230, 30, 30];
const GREEN: Rgb = [30, 200, 60];
const BLUE: Rgb = [30, 60, 220];
const YELLOW: Rgb = [240, 220, 40];
const GREY: Rgb = [128, 128, 128];

/** A photo whose quadrants are red (top left), green (top right), blue (bottom left), yellow (bottom right). */
async function quadrants(width: number, height: number): Promise<Uint8Array> {
  const quarter = (colour: Rgb, left: number, top: number) => ({
    input: {
      create: {
        width: width / 2,
        height: height / 2,
        channels: 3 as const,
        background: { r: colour[0], g: colour[1], b: colour[2] },
      },
    },
    left,
    top,
  });
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#000' } })
      .composite([
        quarter(RED, 0, 0),
        quarter(GREEN, width / 2, 0),
        quarter(BLUE, 0, height / 2),
        quarter(YELLOW, width / 2, height / 2),
      ])
      .jpeg({ quality: 95 })
      .toBuffer(),
  );
}

async function plain(width: number, height: number, colour: Rgb): Promise<Uint8Array> {
  const background = { r: colour[0], g: colour[1], b: colour[2] };
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background } })
      .jpeg()
      .toBuffer(),
  );
}

/** The colour at (x, y) of an encoded image, and whether it is within JPEG noise of `expected`. */
async function pixel(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data } = await sharp(image)
    .extract({ left: Math.round(x), top: Math.round(y), width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}
const near = (actual: Rgb, expected: Rgb) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 24);

describe('non-destructive photo adjustments', () => {
  const newCore = useCores();

  async function setUp() {
    const core = newCore();
    const client = await call(core, 'clients.create', { firstName: 'Ana', lastName: 'Silva' });
    const bytes = await quadrants(1200, 800);
    const { photo } = await call(core, 'photos.import', { clientId: client.id, bytes, pose: 'front' });
    return { core, clientId: client.id, photo, bytes };
  }

  it('stores rotation and crop on the photo and lists them; null removes the crop', async () => {
    const { core, clientId, photo } = await setUp();
    expect(photo).toMatchObject({ rotation: 0, crop: null });
    const crop = { x: 0.1, y: 0.2, width: 0.5, height: 0.25 };
    const [updated] = await call(core, 'photos.update', { ids: [photo.id], patch: { rotation: 90, crop } });
    expect(updated).toMatchObject({ rotation: 90, crop });
    const [listed] = await call(core, 'photos.list', { clientId });
    expect(listed).toMatchObject({ rotation: 90, crop });

    const [cleared] = await call(core, 'photos.update', { ids: [photo.id], patch: { crop: null } });
    expect(cleared).toMatchObject({ rotation: 90, crop: null });
  });

  it('turns an existing crop with the photo when only the rotation changes', async () => {
    const { core, photo } = await setUp();
    // The top-left quarter (red), then one quarter turn clockwise: red is now the top-right quarter.
    await call(core, 'photos.update', {
      ids: [photo.id],
      patch: { crop: { x: 0, y: 0, width: 0.5, height: 0.5 } },
    });
    const [turned] = await call(core, 'photos.update', { ids: [photo.id], patch: { rotation: 90 } });
    expect(turned!.crop).toEqual({ x: 0.5, y: 0, width: 0.5, height: 0.5 });
    // Three more turns bring it back where it started.
    const [back] = await call(core, 'photos.update', { ids: [photo.id], patch: { rotation: 0 } });
    expect(back!.crop).toEqual({ x: 0, y: 0, width: 0.5, height: 0.5 });
  });

  it('refuses a crop outside the photo, a crop that is too small, and a rotation off the quarter turns', async () => {
    const { core, photo } = await setUp();
    const update = (patch: Record<string, unknown>) =>
      callError(core, 'photos.update', { ids: [photo.id], patch });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ crop: { x: 0.6, y: 0, width: 0.5, height: 0.5 } }, /The crop must lie inside the photo/],
      [{ crop: { x: -0.1, y: 0, width: 0.5, height: 0.5 } }, /The crop must lie inside the photo/],
      [{ crop: { x: 0, y: 0, width: 0.04, height: 0.5 } }, /at least 5% of the photo's width and height/],
      [{ crop: { x: 0, y: 0, width: 0.5, height: Number.NaN } }, /The crop must be given as numbers/],
      [{ crop: { x: 0, y: 0, width: 0.5 } }, /.+/],
      [{ rotation: 45 }, /The rotation must be 0, 90, 180 or 270 degrees/],
    ];
    for (const [patch, message] of cases) {
      const error = await update(patch);
      expect(error.code, JSON.stringify(patch)).toBe('VALIDATION');
      expect(error.message, JSON.stringify(patch)).toMatch(message);
    }
    // Nothing was stored by any of them.
    const [unchanged] = await call(core, 'photos.list', { clientId: photo.clientId });
    expect(unchanged).toMatchObject({ rotation: 0, crop: null });
  });

  it('never touches the original: same bytes and SHA-256 after rotating and cropping', async () => {
    const { core, photo, bytes } = await setUp();
    const serve = createMediaHandler(core.photoBytes);
    const fetchVariant = async (variant: 'original' | 'thumb' | 'preview') =>
      Buffer.from(await (await serve(new Request(`${ORIGIN}${mediaUrl(photo.id, variant)}`))).arrayBuffer());
    const before = { thumb: await fetchVariant('thumb'), preview: await fetchVariant('preview') };

    await call(core, 'photos.update', {
      ids: [photo.id],
      patch: { rotation: 270, crop: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 } },
    });

    const original = await fetchVariant('original');
    expect(Buffer.compare(original, Buffer.from(bytes))).toBe(0);
    expect(createHash('sha256').update(original).digest('hex')).toBe(photo.originalSha256);
    const stored = core.media
      .prepare('SELECT bytes FROM blobs WHERE sha256 = ?')
      .pluck()
      .get(photo.originalSha256) as Buffer;
    expect(createHash('sha256').update(stored).digest('hex')).toBe(photo.originalSha256);
    // The derived renditions stay the upright, unadjusted image too: adjustments are applied on display.
    expect(Buffer.compare(await fetchVariant('thumb'), before.thumb)).toBe(0);
    expect(Buffer.compare(await fetchVariant('preview'), before.preview)).toBe(0);
  });

  it('exports the comparison with each photo rotated and cropped as stored, checked by pixel', async () => {
    const { core, clientId, photo: later } = await setUp();
    const { photo: earlier } = await call(core, 'photos.import', {
      clientId,
      bytes: await plain(1200, 900, GREY),
      pose: 'front',
    });
    // Turned a quarter clockwise, the 800×1200 picture has blue top left, red top right, yellow bottom
    // left, green bottom right. Its left half (blue over yellow) is 400×1200.
    const crop: CropRect = { x: 0, y: 0, width: 0.5, height: 1 };
    await call(core, 'photos.update', { ids: [later.id], patch: { rotation: 90, crop } });

    const exported = await call(core, 'photos.exportComparison', {
      earlierId: earlier.id,
      laterId: later.id,
      use: 'clinical',
    });
    const image = Buffer.from(exported.bytes);
    const meta = await sharp(image).metadata();
    // Earlier: 1200×900 shown 1600×1200. Later: 400×1200 shown 400×1200. Both 1200 high, 24 px gutters.
    expect(meta.width).toBe(24 + 1600 + 24 + 400 + 24);
    expect(meta.height).toBe(24 + 1200 + 72 + 24);

    const left = 24 + 1600 + 24;
    const expectColour = async (at: Buffer, x: number, y: number, colour: Rgb) => {
      const c = await pixel(at, x, y);
      expect(near(c, colour), `pixel at ${x},${y} is ${c}, expected ${colour}`).toBe(true);
    };
    await expectColour(image, 24 + 800, 24 + 600, GREY);
    await expectColour(image, left + 200, 24 + 300, BLUE);
    await expectColour(image, left + 200, 24 + 900, YELLOW);
    // Nothing of the right half (red, green) made it in: scan the pane's middle column edge to edge.
    for (const y of [30, 300, 590, 610, 900, 1190]) {
      const c = await pixel(image, left + 390, 24 + y);
      expect(near(c, RED) || near(c, GREEN), `pixel at y=${y} is ${c}`).toBe(false);
    }

    // Turned half way and cropped to the top-right quarter: that is the original's bottom-left, blue.
    await call(core, 'photos.update', {
      ids: [later.id],
      patch: { rotation: 180, crop: { x: 0.5, y: 0, width: 0.5, height: 0.5 } },
    });
    const again = Buffer.from(
      (
        await call(core, 'photos.exportComparison', {
          earlierId: earlier.id,
          laterId: later.id,
          use: 'clinical',
        })
      ).bytes,
    );
    // A 600×400 quarter fitted into 1600×1200: 1600×1067.
    expect((await sharp(again).metadata()).width).toBe(24 + 1600 + 24 + 1600 + 24);
    for (const f of [0.05, 0.5, 0.95]) await expectColour(again, left + f * 1600, 24 + f * 1067, BLUE);
  });
});
