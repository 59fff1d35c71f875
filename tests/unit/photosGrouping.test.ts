import { describe, expect, it } from 'vitest';
import type { Photo } from '../../electron/core/contract/photos';
import {
  addOutcome,
  classifyFile,
  displayName,
  EMPTY_SUMMARY,
  type FileLike,
  failureReason,
  importFile,
  NO_TAGS,
  summaryText,
  UNSUPPORTED_REASON,
} from '../../renderer/src/features/photos/photoImport';
import {
  buildTimeline,
  clickSelect,
  EMPTY_SELECTION,
  groupPhotos,
  moveIndex,
  olderFirst,
  photoAlt,
  pruneSelection,
  type Selection,
  type SessionInfo,
  selectAll,
  selectedPhotos,
} from '../../renderer/src/features/photos/photosGrouping';

// Local times (no zone), as cameras record them, so day grouping is the same in any time zone.
let seq = 0;
function photo(fields: Partial<Photo> & { id?: string } = {}): Photo {
  seq += 1;
  return {
    id: fields.id ?? `p${seq}`,
    clientId: 'c1',
    sessionId: null,
    originalSha256: `sha${seq}`,
    originalName: `IMG_${seq}.jpg`,
    format: 'jpeg',
    mime: 'image/jpeg',
    byteSize: 1000,
    width: 4000,
    height: 3000,
    takenAt: null,
    phase: null,
    pose: null,
    notes: null,
    consentScope: 'clinical',
    rotation: 0,
    crop: null,
    createdAt: '2026-03-01T12:00:00',
    ...fields,
  };
}

const sessions: SessionInfo[] = [
  { id: 's1', startedAt: '2026-03-12T12:00:00', treatmentName: 'Scalp micro-needling' },
  { id: 's2', startedAt: '2026-04-09T12:00:00', treatmentName: 'Scalp micro-needling' },
];

