import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heifExif } from '../../../electron/core/domain/photos/heif';
import {
  ImageRejected,
  type ImageRejection,
  MAX_INPUT_PIXELS,
  type ProcessedImage,
  processImage,
} from '../../../electron/core/domain/photos/imagePipeline';
import {
  bmpFile,
  cornerImage,
  damagedPng,
  dngHeader,
  encode,
  HEIF_TRANSFORM_FOR_EXIF,
  heifEnc,
  heifEncPath,
  jpegDeclaringSize,
  noise,
  orientedImage,
  PDF_BYTES,
  pngDeclaringSize,
  quadrants,
  storedForOrientation,
  truncated,
  withHeifTransform,
} from '../../support/images';

const ACCEPTED = 'use JPEG, PNG, WebP, TIFF or HEIC';
const CORRUPT = 'The image is damaged or incomplete and could not be read';
const UPRIGHT = { topLeft: 'red', topRight: 'blue', bottomLeft: 'blue', bottomRight: 'blue' };
const HEIF_ENC = heifEncPath();
const NO_HEIF_ENC = 'skipped: heif-enc not found (apt-get install libheif-examples)';
const HEIC_NOTE = HEIF_ENC ? '' : ` (${NO_HEIF_ENC})`;
if (!HEIF_ENC) console.warn(`imagePipeline HEIC tests ${NO_HEIF_ENC}`);

/** Every fixture is written to a real file in a temp dir and read back, as an import would. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dermachart-images-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function saved(bytes: Buffer, ext: string): Buffer {
  const path = join(dir, `fixture-${++fileCount}.${ext}`);
  writeFileSync(path, bytes);
  return readFileSync(path);
}

async function size(image: Buffer) {
  const meta = await sharp(image).metadata();
  return { format: meta.format, width: meta.width, height: meta.height };
}

async function rejection(promise: Promise<ProcessedImage>): Promise<ImageRejected> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejected);
  return error as ImageRejected;
}

/** Neither output may carry EXIF (GPS included), XMP, IPTC or an ICC profile. */
async function expectNoMetadata(result: ProcessedImage) {
  for (const output of [result.thumb, result.preview]) {
    const meta = await sharp(output).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(await exifr.parse(output, { gps: true })).toBeUndefined();
    await expect(exifr.gps(output)).resolves.toBeUndefined();
  }
}

const DATED = { dateTimeOriginal: '2024:03:18 14:05:09', offsetTimeOriginal: '+01:00', gps: true };

describe('processImage: accepted formats', () => {
  it.each([
    ['jpeg', 'image/jpeg', '2024-03-18T14:05:09+01:00'],
    ['png', 'image/png', '2024-03-18T14:05:09+01:00'],
    ['webp', 'image/webp', '2024-03-18T14:05:09+01:00'],
    // sharp cannot write an EXIF block into a TIFF, so there is no date to find.
    ['tiff', 'image/tiff', null],
  ] as const)(
    'reads a %s: type, size, date, a 1600 px preview and a 320 px thumbnail',
    async (format, mime, takenAt) => {
      const bytes = saved(await encode(cornerImage(2000, 1250), format, { exif: DATED }), format);
      const result = await processImage(bytes);

      expect(result).toMatchObject({ format, mime, width: 2000, height: 1250, orientation: 1, takenAt });
      expect(await size(result.preview)).toEqual({ format: 'jpeg', width: 1600, height: 1000 });
      expect(await size(result.thumb)).toEqual({ format: 'jpeg', width: 320, height: 200 });
      expect(await quadrants(result.thumb)).toEqual(UPRIGHT);
      expect(await quadrants(result.preview)).toEqual(UPRIGHT);
      await expectNoMetadata(result);
    },
  );

  it.skipIf(!HEIF_ENC)(
    `reads a HEIC made by heif-enc, with its EXIF date, and drops its GPS${HEIC_NOTE}`,
    async () => {
      const source = await encode(cornerImage(1800, 1200), 'jpeg', { exif: DATED });
      const bytes = saved(heifEnc(dir, source, 'camera'), 'heic');
      expect((await exifr.gps(heifExif(bytes)!)).latitude).toBeCloseTo(51.5, 3); // heif-enc kept the position
      const result = await processImage(bytes);

      expect(result).toMatchObject({
        format: 'heic',
        mime: 'image/heic',
        width: 1800,
        height: 1200,
        orientation: 1,
        takenAt: '2024-03-18T14:05:09+01:00',
      });
      expect(await size(result.preview)).toEqual({ format: 'jpeg', width: 1600, height: 1067 });
      expect(await size(result.thumb)).toEqual({ format: 'jpeg', width: 320, height: 213 });
      expect(await quadrants(result.thumb)).toEqual(UPRIGHT);
      await expectNoMetadata(result);
    },
  );

  it.each(['jpeg', 'png'] as const)('never enlarges a small %s', async (format) => {
    const result = await processImage(saved(await encode(cornerImage(200, 120), format), format));
    expect(result).toMatchObject({ width: 200, height: 120 });
    expect(await size(result.preview)).toEqual({ format: 'jpeg', width: 200, height: 120 });
    expect(await size(result.thumb)).toEqual({ format: 'jpeg', width: 200, height: 120 });
  });

  it('puts transparent areas on white, not black', async () => {
    const clear = sharp({
      create: { width: 100, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    });
    const result = await processImage(saved(await clear.png().toBuffer(), 'png'));
    const { data } = await sharp(result.thumb).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 30))).toBeGreaterThan(245);
  });
});

