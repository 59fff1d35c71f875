import exifr from 'exifr';

export interface ExifFacts {
  /** EXIF Orientation 1-8, or null when absent or out of range. */
  orientation: number | null;
  /** 'YYYY-MM-DDTHH:mm:ss', plus '±HH:MM' when the camera recorded its offset; null when unknown. */
  takenAt: string | null;
}

const NONE: ExifFacts = { orientation: null, takenAt: null };

const EXIF_DATE = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * An EXIF date ("2024:03:18 14:05:09") as an ISO local date-time. EXIF dates carry no zone: the wall-clock
 * reading is kept as is, never converted through the machine's own time zone.
 */
export function exifDateTime(value: unknown, offset: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = EXIF_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const o = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  if (o && Number(o[2]) <= 14 && Number(o[3]) <= 59) return `${local}${o[1]}${o[2]}:${o[3]}`;
  return local;
}

/**
 * Reads the few EXIF tags the pipeline needs from a whole file exifr understands (JPEG, PNG, TIFF) or from
 * a bare TIFF-structured EXIF block. Missing, partial or malformed EXIF gives nulls, never an exception.
 */
export async function readExif(source: Uint8Array | null | undefined): Promise<ExifFacts> {
  if (!source || source.length < 8) return NONE;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(source, {
      pick: ['Orientation', 'DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      translateValues: false,
      reviveValues: false,
      // Only the TIFF/EXIF blocks: no XMP, ICC or IPTC parsing.
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
    });
  } catch {
    return NONE;
  }
  if (!tags || typeof tags !== 'object') return NONE;
  const raw = tags.Orientation;
  const orientation = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 8 ? raw : null;
  const takenAt =
    exifDateTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    exifDateTime(tags.CreateDate, tags.OffsetTimeDigitized);
  return { orientation, takenAt };
}
