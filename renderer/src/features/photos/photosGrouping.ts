// The labels live in the contract, so every screen (and later the printed documents) names poses alike.
import { PHASE_LABELS, type Photo, POSE_LABELS, type SessionSummary } from '@contract';

export { PHASE_LABELS, POSE_LABELS };

import dayjs from 'dayjs';

// Pure logic for the photo timeline (no React, no DOM), so it can be unit-tested in Node.

/** When the photo was taken (from the camera's metadata), else when it was imported. */
export const photoDate = (p: Pick<Photo, 'takenAt' | 'createdAt'>): string => p.takenAt ?? p.createdAt;

const photoTime = (p: Pick<Photo, 'takenAt' | 'createdAt'>): number => {
  const t = dayjs(photoDate(p)).valueOf();
  return Number.isNaN(t) ? 0 : t;
};

export const formatDay = (iso: string): string => dayjs(iso).format('D MMM YYYY');

export type SessionInfo = Pick<SessionSummary, 'id' | 'startedAt' | 'treatmentName'>;

/** "12 Mar 2026 · Scalp micro-needling" */
export const sessionLabel = (s: SessionInfo): string => `${formatDay(s.startedAt)} · ${s.treatmentName}`;

/** The image's text alternative (and so the tile's accessible name): "Front, before, 12 Mar 2026". */
export function photoAlt(p: Pick<Photo, 'pose' | 'phase' | 'takenAt' | 'createdAt'>): string {
  const pose = p.pose ? POSE_LABELS[p.pose] : 'No pose';
  const phase = p.phase ? PHASE_LABELS[p.phase].toLowerCase() : 'no phase';
  return `${pose}, ${phase}, ${formatDay(photoDate(p))}`;
}

export interface PhotoGroup {
  key: string;
  kind: 'session' | 'date';
  label: string;
  /** Sort instant: the session's start, or the day's first photo. */
  time: number;
  photos: Photo[];
}

/**
 * Photos grouped by session (labelled with the session's date and treatment) or, for photos without a
 * session, by the local day they were taken. Newest group first; inside a group, in the order taken.
 */
