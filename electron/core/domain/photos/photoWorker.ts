import { ImageRejected, type ProcessedImage, processImage } from './imagePipeline';

export type WorkerResult =
  | { ok: true; image: ProcessedImage }
  | { ok: false; reason: ImageRejected['reason']; message: string };

/**
 * Worker-thread entry: decoding (libheif runs in JavaScript/wasm), resizing and hashing happen here so the
 * main process stays responsive during a big import. A rejection is returned as data, since an error's own
 * fields do not survive the trip between threads.
 */
export default async function processInWorker(input: {
  bytes: Uint8Array;
  maxPixels?: number;
}): Promise<WorkerResult> {
  try {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    return { ok: true, image: await processImage(bytes, { maxPixels: input.maxPixels }) };
  } catch (error) {
    if (error instanceof ImageRejected) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}
