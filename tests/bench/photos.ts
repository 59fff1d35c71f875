/**
 * Photos at clinic scale:
 *
 *   1. generate 200 camera-size JPEGs (4000x3000, quality 90, photo-like gradient + noise, EXIF
 *      DateTimeOriginal) once, into a temp directory;
 *   2. import them all through the real import service (core.dispatch('photos.import')) with the worker
 *      pool the app uses (2 threads), 2 files at a time, each read from disk as the app does;
 *   3. make the same outputs from the same files with a bare sharp loop, 2 at a time, for comparison;
 *   4. photos.list for a client with 5,000 photos: the first page (what the Photos tab shows at once) and
 *      walking every page from the first to the last (what it loads behind it).
 *
 * Files and databases live under the caller's temp root; the generated JPEGs are deleted at the end.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { type Core, createCore } from '../../electron/core/app/core';
import { PHOTO_PAGE_DEFAULT, type Photo } from '../../electron/core/contract';
import { createWorkerImageProcessor } from '../../electron/core/domain/photos/imageProcessor';
import { call } from '../support/call';
import { seedPhotos } from '../support/photoSeed';
import { ms, type Summary, summarize, timeAsync } from './stats';

export const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 200);
export const TIMELINE_PHOTOS = 5_000;
const WIDTH = 4000;
const HEIGHT = 3000;
const CONCURRENCY = 2;
const THREADS = 2;
const ITERATIONS = 300;
const WARMUP = 20;
/** Walks through all 5,000 photos, page by page. */
const WALKS = 30;
const WARMUP_WALKS = 2;
/** Distinct full-size encodes; every file still gets its own EXIF block, so all bytes differ. */
const BASES = 8;
const WORKER_FILE = resolve(__dirname, '../support/photoWorker.mjs');

export interface PhotoBench {
  files: number;
  generateMs: number;
  averageBytes: number;
  minBytes: number;
  maxBytes: number;
  importMs: number;
  importPeakRss: number;
  rssBefore: number;
  bareMs: number;
  barePeakRss: number;
  /** photos.list, first page (the default 500). */
  timeline: Summary;
  /** Every page from the first to the last, in total. */
  walk: Summary;
  pages: number;
  listed: number;
}

// ------------------------------------------------------------------------------------------------------
// Generation

/** Deterministic xorshift32. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** Raw RGB: a smooth two-axis gradient with soft blobs and moderate per-pixel noise (like sensor noise). */
function basePixels(width: number, height: number, seed: number): Buffer {
  const data = Buffer.allocUnsafe(width * height * 3);
  const next = rng(seed * 2654435761);
  const cx = (seed * 997) % width;
  const cy = (seed * 613) % height;
  const radius = (width * height) / 6;
  let i = 0;
  for (let y = 0; y < height; y++) {
    const fy = y / height;
    const dy = (y - cy) * (y - cy);
    for (let x = 0; x < width; x++) {
      const fx = x / width;
      const blob = 60 * Math.exp(-((x - cx) * (x - cx) + dy) / radius);
      const n = next();
      // One shared and three per-channel noise samples from one random word: about ±12 levels shared,
      // ±8 per channel, like the luminance and chroma noise of a camera sensor at moderate ISO.
      const common = ((n & 0xff) - 128) / 10.5;
      data[i++] = clamp(150 + 70 * fx - 30 * fy + blob + common + (((n >>> 8) & 0x1f) - 16) / 2);
      data[i++] = clamp(110 + 40 * fy + 20 * fx + blob * 0.7 + common + (((n >>> 13) & 0x1f) - 16) / 2);
      data[i++] = clamp(90 + 50 * (1 - fx) * fy + blob * 0.5 + common + (((n >>> 18) & 0x1f) - 16) / 2);
    }
  }
  return data;
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v | 0;
}

/** The EXIF APP1 segment sharp writes for this date, cut out of a tiny JPEG. */
async function exifSegment(dateTimeOriginal: string): Promise<Buffer> {
  const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Dermachart Bench', Model: 'Camera 12MP' },
      IFD2: { DateTimeOriginal: dateTimeOriginal },
    })
    .toBuffer();
  let at = 2;
  while (at + 4 <= tiny.length && tiny[at] === 0xff) {
    const marker = tiny[at + 1]!;
    const length = tiny.readUInt16BE(at + 2);
    if (marker === 0xe1 && tiny.subarray(at + 4, at + 10).toString('latin1') === 'Exif\0\0') {
      return tiny.subarray(at, at + 2 + length);
    }
    at += 2 + length;
  }
  throw new Error('sharp wrote no EXIF segment');
}

