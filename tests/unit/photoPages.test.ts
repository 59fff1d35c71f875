import { describe, expect, it } from 'vitest';
import type { Photo } from '../../electron/core/contract/photos';
import { type ListPhotos, loadPhotoPages } from '../../renderer/src/features/photos/photoPages';
import type { TimelineRow } from '../../renderer/src/features/photos/photosGrouping';
import { anchorAt, anchorShift, layoutRows } from '../../renderer/src/features/photos/timelineAnchor';

// The loader and the anchor only look at ids, so the photos here are ids and nothing else.
const photo = (id: string) => ({ id }) as Photo;

/** A stand-in for photos.list over a fixed timeline: the page after `afterId`, `limit` long. */
function fakeList(ids: string[]) {
  const calls: { limit: number; afterId: string | null; pose: string | null }[] = [];
  const list: ListPhotos = async ({ limit, afterId, pose }) => {
    calls.push({ limit, afterId, pose });
    const start = afterId === null ? 0 : ids.indexOf(afterId) + 1;
    return ids.slice(start, start + limit).map(photo);
  };
  return { list, calls };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('loadPhotoPages', () => {
  it('walks every page, each starting after the last photo of the one before', async () => {
    const { list, calls } = fakeList(ids(1234));
    const seen: [number, boolean][] = [];
    const photos = await loadPhotoPages(list, 'c1', {
      pose: 'front',
      onPage: (so, done) => seen.push([so.length, done]),
    });
    expect(photos.map((p) => p.id)).toEqual(ids(1234));
    expect(calls).toEqual([
      { limit: 500, afterId: null, pose: 'front' },
      { limit: 500, afterId: 'p499', pose: 'front' },
      { limit: 500, afterId: 'p999', pose: 'front' },
    ]);
    expect(seen).toEqual([
      [500, false],
      [1000, false],
      [1234, true],
    ]);
  });

  it('asks once more after a full last page, and stops at an empty one', async () => {
    const { list, calls } = fakeList(ids(6));
    expect(await loadPhotoPages(list, 'c1', { pageSize: 3 })).toHaveLength(6);
    expect(calls.map((c) => c.afterId)).toEqual([null, 'p2', 'p5']);
  });

  it('asks for no more than `max` photos: the capture ghost takes one', async () => {
    const { list, calls } = fakeList(ids(40));
    expect((await loadPhotoPages(list, 'c1', { max: 1 })).map((p) => p.id)).toEqual(['p0']);
    expect(calls).toEqual([{ limit: 1, afterId: null, pose: null }]);
    const some = fakeList(ids(40));
    expect(await loadPhotoPages(some.list, 'c1', { max: 25, pageSize: 10 })).toHaveLength(25);
    expect(some.calls.map((c) => c.limit)).toEqual([10, 10, 5]);
  });

  it('stops asking once aborted, and passes a failed page on', async () => {
    const { list, calls } = fakeList(ids(30));
    const controller = new AbortController();
    const loading = loadPhotoPages(list, 'c1', {
      pageSize: 10,
      signal: controller.signal,
      onPage: () => controller.abort(),
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
    const failing: ListPhotos = async () => {
      throw new Error('The page cursor is not one of this client’s photos.');
    };
    await expect(loadPhotoPages(failing, 'c1')).rejects.toThrow(/page cursor/);
  });
});

describe('the timeline scroll anchor', () => {
  const header = (key: string): TimelineRow => ({
    kind: 'header',
    key,
    label: key,
    count: 0,
    groupKind: 'date',
  });
  const tiles = (key: string, photoIds: string[], start: number): TimelineRow => ({
    kind: 'tiles',
    key,
    photos: photoIds.map(photo),
    start,
  });
  const heightOf = (row: TimelineRow) => (row.kind === 'header' ? 40 : 100);

  const before = layoutRows(
    [
      header('h1'),
      tiles('t1', ['a', 'b'], 0),
      tiles('t2', ['c', 'd'], 2),
      header('h2'),
      tiles('t3', ['e'], 4),
    ],
    heightOf,
  );

  it('takes the first photo of the first row of tiles reaching below the scroll position', () => {
    expect(before.tops).toEqual([0, 40, 140, 240, 280]);
    expect(anchorAt(before, 0)).toEqual({ photoId: 'a', top: 40 });
    expect(anchorAt(before, 150)).toEqual({ photoId: 'c', top: 140 });
    expect(anchorAt(before, 250)).toEqual({ photoId: 'e', top: 280 });
    expect(anchorAt(layoutRows([], heightOf), 0)).toBeNull();
  });

  it('scrolls by however far the anchor photo moved when rows change above it', () => {
    const anchor = anchorAt(before, 300)!; // on "e", in the second group
    // An older page put two more photos into the first group: a new row above "e".
    const after = layoutRows(
      [
        header('h1'),
        tiles('t1', ['x', 'y'], 0),
        tiles('t2', ['a', 'b'], 2),
        tiles('t3', ['c', 'd'], 4),
        header('h2'),
        tiles('t4', ['e'], 6),
      ],
      heightOf,
    );
    expect(anchorShift(anchor, after)).toBe(100);
    // Rows added below the anchor move nothing, and a photo that is gone holds nothing.
    expect(
      anchorShift(anchorAt(before, 50), layoutRows([...before.rows, tiles('t9', ['z'], 5)], heightOf)),
    ).toBe(0);
    expect(anchorShift({ photoId: 'gone', top: 40 }, after)).toBe(0);
  });
});
