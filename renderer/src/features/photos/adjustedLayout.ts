import { type Adjustment, adjustedAspect, type Size, uprightSize } from '@contract';
import type { CSSProperties } from 'react';

/** How the adjusted photo sits in its box: whole and letterboxed, or filling it and clipped. */
export type Fit = 'contain' | 'cover';

export interface AdjustedLayout {
  /** Width over height of the photo as shown (rotated, then cropped). */
  aspect: number;
  /**
   * The visible window, to place in a box with `container-type: size` (its size is worked out from the
   * box's, so it needs no measuring): centred, contained in the box or covering it, clipping the rest.
   */
  frame: CSSProperties;
  /** The untransformed <img>, placed in the frame and turned so that exactly the crop fills the frame. */
  image: CSSProperties;
}

const NO_CROP = { x: 0, y: 0, width: 1, height: 1 };
const pct = (n: number) => `${Number(n.toFixed(4))}%`;

/**
 * The CSS that shows a photo (an upright rendition of `size`, the stored display size) with its rotation and
 * crop, without touching the image: the renderer's counterpart of core's adjustedImage, from the same
 * contract maths.
 *
 * Geometry, in percentages of the frame (which has the cropped aspect): the whole rotated image spans
 * 1/width × 1/height of the frame, shifted left and up by the crop's offset, so its centre sits at
 * ((0.5 − x) / width, (0.5 − y) / height). The <img> is drawn unrotated around that same centre (its own
 * width and height, swapped back for a quarter turn) and turned about its centre by the rotation.
 */
export function adjustedLayout(size: Size, adjustment: Adjustment, fit: Fit): AdjustedLayout {
  const aspect = adjustedAspect(size, adjustment);
  const upright = uprightSize(size, adjustment.rotation);
  const crop = adjustment.crop ?? NO_CROP;
  const centreX = ((0.5 - crop.x) / crop.width) * 100;
  const centreY = ((0.5 - crop.y) / crop.height) * 100;
  const imageWidth = (size.width / (crop.width * upright.width)) * 100;
  const imageHeight = (size.height / (crop.height * upright.height)) * 100;
  const pick = fit === 'contain' ? 'min' : 'max';
  return {
    aspect,
    frame: {
      position: 'absolute',
      top: '50%',
      left: '50%',
      display: 'block',
      width: `${pick}(100cqw, ${Number((100 * aspect).toFixed(4))}cqh)`,
      height: `${pick}(100cqh, ${Number((100 / aspect).toFixed(4))}cqw)`,
      transform: 'translate(-50%, -50%)',
      overflow: 'hidden',
    },
    image: {
      position: 'absolute',
      display: 'block',
      left: pct(centreX - imageWidth / 2),
      top: pct(centreY - imageHeight / 2),
      width: pct(imageWidth),
      height: pct(imageHeight),
      maxWidth: 'none',
      maxHeight: 'none',
      transform: adjustment.rotation ? `rotate(${adjustment.rotation}deg)` : undefined,
      userSelect: 'none',
      pointerEvents: 'none',
    },
  };
}