/** Inserts an APP1 segment right after SOI; the entropy-coded data is unchanged. */
function withSegment(jpeg: Buffer, segment: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

async function generate(dir: string, count: number): Promise<{ files: string[]; sizes: number[] }> {
  // Two raw sources a little larger than the output, cropped at different offsets and tinted differently.
  const margin = 120;
  const rawWidth = WIDTH + margin;
  const rawHeight = HEIGHT + margin;
  const sources = [basePixels(rawWidth, rawHeight, 1), basePixels(rawWidth, rawHeight, 2)];
  const bases: Buffer[] = new Array(BASES);
  await pool(BASES, CONCURRENCY, async (b) => {
    const offset = (b * 37) % margin;
    const tint = 0.9 + (b % 4) * 0.05;
    bases[b] = await sharp(sources[b % 2]!, { raw: { width: rawWidth, height: rawHeight, channels: 3 } })
      .extract({ left: offset, top: margin - offset, width: WIDTH, height: HEIGHT })
      .linear([tint, 1, 2 - tint], [0, (b % 3) * 4, 0])
      .jpeg({ quality: 90 })
      .toBuffer();
  });
  const files: string[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const taken = new Date(Date.UTC(2024, 0, 1, 9, 0, 0) + i * 86_400_000 + i * 61_000);
    const stamp = taken.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');
    const bytes = withSegment(bases[i % BASES]!, await exifSegment(stamp));
    const file = join(dir, `IMG_${String(i + 1).padStart(4, '0')}.jpg`);
    await writeFile(file, bytes);
    files.push(file);
    sizes.push(bytes.length);
  }
  return { files, sizes };
}

// ------------------------------------------------------------------------------------------------------
// Helpers

/** Runs task(0..count-1) with at most `limit` in flight. */
async function pool(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, runner));
}

/** Samples the process RSS (main thread + worker threads + native memory) every 50 ms. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

// ------------------------------------------------------------------------------------------------------
// The benchmark

async function benchImport(
  root: string,
  files: string[],
): Promise<{ ms: number; peakRss: number; before: number }> {
  const processor = createWorkerImageProcessor(WORKER_FILE, THREADS);
  const core = createCore({ dataDir: mkdtempSync(join(root, 'photos-import-')), imageProcessor: processor });
  try {
    // Warm-up: start both worker threads (loading tsx, sharp) with a small image in a throwaway client.
    const warmClient = await call(core, 'clients.create', { firstName: 'Warm', lastName: 'Up' });
    await pool(CONCURRENCY, CONCURRENCY, async (i) => {
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: `#${i}${i}8` } })
        .jpeg()
        .toBuffer();
      await call(core, 'photos.import', { clientId: warmClient.id, bytes, fileName: `warm-${i}.jpg` });
    });

    const client = await call(core, 'clients.create', { firstName: 'Import', lastName: 'Bench' });
    const before = process.memoryUsage().rss;
    const sampler = rssSampler();
    const started = performance.now();
    await pool(files.length, CONCURRENCY, async (i) => {
      const file = files[i]!;
      const bytes = await readFile(file);
      const result = await call(core, 'photos.import', {
        clientId: client.id,
        bytes,
        fileName: file.slice(file.lastIndexOf('/') + 1),
      });
      if (result.duplicate) throw new Error(`${file} was taken for a duplicate`);
    });
    const elapsed = performance.now() - started;
    const peakRss = sampler.stop();
    const stored = (await allPages(core, client.id)).photos;
    if (stored.length !== files.length) throw new Error(`imported ${stored.length} of ${files.length}`);
    if (!stored.every((p) => p.takenAt !== null && p.width === WIDTH && p.height === HEIGHT)) {
      throw new Error('an imported photo lost its size or capture date');
    }
    return { ms: elapsed, peakRss, before };
  } finally {
    core.close();
    await processor.close();
  }
}

async function benchBare(files: string[]): Promise<{ ms: number; peakRss: number }> {
  const sampler = rssSampler();
  const started = performance.now();
  await pool(files.length, CONCURRENCY, async (i) => {
    const file = files[i]!;
    const bytes = await readFile(file);
    createHash('sha256').update(bytes).digest('hex');
    const preview = await sharp(file)
      .rotate()
      .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
    await sharp(preview)
      .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
  });
  const elapsed = performance.now() - started;
  return { ms: elapsed, peakRss: sampler.stop() };
}

/** The whole timeline as the Photos tab loads it: page after page until a short one. */
async function allPages(core: Core, clientId: string): Promise<{ pages: number; photos: Photo[] }> {
  const photos: Photo[] = [];
  let pages = 0;
  for (;;) {
    const afterId = photos.length > 0 ? photos[photos.length - 1]!.id : null;
    const page = await call(core, 'photos.list', { clientId, afterId });
    pages += 1;
    photos.push(...page);
    if (page.length < PHOTO_PAGE_DEFAULT) return { pages, photos };
  }
}

