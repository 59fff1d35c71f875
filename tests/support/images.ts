import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Exif, type Sharp } from 'sharp';

/**
 * Real image files made at test time: sharp for JPEG/PNG/WebP/TIFF/GIF, Debian's heif-enc for HEIC, and a
 * few hand-made headers for the hostile cases (pixel bombs, RAW look-alikes).
 */

export const RED = { r: 230, g: 20, b: 20 };
export const BLUE = { r: 20, g: 60, b: 200 };

/** The orientation marker: a blue image whose top-left quadrant is red. */
export function cornerImage(width: number, height: number): Sharp {
  const quadrant = { width: Math.floor(width / 2), height: Math.floor(height / 2), channels: 3 as const };
  return sharp({ create: { width, height, channels: 3, background: BLUE } }).composite([
    { input: { create: { ...quadrant, background: RED } }, left: 0, top: 0 },
  ]);
}

/**
 * How to store pixels so that applying EXIF orientation `n` shows cornerImage(width, height): each
 * orientation's inverse, as sharp operations (rotate in degrees clockwise, then an optional flop).
 */
const INVERSE: Record<number, { rotate: number; flop: boolean }> = {
  1: { rotate: 0, flop: false },
  2: { rotate: 0, flop: true }, // mirror horizontal is its own inverse
  3: { rotate: 180, flop: false },
  4: { rotate: 180, flop: true }, // mirror vertical = rotate 180 + mirror horizontal
  5: { rotate: 90, flop: true }, // transpose is its own inverse
  6: { rotate: 270, flop: false }, // displayed by turning 90° clockwise, so stored turned 90° anticlockwise
  7: { rotate: 270, flop: true }, // transverse is its own inverse
  8: { rotate: 90, flop: false },
};

/** Raw RGB pixels that display as cornerImage(width, height) once orientation `n` is applied. */
export async function storedForOrientation(
  n: number,
  width: number,
  height: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const upright = await cornerImage(width, height).png().toBuffer(); // compositing adds an alpha channel
  const { rotate, flop } = INVERSE[n]!;
  // Two passes: within one sharp pipeline the order of rotate and flop is not the order of the calls.
  const turned = await sharp(upright).removeAlpha().rotate(rotate).png().toBuffer();
  const { data, info } = await sharp(turned).flop(flop).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export interface ExifFields {
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  createDate?: string;
  /** Adds a GPS position (51°30'N 0°7'W). */
  gps?: boolean;
}

function exifTags(fields: ExifFields): Exif {
  const exif: Record<string, Record<string, string>> = {
    IFD0: { Make: 'Dermachart Test', Model: 'Fixture' },
  };
  const ifd2: Record<string, string> = {};
  if (fields.dateTimeOriginal) ifd2.DateTimeOriginal = fields.dateTimeOriginal;
  if (fields.offsetTimeOriginal) ifd2.OffsetTimeOriginal = fields.offsetTimeOriginal;
  if (fields.createDate) ifd2.DateTimeDigitized = fields.createDate;
  if (Object.keys(ifd2).length) exif.IFD2 = ifd2;
  if (fields.gps) {
    exif.IFD3 = {
      GPSLatitudeRef: 'N',
      GPSLatitude: '51/1 30/1 0/1',
      GPSLongitudeRef: 'W',
      GPSLongitude: '0/1 7/1 0/1',
    };
  }
  return exif;
}

export type FixtureFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif';

/**
 * Encodes an image, optionally with EXIF tags and an EXIF orientation (sharp writes the orientation as
 * given, without turning the pixels). TIFF output carries the orientation tag but no EXIF block.
 */
export async function encode(
  image: Sharp,
  format: FixtureFormat,
  options: { exif?: ExifFields; orientation?: number } = {},
): Promise<Buffer> {
  let out = image.toFormat(format, format === 'tiff' ? { compression: 'lzw' } : {});
  if (options.exif) out = out.withExif(exifTags(options.exif));
  if (options.orientation) out = out.withMetadata({ orientation: options.orientation });
  return out.toBuffer();
}

/** A JPEG (or other format) whose stored pixels, turned by EXIF orientation `n`, show cornerImage(w, h). */
export async function orientedImage(
  n: number,
  width: number,
  height: number,
  format: FixtureFormat = 'jpeg',
  exif?: ExifFields,
): Promise<Buffer> {
  const stored = await storedForOrientation(n, width, height);
  const image = sharp(stored.data, { raw: { width: stored.width, height: stored.height, channels: 3 } });
  return encode(image, format, { orientation: n, ...(exif ? { exif } : {}) });
}

export type Quadrant = 'red' | 'blue' | 'other';

function classify(r: number, g: number, b: number): Quadrant {
  if (r > 170 && g < 90 && b < 90) return 'red';
  if (b > 150 && r < 90 && g < 120) return 'blue';
  return 'other';
}

/** The colour at the centre of each quadrant of an encoded image, e.g. to find where the red corner went. */
export async function quadrants(
  image: Buffer,
): Promise<{ topLeft: Quadrant; topRight: Quadrant; bottomLeft: Quadrant; bottomRight: Quadrant }> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (fx: number, fy: number) => {
    const x = Math.floor(info.width * fx);
    const y = Math.floor(info.height * fy);
    const i = (y * info.width + x) * info.channels;
    return info.channels >= 3 ? classify(data[i]!, data[i + 1]!, data[i + 2]!) : 'other';
  };
  return {
    topLeft: at(0.25, 0.25),
    topRight: at(0.75, 0.25),
    bottomLeft: at(0.25, 0.75),
    bottomRight: at(0.75, 0.75),
  };
}