export function groupPhotos(photos: readonly Photo[], sessions: readonly SessionInfo[]): PhotoGroup[] {
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const groups = new Map<string, PhotoGroup>();
  for (const photo of photos) {
    const time = photoTime(photo);
    let key: string;
    let kind: PhotoGroup['kind'];
    let label: string;
    let groupTime: number;
    if (photo.sessionId) {
      const session = sessionById.get(photo.sessionId);
      key = `session:${photo.sessionId}`;
      kind = 'session';
      label = session ? sessionLabel(session) : 'Session (details unavailable)';
      groupTime = session ? dayjs(session.startedAt).valueOf() : time;
    } else {
      const day = dayjs(photoDate(photo));
      key = `date:${day.isValid() ? day.format('YYYY-MM-DD') : 'unknown'}`;
      kind = 'date';
      label = day.isValid() ? day.format('D MMM YYYY') : 'Date unknown';
      groupTime = time;
    }
    const group = groups.get(key);
    if (group) {
      group.photos.push(photo);
      if (kind === 'date' || !sessionById.has(photo.sessionId!)) group.time = Math.min(group.time, groupTime);
    } else {
      groups.set(key, { key, kind, label, time: groupTime, photos: [photo] });
    }
  }
  const byTaken = (a: Photo, b: Photo) =>
    photoTime(a) - photoTime(b) ||
    (a.originalName ?? '').localeCompare(b.originalName ?? '') ||
    cmp(a.id, b.id);
  const list = [...groups.values()];
  for (const g of list) g.photos.sort(byTaken);
  return list.sort(
    (a, b) => b.time - a.time || (a.kind === b.kind ? 0 : a.kind === 'session' ? -1 : 1) || cmp(a.key, b.key),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type TimelineRow =
  | { kind: 'header'; key: string; label: string; count: number; groupKind: PhotoGroup['kind'] }
  | {
      kind: 'tiles';
      key: string;
      photos: Photo[] /** Index in `order` of the row's first photo. */;
      start: number;
    };

export interface Timeline {
  rows: TimelineRow[];
  /** Every photo in display order: what range selection, "select all" and the viewer walk through. */
  order: Photo[];
  /** For each index in `order`, the index of the row that shows it. */
  rowOf: number[];
}

/** Lays the groups out as rows for a virtual list: a header row per group, then rows of `columns` tiles. */
export function buildTimeline(groups: readonly PhotoGroup[], columns: number): Timeline {
  const cols = Math.max(1, Math.floor(columns));
  const rows: TimelineRow[] = [];
  const order: Photo[] = [];
  const rowOf: number[] = [];
  for (const group of groups) {
    rows.push({
      kind: 'header',
      key: `h:${group.key}`,
      label: group.label,
      count: group.photos.length,
      groupKind: group.kind,
    });
    for (let i = 0; i < group.photos.length; i += cols) {
      const photos = group.photos.slice(i, i + cols);
      const start = order.length;
      rows.push({ kind: 'tiles', key: `t:${group.key}:${i}`, photos, start });
      for (const p of photos) {
        order.push(p);
        rowOf.push(rows.length - 1);
      }
    }
  }
  return { rows, order, rowOf };
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

/** Where keyboard focus goes from `index`: left/right through the order, up/down to the same column. */
export function moveIndex(timeline: Timeline, index: number, move: Move): number {
  const last = timeline.order.length - 1;
  if (last < 0) return -1;
  const from = Math.max(0, Math.min(last, index));
  switch (move) {
    case 'left':
      return Math.max(0, from - 1);
    case 'right':
      return Math.min(last, from + 1);
    case 'home':
      return 0;
    case 'end':
      return last;
    case 'up':
    case 'down': {
      const step = move === 'up' ? -1 : 1;
      const rowIndex = timeline.rowOf[from]!;
      const row = timeline.rows[rowIndex] as Extract<TimelineRow, { kind: 'tiles' }>;
      const column = from - row.start;
      for (let r = rowIndex + step; r >= 0 && r < timeline.rows.length; r += step) {
        const next = timeline.rows[r]!;
        if (next.kind === 'tiles') return next.start + Math.min(column, next.photos.length - 1);
      }
      return from;
    }
  }
}

export interface Selection {
  ids: ReadonlySet<string>;
  /** Where a Shift+click range starts: the last photo clicked without Shift. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/**
 * Click semantics of a file manager: a plain click selects just that photo; Ctrl/Cmd (`toggle`) adds or
 * removes it; Shift (`range`) selects everything from the anchor to it (added to the selection with
 * Ctrl/Cmd as well). `order` is the timeline's display order.
 */
export function clickSelect(
  selection: Selection,
  order: readonly string[],
  id: string,
  mods: { toggle: boolean; range: boolean },
): Selection {
  if (mods.range && selection.anchor !== null) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const range = order.slice(lo, hi + 1);
      const ids = mods.toggle ? new Set([...selection.ids, ...range]) : new Set(range);
      return { ids, anchor: selection.anchor };
    }
  }
  if (mods.toggle) {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** Drops selected photos that are no longer shown (after a filter change or a refresh). */
export function pruneSelection(selection: Selection, order: readonly string[]): Selection {
  const shown = new Set(order);
  const ids = [...selection.ids].filter((id) => shown.has(id));
  const anchor = selection.anchor !== null && shown.has(selection.anchor) ? selection.anchor : null;
  if (ids.length === selection.ids.size && anchor === selection.anchor) return selection;
  return { ids: new Set(ids), anchor };
}

/** The selected photos in timeline order. */
export function selectedPhotos(selection: Selection, order: readonly Photo[]): Photo[] {
  return order.filter((p) => selection.ids.has(p.id));
}

/** The pair for a side-by-side comparison, the older photo first. */
export function olderFirst(a: Photo, b: Photo): [Photo, Photo] {
  const d = photoTime(a) - photoTime(b);
  if (d !== 0) return d < 0 ? [a, b] : [b, a];
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}
