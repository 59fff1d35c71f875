import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimelineRow } from './photosGrouping';
import { type Anchor, anchorAt, anchorShift, layoutRows } from './timelineAnchor';

/**
 * Keeps the photo at the top of the view in place when the rows change above it: older pages of the
 * timeline arriving into a group on screen, a refresh, a new column count. Without it, whatever the
 * practitioner is looking at would slide away as the list grows. At the very top nothing is held, so new
 * photos there stay in sight.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  rows: readonly TimelineRow[],
  heightOf: (row: TimelineRow) => number,
): void {
  const layout = useMemo(() => layoutRows(rows, heightOf), [rows, heightOf]);
  const anchor = useRef<Anchor | null>(null);
  const current = useRef(layout);

  // Before paint: scroll by however far the anchor's row moved, then take the anchor again.
  useLayoutEffect(() => {
    current.current = layout;
    const element = scrollRef.current;
    if (!element) return;
    const shift = element.scrollTop > 0 ? anchorShift(anchor.current, layout) : 0;
    if (shift !== 0) element.scrollTop += shift;
    anchor.current = anchorAt(layout, element.scrollTop);
  }, [layout, scrollRef]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => {
      anchor.current = anchorAt(current.current, element.scrollTop);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scrollRef]);
}