/** Times the timeline as the Photos tab reads it: the first page, and every page from first to last. */
async function benchTimeline(
  root: string,
): Promise<{ firstPage: Summary; walk: Summary; pages: number; listed: number }> {
  const core = createCore({ dataDir: mkdtempSync(join(root, 'photos-timeline-')) });
  try {
    const client = await call(core, 'clients.create', { firstName: 'Timeline', lastName: 'Bench' });
    // A few real imports, the rest as rows in one transaction (tests/support/photoSeed.ts).
    await seedPhotos(core, client.id, { count: TIMELINE_PHOTOS, imported: 5 });

    const firstPage: number[] = [];
    for (let i = 0; i < ITERATIONS + WARMUP; i++) {
      const page = await timeAsync(() => call(core, 'photos.list', { clientId: client.id }));
      if (page.value.length !== PHOTO_PAGE_DEFAULT)
        throw new Error(`first page: ${page.value.length} photos`);
      if (i >= WARMUP) firstPage.push(page.ms);
    }
    const walks: number[] = [];
    let walked = { pages: 0, photos: [] as Photo[] };
    for (let i = 0; i < WALKS + WARMUP_WALKS; i++) {
      const { ms: elapsed, value } = await timeAsync(() => allPages(core, client.id));
      walked = value;
      if (i >= WARMUP_WALKS) walks.push(elapsed);
    }
    const { pages } = walked;
    const listed = walked.photos.length;
    if (listed !== TIMELINE_PHOTOS) throw new Error(`photos.list pages held ${listed} of ${TIMELINE_PHOTOS}`);
    return { firstPage: summarize(firstPage), walk: summarize(walks), pages, listed };
  } finally {
    core.close();
  }
}

export async function benchPhotos(root: string, log: (text: string) => void): Promise<PhotoBench> {
  const dir = mkdtempSync(join(root, 'photo-files-'));
  try {
    log(`  photos: generating ${PHOTOS} JPEGs of ${WIDTH}x${HEIGHT} ...`);
    const gen = await timeAsync(() => generate(dir, PHOTOS));
    const { files, sizes } = gen.value;
    for (const file of files.slice(0, 1)) await stat(file); // the files exist before timing starts

    log(`  photos: importing ${files.length} through photos.import (${THREADS} worker threads) ...`);
    const imported = await benchImport(root, files);
    log('  photos: bare sharp loop over the same files ...');
    const bare = await benchBare(files);
    log(`  photos: photos.list for a client with ${TIMELINE_PHOTOS.toLocaleString('en-GB')} photos ...`);
    const timeline = await benchTimeline(root);

    return {
      files: files.length,
      generateMs: gen.ms,
      averageBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length,
      minBytes: Math.min(...sizes),
      maxBytes: Math.max(...sizes),
      importMs: imported.ms,
      importPeakRss: imported.peakRss,
      rssBefore: imported.before,
      bareMs: bare.ms,
      barePeakRss: bare.peakRss,
      timeline: timeline.firstPage,
      walk: timeline.walk,
      pages: timeline.pages,
      listed: timeline.listed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PHOTO_HEADERS = ['Step', 'Data', 'Seconds', 'Photos/s or ms', 'Peak RSS MB', 'Target', 'Result'];

export function photoRows(b: PhotoBench, ratioTarget: number, listTargetMs: number): string[][] {
  const importRate = b.files / (b.importMs / 1000);
  const bareRate = b.files / (b.bareMs / 1000);
  const ratio = importRate / bareRate;
  const size = `${(b.averageBytes / 1024 / 1024).toFixed(1)} MB avg (${(b.minBytes / 1024 / 1024).toFixed(1)}-${(b.maxBytes / 1024 / 1024).toFixed(1)})`;
  return [
    [
      'Generate JPEGs (once)',
      `${b.files} x ${WIDTH}x${HEIGHT} q90, ${size}`,
      ms(b.generateMs / 1000, 1),
      '-',
      '-',
      '-',
      '-',
    ],
    [
      'photos.import via dispatch',
      `${b.files} files, ${THREADS} worker threads, ${CONCURRENCY} at a time`,
      ms(b.importMs / 1000, 1),
      `${ms(importRate)} photos/s`,
      `${mb(b.importPeakRss)} (from ${mb(b.rssBefore)})`,
      '-',
      '-',
    ],
    [
      'Bare sharp loop',
      `same files and outputs, ${CONCURRENCY} at a time`,
      ms(b.bareMs / 1000, 1),
      `${ms(bareRate)} photos/s`,
      mb(b.barePeakRss),
      '-',
      '-',
    ],
    [
      'Import / bare throughput',
      'photos/s ratio',
      '-',
      ms(ratio),
      '-',
      `>= ${ratioTarget}`,
      ratio >= ratioTarget ? 'PASS' : 'MISS',
    ],
    [
      'photos.list, first page',
      `${PHOTO_PAGE_DEFAULT} of ${b.listed.toLocaleString('en-GB')} photos, one client, n=${b.timeline.n}`,
      '-',
      `p50 ${ms(b.timeline.p50)} / p95 ${ms(b.timeline.p95)} / max ${ms(b.timeline.max)}`,
      '-',
      `p95 < ${listTargetMs} ms`,
      b.timeline.p95 < listTargetMs ? 'PASS' : 'MISS',
    ],
    [
      'photos.list, every page',
      `${b.listed.toLocaleString('en-GB')} photos in ${b.pages} pages, n=${b.walk.n}`,
      '-',
      `total p50 ${ms(b.walk.p50)} / p95 ${ms(b.walk.p95)}`,
      '-',
      '-',
      '-',
    ],
  ];
}
