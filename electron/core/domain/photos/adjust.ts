import sharp, { type Sharp } from 'sharp';
import { type Adjustment, cropPixels, isAdjusted, uprightSize } from '../../contract';

/**
 * A sharp pipeline for an upright rendition (the preview or thumbnail: EXIF orientation already applied,
 * no orientation tag left) with the photo's stored rotation and crop applied, ready for further steps
 * (resize, encode). The renderer shows the same thing with CSS (adjustedLayout); both take the geometry
 * from the contract's photoAdjustments, so the screen and an export agree.
 */
export async function adjustedImage(upright: Buffer, adjustment: Adjustment): Promise<Sharp> {
  if (!isAdjusted(adjustment)) return sharp(upright);
  const { width, height } = await sharp(upright).metadata();
  // Rotate first, then extract: sharp runs a rotation called before extract() ahead of the extraction.
  const image = sharp(upright).rotate(adjustment.rotation);
  if (!adjustment.crop) return image;
  return image.extract(cropPixels(adjustment.crop, uprightSize({ width, height }, adjustment.rotation)));
}