describe('processImage: EXIF orientation', () => {
  /** Where the red corner is stored for each orientation, read from the EXIF definitions of 1-8. */
  const STORED_RED: Record<number, string> = {
    1: 'topLeft',
    2: 'topRight',
    3: 'bottomRight',
    4: 'bottomLeft',
    5: 'topLeft',
    6: 'bottomLeft',
    7: 'bottomRight',
    8: 'topRight',
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'JPEG orientation %i: size is reported upright and the thumbnail shows the red corner top-left',
    async (n) => {
      const bytes = saved(await orientedImage(n, 480, 320, 'jpeg'), 'jpg');
      // The fixture itself: stored on its side for 5-8, with the red corner where EXIF says it is.
      const stored = await sharp(bytes).metadata();
      expect(stored.orientation).toBe(n);
      expect([stored.width, stored.height]).toEqual(n >= 5 ? [320, 480] : [480, 320]);
      const storedQuadrants: Record<string, string> = await quadrants(await sharp(bytes).png().toBuffer());
      expect(storedQuadrants[STORED_RED[n]!]).toBe('red');

      const result = await processImage(bytes);
      expect(result).toMatchObject({ width: 480, height: 320, orientation: n });
      expect(await size(result.thumb)).toEqual({ format: 'jpeg', width: 320, height: 213 });
      expect(await size(result.preview)).toEqual({ format: 'jpeg', width: 480, height: 320 });
      expect(await quadrants(result.thumb)).toEqual(UPRIGHT);
      expect(await quadrants(result.preview)).toEqual(UPRIGHT);
      // The orientation tag is gone with the rest of the metadata, so no viewer turns it a second time.
      expect((await sharp(result.thumb).metadata()).orientation).toBeUndefined();
    },
  );

  it.each(['png', 'webp', 'tiff'] as const)('applies orientation 6 in a %s too', async (format) => {
    const result = await processImage(saved(await orientedImage(6, 300, 200, format), format));
    expect(result).toMatchObject({ format, width: 300, height: 200, orientation: 6 });
    expect(await quadrants(result.thumb)).toEqual(UPRIGHT);
  });
});

describe('processImage: capture date and privacy', () => {
  const jpeg = (exif: Parameters<typeof encode>[2]) =>
    encode(cornerImage(160, 120), 'jpeg', exif).then((b) => saved(b, 'jpg'));

  it('reads the capture date with its offset, and strips the GPS position from both outputs', async () => {
    const bytes = await jpeg({ exif: DATED });
    expect((await exifr.gps(bytes)).latitude).toBeCloseTo(51.5, 3); // the fixture really has a position
    const result = await processImage(bytes);
    expect(result.takenAt).toBe('2024-03-18T14:05:09+01:00');
    await expectNoMetadata(result);
  });

  it('keeps the wall-clock time as written when the camera recorded no offset', async () => {
    const result = await processImage(await jpeg({ exif: { dateTimeOriginal: '2023:12:31 23:59:59' } }));
    expect(result.takenAt).toBe('2023-12-31T23:59:59');
  });

  it('falls back to the digitised date (CreateDate) when there is no original date', async () => {
    const result = await processImage(await jpeg({ exif: { createDate: '2022:06:01 08:30:00' } }));
    expect(result.takenAt).toBe('2022-06-01T08:30:00');
  });

  it('gives null for no EXIF at all, and for a blank or impossible date', async () => {
    expect(await processImage(await jpeg({}))).toMatchObject({ takenAt: null, orientation: 1 });
    expect((await processImage(await jpeg({ exif: {} }))).takenAt).toBeNull();
    expect(
      (await processImage(await jpeg({ exif: { dateTimeOriginal: '0000:00:00 00:00:00' } }))).takenAt,
    ).toBeNull();
    expect(
      (await processImage(await jpeg({ exif: { dateTimeOriginal: '2023:02:30 10:00:00' } }))).takenAt,
    ).toBeNull();
  });
});

