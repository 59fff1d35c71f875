import { describe, expect, it } from 'vitest';
import {
  type Adjustment,
  adjustedAspect,
  type CropRect,
  clampCrop,
  coverCrop,
  cropPixels,
  PhotoUpdateInput,
  ROTATIONS,
  rotateCrop,
  turn,
} from '../../electron/core/contract';
import { adjustedLayout } from '../../renderer/src/features/photos/adjustedLayout';
import {
  cropFromTransform,
  nudgeCrop,
  scaleCrop,
  transformFromCrop,
} from '../../renderer/src/features/photos/alignMaths';

const SIZE = { width: 1200, height: 800 };
const CROPS: (CropRect | null)[] = [
  null,
  { x: 0, y: 0, width: 0.5, height: 0.5 },
  { x: 0.1, y: 0.3, width: 0.6, height: 0.25 },
];

describe('adjustment maths (contract)', () => {
  it('turns a crop with the picture: four quarter turns come back, one turn moves the top-left corner right', () => {
    const crop = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    expect(rotateCrop(crop, 1)).toEqual({ x: 0.4, y: 0.1, width: 0.4, height: 0.3 });
    expect(rotateCrop(crop, 4)).toEqual(crop);
    expect(rotateCrop(rotateCrop(crop, 1), -1)).toEqual(crop);
    expect(rotateCrop(crop, 2)).toEqual({ x: 0.6, y: 0.4, width: 0.3, height: 0.4 });
    expect(turn(270, 1)).toBe(0);
    expect(turn(0, -1)).toBe(270);
  });

  it('gives the shown aspect after rotation and crop, and the largest centred crop of an aspect', () => {
    expect(adjustedAspect(SIZE, { rotation: 0, crop: null })).toBeCloseTo(1.5);
    expect(adjustedAspect(SIZE, { rotation: 90, crop: null })).toBeCloseTo(800 / 1200);
    expect(adjustedAspect(SIZE, { rotation: 0, crop: { x: 0, y: 0, width: 0.5, height: 1 } })).toBeCloseTo(
      0.75,
    );
    expect(coverCrop(SIZE, 1)).toEqual({ x: 0.166667, y: 0, width: 0.666667, height: 1 });
    expect(coverCrop(SIZE, 1.5)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    expect(coverCrop(SIZE, 3)).toEqual({ x: 0, y: 0.25, width: 1, height: 0.5 });
  });

  it('rounds a crop to whole pixels inside the image', () => {
    expect(cropPixels({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 }, SIZE)).toEqual({
      left: 600,
      top: 400,
      width: 600,
      height: 400,
    });
    expect(cropPixels({ x: 0.9999, y: 0, width: 0.05, height: 1 }, { width: 10, height: 10 })).toEqual({
      left: 9,
      top: 0,
      width: 1,
      height: 10,
    });
    expect(clampCrop({ x: 0.98, y: -0.1, width: 0.01, height: 2 })).toEqual({
      x: 0.95,
      y: 0,
      width: 0.05,
      height: 1,
    });
  });

  it('validates a crop in an update: tolerates rounding at the edge, refuses the rest', () => {
    const parse = (crop: unknown) =>
      PhotoUpdateInput.safeParse({ ids: [crypto.randomUUID()], patch: { crop } });
    const ok = parse({ x: 0.5, y: 0.5, width: 0.5000000001, height: 0.5 });
    expect(ok.success && ok.data.patch.crop).toEqual({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 });
    expect(parse(null).success).toBe(true);
    expect(parse({ x: 0.5, y: 0.5, width: 0.6, height: 0.5 }).success).toBe(false);
    expect(parse({ x: 0, y: 0, width: 0.01, height: 1 }).success).toBe(false);
    expect(parse({ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 1 }).success).toBe(false);
  });
});

describe('adjustedLayout (the renderer CSS)', () => {
  const num = (v: unknown) => Number.parseFloat(String(v));

  it.each(ROTATIONS.flatMap((rotation) => CROPS.map((crop) => ({ rotation, crop }) as Adjustment)))(
    'puts exactly the crop in the frame (rotation $rotation, crop $crop)',
    (adjustment) => {
      const { aspect, image } = adjustedLayout(SIZE, adjustment, 'contain');
      expect(aspect).toBeCloseTo(adjustedAspect(SIZE, adjustment), 6);
      // A frame 100 px high; the <img> box in pixels, before its rotation.
      const frame = { width: 100 * aspect, height: 100 };
      const box = {
        left: (num(image.left) / 100) * frame.width,
        top: (num(image.top) / 100) * frame.height,
        width: (num(image.width) / 100) * frame.width,
        height: (num(image.height) / 100) * frame.height,
      };
      // The picture is not distorted.
      expect(box.width / box.height).toBeCloseTo(SIZE.width / SIZE.height, 3);
      // Turned about its centre, the box's bounds are the whole rotated image, placed so the crop fills the frame.
      const quarter = adjustment.rotation % 180 !== 0;
      const turned = {
        width: quarter ? box.height : box.width,
        height: quarter ? box.width : box.height,
      };
      const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      const crop = adjustment.crop ?? { x: 0, y: 0, width: 1, height: 1 };
      expect(centre.x - turned.width / 2).toBeCloseTo((-crop.x / crop.width) * frame.width, 2);
      expect(centre.y - turned.height / 2).toBeCloseTo((-crop.y / crop.height) * frame.height, 2);
      expect(turned.width).toBeCloseTo(frame.width / crop.width, 2);
      expect(turned.height).toBeCloseTo(frame.height / crop.height, 2);
      expect(image.transform).toBe(adjustment.rotation ? `rotate(${adjustment.rotation}deg)` : undefined);
    },
  );

  it('contains or covers the box by the container query units', () => {
    const contain = adjustedLayout(SIZE, { rotation: 0, crop: null }, 'contain').frame;
    const cover = adjustedLayout(SIZE, { rotation: 0, crop: null }, 'cover').frame;
    expect(contain.width).toBe('min(100cqw, 150cqh)');
    expect(contain.height).toBe('min(100cqh, 66.6667cqw)');
    expect(cover.width).toBe('max(100cqw, 150cqh)');
  });
});

describe('aligning (crop ⇄ pan and zoom)', () => {
  const frame = { width: 600, height: 400 };
  const content = { width: 600, height: 900 }; // a portrait photo covering a landscape frame

  it('turns a transform into a crop and back', () => {
    const crop = { x: 0.2, y: 0.3, width: 0.5, height: 0.222222 };
    const transform = transformFromCrop(crop, frame, content);
    expect(transform.scale).toBeCloseTo(2);
    const back = cropFromTransform(transform, frame, content);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(back[key]).toBeCloseTo(crop[key], 5);
  });

  it('keeps the crop inside the photo when nudged or scaled, and its shape when scaled', () => {
    const crop = { x: 0.1, y: 0.1, width: 0.5, height: 0.2 };
    expect(nudgeCrop(crop, -1, 0)).toMatchObject({ x: 0, y: 0.1 });
    expect(nudgeCrop(crop, 0.05, 0.05)).toMatchObject({ x: 0.15, y: 0.15 });
    const smaller = scaleCrop(crop, 2);
    expect(smaller).toMatchObject({ width: 0.25, height: 0.1 });
    expect(smaller.x + smaller.width / 2).toBeCloseTo(0.35);
    // Zooming out past the whole photo stops at the largest crop of the same shape.
    const out = scaleCrop(crop, 0.1);
    expect(out.width / out.height).toBeCloseTo(crop.width / crop.height);
    expect(Math.max(out.width, out.height)).toBeCloseTo(1);
    expect(out.x).toBeGreaterThanOrEqual(0);
    // And zooming in stops at the smallest crop allowed.
    expect(Math.min(...Object.values(scaleCrop(crop, 100)).slice(2))).toBeCloseTo(0.05);
  });
});