// --- HEIC -------------------------------------------------------------------------------------------------

/** The path of Debian's heif-enc (package libheif-examples), or null when it is not installed. */
export function heifEncPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const candidate = join(dir, 'heif-enc');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return null;
}

/**
 * A real HEIC made by heif-enc from a PNG or JPEG (a JPEG's EXIF block, orientation included, is copied
 * into the HEIC as is; heif-enc 1.15 does not turn it into a container rotation).
 */
export function heifEnc(dir: string, source: Buffer, name: string): Buffer {
  const ext = source[0] === 0xff ? 'jpg' : 'png';
  const input = join(dir, `${name}.${ext}`);
  const output = join(dir, `${name}.heic`);
  writeFileSync(input, source);
  // x265's fastest preset: a fixture needs a valid HEVC stream, not a small one. Flat colours encode in well
  // under a second; pure noise is slow whatever the preset (about 12 s for 2400 × 1800 on two cores).
  const args = ['-q', '85', '--no-alpha', '-p', 'preset=ultrafast', input, '-o', output];
  execFileSync(heifEncPath() ?? 'heif-enc', args, { stdio: 'pipe' });
  return readFileSync(output);
}

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

function boxesIn(buf: Buffer, start: number, end: number): Box[] {
  const out: Box[] = [];
  for (let at = start; at + 8 <= end; ) {
    const size = buf.readUInt32BE(at);
    if (size < 8 || at + size > end) throw new Error(`unexpected box size ${size} at ${at}`);
    out.push({ type: buf.toString('latin1', at + 4, at + 8), start: at, body: at + 8, end: at + size });
    at += size;
  }
  return out;
}

function find(list: Box[], type: string): Box {
  const box = list.find((b) => b.type === type);
  if (!box) throw new Error(`no ${type} box`);
  return box;
}

function readUInt(buf: Buffer, at: number, size: number): number {
  return size === 0 ? 0 : buf.readUIntBE(at, size);
}

function writeUInt(buf: Buffer, at: number, size: number, value: number): void {
  if (size > 0) buf.writeUIntBE(value, at, size);
}

/**
 * A HEIF container transform (iPhones write irot), applied in the order given: irot turns the image
 * anticlockwise by `irot` × 90°; imir mirrors it, mode 0 exchanging top and bottom, mode 1 left and right
 * (ISO/IEC 23008-12:2022 and libheif; the 2017 text called the field "axis" and was read both ways).
 */
export type HeifTransform = { irot: 0 | 1 | 2 | 3 } | { imir: 0 | 1 };

