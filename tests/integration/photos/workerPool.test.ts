import { resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageRejected } from '../../../electron/core/domain/photos/imagePipeline';
import { createWorkerImageProcessor } from '../../../electron/core/domain/photos/imageProcessor';
import { call, callError, useCores } from '../../support/core';
import { cornerImage, heifEnc, heifEncPath, noise } from '../../support/images';
import { useTempDirs } from '../../support/temp';

const WORKER = resolve(__dirname, '../../support/photoWorker.mjs');
const pool = createWorkerImageProcessor(WORKER, 2);
afterAll(() => pool.close());

/** Longest gap between timer ticks on this thread while `work` runs: how long the thread was blocked. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

describe('photo decoding in worker threads', () => {
  const newCore = useCores();
  const tempDir = useTempDirs();

  it('imports through the pool exactly as in-process, and rejections keep their reason', async () => {
    const core = newCore({ imageProcessor: pool });
    const client = await call(core, 'clients.create', { firstName: 'Ana', lastName: 'Silva' });
    const bytes = await noise(1200, 900).jpeg().toBuffer();
    const { photo } = await call(core, 'photos.import', {
      clientId: client.id,
      bytes: new Uint8Array(bytes),
    });
    expect(photo).toMatchObject({ format: 'jpeg', width: 1200, height: 900 });
    await expect(pool(Buffer.from('not an image'))).rejects.toBeInstanceOf(ImageRejected);
    const error = await callError(core, 'photos.import', {
      clientId: client.id,
      bytes: new TextEncoder().encode('%PDF-1.7\n'),
      fileName: 'scan.pdf',
    });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^scan\.pdf: /) });
  });

  it('moves a whole file to the worker and back instead of copying it, and copies a shared slice', async () => {
    const file = await noise(900, 600).jpeg().toBuffer();
    const whole = Buffer.alloc(file.length);
    file.copy(whole);
    const expected = Buffer.from(file);
    const image = await pool(whole);
    // The caller's Buffer gave its memory away; the same bytes come back as the original.
    expect(whole.byteLength).toBe(0);
    expect(image.original.equals(expected)).toBe(true);
    expect(image).toMatchObject({ format: 'jpeg', width: 900, height: 600 });

    // A small Buffer lives in Node's shared pool beside other Buffers: it must be copied, not taken.
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const neighbour = Buffer.from('neighbour');
    const pooled = Buffer.from(tiny);
    expect(pooled.buffer).toBe(neighbour.buffer);
    const small = await pool(pooled);
    expect(pooled.equals(tiny)).toBe(true);
    expect(neighbour.toString()).toBe('neighbour');
    expect(small.original.equals(tiny)).toBe(true);
  });

  it.skipIf(!heifEncPath())(
    'keeps this thread responsive while a phone HEIC decodes (heif-enc needed)',
    async () => {
      const heic = heifEnc(tempDir(), await cornerImage(1600, 1200).png().toBuffer(), 'phone');
      const stall = await longestStall(() => pool(heic));
      const image = await pool(heic);
      expect(image).toMatchObject({ format: 'heic', width: 1600, height: 1200 });
      // Decoding a 2-megapixel HEIC takes about half a second; none of it may land on this thread.
      expect(stall).toBeLessThan(150);
    },
  );
});
