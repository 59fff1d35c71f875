import sharp, { type OverlayOptions } from 'sharp';
import type { Adjustment } from '../../contract';
import { adjustedImage } from './adjust';

const HEIGHT = 1200;
const GUTTER = 24;
const BAND = 72;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/** A caption band with the label burned in, as an SVG that libvips renders. */
function band(width: number, label: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${BAND}">
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="${width / 2}" y="${BAND / 2 + 12}" text-anchor="middle" font-family="Inter, DejaVu Sans, sans-serif"
        font-size="34" font-weight="600" fill="#1f2933">${escapeXml(label)}</text>
    </svg>`,
  );
}

export interface ComparisonPane {
  /** An upright rendition (the preview). */
  image: Buffer;
  label: string;
  /** The photo's stored rotation and crop, applied here as on screen. */
  adjustment: Adjustment;
}

/**
 * Two photos side by side at the same height, each with its label burned in below, as one JPEG. sharp
 * writes no metadata unless asked, so no EXIF or location data from the originals survives.
 */
export async function renderComparison(earlier: ComparisonPane, later: ComparisonPane): Promise<Buffer> {
  const panes = await Promise.all(
    [earlier, later].map(async (pane) => {
      const { data, info } = await (await adjustedImage(pane.image, pane.adjustment))
        .resize({ height: HEIGHT, width: 1600, fit: 'inside' })
        .jpeg({ quality: 92 })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, label: pane.label };
    }),
  );
  const width = panes.reduce((sum, p) => sum + p.width, 0) + GUTTER * 3;
  const height = Math.max(...panes.map((p) => p.height)) + BAND + GUTTER * 2;
  let left = GUTTER;
  const layers: OverlayOptions[] = [];
  for (const pane of panes) {
    layers.push({ input: pane.data, left, top: GUTTER });
    layers.push({ input: band(pane.width, pane.label), left, top: GUTTER + pane.height });
    left += pane.width + GUTTER;
  }
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .jpeg({ quality: 90 })
    .toBuffer();
}