/** The HEIF container transform that shows what each EXIF orientation shows (irot first, then imir). */
export const HEIF_TRANSFORM_FOR_EXIF: Record<number, HeifTransform[]> = {
  1: [],
  2: [{ imir: 1 }],
  3: [{ irot: 2 }],
  4: [{ imir: 0 }],
  5: [{ irot: 3 }, { imir: 1 }],
  6: [{ irot: 3 }],
  7: [{ irot: 1 }, { imir: 1 }],
  8: [{ irot: 1 }],
};

/**
 * Adds irot/imir properties to the primary item of a HEIF file (heif-enc has no option for it): appends
 * the boxes to ipco, associates them in ipma, grows every enclosing box and moves the iloc file offsets
 * that point past the insertion. Throws when the file already has a transform or a layout it cannot patch.
 */
export function withHeifTransform(heic: Buffer, transforms: HeifTransform[]): Buffer {
  const buf = Buffer.from(heic);
  const top = boxesIn(buf, 0, buf.length);
  const meta = find(top, 'meta');
  const metaKids = boxesIn(buf, meta.body + 4, meta.end);
  const pitm = find(metaKids, 'pitm');
  const primary = buf[pitm.body] === 0 ? buf.readUInt16BE(pitm.body + 4) : buf.readUInt32BE(pitm.body + 4);
  const iloc = find(metaKids, 'iloc');
  const iprp = find(metaKids, 'iprp');
  const iprpKids = boxesIn(buf, iprp.body, iprp.end);
  const ipco = find(iprpKids, 'ipco');
  const ipma = find(iprpKids, 'ipma');
  const properties = boxesIn(buf, ipco.body, ipco.end);
  if (properties.some((p) => p.type === 'irot' || p.type === 'imir'))
    throw new Error('already has a transform');
  if (ipma.start < ipco.end) throw new Error('ipma before ipco');

  const newProperties = Buffer.concat(
    transforms.map((t) => {
      const box = Buffer.alloc(9);
      box.writeUInt32BE(9, 0);
      box.write('irot' in t ? 'irot' : 'imir', 4, 'latin1');
      box[8] = 'irot' in t ? t.irot : t.imir;
      return box;
    }),
  );

  // ipma: find the primary item's association list.
  const ipmaVersion = buf[ipma.body]!;
  const wideIndex = (buf.readUIntBE(ipma.body + 1, 3) & 1) === 1;
  let at = ipma.body + 4;
  const entries = buf.readUInt32BE(at);
  at += 4;
  let countAt = -1;
  let entryEnd = -1;
  for (let i = 0; i < entries; i++) {
    const id = ipmaVersion < 1 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
    at += ipmaVersion < 1 ? 2 : 4;
    const count = buf[at]!;
    const afterCount = at + 1;
    at = afterCount + count * (wideIndex ? 2 : 1);
    if (id === primary) {
      countAt = afterCount - 1;
      entryEnd = at;
    }
  }
  if (countAt < 0) throw new Error('primary item has no properties');
  const newAssociations = Buffer.concat(
    transforms.map((_, i) => {
      const index = properties.length + i + 1; // 1-based; transformative properties are essential
      if (wideIndex) {
        const b = Buffer.alloc(2);
        b.writeUInt16BE(0x8000 | index);
        return b;
      }
      if (index > 0x7f) throw new Error('too many properties for 7-bit indices');
      return Buffer.from([0x80 | index]);
    }),
  );
  const delta = newProperties.length + newAssociations.length;
  const insertAt = ipco.end;

  // iloc: move file offsets (construction method 0) that point at or past the insertion.
  const ilocVersion = buf[iloc.body]!;
  at = iloc.body + 4;
  const offsetSize = buf[at]! >> 4;
  const lengthSize = buf[at]! & 0xf;
  const baseSize = buf[at + 1]! >> 4;
  const indexSize = ilocVersion === 1 || ilocVersion === 2 ? buf[at + 1]! & 0xf : 0;
  at += 2;
  const items = ilocVersion < 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
  at += ilocVersion < 2 ? 2 : 4;
  for (let i = 0; i < items; i++) {
    at += ilocVersion < 2 ? 2 : 4;
    let method = 0;
    if (ilocVersion === 1 || ilocVersion === 2) {
      method = buf.readUInt16BE(at) & 0xf;
      at += 2;
    }
    at += 2;
    const baseAt = at;
    const base = readUInt(buf, at, baseSize);
    at += baseSize;
    const extents = buf.readUInt16BE(at);
    at += 2;
    const shiftBase = method === 0 && baseSize > 0 && base >= insertAt;
    if (shiftBase) writeUInt(buf, baseAt, baseSize, base + delta);
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      const offset = readUInt(buf, at, offsetSize);
      if (method === 0 && !shiftBase && base + offset >= insertAt) {
        if (offsetSize === 0) throw new Error('cannot move an extent without an offset field');
        writeUInt(buf, at, offsetSize, offset + delta);
      }
      at += offsetSize + lengthSize;
    }
  }

  // Grow the enclosing boxes and the primary item's association count.
  buf.writeUInt32BE(ipco.end - ipco.start + newProperties.length, ipco.start);
  buf.writeUInt32BE(ipma.end - ipma.start + newAssociations.length, ipma.start);
  buf.writeUInt32BE(iprp.end - iprp.start + delta, iprp.start);
  buf.writeUInt32BE(meta.end - meta.start + delta, meta.start);
  buf[countAt] = buf[countAt]! + transforms.length;

  return Buffer.concat([
    buf.subarray(0, insertAt),
    newProperties,
    buf.subarray(insertAt, entryEnd),
    newAssociations,
    buf.subarray(entryEnd),
  ]);
}

