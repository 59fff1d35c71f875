import { z } from 'zod';

/**
 * Non-destructive photo adjustments: a quarter-turn rotation and a crop, stored on the photo row as
 * metadata. The original bytes and the derived thumbnail/preview are never changed; every place that shows
 * or exports a photo applies these (the renderer as CSS, core with sharp), both through the maths below so
 * the screen and the exported JPEG cannot disagree.
 *
 * Order: EXIF orientation (already applied to the stored width/height and every derived image), then the
 * rotation, then the crop. The crop is in fractions (0..1) of that upright, rotated image, so it does not
 * depend on which rendition (thumb, preview, original) it is applied to.
 */

export const ROTATIONS = [0, 90, 180, 270] as const;
/** Clockwise degrees. */
export type Rotation = (typeof ROTATIONS)[number];
export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)], {
  error: 'The rotation must be 0, 90, 180 or 270 degrees',
});

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Adjustment {
  rotation: Rotation;
  crop: CropRect | null;
}

export interface Size {
  width: number;
  height: number;
}

/** The smallest crop, as a fraction of the upright image's width and of its height. */
export const MIN_CROP = 0.05;
/** Slack for floating-point sums such as x + width computed on screen; larger overshoots are refused. */
const EDGE_TOLERANCE = 1e-6;

const fraction = z.number({ error: 'The crop must be given as numbers' }).refine(Number.isFinite, {
  message: 'The crop must be given as numbers',
});

export const CropRect = z
  .object({ x: fraction, y: fraction, width: fraction, height: fraction })
  .refine(
    (c) =>
      c.x >= -EDGE_TOLERANCE &&
      c.y >= -EDGE_TOLERANCE &&
      c.x + c.width <= 1 + EDGE_TOLERANCE &&
      c.y + c.height <= 1 + EDGE_TOLERANCE,
    { message: 'The crop must lie inside the photo' },
  )
  .refine((c) => c.width >= MIN_CROP - EDGE_TOLERANCE && c.height >= MIN_CROP - EDGE_TOLERANCE, {
    message: `The crop must keep at least ${MIN_CROP * 100}% of the photo's width and height`,
  })
  // Stored tidy: the tolerated overshoot is clamped away and the fractions rounded to a millionth (far
  // below a pixel of any camera image).
  .transform((c) => clampCrop(c));

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** The crop pulled inside the image and up to the minimum size, keeping its size where it can. */
export function clampCrop(c: CropRect): CropRect {
  const width = clamp(c.width, MIN_CROP, 1);
  const height = clamp(c.height, MIN_CROP, 1);
  return {
    x: round6(clamp(c.x, 0, 1 - width)),
    y: round6(clamp(c.y, 0, 1 - height)),
    width: round6(width),
    height: round6(height),
  };
}

const isQuarter = (rotation: Rotation) => rotation === 90 || rotation === 270;

/** The image's size after the rotation: a quarter turn swaps width and height. */
export function uprightSize(size: Size, rotation: Rotation): Size {
  return isQuarter(rotation) ? { width: size.height, height: size.width } : size;
}

/** The rotation after `quarterTurns` more clockwise quarter turns (negative: anticlockwise). */
export function turn(rotation: Rotation, quarterTurns: number): Rotation {
  return ((((rotation + quarterTurns * 90) % 360) + 360) % 360) as Rotation;
}

/** The same region of the picture after the image turns by `quarterTurns` clockwise quarter turns. */
export function rotateCrop(crop: CropRect, quarterTurns: number): CropRect {
  let c = crop;
  for (let i = 0; i < ((quarterTurns % 4) + 4) % 4; i++) {
    // Turning clockwise, the left edge becomes the top and the bottom edge becomes the left.
    c = { x: 1 - c.y - c.height, y: c.x, width: c.height, height: c.width };
  }
  return { x: round6(c.x), y: round6(c.y), width: round6(c.width), height: round6(c.height) };
}

/** Width over height of the photo as shown: rotated, then cropped. */
export function adjustedAspect(size: Size, adjustment: Adjustment): number {
  const upright = uprightSize(size, adjustment.rotation);
  const crop = adjustment.crop ?? { x: 0, y: 0, width: 1, height: 1 };
  return (crop.width * upright.width) / (crop.height * upright.height);
}

/**
 * The largest crop of `upright` with the pixel aspect `aspect` (width over height), centred: the whole
 * image when the aspects match.
 */
export function coverCrop(upright: Size, aspect: number): CropRect {
  const imageAspect = upright.width / upright.height;
  const width = aspect < imageAspect ? aspect / imageAspect : 1;
  const height = aspect < imageAspect ? 1 : imageAspect / aspect;
  return clampCrop({ x: (1 - width) / 2, y: (1 - height) / 2, width, height });
}

/** The crop in whole pixels of an upright image of `size`, at least one pixel and never outside it. */
export function cropPixels(
  crop: CropRect,
  size: Size,
): { left: number; top: number; width: number; height: number } {
  const left = clamp(Math.round(crop.x * size.width), 0, size.width - 1);
  const top = clamp(Math.round(crop.y * size.height), 0, size.height - 1);
  return {
    left,
    top,
    width: clamp(Math.round(crop.width * size.width), 1, size.width - left),
    height: clamp(Math.round(crop.height * size.height), 1, size.height - top),
  };
}

export const isAdjusted = (a: Adjustment) => a.rotation !== 0 || a.crop !== null;
