import { move, transferableSymbol, valueSymbol } from 'piscina';
import { ImageRejected, type ProcessedImage, processImage } from './imagePipeline';

export type WorkerResult =
  | { ok: true; image: ProcessedImage; original: Uint8Array }
  | { ok: false; reason: ImageRejected['reason']; message: string };

/**
 * Worker-thread entry: decoding (libheif runs in JavaScript/wasm), resizing and hashing happen here so the
 * main process stays responsive during a big import. The original's memory arrives moved, not copied, and
 * is moved back with the result (the main thread stores it); sharp's outputs are small and cannot be moved
 * (their memory belongs to libvips), so they are copied. A rejection is returned as data, since an error's
 * own fields do not survive the trip between threads.
 */
export default async function processInWorker(input: {
  bytes: Uint8Array;
  maxPixels?: number;
}): Promise<WorkerResult | ReturnType<typeof move>> {
  try {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const image = await processImage(bytes, { maxPixels: input.maxPixels });
    const result: WorkerResult = { ok: true, image, original: input.bytes };
    return move({ [transferableSymbol]: [input.bytes.buffer], [valueSymbol]: result });
  } catch (error) {
    if (error instanceof ImageRejected) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}
