import sharp from 'sharp';
import { sniff } from '../photos/formats';

/**
 * Checks that a drawn signature is a real PNG with something drawn on it. A signature pad gives a PNG of
 * dark strokes on a transparent (or white) canvas; anything else is refused with a reason the
 * practitioner can act on ("ask the client to sign again").
 */

export const SIGNATURE_MIN_WIDTH = 100;
export const SIGNATURE_MIN_HEIGHT = 40;
export const SIGNATURE_MAX_WIDTH = 4000;
export const SIGNATURE_MAX_HEIGHT = 2000;
/** Fewer dark pixels than this is a tap or a speck, not a signature. */
const MIN_INK_PIXELS = 40;
/** More than this share of dark pixels is a filled rectangle or a photo, not a signature. */
const MAX_INK_SHARE = 0.6;
/** A pixel is ink when, flattened onto white, its grey level is below this (0 black, 255 white). */
const INK_LEVEL = 160;

/** Why the image cannot be used, or null when it is a usable signature. */
export async function signatureProblem(bytes: Uint8Array, signer: string): Promise<string | null> {
  const again = `ask ${signer} to sign again`;
  const sniffed = sniff(bytes);
  if (sniffed.kind !== 'image' || sniffed.format !== 'png') {
    return `The signature is not a PNG image; ${again}`;
  }
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width: number;
  let height: number;
  try {
    const meta = await sharp(input, {
      limitInputPixels: SIGNATURE_MAX_WIDTH * SIGNATURE_MAX_HEIGHT,
    }).metadata();
    if (meta.format !== 'png') return `The signature is not a PNG image; ${again}`;
    width = meta.width;
    height = meta.height;
  } catch {
    return `The signature image is damaged; ${again}`;
  }
  if (width < SIGNATURE_MIN_WIDTH || height < SIGNATURE_MIN_HEIGHT) {
    return `The signature image is too small (${width}×${height} px; at least ${SIGNATURE_MIN_WIDTH}×${SIGNATURE_MIN_HEIGHT})`;
  }
  if (width > SIGNATURE_MAX_WIDTH || height > SIGNATURE_MAX_HEIGHT) {
    return `The signature image is too large (${width}×${height} px; at most ${SIGNATURE_MAX_WIDTH}×${SIGNATURE_MAX_HEIGHT})`;
  }
  let grey: Buffer;
  try {
    // Transparent canvas areas become white, so only strokes count as ink, whatever the pad's background.
    grey = await sharp(input, { failOn: 'error' })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer();
  } catch {
    return `The signature image is damaged; ${again}`;
  }
  let ink = 0;
  for (const level of grey) if (level < INK_LEVEL) ink++;
  if (ink < MIN_INK_PIXELS) return `The signature is blank; ${again}`;
  if (ink / grey.length > MAX_INK_SHARE) {
    return `The signature image is mostly filled in, not a signature; ${again}`;
  }
  return null;
}
