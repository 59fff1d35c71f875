import { isMarkedAsUntransferable } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ImageRejected, type ProcessedImage, processImage } from './imagePipeline';
import type { WorkerResult } from './photoWorker';

/** A processed file: the image, and the original bytes it came from (the same memory, never re-encoded). */
export type ProcessedFile = ProcessedImage & { original: Buffer };

/**
 * Turns the bytes of one file into a stored-ready image (hash, size, thumbnails), or rejects it. The
 * processor takes the bytes: a worker pool moves their memory to the worker and back instead of copying a
 * camera file twice, so afterwards the caller reads them from `original` (the Buffer passed in may be
 * empty).
 */
export type ImageProcessor = (bytes: Buffer) => Promise<ProcessedFile>;

/** In-process: for tests and tools. sharp still works on libuv's threads; HEIC decoding does not. */
export const inProcessImageProcessor: ImageProcessor = async (bytes) => ({
  ...(await processImage(bytes)),
  original: bytes,
});

/**
 * The bytes' memory as one ArrayBuffer that can be moved to another thread: their own when they fill it
 * (a file read from disk or received over IPC), else a copy (a slice of Node's shared pool for small
 * Buffers, or a SharedArrayBuffer), which is what cloning would have cost anyway.
 */
function movableCopyOf(bytes: Buffer): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (
    buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === buffer.byteLength &&
    !isMarkedAsUntransferable(buffer)
  ) {
    return new Uint8Array(buffer);
  }
  return new Uint8Array(bytes);
}

const asBuffer = (view: Uint8Array) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

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
    const moving = movableCopyOf(bytes);
    const result = (await pool.run({ bytes: moving }, { transferList: [moving.buffer] })) as WorkerResult;
    if (!result.ok) throw new ImageRejected(result.reason, result.message);
    // Plain Uint8Arrays after the trip: wrapped as Buffers over the same memory, not copied.
    const { image, original } = result;
    return {
      ...image,
      thumb: asBuffer(image.thumb),
      preview: asBuffer(image.preview),
      original: asBuffer(original),
    };
  }) as ImageProcessor & { close(): Promise<void> };
  run.close = () => pool.destroy();
  return run;
}
