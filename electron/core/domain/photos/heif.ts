/**
 * Just enough ISO-BMFF (HEIF) parsing to pull out the EXIF block, which exifr's own HEIC reader misses
 * in files written by libheif (it ignores iloc base offsets). Pure, bounds-checked, never throws.
 */

interface Box {
  type: string;
  /** Offset of the box header. */
  start: number;
  /** Offset of the payload (after size, type and any 64-bit size). */
  body: number;
  end: number;
}

function* boxes(view: DataView, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(
      view.getUint8(at + 4),
      view.getUint8(at + 5),
      view.getUint8(at + 6),
      view.getUint8(at + 7),
    );
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(view.getBigUint64(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < body - at || at + size > end) return;
    yield { type, start: at, body, end: at + size };
    at += size;
  }
}

function child(view: DataView, parent: Box, type: string, fullBox = false): Box | undefined {
  for (const box of boxes(view, parent.body + (fullBox ? 4 : 0), parent.end))
    if (box.type === type) return box;
  return undefined;
}

function uint(view: DataView, at: number, size: number): number {
  switch (size) {
    case 0:
      return 0;
    case 1:
      return view.getUint8(at);
    case 2:
      return view.getUint16(at);
    case 4:
      return view.getUint32(at);
    case 8:
      return Number(view.getBigUint64(at));
    default:
      throw new RangeError(`bad field size ${size}`);
  }
}

function exifItemId(view: DataView, iinf: Box): number | null {
  const version = view.getUint8(iinf.body);
  const countSize = version === 0 ? 2 : 4;
  for (const infe of boxes(view, iinf.body + 4 + countSize, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const infeVersion = view.getUint8(infe.body);
    if (infeVersion < 2) continue;
    const idSize = infeVersion === 2 ? 2 : 4;
    const id = uint(view, infe.body + 4, idSize);
    const typeAt = infe.body + 4 + idSize + 2;
    if (typeAt + 4 > infe.end) continue;
    const type = String.fromCharCode(
      view.getUint8(typeAt),
      view.getUint8(typeAt + 1),
      view.getUint8(typeAt + 2),
      view.getUint8(typeAt + 3),
    );
    if (type === 'Exif') return id;
  }
  return null;
}

/** The bytes of one item, assembled from its iloc extents (file offsets or the idat box). */
function itemData(bytes: Uint8Array, view: DataView, meta: Box, itemId: number): Uint8Array | null {
  const iloc = child(view, meta, 'iloc', true);
  if (!iloc) return null;
  const version = view.getUint8(iloc.body);
  let at = iloc.body + 4;
  const offsetSize = view.getUint8(at) >> 4;
  const lengthSize = view.getUint8(at) & 0xf;
  const baseOffsetSize = view.getUint8(at + 1) >> 4;
  const indexSize = version === 1 || version === 2 ? view.getUint8(at + 1) & 0xf : 0;
  at += 2;
  const itemCount = uint(view, at, version < 2 ? 2 : 4);
  at += version < 2 ? 2 : 4;
  for (let i = 0; i < itemCount; i++) {
    const id = uint(view, at, version < 2 ? 2 : 4);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = view.getUint16(at) & 0xf;
      at += 2;
    }
    at += 2; // data_reference_index
    const base = uint(view, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = view.getUint16(at);
    at += 2;
    const extents: Array<[number, number]> = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = uint(view, at, offsetSize);
      at += offsetSize;
      const length = uint(view, at, lengthSize);
      at += lengthSize;
      extents.push([offset, length]);
    }
    if (id !== itemId) continue;
    let source: Uint8Array;
    if (method === 0) source = bytes;
    else if (method === 1) {
      const idat = child(view, meta, 'idat', true);
      if (!idat) return null;
      source = bytes.subarray(idat.body, idat.end);
    } else return null;
    const parts = extents.map(([offset, length]) => {
      const from = base + offset;
      const to = length === 0 ? source.length : from + length;
      if (from > source.length || to > source.length) throw new RangeError('extent outside the file');
      return source.subarray(from, to);
    });
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
  return null;
}

/**
 * The TIFF-structured EXIF block of a HEIF file (starting at its "II*\0"/"MM\0*" header), or null when
 * there is none or the container cannot be read.
 */
export function heifExif(bytes: Uint8Array): Uint8Array | null {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let meta: Box | undefined;
    for (const box of boxes(view, 0, bytes.length)) {
      if (box.type === 'meta') {
        meta = box;
        break;
      }
    }
    if (!meta) return null;
    const iinf = child(view, meta, 'iinf', true);
    if (!iinf) return null;
    const id = exifItemId(view, iinf);
    if (id === null) return null;
    const data = itemData(bytes, view, meta, id);
    if (!data || data.length < 12) return null;
    // ISO 23008-12 Annex A: a 32-bit offset to the TIFF header, usually preceded by "Exif\0\0".
    const declared = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0);
    const candidates = [4 + declared, 4, 10];
    for (let at = 0; at + 4 <= Math.min(data.length, 64); at++) candidates.push(at);
    for (const at of candidates) {
      if (at + 8 > data.length) continue;
      const a = data[at];
      const b = data[at + 1];
      const c = data[at + 2];
      const d = data[at + 3];
      if (
        (a === 0x49 && b === 0x49 && c === 0x2a && d === 0) ||
        (a === 0x4d && b === 0x4d && c === 0 && d === 0x2a)
      ) {
        return data.subarray(at);
      }
    }
    return null;
  } catch {
    return null;
  }
}
