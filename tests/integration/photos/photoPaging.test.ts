import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { Phase, Photo, Pose } from '../../../electron/core/contract';
import { TIMELINE_SQL } from '../../../electron/core/db/repositories/photosRepo';
import { call, callError, useCores } from '../../support/core';
import { type SeedRow, seedPhotos } from '../../support/photoSeed';

const COUNT = 1234;

/**
 * Rows whose capture times repeat (about five photos per instant, in no relation to the order they were
 * stored), with every ninth photo undated (sorted by its import time, which two instants share), so page
 * boundaries fall inside runs of equal times.
 */
function row(i: number): Partial<SeedRow> {
  const slot = (i * 7919) % 250;
  const hour = String(slot % 24).padStart(2, '0');
  const day = String(1 + Math.floor(slot / 24)).padStart(2, '0');
  return {
    takenAt: i % 9 === 4 ? null : `2024-03-${day}T${hour}:00:00`,
    createdAt: i % 2 === 0 ? '2024-03-05T10:00:00.000Z' : '2024-03-08T10:00:00.000Z',
    phase: (['before', 'after', 'follow-up', null] as const)[i % 4]!,
    pose: (['front', 'left-45', 'crown'] as const)[i % 3]!,
  };
}

interface Seeded {
  core: Core;
  clientId: string;
  /** Row i's id, its timeline key and the order it was stored in (seq). */
  rows: { id: string; key: string; seq: number; phase: Phase | null; pose: Pose | null }[];
}

/** The timeline order worked out independently of SQL: time (capture, else import) descending, then seq. */
function expectedOrder(rows: Seeded['rows'], keep: (r: Seeded['rows'][number]) => boolean = () => true) {
  return rows
    .filter(keep)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : b.seq - a.seq))
    .map((r) => r.id);
}

/** Every page from the first to the first short one, checking each page's size on the way. */
async function walk(
  core: Core,
  input: { clientId: string; limit?: number; phase?: Phase; pose?: Pose },
): Promise<string[]> {
  const ids: string[] = [];
  let afterId: string | null = null;
  for (;;) {
    const page: Photo[] = await call(core, 'photos.list', { ...input, afterId });
    ids.push(...page.map((p) => p.id));
    if (page.length < (input.limit ?? 500)) return ids;
    afterId = page[page.length - 1]!.id;
  }
}

describe('photos.list pages through the timeline', () => {
  const newCore = useCores();

  async function seeded(): Promise<Seeded> {
    const core = newCore();
    const client = await call(core, 'clients.create', { firstName: 'Iris', lastName: 'Okafor' });
    const ids = await seedPhotos(core, client.id, { count: COUNT, imported: 0, row });
    const rows = ids.map((id, i) => {
      const r = row(i);
      return { id, key: r.takenAt ?? r.createdAt!, seq: i, phase: r.phase!, pose: r.pose! };
    });
    return { core, clientId: client.id, rows };
  }

  it('returns every photo once, in timeline order, across pages of any size', async () => {
    const { core, clientId, rows } = await seeded();
    const expected = expectedOrder(rows);
    expect(new Set(rows.map((r) => r.key)).size).toBeLessThan(COUNT / 4); // ties are the norm here

    // The default page is 500: 500, 500, 234.
    const first = await call(core, 'photos.list', { clientId });
    expect(first).toHaveLength(500);
    expect(first.map((p) => p.id)).toEqual(expected.slice(0, 500));
    for (const limit of [500, 7, 1000]) {
      expect(await walk(core, { clientId, limit }), `limit ${limit}`).toEqual(expected);
    }
  });

  it('a page that ends exactly at the last photo is followed by an empty page', async () => {
    const { core, clientId, rows } = await seeded();
    const expected = expectedOrder(rows);
    const last = await call(core, 'photos.list', {
      clientId,
      afterId: expected[COUNT - 3]!,
      limit: 2,
    });
    expect(last.map((p) => p.id)).toEqual(expected.slice(COUNT - 2));
    expect(await call(core, 'photos.list', { clientId, afterId: expected[COUNT - 1]! })).toEqual([]);
  });

  it('pages through the pose and phase filters', async () => {
    const { core, clientId, rows } = await seeded();
    const fronts = expectedOrder(rows, (r) => r.pose === 'front');
    expect(await walk(core, { clientId, pose: 'front', limit: 100 })).toEqual(fronts);
    const frontAfters = expectedOrder(rows, (r) => r.pose === 'front' && r.phase === 'after');
    expect(frontAfters.length).toBeGreaterThan(50);
    expect(await walk(core, { clientId, pose: 'front', phase: 'after', limit: 50 })).toEqual(frontAfters);
  });

  it('leaves deleted photos out, and carries on after a cursor deleted between two pages', async () => {
    const { core, clientId, rows } = await seeded();
    const deleted = new Set(rows.filter((_, i) => i % 10 === 3).map((r) => r.id));
    const tombstone = core.db.prepare(
      "UPDATE photos SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?",
    );
    for (const id of deleted) tombstone.run(id);
    const remaining = expectedOrder(rows, (r) => !deleted.has(r.id));
    expect(await walk(core, { clientId, limit: 300 })).toEqual(remaining);

    const page = await call(core, 'photos.list', { clientId, limit: 100 });
    const cursor = page[99]!.id;
    tombstone.run(cursor);
    const next = await call(core, 'photos.list', { clientId, limit: 100, afterId: cursor });
    expect(next.map((p) => p.id)).toEqual(remaining.slice(100, 200));
  });

  it('refuses a cursor that is not one of the client’s photos, and a page size out of range', async () => {
    const { core, clientId } = await seeded();
    const other = await call(core, 'clients.create', { firstName: 'Tom', lastName: 'Reyes' });
    const [othersPhoto] = await seedPhotos(core, other.id, { count: 1, imported: 0 });

    for (const afterId of [crypto.randomUUID(), othersPhoto!]) {
      const error = await callError(core, 'photos.list', { clientId, afterId });
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'The page cursor is not one of this client’s photos.',
        issues: [{ path: 'afterId', message: 'Start again from the first page' }],
      });
    }
    // The other client's own cursor works for that client.
    expect(await call(core, 'photos.list', { clientId: other.id, afterId: othersPhoto! })).toEqual([]);

    expect(await callError(core, 'photos.list', { clientId, afterId: 'IMG_0001.jpg' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'afterId', message: 'The page cursor must be a photo id' }],
    });
    for (const [limit, message] of [
      [0, 'The page size must be at least 1'],
      [1001, 'The page size can be at most 1000'],
      [2.5, 'The page size must be a whole number'],
    ] as const) {
      expect(await callError(core, 'photos.list', { clientId, limit }), `limit ${limit}`).toMatchObject({
        code: 'VALIDATION',
        issues: [{ path: 'limit', message }],
      });
    }
  });

  it('reads both page queries from the timeline index in order, without sorting', () => {
    const core = newCore();
    const params = { clientId: crypto.randomUUID(), limit: 500, time: '2024-03-01T00:00:00', seq: 10 };
    for (const filters of [
      { phase: null, pose: null },
      { phase: 'after', pose: 'front' },
    ]) {
      for (const [name, sql] of Object.entries(TIMELINE_SQL)) {
        const plan = core.db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all({ ...params, ...filters })
          .map((r) => (r as { detail: string }).detail)
          .join(' | ');
        expect(plan, name).toMatch(/^SEARCH photos USING INDEX photos_by_client \(client_id=\?/);
        expect(plan, name).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
