/**
 * What a file is, judged from its first bytes only (never from its name or a claimed MIME type).
 * Pure: no decoding, no I/O.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic';

export const MIME_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

export type Sniffed =
  /** One of the formats the pipeline accepts. */
  | { kind: 'image'; format: ImageFormat }
  /** A real image type we do not accept; `name` is what the practitioner would call it ("GIF", "Camera RAW"). */
  | { kind: 'unsupported'; name: string }
  /** Not an image at all; `looksLike` names what it seems to be, when we can tell ("a PDF document"). */
  | { kind: 'not-image'; looksLike: string | null };

/** ISO-BMFF brands of HEIF files whose images are HEVC-coded (iPhone, most Android phones). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
/** Generic HEIF brands: the codec is only known from the compatible brands. */
const HEIF_GENERIC_BRANDS = new Set(['mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Common video brands, so a clip from the phone's camera roll gets a helpful message. */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'qt  ',
  'M4V ',
  'avc1',
  'dash',
]);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

/** Major brand plus compatible brands of a leading 'ftyp' box, or null when the file does not start with one. */
export function ftypBrands(bytes: Uint8Array): { major: string; compatible: string[] } | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = Math.min(view.getUint32(0), bytes.length, 4096);
  if (size < 16) return null;
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= size; at += 4) compatible.push(ascii(bytes, at, at + 4));
  return { major: ascii(bytes, 8, 12), compatible };
}

function sniffIsoBmff(brands: { major: string; compatible: string[] }): Sniffed {
  const { major, compatible } = brands;
  const all = [major, ...compatible];
  if (major === 'crx ') return { kind: 'unsupported', name: 'Camera RAW (CR3)' };
  if (AVIF_BRANDS.has(major)) return { kind: 'unsupported', name: 'AVIF' };
  if (HEIC_BRANDS.has(major)) return { kind: 'image', format: 'heic' };
  if (HEIF_GENERIC_BRANDS.has(major)) {
    if (compatible.some((b) => HEIC_BRANDS.has(b))) return { kind: 'image', format: 'heic' };
    if (compatible.some((b) => AVIF_BRANDS.has(b))) return { kind: 'unsupported', name: 'AVIF' };
    // A generic HEIF without a codec brand: let libheif try; it reports CORRUPT/UNSUPPORTED if it cannot.
    return { kind: 'image', format: 'heic' };
  }
  if (compatible.some((b) => HEIC_BRANDS.has(b))) return { kind: 'image', format: 'heic' };
  if (compatible.some((b) => AVIF_BRANDS.has(b))) return { kind: 'unsupported', name: 'AVIF' };
  if (all.some((b) => VIDEO_BRANDS.has(b))) return { kind: 'not-image', looksLike: 'a video' };
  return { kind: 'not-image', looksLike: null };
}

/**
 * TIFF is also the container of most camera RAW formats. Their first image (IFD0) is a small preview or
 * carries a DNG version tag; decoding it as a TIFF would silently import a thumbnail, so they are refused.
 */
function sniffTiff(bytes: Uint8Array): Sniffed {
  if (ascii(bytes, 8, 10) === 'CR') return { kind: 'unsupported', name: 'Camera RAW (CR2)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const ifd0 = bytes.length >= 8 ? view.getUint32(4, little) : 0;
  let preview = false;
  if (ifd0 >= 8 && ifd0 + 2 <= bytes.length) {
    const count = view.getUint16(ifd0, little);
    for (let i = 0; i < count; i++) {
      const entry = ifd0 + 2 + i * 12;
      if (entry + 12 > bytes.length) break;
      const tag = view.getUint16(entry, little);
      if (tag === 0xc612) return { kind: 'unsupported', name: 'Camera RAW (DNG)' };
      if (tag === 0x00fe) {
        // NewSubfileType: bit 0 set means IFD0 is a reduced-resolution copy of an image stored elsewhere.
        const type = view.getUint16(entry + 2, little);
        const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
        preview = (value & 1) === 1;
      }
    }
  }
  if (preview) return { kind: 'unsupported', name: 'Camera RAW' };
  return { kind: 'image', format: 'tiff' };
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20) printable++;
  }
  return printable / sample.length > 0.95;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { kind: 'image', format: 'webp' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return sniffTiff(bytes);
  }
  const brands = ftypBrands(bytes);
  if (brands) return sniffIsoBmff(brands);

  // Image types we recognise but do not accept.
  const head = ascii(bytes, 0, Math.min(bytes.length, 16));
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return { kind: 'unsupported', name: 'GIF' };
  if (head.startsWith('BM') && bytes.length >= 26 && [12, 40, 52, 56, 64, 108, 124].includes(bytes[14]!)) {
    return { kind: 'unsupported', name: 'BMP' };
  }
  if (head.startsWith('8BPS')) return { kind: 'unsupported', name: 'Photoshop (PSD)' };
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return { kind: 'unsupported', name: 'JPEG XL' };
  }
  if (
    startsWith(bytes, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) ||
    startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])
  ) {
    return { kind: 'unsupported', name: 'JPEG 2000' };
  }
  if (head.startsWith('IIRO') || head.startsWith('IIRS') || head.startsWith('MMOR')) {
    return { kind: 'unsupported', name: 'Camera RAW (ORF)' };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x55, 0x00])) return { kind: 'unsupported', name: 'Camera RAW (RW2)' };
  if (head.startsWith('FUJIFILMCCD-RAW')) return { kind: 'unsupported', name: 'Camera RAW (RAF)' };

  // Not images.
  if (head.startsWith('%PDF')) return { kind: 'not-image', looksLike: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { kind: 'not-image', looksLike: 'a ZIP archive or Office document' };
  }
  if (looksLikeText(bytes)) {
    const text = new TextDecoder()
      .decode(bytes.subarray(0, 1024))
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) {
      return { kind: 'unsupported', name: 'SVG' };
    }
    return { kind: 'not-image', looksLike: 'a text file' };
  }
  return { kind: 'not-image', looksLike: null };
}
