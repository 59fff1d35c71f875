import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Core } from '../../electron/core/app/core';
import type { Phase, Pose } from '../../electron/core/contract';
import { call } from './call';

/**
 * Thousands of photos for one client in about a second, for the benchmark and the end-to-end tests: the
 * first few go through photos.import (the real pipeline, real blobs, real derived images), the rest are
 * written directly, rows in one transaction with the same columns the import service writes.
 *
 * Every seeded row has its own original in the media database (a small JPEG made unique by a comment
 * segment), so the media handler serves it like any imported photo. Their thumbnails and previews are
 * not stored: the media handler rebuilds a missing derived image from the original on first request, so
 * only the tiles actually shown cost anything, and thousands of derived BLOBs need not be written first.
 */

export interface SeedRow {
  /** Capture time as EXIF gives it ('YYYY-MM-DDTHH:mm:ss'), or null for "not recorded". */
  takenAt: string | null;
  /** Import time (ISO-8601 UTC). Imported photos get the real time instead. */
  createdAt: string;
  phase: Phase | null;
  pose: Pose | null;
  sessionId: string | null;
}

export interface SeedOptions {
  count: number;
  /** How many of the first rows go through photos.import; 3 unless told. */
  imported?: number;
  /** Overrides for row i; the default spreads photos three hours apart from 2015, every 50th undated. */
  row?: (i: number) => Partial<SeedRow>;
}

const PHASES = ['before', 'after', 'follow-up', null] as const;
const POSES = ['front', 'left-45', 'right-45', 'crown', null] as const;
const BASE = Date.UTC(2015, 0, 1, 9, 0, 0);
/** The same instant for every default row's import time, as a bulk import of old files would give. */
const SEEDED_AT = '2026-01-15T12:00:00.000Z';

function defaultSeedRow(i: number): SeedRow {
  const taken = new Date(BASE + i * 3 * 3_600_000).toISOString().slice(0, 19);
  return {
    takenAt: i % 50 === 49 ? null : taken,
    createdAt: SEEDED_AT,
    phase: PHASES[i % PHASES.length]!,
    pose: POSES[i % POSES.length]!,
    sessionId: null,
  };
}

/** A few distinct small portraits (a face-like oval on a coloured backdrop) the seeded rows cycle through. */
const SKIN = ['#e8b796', '#c98e6b', '#a86f4e', '#f1c9a8', '#8d5a3c', '#d9a27f'];
const BACKDROP = ['#d7dde2', '#c9d3cf', '#e0d8cf', '#cfd6e4', '#d9d2dc', '#d2dccf'];
const WIDTH = 240;
const HEIGHT = 320;

async function portrait(i: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="${BACKDROP[i % BACKDROP.length]}"/>
    <rect x="40" y="250" width="160" height="90" rx="40" fill="#6b7c8f"/>
    <ellipse cx="120" cy="150" rx="68" ry="90" fill="${SKIN[i % SKIN.length]}"/>
    <path d="M52 130 Q60 40 120 42 Q180 40 188 130 Q170 80 120 78 Q70 80 52 130 Z" fill="#3b2a20"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** Inserts a JPEG comment segment right after SOI: a different file (and hash), the same picture. */
function uniqueCopy(jpeg: Buffer, label: string): Buffer {
  const text = Buffer.from(label, 'latin1');
  const header = Buffer.from([0xff, 0xfe, 0, 0]);
  header.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, text, jpeg.subarray(2)]);
}

/** EXIF's 'YYYY:MM:DD HH:mm:ss' for a seed row's 'YYYY-MM-DDTHH:mm:ss'. */
const exifDate = (takenAt: string) => takenAt.replace('T', ' ').replace(/-/g, ':');

/** Seeds `count` photos for the client; returns their ids in seeding order (row i is ids[i]). */
export async function seedPhotos(core: Core, clientId: string, options: SeedOptions): Promise<string[]> {
  const rows = Array.from({ length: options.count }, (_, i) => ({
    ...defaultSeedRow(i),
    ...options.row?.(i),
  }));
  const imported = Math.min(options.imported ?? 3, options.count);
  const bases = await Promise.all(SKIN.map((_, i) => portrait(i)));
  const ids: string[] = [];

  for (let i = 0; i < imported; i++) {
    const row = rows[i]!;
    const image = sharp(bases[i % bases.length]!).jpeg({ quality: 82 });
    if (row.takenAt) image.withExif({ IFD2: { DateTimeOriginal: exifDate(row.takenAt) } });
    const { photo } = await call(core, 'photos.import', {
      clientId,
      bytes: new Uint8Array(await image.toBuffer()),
      fileName: `IMG_${String(i + 1).padStart(5, '0')}.jpg`,
      phase: row.phase,
      pose: row.pose,
      sessionId: row.sessionId,
    });
    ids.push(photo.id);
  }

  const originals = rows.slice(imported).map((_, k) => {
    const i = imported + k;
    const bytes = uniqueCopy(bases[i % bases.length]!, `dermachart seed ${clientId} ${i}`);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  // Blobs first, then the rows that refer to them, as the import service commits.
  const putBlob = core.media.prepare(
    `INSERT OR IGNORE INTO blobs (sha256, mime, size, bytes, created_at)
     VALUES (?, 'image/jpeg', ?, ?, ?)`,
  );
  core.media.transaction(() => {
    for (const o of originals) putBlob.run(o.sha256, o.bytes.length, o.bytes, SEEDED_AT);
  })();
  const insert = core.db.prepare(`
    INSERT INTO photos (id, client_id, session_id, original_sha256, original_name, format, mime, byte_size,
      width, height, orientation, taken_at, phase, pose, created_at, updated_at, device_id)
    VALUES (?, ?, ?, ?, ?, 'jpeg', 'image/jpeg', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  core.db.transaction(() => {
    originals.forEach((o, k) => {
      const i = imported + k;
      const row = rows[i]!;
      const id = randomUUID();
      insert.run(
        id,
        clientId,
        row.sessionId,
        o.sha256,
        `IMG_${String(i + 1).padStart(5, '0')}.jpg`,
        o.bytes.length,
        WIDTH,
        HEIGHT,
        row.takenAt,
        row.phase,
        row.pose,
        row.createdAt,
        row.createdAt,
        core.context.deviceId,
      );
      ids.push(id);
    });
  })();
  return ids;
}