describe('processImage: hash', () => {
  it('is the SHA-256 of the bytes as given, the same for the same bytes and different for others', async () => {
    const bytes = await encode(cornerImage(64, 48), 'jpeg');
    const copy = Buffer.from(bytes);
    const first = await processImage(bytes);
    expect(first.sha256).toBe(createHash('sha256').update(copy).digest('hex'));
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.compare(bytes, copy)).toBe(0); // the input is not modified
    expect((await processImage(copy)).sha256).toBe(first.sha256);
    expect((await processImage(new Uint8Array(copy))).sha256).toBe(first.sha256);
    const other = await encode(cornerImage(64, 48), 'png');
    expect((await processImage(other)).sha256).not.toBe(first.sha256);
  });
});

describe('processImage: refusals', () => {
  it('uses a 100-megapixel limit by default', () => {
    expect(MAX_INPUT_PIXELS).toBe(100_000_000);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, ImageRejection, string]>([
    ['an empty file', () => Buffer.alloc(0), 'EMPTY', 'The file is empty'],
    [
      'a text file renamed .jpg',
      () => Buffer.from('Consent signed 12/03. Follow-up in 6 weeks.\n'),
      'NOT_AN_IMAGE',
      'This file is not an image (it looks like a text file)',
    ],
    ['a PDF', () => PDF_BYTES, 'NOT_AN_IMAGE', 'This file is not an image (it looks like a PDF document)'],
    [
      'random bytes',
      () => Buffer.from([0x00, 0x13, 0x37, 0xfe, 0x01, 0x02, 0x03, 0x04]),
      'NOT_AN_IMAGE',
      'This file is not an image',
    ],
    [
      'a GIF',
      () => encode(cornerImage(40, 30), 'gif'),
      'UNSUPPORTED',
      `GIF images are not supported: ${ACCEPTED}`,
    ],
    ['a BMP', bmpFile, 'UNSUPPORTED', `BMP images are not supported: ${ACCEPTED}`],
    [
      'an SVG',
      () =>
        Buffer.from(
          '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        ),
      'UNSUPPORTED',
      `SVG images are not supported: ${ACCEPTED}`,
    ],
    [
      'an AVIF',
      () => cornerImage(64, 48).avif({ quality: 50, effort: 0 }).toBuffer(),
      'UNSUPPORTED',
      `AVIF images are not supported: ${ACCEPTED}`,
    ],
    ['a DNG', dngHeader, 'UNSUPPORTED', `Camera RAW (DNG) files are not supported: ${ACCEPTED}`],
    [
      'a PNG with a damaged IDAT chunk',
      async () => damagedPng(await noise(300, 200).png().toBuffer()),
      'CORRUPT',
      CORRUPT,
    ],
    [
      'the first 60% of a PNG',
      async () => truncated(await noise(300, 200).png().toBuffer(), 0.6),
      'CORRUPT',
      CORRUPT,
    ],
    [
      'the first 60% of a WebP',
      async () => truncated(await noise(300, 200).webp().toBuffer(), 0.6),
      'CORRUPT',
      CORRUPT,
    ],
    [
      'the first 60% of a TIFF',
      async () => truncated(await noise(300, 200).tiff().toBuffer(), 0.6),
      'CORRUPT',
      CORRUPT,
    ],
    [
      'a tiny PNG declaring 20000 × 20000 pixels',
      () => pngDeclaringSize(20000, 20000),
      'TOO_LARGE',
      'The image is too large (400 megapixels; the limit is 100)',
    ],
    [
      'a JPEG whose header claims 60000 × 40000 pixels',
      async () => jpegDeclaringSize(await encode(cornerImage(64, 48), 'jpeg'), 60000, 40000),
      'TOO_LARGE',
      'The image is too large (2400 megapixels; the limit is 100)',
    ],
  ])('refuses %s', async (_name, make, reason, message) => {
    const bytes = saved(await make(), 'jpg');
    const error = await rejection(processImage(bytes));
    expect(error.reason).toBe(reason);
    expect(error.name).toBe('ImageRejected');
    expect(error.message).toBe(message);
  });

  it('refuses a truncated JPEG (first 60%) that a lenient decoder would have padded with grey', async () => {
    const whole = await noise(400, 300).jpeg({ quality: 90 }).toBuffer();
    const cut = saved(truncated(whole, 0.6), 'jpg');
    // The trap this guards against: decoding anyway succeeds and silently fills the missing rows.
    await expect(sharp(cut, { failOn: 'none' }).jpeg().toBuffer()).resolves.toBeInstanceOf(Buffer);
    const error = await rejection(processImage(cut));
    expect(error).toMatchObject({ reason: 'CORRUPT', message: CORRUPT });
  });

  it('measures a real large image against the given pixel limit, and accepts it at the limit', async () => {
    const bytes = saved(
      await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#808080' } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
      'png',
    );
    const error = await rejection(processImage(bytes, { maxPixels: 5_000_000 }));
    expect(error).toMatchObject({
      reason: 'TOO_LARGE',
      message: 'The image is too large (6 megapixels; the limit is 5)',
    });
    expect(await processImage(bytes, { maxPixels: 6_000_000 })).toMatchObject({ width: 3000, height: 2000 });
  });
});

describe.skipIf(!HEIF_ENC)(`processImage: HEIC container orientation${HEIC_NOTE}`, () => {
  /**
   * Like an iPhone: pixels stored as the sensor saw them, a container rotation/mirror (irot/imir) that
   * libheif applies on decode, and an EXIF copy of the same orientation that must NOT be applied again.
   */
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'container transform equal to EXIF orientation %i, with that EXIF orientation inside: upright once',
    async (n) => {
      const source = await orientedImage(n, 192, 128, 'jpeg', DATED);
      const bytes = saved(
        withHeifTransform(heifEnc(dir, source, `o${n}`), HEIF_TRANSFORM_FOR_EXIF[n]!),
        'heic',
      );
      const result = await processImage(bytes);
      expect(result).toMatchObject({
        format: 'heic',
        width: 192,
        height: 128,
        orientation: n,
        takenAt: '2024-03-18T14:05:09+01:00',
      });
      expect(await quadrants(result.thumb)).toEqual(UPRIGHT);
      expect(await size(result.thumb)).toEqual({ format: 'jpeg', width: 192, height: 128 });
    },
  );

  it('shows a HEIC as stored when only its EXIF says to rotate (HEIF readers ignore EXIF orientation)', async () => {
    const source = await orientedImage(6, 192, 128, 'jpeg');
    const bytes = saved(heifEnc(dir, source, 'exif-only'), 'heic');
    const result = await processImage(bytes);
    // Stored 128 × 192 with the red corner bottom-left, and that is what is shown.
    expect(result).toMatchObject({ width: 128, height: 192, orientation: 6 });
    expect(await quadrants(result.thumb)).toEqual({
      topLeft: 'blue',
      topRight: 'blue',
      bottomLeft: 'red',
      bottomRight: 'blue',
    });
  });

  it('turns a HEIC with a container rotation and no EXIF at all', async () => {
    const stored = await storedForOrientation(8, 300, 200);
    const png = await sharp(stored.data, { raw: { width: stored.width, height: stored.height, channels: 3 } })
      .png()
      .toBuffer();
    const bytes = saved(withHeifTransform(heifEnc(dir, png, 'no-exif'), [{ irot: 1 }]), 'heic');
    const result = await processImage(bytes);
    expect(result).toMatchObject({ width: 300, height: 200, orientation: 1, takenAt: null });
    expect(await quadrants(result.preview)).toEqual(UPRIGHT);
  });

  it('refuses a truncated HEIC and one over the pixel limit', async () => {
    const whole = heifEnc(dir, await noise(320, 240).png().toBuffer(), 'noise');
    expect(await rejection(processImage(saved(truncated(whole, 0.6), 'heic')))).toMatchObject({
      reason: 'CORRUPT',
      message: CORRUPT,
    });
    expect(await rejection(processImage(saved(whole, 'heic'), { maxPixels: 50_000 }))).toMatchObject({
      reason: 'TOO_LARGE',
      message: 'The image is too large (0.0768 megapixels; the limit is 0.05)',
    });
  });
});