describe('groupPhotos', () => {
  it('groups by session, labelled with the session date and treatment, newest first', () => {
    const a = photo({ id: 'a', sessionId: 's1', takenAt: '2026-03-12T12:05:00' });
    const b = photo({ id: 'b', sessionId: 's2', takenAt: '2026-04-09T12:05:00' });
    const c = photo({ id: 'c', sessionId: 's1', takenAt: '2026-03-12T12:01:00' });
    const groups = groupPhotos([a, b, c], sessions);
    expect(groups.map((g) => g.label)).toEqual([
      '9 Apr 2026 · Scalp micro-needling',
      '12 Mar 2026 · Scalp micro-needling',
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['session', 'session']);
    // Inside a group, in the order taken.
    expect(groups[1]!.photos.map((p) => p.id)).toEqual(['c', 'a']);
  });

  it('groups photos without a session by the day taken, or imported when the camera gave no date', () => {
    const taken = photo({
      id: 't',
      takenAt: '2026-02-20T12:00:00',
      createdAt: '2026-03-01T12:00:00',
    });
    const imported = photo({ id: 'i', takenAt: null, createdAt: '2026-03-01T12:00:00' });
    const sameDay = photo({ id: 'j', takenAt: '2026-03-01T13:00:00' });
    const groups = groupPhotos([taken, imported, sameDay], []);
    expect(groups.map((g) => [g.label, g.kind, g.photos.map((p) => p.id)])).toEqual([
      ['1 Mar 2026', 'date', ['i', 'j']],
      ['20 Feb 2026', 'date', ['t']],
    ]);
  });

  it('mixes session and day groups on one timeline, and survives a session it does not know', () => {
    const inSession = photo({ id: 's', sessionId: 's1', takenAt: '2026-03-12T12:00:00' });
    const loose = photo({ id: 'l', takenAt: '2026-03-20T12:00:00' });
    const orphan = photo({ id: 'o', sessionId: 'gone', takenAt: '2026-01-05T12:00:00' });
    const groups = groupPhotos([inSession, loose, orphan], sessions);
    expect(groups.map((g) => g.label)).toEqual([
      '20 Mar 2026',
      '12 Mar 2026 · Scalp micro-needling',
      'Session (details unavailable)',
    ]);
  });

  it('returns nothing for no photos', () => {
    expect(groupPhotos([], sessions)).toEqual([]);
  });
});

describe('buildTimeline', () => {
  const groups = groupPhotos(
    [
      ...Array.from({ length: 5 }, (_, i) => photo({ id: `n${i}`, takenAt: `2026-05-02T12:0${i}:00` })),
      ...Array.from({ length: 2 }, (_, i) => photo({ id: `o${i}`, takenAt: `2026-05-01T12:0${i}:00` })),
    ],
    [],
  );

  it('lays out a header per group and rows of fixed column count', () => {
    const t = buildTimeline(groups, 3);
    expect(
      t.rows.map((r) =>
        r.kind === 'header' ? `H ${r.label} (${r.count})` : r.photos.map((p) => p.id).join(','),
      ),
    ).toEqual(['H 2 May 2026 (5)', 'n0,n1,n2', 'n3,n4', 'H 1 May 2026 (2)', 'o0,o1']);
    expect(t.order.map((p) => p.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'o0', 'o1']);
    expect(t.rowOf).toEqual([1, 1, 1, 2, 2, 4, 4]);
    const tiles = t.rows.filter((r) => r.kind === 'tiles');
    expect(tiles.map((r) => r.start)).toEqual([0, 3, 5]);
    expect(new Set(t.rows.map((r) => r.key)).size).toBe(t.rows.length);
  });

  it('treats fewer than one column as one', () => {
    const t = buildTimeline(groups, 0);
    expect(t.rows.filter((r) => r.kind === 'tiles')).toHaveLength(7);
  });

  it('keeps 5,000 photos cheap to lay out', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      photo({ id: `m${i}`, takenAt: new Date(Date.UTC(2026, 0, 1 + (i % 60), 12)).toISOString() }),
    );
    const t = buildTimeline(groupPhotos(many, []), 6);
    expect(t.order).toHaveLength(5000);
    expect(t.rows.filter((r) => r.kind === 'header')).toHaveLength(60);
  });

  it('moves focus by column and row, skipping headers and clamping to shorter rows', () => {
    const t = buildTimeline(groups, 3);
    expect(moveIndex(t, 0, 'right')).toBe(1);
    expect(moveIndex(t, 0, 'left')).toBe(0);
    expect(moveIndex(t, 2, 'down')).toBe(4); // n2 -> n4 (row n3,n4 is shorter)
    expect(moveIndex(t, 4, 'down')).toBe(6); // n4 -> o1 across the header
    expect(moveIndex(t, 5, 'up')).toBe(3);
    expect(moveIndex(t, 1, 'up')).toBe(1);
    expect(moveIndex(t, 6, 'down')).toBe(6);
    expect(moveIndex(t, 3, 'home')).toBe(0);
    expect(moveIndex(t, 3, 'end')).toBe(6);
    expect(moveIndex(buildTimeline([], 3), 0, 'right')).toBe(-1);
  });
});

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  const plain = { toggle: false, range: false };
  const toggle = { toggle: true, range: false };
  const range = { toggle: false, range: true };
  const ids = (s: Selection) => [...s.ids].sort();

  it('a plain click selects just that photo and sets the anchor', () => {
    const s = clickSelect({ ids: new Set(['a', 'c']), anchor: 'a' }, order, 'd', plain);
    expect(ids(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
  });

  it('Ctrl/Cmd+click toggles one photo in or out', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 'b', plain);
    s = clickSelect(s, order, 'd', toggle);
    expect(ids(s)).toEqual(['b', 'd']);
    s = clickSelect(s, order, 'b', toggle);
    expect(ids(s)).toEqual(['d']);
    expect(s.anchor).toBe('b');
  });

  it('Shift+click selects the range from the anchor, in either direction', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 'b', plain);
    s = clickSelect(s, order, 'd', range);
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    // A second Shift+click re-draws the range from the same anchor.
    s = clickSelect(s, order, 'a', range);
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.anchor).toBe('b');
  });

  it('Ctrl+Shift+click adds the range to what is already selected', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 'a', plain);
    s = clickSelect(s, order, 'd', toggle);
    s = clickSelect(s, order, 'e', { toggle: true, range: true });
    expect(ids(s)).toEqual(['a', 'd', 'e']);
  });

  it('Shift+click with no anchor selects just that photo', () => {
    const s = clickSelect(EMPTY_SELECTION, order, 'c', range);
    expect(ids(s)).toEqual(['c']);
    expect(s.anchor).toBe('c');
  });

  it('Shift+click whose anchor is no longer shown falls back to a plain click', () => {
    const s = clickSelect({ ids: new Set(['x']), anchor: 'x' }, order, 'c', range);
    expect(ids(s)).toEqual(['c']);
  });

  it('select all, and pruning what a filter hid', () => {
    const all = selectAll(order);
    expect(ids(all)).toEqual(order);
    const pruned = pruneSelection(all, ['b', 'c']);
    expect(ids(pruned)).toEqual(['b', 'c']);
    expect(pruned.anchor).toBeNull();
    const same = { ids: new Set(['b']), anchor: 'b' };
    expect(pruneSelection(same, order)).toBe(same);
  });

  it('lists the selected photos in timeline order', () => {
    const photos = order.map((id) => photo({ id }));
    expect(selectedPhotos({ ids: new Set(['d', 'a']), anchor: null }, photos).map((p) => p.id)).toEqual([
      'a',
      'd',
    ]);
  });
});

