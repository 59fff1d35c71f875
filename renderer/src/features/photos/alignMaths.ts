import { type CropRect, clampCrop, MIN_CROP, type Size } from '@contract';

/**
 * Aligning a later photo to an earlier one, as pan and zoom: the earlier photo fixes a frame on screen, and
 * the later photo (turned upright) is content that pans and zooms under it. Whatever of the later photo is
 * inside the frame is its crop, so the state is kept as that crop and the transform is derived from it.
 */

export interface Transform {
  scale: number;
  positionX: number;
  positionY: number;
}

/** The later photo's size at scale 1: just covering the frame, so the frame never shows past its edges. */
export function coverSize(frame: Size, upright: Size): Size {
  const k = Math.max(frame.width / upright.width, frame.height / upright.height);
  return { width: upright.width * k, height: upright.height * k };
}

/** The crop that a pan/zoom transform of `content` (at scale 1) shows in `frame`. */
export function cropFromTransform(t: Transform, frame: Size, content: Size): CropRect {
  const width = content.width * t.scale;
  const height = content.height * t.scale;
  return clampCrop({
    x: -t.positionX / width,
    y: -t.positionY / height,
    width: frame.width / width,
    height: frame.height / height,
  });
}

/** The transform that shows `crop` of `content` in `frame` (the inverse of cropFromTransform). */
export function transformFromCrop(crop: CropRect, frame: Size, content: Size): Transform {
  const scale = frame.width / (content.width * crop.width);
  return {
    scale,
    positionX: -crop.x * content.width * scale,
    positionY: -crop.y * content.height * scale,
  };
}

/** The crop moved by (dx, dy) fractions of the photo, stopping at its edges. */
export function nudgeCrop(crop: CropRect, dx: number, dy: number): CropRect {
  return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy });
}

/**
 * The crop zoomed by `factor` (above 1: closer) about its centre, keeping its shape: no larger than the
 * photo and no smaller than the minimum crop.
 */
export function scaleCrop(crop: CropRect, factor: number): CropRect {
  let width = crop.width / factor;
  let height = crop.height / factor;
  const shrink = Math.min(1, 1 / width, 1 / height);
  width *= shrink;
  height *= shrink;
  const grow = Math.max(1, MIN_CROP / width, MIN_CROP / height);
  width *= grow;
  height *= grow;
  const centreX = crop.x + crop.width / 2;
  const centreY = crop.y + crop.height / 2;
  return clampCrop({ x: centreX - width / 2, y: centreY - height / 2, width, height });
}
