import { createHash } from 'node:crypto';
import decodeHeic from 'heic-decode';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { readExif } from './exif';
import { type ImageFormat, MIME_TYPES, sniff } from './formats';
import { heifExif } from './heif';

/**
 * The image pipeline: one uploaded file in, everything the photo store needs out (hash, format, display
 * size, capture date, a thumbnail and a preview). Pure and stateless: no database, no Electron, no globals,
 * so the import service can run it in a worker.
 *
 * Accepted: JPEG, PNG, WebP, TIFF (decoded by sharp/libvips) and HEIC/HEIF (decoded by libheif compiled to
 * WebAssembly, via heic-decode, because the prebuilt libvips has no HEVC decoder).
 *
 * Refused on purpose:
 * - AVIF. sharp could decode it, but no phone or clinic camera we target writes it, the contract's format
 *   list does not include it, and its orientation handling would need its own tests. Enabling it means adding
 *   'avif' to ImageFormat/MIME_TYPES, routing it to the sharp branch and testing irot/imir like HEIC.
 * - GIF, BMP, SVG, PSD, JPEG XL, JPEG 2000 and camera RAW files, including the TIFF-based ones (DNG, CR2,
 *   and any TIFF whose first image is flagged as a reduced-resolution preview, as NEF files are), which
 *   would otherwise be imported as their small embedded preview.
 *
 * Outputs are sRGB JPEGs without EXIF, XMP, IPTC or an ICC profile (sharp converts tagged input to sRGB).
 * HEIC colour profiles are not read (heic-decode returns bare RGBA), so Display P3 photos are shown as if
 * sRGB (slightly duller colours, the same for every photo from that phone). libheif-js reports decoding
 * failures with console.log; they still reach the caller as CORRUPT.
 */

export type { ImageFormat } from './formats';

export interface ProcessedImage {
  /** Hex SHA-256 of the original bytes exactly as given. */
  sha256: string;
  format: ImageFormat;
  /** image/jpeg, image/png, image/webp, image/tiff or image/heic. */
  mime: string;
  /** Display size: after EXIF orientation (or, for HEIC, the container's rotation and mirroring). */
  width: number;
  height: number;
  /**
   * The EXIF Orientation tag as stored in the file, 1-8 (1 when absent). Informational: width, height,
   * thumb and preview already have it applied. For HEIC the container's irot/imir transform is what
   * counts and is applied by the decoder; the EXIF copy is reported but never applied a second time.
   */
  orientation: number;
  /**
   * EXIF DateTimeOriginal (falling back to CreateDate) as 'YYYY-MM-DDTHH:mm:ss' wall-clock time, with
   * '±HH:MM' appended when the camera recorded the offset (OffsetTimeOriginal / OffsetTimeDigitized).
   */
  takenAt: string | null;
  /** JPEG, longest side 320 px (smaller images are not enlarged), upright, no metadata at all. */
  thumb: Buffer;
  /** JPEG, longest side 1600 px (smaller images are not enlarged), upright, no metadata at all. */
  preview: Buffer;
}

export type ImageRejection = 'EMPTY' | 'NOT_AN_IMAGE' | 'UNSUPPORTED' | 'CORRUPT' | 'TOO_LARGE';

/** An expected refusal; the message is written for the practitioner and names the problem. */
export class ImageRejected extends Error {
  constructor(
    readonly reason: ImageRejection,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ImageRejected';
  }
}

/** Decompression-bomb guard: images declaring more pixels than this are refused before decoding. */
export const MAX_INPUT_PIXELS = 100_000_000;
export const THUMB_LONGEST_SIDE = 320;
export const PREVIEW_LONGEST_SIDE = 1600;
const THUMB_QUALITY = 80;
const PREVIEW_QUALITY = 85;
const ACCEPTED = 'JPEG, PNG, WebP, TIFF or HEIC';
/** Transparent areas become white, not JPEG's default black. */
const BACKGROUND = { r: 255, g: 255, b: 255 };

export interface ProcessImageOptions {
  /** Pixel limit (width × height); defaults to MAX_INPUT_PIXELS. */
  maxPixels?: number;
}

