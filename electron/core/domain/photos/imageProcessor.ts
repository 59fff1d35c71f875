import { Piscina } from 'piscina';
import { ImageRejected, type ProcessedImage, processImage } from './imagePipeline';
import type { WorkerResult } from './photoWorker';

/** Turns the bytes of one file into a stored-ready image (hash, size, thumbnails), or rejects it. */
export type ImageProcessor = (bytes: Buffer) => Promise<ProcessedImage>;

/** In-process: for tests and tools. sharp still works on libuv's threads; HEIC decoding does not. */
export const inProcessImageProcessor: ImageProcessor = (bytes) => processImage(bytes);

/**
 * A pool of worker threads running photoWorker (built to its own file next to main's bundle), so HEIC
 * decoding and hashing never block the main process. Rejections keep their reason across the thread.
 */
export function createWorkerImageProcessor(
  workerFile: string,
  threads = 2,
): ImageProcessor & { close(): Promise<void> } {
  const pool = new Piscina({ filename: workerFile, minThreads: 0, maxThreads: threads, idleTimeout: 30_000 });
  const run = (async (bytes: Buffer) => {
    const result = (await pool.run({ bytes: new Uint8Array(bytes) })) as WorkerResult;
    if (!result.ok) throw new ImageRejected(result.reason, result.message);
    const image = result.image;
    // Buffers arrive as plain Uint8Arrays after the structured clone.
    return { ...image, thumb: Buffer.from(image.thumb), preview: Buffer.from(image.preview) };
  }) as ImageProcessor & { close(): Promise<void> };
  run.close = () => pool.destroy();
  return run;
}
