import type { Photo } from '@contract';
import { Badge, Group, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type Ref,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { AdjustedImage } from './AdjustedImage';
import {
  buildTimeline,
  type Move,
  moveIndex,
  PHASE_LABELS,
  type PhotoGroup,
  POSE_LABELS,
  photoAlt,
  type Selection,
  type TimelineRow,
} from './photosGrouping';
import { useScrollAnchor } from './useScrollAnchor';

/** Fixed sizes, so nothing moves as thumbnails load and the virtual list knows every row's height. */
export const TILE_SIZE = 160;
const GAP = 12;
const ROW_HEIGHT = TILE_SIZE + GAP;
const HEADER_HEIGHT = 44;
// The same inset as the rest of the tab (Mantine spacing xl), so tiles line up with the filters above.
const PADDING_X = 32;
const rowHeight = (row: TimelineRow) => (row.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT);

export interface TimelineHandle {
  /** Scrolls the photo at `index` (timeline order) into view and focuses its tile. */
  focusIndex: (index: number) => void;
}

const KEY_MOVES: Record<string, Move> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

/**
 * The photos as a virtualised grid: a header row per group, then rows of fixed-size tiles, so only what
 * is on screen is in the DOM even for thousands of photos. Tiles are toggle buttons (aria-pressed for
 * the selection) with one tab stop; the arrow keys, Home and End move between them.
 */
export function PhotoTimeline(props: {
  groups: PhotoGroup[];
  selection: Selection;
  /** A click on a tile, with the modifiers that decide how the selection changes. */
  onTileClick: (index: number, mods: { toggle: boolean; range: boolean }) => void;
  /** Shift+arrow: extend the selection from `from` to `to`. */
  onExtend: (from: number, to: number) => void;
  onOpen: (index: number) => void;
  /** Space kept free at the bottom for the floating selection bar. */
  bottomSpace: number;
  describedBy?: string;
  handleRef?: Ref<TimelineHandle>;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const { ref: sizeRef, width } = useElementSize<HTMLElement>();
  const mergedRef = useMergedRef(scrollRef, sizeRef);
  const columns = Math.max(1, Math.floor((width + GAP) / (TILE_SIZE + GAP)));
  const timeline = useMemo(() => buildTimeline(props.groups, columns), [props.groups, columns]);
  const { rows, order, rowOf } = timeline;

  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    getItemKey,
    overscan: 3,
    paddingEnd: props.bottomSpace,
    // Keyboard moves keep the focused row clear of the floating selection bar.
    scrollPaddingEnd: props.bottomSpace,
  });
  const items = virtualizer.getVirtualItems();
  useScrollAnchor(scrollRef, rows, rowHeight);

  // The roving tab stop: the last focused tile, or the first one on screen when that one scrolled away.
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, order.length - 1));
  const activeRendered = items.some((it) => it.index === rowOf[activeIndex]);
  const firstRenderedTile = items.map((it) => rows[it.index]).find((r) => r?.kind === 'tiles');
  const tabStop = activeRendered
    ? activeIndex
    : firstRenderedTile?.kind === 'tiles'
      ? firstRenderedTile.start
      : -1;

  const pendingFocus = useRef<number | null>(null);
  const focusIndex = useCallback(
    (index: number) => {
      if (index < 0 || index >= order.length) return;
      setActive(index);
      pendingFocus.current = index;
      // Reveal the row; for a group's first row, its header too when that is above the view.
      const row = rowOf[index]!;
      const header = rows[row - 1]?.kind === 'header' ? virtualizer.measurementsCache[row - 1] : undefined;
      const top = virtualizer.scrollOffset ?? 0;
      if (header && header.start < top) virtualizer.scrollToIndex(row - 1, { align: 'start' });
      else virtualizer.scrollToIndex(row, { align: 'auto' });
      // The row may only mount after the scroll: try for a few frames.
      let tries = 0;
      const attempt = () => {
        if (pendingFocus.current !== index) return;
        const tile = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
        if (tile) {
          tile.focus({ preventScroll: true });
          pendingFocus.current = null;
        } else if (tries++ < 10) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [order.length, rows, rowOf, virtualizer],
  );
  useImperativeHandle(props.handleRef, () => ({ focusIndex }), [focusIndex]);

  const { onTileClick, onOpen, onExtend } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const tile = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!tile) return;
    const index = Number(tile.dataset.index);
    const move = KEY_MOVES[event.key];
    if (move && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const next = moveIndex(timeline, index, move);
      if (next < 0) return;
      focusIndex(next);
      if (event.shiftKey) onExtend(index, next);
    } else if (event.key === 'Enter') {
      // Enter views the photo; Space (the button's own click) selects it.
      event.preventDefault();
      onOpen(index);
    }
  };

  const handleClick = useCallback(
    (event: MouseEvent<HTMLButtonElement>, index: number) => {
      setActive(index);
      onTileClick(index, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
    },
    [onTileClick],
  );

  return (
    <section
      ref={mergedRef}
      aria-label="Photo timeline"
      aria-describedby={props.describedBy}
      onKeyDown={onKeyDown}
      data-testid="photo-timeline"
      className="photo-timeline"
      style={{ paddingLeft: PADDING_X, paddingRight: PADDING_X }}
    >
      {width > 0 && (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {row.kind === 'header' ? (
                  <Group gap="xs" align="baseline" h={HEADER_HEIGHT} pt={14} wrap="nowrap">
                    <Text component="h3" size="sm" fw={600} m={0} truncate="end">
                      {row.label}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {row.count === 1 ? '1 photo' : `${row.count} photos`}
                      {row.groupKind === 'date' && ' · no session'}
                    </Text>
                  </Group>
                ) : (
                  <div style={{ display: 'flex', gap: GAP }}>
                    {row.photos.map((photo, j) => (
                      <PhotoTile
                        key={photo.id}
                        photo={photo}
                        index={row.start + j}
                        selected={props.selection.ids.has(photo.id)}
                        tabbable={row.start + j === tabStop}
                        onClick={handleClick}
                        onOpen={onOpen}
                        onFocusTile={setActive}
                      />
                    ))}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

const PhotoTile = memo(function PhotoTile(props: {
  photo: Photo;
  index: number;
  selected: boolean;
  tabbable: boolean;
  onClick: (event: MouseEvent<HTMLButtonElement>, index: number) => void;
  onOpen: (index: number) => void;
  onFocusTile: (index: number) => void;
}) {
  const { photo, index } = props;
  return (
    <button
      type="button"
      className="photo-tile"
      data-index={index}
      data-photo-id={photo.id}
      aria-pressed={props.selected}
      tabIndex={props.tabbable ? 0 : -1}
      title={photo.originalName ?? undefined}
      onClick={(e) => props.onClick(e, index)}
      onDoubleClick={() => props.onOpen(index)}
      onFocus={() => props.onFocusTile(index)}
    >
      {/* Turned and cropped as stored, filling the square tile. */}
      <AdjustedImage
        photo={photo}
        variant="thumb"
        alt={photoAlt(photo)}
        fit="cover"
        imgProps={{ loading: 'lazy', decoding: 'async' }}
      />
      {(photo.phase || photo.pose) && (
        // Already in the image's alt text, so hidden from screen readers to keep the name short.
        <span className="photo-tile-badges" aria-hidden="true">
          {/* A dark shade in both colour schemes, so the white label keeps its contrast. */}
          {photo.phase && (
            <Badge size="xs" variant="filled" color="clinic.8" radius="sm">
              {PHASE_LABELS[photo.phase]}
            </Badge>
          )}
          {photo.pose && (
            <Badge size="xs" variant="white" color="dark" radius="sm">
              {POSE_LABELS[photo.pose]}
            </Badge>
          )}
        </span>
      )}
      {props.selected && (
        <span className="photo-tile-check" aria-hidden="true">
          <IconCheck size={14} stroke={3} />
        </span>
      )}
    </button>
  );
});
