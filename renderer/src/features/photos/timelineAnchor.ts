import type { TimelineRow } from './photosGrouping';

// Pure logic for keeping the timeline still while rows change (no React, no DOM), unit-tested in Node.

export interface RowLayout {
  /** Each row's top, from the top of the list. */
  tops: number[];
  /** The row each photo is in. */
  rowOfPhoto: Map<string, number>;
  rows: readonly TimelineRow[];
}

/** Where each row sits when every row has a fixed height (the virtual list's own estimate). */
export function layoutRows(rows: readonly TimelineRow[], heightOf: (row: TimelineRow) => number): RowLayout {
  const tops: number[] = [];
  const rowOfPhoto = new Map<string, number>();
  let top = 0;
  rows.forEach((row, i) => {
    tops.push(top);
    top += heightOf(row);
    if (row.kind === 'tiles') for (const photo of row.photos) rowOfPhoto.set(photo.id, i);
  });
  return { tops, rowOfPhoto, rows };
}

export interface Anchor {
  photoId: string;
  /** The top of its row when it was taken as the anchor. */
  top: number;
}

/** The first photo of the first row of tiles that reaches below `scrollTop`: what the eye is on. */
export function anchorAt(layout: RowLayout, scrollTop: number): Anchor | null {
  const { tops, rows } = layout;
  // The last row starting at or above scrollTop (binary search: tops only grow).
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= scrollTop) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind === 'tiles') return { photoId: row.photos[0]!.id, top: tops[i]! };
  }
  return null;
}

/** How far to scroll so the anchor stays where it was on screen after the rows changed (0: not needed). */
export function anchorShift(anchor: Anchor | null, layout: RowLayout): number {
  if (!anchor) return 0;
  const row = layout.rowOfPhoto.get(anchor.photoId);
  return row === undefined ? 0 : layout.tops[row]! - anchor.top;
}
