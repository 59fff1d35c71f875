import type { Photo } from '@contract';
import { Group, Stack, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/** One side of a comparison: the photo and the caption burned on its pane. */
export interface ComparePanePhoto {
  photo: Photo;
  /** e.g. "Before · 12 Mar 2026 · Session 1 of 4". */
  caption: string;
  /** Text alternative, e.g. "Earlier photo: Front · Before · 12 Mar 2026". */
  alt: string;
}

/** A box the photos are sized against (container query units), clipping whatever is zoomed past it. */
export const FILL_BOX: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: '100%',
  containerType: 'size',
  overflow: 'hidden',
};

export const PANE: CSSProperties = {
  position: 'relative',
  margin: 0,
  flex: 1,
  minWidth: 0,
  minHeight: 0,
  height: '100%',
  overflow: 'hidden',
  borderRadius: 'var(--mantine-radius-md)',
  background: 'light-dark(var(--mantine-color-gray-2), var(--mantine-color-dark-8))',
};

/** A caption chip over a pane: white on near-black, readable on any photo. */
export function CaptionChip(props: { children: ReactNode; side: 'left' | 'right'; shared?: boolean }) {
  return (
    <span
      style={{
        position: 'absolute',
        top: 12,
        [props.side]: 12,
        zIndex: 3,
        maxWidth: props.shared ? 'calc(50% - 18px)' : 'calc(100% - 24px)',
        padding: '4px 10px',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'rgba(0, 0, 0, 0.72)',
        color: '#fff',
        fontSize: 'var(--mantine-font-size-sm)',
        fontWeight: 500,
        lineHeight: 1.4,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        pointerEvents: 'none',
      }}
    >
      {props.children}
    </span>
  );
}

/**
 * The bar under a comparison pane: the keyboard hint and the controls. `stacked` keeps them on two rows at
 * any width, so the overlay view and its align mode (other controls, same rows) never change the pane's size.
 */
export function PaneToolbar(props: {
  hintId: string;
  hint: ReactNode;
  stacked?: boolean;
  children: ReactNode;
}) {
  const hint = (
    <Text id={props.hintId} size="xs" c="dimmed">
      {props.hint}
    </Text>
  );
  return props.stacked ? (
    <Stack gap="xs">
      {hint}
      {props.children}
    </Stack>
  ) : (
    <Group justify="space-between" gap="md" wrap="wrap">
      {hint}
      {props.children}
    </Group>
  );
}
