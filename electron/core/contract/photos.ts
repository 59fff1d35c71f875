import { z } from 'zod';
import { ClientId } from './clients';
import { CropRect, Rotation } from './photoAdjustments';

export * from './photoAdjustments';

export const PHASES = ['before', 'after', 'follow-up'] as const;
export type Phase = (typeof PHASES)[number];
export const POSES = [
  'front',
  'left-45',
  'right-45',
  'left-90',
  'right-90',
  'crown',
  'hairline',
  'body-area',
] as const;
export type Pose = (typeof POSES)[number];
export const CONSENT_SCOPES = ['clinical', 'training', 'marketing'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const PHOTO_VARIANTS = ['thumb', 'preview', 'original'] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export const POSE_LABELS: Record<Pose, string> = {
  front: 'Front',
  'left-45': 'Left 45°',
  'right-45': 'Right 45°',
  'left-90': 'Left 90°',
  'right-90': 'Right 90°',
  crown: 'Crown',
  hairline: 'Hairline',
  'body-area': 'Body area',
};

export const PHASE_LABELS: Record<Phase, string> = {
  before: 'Before',
  after: 'After',
  'follow-up': 'Follow-up',
};

const SCOPE_RANK: Record<ConsentScope, number> = { clinical: 0, training: 1, marketing: 2 };

/** What a photo's consent scope permits: marketing includes training, which includes the clinical record. */
export function scopeAllows(scope: ConsentScope, use: ConsentScope): boolean {
  return SCOPE_RANK[scope] >= SCOPE_RANK[use];
}

/** The largest file accepted for import (a 100-megapixel TIFF is about this size). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export const PhotoImportInput = z.object({
  clientId: ClientId,
  sessionId: z.uuid().nullable().default(null),
  fileName: z.string().trim().max(255).nullable().default(null),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'The file contents are missing' })
    .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { message: 'The file is larger than 200 MB' }),
  phase: z.enum(PHASES).nullable().default(null),
  pose: z.enum(POSES).nullable().default(null),
});
export type PhotoImportInput = z.input<typeof PhotoImportInput>;

/** The most photos one photos.list call returns, and how many it returns when not told. */
export const PHOTO_PAGE_MAX = 1000;
export const PHOTO_PAGE_DEFAULT = 500;

/**
 * One page of a client's timeline, newest first. Pages are keyed by the last photo of the previous page
 * (`afterId`), not by an offset, so each is read straight from the index; a page shorter than `limit` is
 * the last one.
 */
export const PhotoListInput = z.object({
  clientId: ClientId,
  phase: z.enum(PHASES).nullable().default(null),
  pose: z.enum(POSES).nullable().default(null),
  limit: z
    .number()
    .int('The page size must be a whole number')
    .min(1, 'The page size must be at least 1')
    .max(PHOTO_PAGE_MAX, `The page size can be at most ${PHOTO_PAGE_MAX}`)
    .default(PHOTO_PAGE_DEFAULT),
  afterId: z.uuid('The page cursor must be a photo id').nullable().default(null),
});

export const PhotoUpdateInput = z.object({
  ids: z.array(z.uuid()).min(1, 'Choose at least one photo').max(5000),
  patch: z
    .object({
      phase: z.enum(PHASES).nullable(),
      pose: z.enum(POSES).nullable(),
      sessionId: z.uuid().nullable(),
      notes: z.string().trim().max(2000).nullable(),
      rotation: Rotation,
      /** The crop, in fractions of the image after the rotation; null removes it. */
      crop: CropRect.nullable(),
    })
    .partial()
    .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change' }),
});

export const PhotoExportInput = z.object({
  earlierId: z.uuid(),
  laterId: z.uuid(),
  use: z.enum(CONSENT_SCOPES, { error: 'Choose what the comparison is for' }),
});

export interface PhotoExport {
  fileName: string;
  mime: 'image/jpeg';
  bytes: Uint8Array;
}

export interface Photo {
  id: string;
  clientId: string;
  sessionId: string | null;
  originalSha256: string;
  originalName: string | null;
  format: 'jpeg' | 'png' | 'webp' | 'tiff' | 'heic';
  mime: string;
  byteSize: number;
  width: number;
  height: number;
  takenAt: string | null;
  phase: Phase | null;
  pose: Pose | null;
  notes: string | null;
  consentScope: ConsentScope;
  /** Clockwise quarter turns applied on top of the EXIF orientation; never written into the image. */
  rotation: Rotation;
  /** Fractions (0..1) of the image after orientation and rotation; null shows the whole image. */
  crop: CropRect | null;
  createdAt: string;
}

export interface PhotoImportResult {
  photo: Photo;
  /** The same file was already in this client's photos: nothing new was stored. */
  duplicate: boolean;
}

/**
 * Where the renderer loads a photo from: a path on the app's own origin (app://dermachart in Electron),
 * answered by the media handler from the database. Never a file path.
 */
export const mediaUrl = (photoId: string, variant: PhotoVariant) => `/media/photo/${photoId}/${variant}`;