// --- Damaged and hostile files ----------------------------------------------------------------------------

/** Deterministic RGB noise: compresses badly, like a photo, so a cut file loses most of its pixel data. */
export function noise(width: number, height: number, seed = 1): Sharp {
  const data = Buffer.alloc(width * height * 3);
  let state = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    data[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

export function truncated(bytes: Buffer, fraction: number): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** Flips bytes in the middle of the first IDAT chunk and fixes its CRC, so only the zlib stream is damaged. */
export function damagedPng(png: Buffer): Buffer {
  const out = Buffer.from(png);
  const type = out.indexOf('IDAT', 8, 'latin1');
  const length = out.readUInt32BE(type - 4);
  const from = type + 4 + Math.floor(length / 3);
  for (let i = from; i < Math.min(from + 64, type + 4 + length); i++) out[i] = out[i]! ^ 0x5a;
  out.writeUInt32BE(crc32(out.subarray(type, type + 4 + length)), type + 4 + length);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A few hundred bytes of valid PNG structure declaring width × height RGB pixels (only one row of data). */
export function pngDeclaringSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG whose frame header (SOF) is rewritten to declare width × height. */
export function jpegDeclaringSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let at = 2; at + 9 < out.length; ) {
    if (out[at] !== 0xff) throw new Error('lost JPEG marker sync');
    const marker = out[at + 1]!;
    const length = out.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      out.writeUInt16BE(height, at + 5);
      out.writeUInt16BE(width, at + 7);
      return out;
    }
    at += 2 + length;
  }
  throw new Error('no SOF marker');
}

/** A 2×2 24-bit Windows bitmap. */
export function bmpFile(): Buffer {
  const out = Buffer.alloc(54 + 16);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(2, 18);
  out.writeInt32LE(2, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(16, 34);
  return out;
}

/** The opening of a PDF document, as when a scanned consent form is picked instead of a photo. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
  'latin1',
);

/** A little-endian TIFF header whose first directory carries a DNGVersion tag, as every DNG does. */
export function dngHeader(): Buffer {
  const out = Buffer.alloc(8 + 2 + 12 * 3 + 4);
  out.write('II*\0', 0, 'latin1');
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(3, 8);
  const entry = (i: number, tag: number, type: number, value: number, count = 1) => {
    const at = 10 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    out.writeUInt32LE(value, at + 8);
  };
  entry(0, 0x00fe, 4, 1); // NewSubfileType: reduced-resolution preview
  entry(1, 0x0100, 4, 256);
  entry(2, 0xc612, 1, 0x00000401, 4); // DNGVersion 1.4.0.0 (4 bytes inline)
  return out;
}