export async function processImage(
  bytes: Buffer | Uint8Array,
  options: ProcessImageOptions = {},
): Promise<ProcessedImage> {
  const input = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxPixels =
    options.maxPixels !== undefined && Number.isFinite(options.maxPixels) && options.maxPixels > 0
      ? Math.floor(options.maxPixels)
      : MAX_INPUT_PIXELS;
  if (input.length === 0) throw new ImageRejected('EMPTY', 'The file is empty');

  const sniffed = sniff(input);
  if (sniffed.kind === 'not-image') {
    const hint = sniffed.looksLike ? ` (it looks like ${sniffed.looksLike})` : '';
    throw new ImageRejected('NOT_AN_IMAGE', `This file is not an image${hint}`);
  }
  if (sniffed.kind === 'unsupported') {
    const noun = sniffed.name.startsWith('Camera RAW') ? 'files' : 'images';
    throw new ImageRejected('UNSUPPORTED', `${sniffed.name} ${noun} are not supported: use ${ACCEPTED}`);
  }

  const sha256 = createHash('sha256').update(input).digest('hex');
  const { format } = sniffed;
  const decoded =
    format === 'heic' ? await renderHeic(input, maxPixels) : await renderWithSharp(input, format, maxPixels);
  const thumb = await sharp(decoded.preview)
    .resize({
      width: THUMB_LONGEST_SIDE,
      height: THUMB_LONGEST_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .jpeg({ quality: THUMB_QUALITY })
    .toBuffer();

  return {
    sha256,
    format,
    mime: MIME_TYPES[format],
    width: decoded.width,
    height: decoded.height,
    orientation: decoded.orientation,
    takenAt: decoded.takenAt,
    thumb,
    preview: decoded.preview,
  };
}

interface Rendered {
  width: number;
  height: number;
  orientation: number;
  takenAt: string | null;
  preview: Buffer;
}

function corrupt(cause: unknown): ImageRejected {
  return new ImageRejected('CORRUPT', 'The image is damaged or incomplete and could not be read', { cause });
}

function megapixels(pixels: number): string {
  return String(Number((pixels / 1_000_000).toPrecision(3)));
}

function checkSize(width: number, height: number, maxPixels: number): void {
  if (!(width > 0 && height > 0)) throw corrupt(new Error(`invalid dimensions ${width}x${height}`));
  if (width * height > maxPixels) {
    throw new ImageRejected(
      'TOO_LARGE',
      `The image is too large (${megapixels(width * height)} megapixels; the limit is ${megapixels(maxPixels)})`,
    );
  }
}

/** The preview: upright, flattened onto white, sRGB, at most 1600 px on its longest side, no metadata. */
function previewOf(image: Sharp): Promise<Buffer> {
  return image
    .flatten({ background: BACKGROUND })
    .resize({
      width: PREVIEW_LONGEST_SIDE,
      height: PREVIEW_LONGEST_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .jpeg({ quality: PREVIEW_QUALITY })
    .toBuffer();
}

/** The EXIF block libvips found, as a bare TIFF structure (JPEG and WebP prefix it with "Exif\0\0"). */
function tiffBlock(exif: Buffer | undefined): Buffer | undefined {
  if (exif && exif.length > 6 && exif.subarray(0, 6).toString('latin1') === 'Exif\0\0')
    return exif.subarray(6);
  return exif;
}

async function renderWithSharp(
  input: Buffer,
  format: Exclude<ImageFormat, 'heic'>,
  maxPixels: number,
): Promise<Rendered> {
  let meta: Metadata;
  try {
    // Header only: nothing is decoded yet, so a pixel bomb costs nothing here.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw corrupt(error);
  }
  if (meta.format !== format) throw corrupt(new Error(`sniffed ${format} but libvips read ${meta.format}`));
  checkSize(meta.width, meta.height, maxPixels);

  let preview: Buffer;
  try {
    // failOn 'error' also fails on truncation, so a cut-off file is refused rather than padded with grey.
    preview = await previewOf(sharp(input, { failOn: 'error', limitInputPixels: maxPixels }).autoOrient());
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      // Only reachable if the header lied to metadata() but not to the decoder.
      const message = `The image is too large (the limit is ${megapixels(maxPixels)} megapixels)`;
      throw new ImageRejected('TOO_LARGE', message, { cause: error });
    }
    throw corrupt(error);
  }

  const exif = await readExif(format === 'tiff' ? input : tiffBlock(meta.exif));
  const orientation =
    meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1;
  return {
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    orientation,
    takenAt: exif.takenAt,
    preview,
  };
}

/** The brands heic-decode itself checks for (it looks at the major brand only). */
const HEIC_DECODE_MAJOR_BRANDS = new Set(['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx']);

async function renderHeic(input: Buffer, maxPixels: number): Promise<Rendered> {
  let buffer: Uint8Array = input;
  if (!HEIC_DECODE_MAJOR_BRANDS.has(input.subarray(8, 12).toString('latin1'))) {
    // A HEIF whose HEVC brand is only in the compatible list (heim, heis, ...): libheif reads it, but
    // heic-decode's own brand check does not, so it gets a copy with the generic 'mif1' major brand.
    buffer = Buffer.from(input);
    buffer.set([0x6d, 0x69, 0x66, 0x31], 8);
  }

  let images: Awaited<ReturnType<typeof decodeHeic.all>>;
  try {
    // Reads the container only; the display size is known before any pixel is decoded.
    images = await decodeHeic.all({ buffer });
  } catch (error) {
    throw corrupt(error);
  }
  let preview: Buffer;
  let width: number;
  let height: number;
  try {
    // The first top-level image: the primary one in camera files (libheif lists them in item order).
    const primary = images[0];
    if (!primary) throw corrupt(new Error('no image in the HEIF container'));
    checkSize(primary.width, primary.height, maxPixels);
    let pixels: Awaited<ReturnType<typeof primary.decode>>;
    try {
      // libheif applies the container's irot/imir (and clap) here, so the pixels are already upright.
      pixels = await primary.decode();
    } catch (error) {
      throw corrupt(error);
    }
    ({ width, height } = pixels);
    const rgba = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
    try {
      // No autoOrient: raw pixels carry no EXIF, and the EXIF Orientation inside a HEIC must not be applied
      // on top of the container transform.
      preview = await previewOf(
        sharp(rgba, { raw: { width, height, channels: 4 }, limitInputPixels: maxPixels }),
      );
    } catch (error) {
      throw corrupt(error);
    }
  } finally {
    images.dispose();
  }

  const exif = await readExif(heifExif(input));
  return { width, height, orientation: exif.orientation ?? 1, takenAt: exif.takenAt, preview };
}