describe('photo labels and comparison order', () => {
  it('describes a photo as pose, phase and date', () => {
    expect(photoAlt(photo({ pose: 'front', phase: 'before', takenAt: '2026-03-12T12:00:00' }))).toBe(
      'Front, before, 12 Mar 2026',
    );
    expect(photoAlt(photo({ pose: 'left-45', phase: 'follow-up', takenAt: '2026-03-12T12:00:00' }))).toBe(
      'Left 45°, follow-up, 12 Mar 2026',
    );
    expect(photoAlt(photo({ createdAt: '2026-03-02T12:00:00' }))).toBe('No pose, no phase, 2 Mar 2026');
  });

  it('puts the older photo first, by capture date and else import date', () => {
    const older = photo({
      id: 'old',
      takenAt: '2025-12-01T12:00:00',
      createdAt: '2026-03-01T12:00:00',
    });
    const newer = photo({ id: 'new', takenAt: null, createdAt: '2026-01-01T12:00:00' });
    expect(olderFirst(newer, older).map((p) => p.id)).toEqual(['old', 'new']);
    expect(olderFirst(older, newer).map((p) => p.id)).toEqual(['old', 'new']);
  });
});

describe('importing a batch', () => {
  const MAX = 200 * 1024 * 1024;
  const file = (name: string, type = 'image/jpeg', size = 10, fail = false): FileLike => ({
    name,
    type,
    size,
    arrayBuffer: async () => {
      if (fail) throw new Error('NotReadableError');
      return new Uint8Array(size).buffer;
    },
  });

  it('accepts photo types by MIME type or extension (HEIC often has no MIME type)', () => {
    expect(classifyFile(file('a.jpg'), MAX).kind).toBe('import');
    expect(classifyFile(file('b.HEIC', ''), MAX).kind).toBe('import');
    expect(classifyFile(file('c.tif', ''), MAX).kind).toBe('import');
    expect(classifyFile(file('notes.pdf', 'application/pdf'), MAX)).toEqual({
      kind: 'reject',
      reason: UNSUPPORTED_REASON,
    });
    expect(classifyFile(file('huge.jpg', 'image/jpeg', MAX + 1), MAX)).toEqual({
      kind: 'reject',
      reason: 'The file is larger than 200 MB',
    });
    expect(classifyFile(file('empty.jpg', 'image/jpeg', 0), MAX).kind).toBe('reject');
  });

  it('silently skips the system files a dropped folder carries', () => {
    for (const name of ['.DS_Store', 'Thumbs.db', 'desktop.ini', '._IMG_1.jpg']) {
      expect(classifyFile(file(name, ''), MAX).kind).toBe('ignore');
    }
  });

  it('names files inside a dropped folder by their path', () => {
    expect(displayName({ ...file('IMG_1.jpg'), path: './Visit 3/IMG_1.jpg' })).toBe('Visit 3/IMG_1.jpg');
    expect(displayName({ ...file('IMG_1.jpg'), path: './IMG_1.jpg' })).toBe('IMG_1.jpg');
  });

  it('strips the file name the error message already starts with', () => {
    expect(
      failureReason('IMG_1.jpg', 'IMG_1.jpg: The image is damaged or incomplete and could not be read'),
    ).toBe('The image is damaged or incomplete and could not be read');
    expect(failureReason('IMG_1.jpg', 'Storage is full')).toBe('Storage is full');
  });

  it('one bad file never stops the batch: every file gets an outcome', async () => {
    const calls: string[] = [];
    const importOne = async (input: { fileName: string; bytes: Uint8Array; phase: string | null }) => {
      calls.push(`${input.fileName}:${input.phase}`);
      if (input.fileName === 'bad.jpg')
        throw new Error('bad.jpg: The image is damaged or incomplete and could not be read');
      return { photo: { id: `id-${input.fileName}` }, duplicate: input.fileName === 'dup.jpg' };
    };
    const tags = { ...NO_TAGS, phase: 'before' as const };
    const files = [
      file('one.jpg'),
      file('bad.jpg'),
      file('dup.jpg'),
      file('unreadable.jpg', 'image/jpeg', 10, true),
      file('x.txt', 'text/plain'),
      file('two.png', 'image/png'),
    ];
    let summary = EMPTY_SUMMARY;
    for (const f of files) summary = addOutcome(summary, await importFile(f, tags, MAX, importOne));
    expect(calls).toEqual(['one.jpg:before', 'bad.jpg:before', 'dup.jpg:before', 'two.png:before']);
    expect(summary.imported).toBe(2);
    expect(summary.duplicates).toEqual(['dup.jpg']);
    expect(summary.failures).toEqual([
      { fileName: 'bad.jpg', reason: 'The image is damaged or incomplete and could not be read' },
      { fileName: 'unreadable.jpg', reason: 'The file could not be read from disk' },
      { fileName: 'x.txt', reason: UNSUPPORTED_REASON },
    ]);
    expect(summaryText(summary)).toBe('2 photos imported, 1 duplicate skipped, 3 files failed');
  });
});
