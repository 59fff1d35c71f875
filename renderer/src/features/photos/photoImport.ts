import type { Phase, Pose } from '@contract';

// Pure logic for importing a batch of files (no React, no DOM types beyond a File-like shape), so the
// per-file rules can be unit-tested in Node.

/** What the native file chooser offers. HEIC often arrives without a MIME type, hence the extensions. */
export const IMPORT_ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,image/heic,image/heif,.heic,.heif';

const IMAGE_TYPES = new Set([
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/png',
  'image/webp',
  'image/tiff',
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
]);
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif']);
/** Files a dropped folder often carries that are not worth reporting. */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);
const isSystemFile = (lowerName: string) =>
  SYSTEM_FILES.has(lowerName) || lowerName.startsWith('._') || lowerName.startsWith('.');

export const UNSUPPORTED_REASON = 'Not a supported photo: choose JPEG, PNG, WebP, TIFF or HEIC files';

export interface FileLike {
  name: string;
  type: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Set by the drop handler for files inside a dropped folder ("./Visit 3/IMG_1.jpg"). */
  path?: string;
  relativePath?: string;
  webkitRelativePath?: string;
}

/** The name shown in the results: the path inside a dropped folder when there is one, else the file name. */
export function displayName(file: FileLike): string {
  const rel = [file.relativePath, file.path, file.webkitRelativePath].find(
    (p): p is string => typeof p === 'string' && p.replace(/^\.?\//, '').includes('/'),
  );
  return rel ? rel.replace(/^\.?\//, '') : file.name;
}

export type FileVerdict = { kind: 'import' } | { kind: 'ignore' } | { kind: 'reject'; reason: string };

/** Decides, before reading a byte, whether a chosen or dropped file is worth sending. */
export function classifyFile(file: Pick<FileLike, 'name' | 'type' | 'size'>, maxBytes: number): FileVerdict {
  const name = file.name.toLowerCase();
  if (isSystemFile(name)) return { kind: 'ignore' };
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const type = file.type.toLowerCase();
  if (!IMAGE_TYPES.has(type) && !IMAGE_EXTENSIONS.has(ext))
    return { kind: 'reject', reason: UNSUPPORTED_REASON };
  if (file.size === 0) return { kind: 'reject', reason: 'The file is empty' };
  if (file.size > maxBytes) {
    return { kind: 'reject', reason: `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB` };
  }
  return { kind: 'import' };
}

/** Why a file in a chosen folder was left out. */
export const NOT_A_PHOTO_REASON = 'Not a photo type Dermachart imports (JPEG, PNG, WebP, TIFF or HEIC)';

export interface Skipped {
  fileName: string;
  reason: string;
}

/**
 * The photos in a chosen folder (every file in it, subfolders included), by extension, in any case:
 * a camera card also holds videos, sidecar and catalogue files, which are skipped with a reason rather than
 * reported as failures; system files (.DS_Store, Thumbs.db, dot-files) are left out silently. Photos come
 * in path order, so a card imports in the order it was shot.
 */
export function photosInFolder<F extends FileLike>(files: readonly F[]): { photos: F[]; skipped: Skipped[] } {
  const photos: F[] = [];
  const skipped: Skipped[] = [];
  for (const file of files) {
    const name = file.name.toLowerCase();
    if (isSystemFile(name)) continue;
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    if (IMAGE_EXTENSIONS.has(ext)) photos.push(file);
    else skipped.push({ fileName: displayName(file), reason: NOT_A_PHOTO_REASON });
  }
  const byPath = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  photos.sort((a, b) => byPath.compare(displayName(a), displayName(b)));
  return { photos, skipped };
}

/**
 * A drop can mix loose files and whole folders. Loose files were picked one by one, so a non-photo among
 * them is reported as a failure; the contents of a dropped folder are treated like a chosen folder: only
 * photos are imported and the rest is listed as skipped.
 */
export function droppedFiles<F extends FileLike>(files: readonly F[]): { files: F[]; skipped: Skipped[] } {
  const loose = files.filter((f) => displayName(f) === f.name);
  const inFolders = photosInFolder(files.filter((f) => displayName(f) !== f.name));
  return { files: [...loose, ...inFolders.photos], skipped: inFolders.skipped };
}

/** The reason to show next to the file name: the error message without a leading "IMG_1.jpg: ". */
export function failureReason(fileName: string, message: string): string {
  const text = message.trim();
  const prefix = `${fileName}:`;
  const reason = text.startsWith(prefix) ? text.slice(prefix.length).trim() : text;
  return reason || 'The photo could not be imported';
}

export interface BatchTags {
  phase: Phase | null;
  pose: Pose | null;
  sessionId: string | null;
}

export const NO_TAGS: BatchTags = { phase: null, pose: null, sessionId: null };

export type ImportOutcome =
  | { fileName: string; status: 'imported'; photoId: string }
  | { fileName: string; status: 'duplicate'; photoId: string }
  | { fileName: string; status: 'failed'; reason: string };

export type ImportOne = (input: {
  bytes: Uint8Array;
  fileName: string;
  phase: Phase | null;
  pose: Pose | null;
  sessionId: string | null;
}) => Promise<{ photo: { id: string }; duplicate: boolean }>;

/** Reads and imports one file. Never throws: a failure becomes an outcome, so the batch carries on. */
export async function importFile(
  file: FileLike,
  tags: BatchTags,
  maxBytes: number,
  importOne: ImportOne,
): Promise<ImportOutcome> {
  const fileName = displayName(file);
  const verdict = classifyFile(file, maxBytes);
  if (verdict.kind === 'reject') return { fileName, status: 'failed', reason: verdict.reason };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { fileName, status: 'failed', reason: 'The file could not be read from disk' };
  }
  try {
    const result = await importOne({ bytes, fileName: file.name, ...tags });
    return { fileName, status: result.duplicate ? 'duplicate' : 'imported', photoId: result.photo.id };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { fileName, status: 'failed', reason: failureReason(file.name, message) };
  }
}

export interface ImportSummary {
  imported: number;
  duplicates: string[];
  failures: { fileName: string; reason: string }[];
  /** Files of a chosen folder that are not photos. */
  skipped: Skipped[];
}

export const EMPTY_SUMMARY: ImportSummary = { imported: 0, duplicates: [], failures: [], skipped: [] };

export function addOutcome(summary: ImportSummary, outcome: ImportOutcome): ImportSummary {
  switch (outcome.status) {
    case 'imported':
      return { ...summary, imported: summary.imported + 1 };
    case 'duplicate':
      return { ...summary, duplicates: [...summary.duplicates, outcome.fileName] };
    case 'failed':
      return {
        ...summary,
        failures: [...summary.failures, { fileName: outcome.fileName, reason: outcome.reason }],
      };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence for the results heading and for screen readers. */
export function summaryText(s: ImportSummary): string {
  const parts = [plural(s.imported, 'photo imported', 'photos imported')];
  if (s.duplicates.length > 0)
    parts.push(plural(s.duplicates.length, 'duplicate skipped', 'duplicates skipped'));
  if (s.failures.length > 0) parts.push(plural(s.failures.length, 'file failed', 'files failed'));
  if (s.skipped.length > 0) {
    parts.push(`${plural(s.skipped.length, 'other file', 'other files')} skipped (not photos)`);
  }
  return parts.join(', ');
}
