import type { Adjustment } from '@contract';
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconFocusCentered, IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { type CSSProperties, type ReactNode, type RefObject, useId, useMemo, useRef, useState } from 'react';
import { Handle, HandleRoot, Item, Provider, Root } from 'react-compare-slider/components';
import { useReactCompareSlider } from 'react-compare-slider/hooks';
import {
  type ReactZoomPanPinchContentRef,
  type ReactZoomPanPinchRef,
  TransformComponent,
  TransformWrapper,
} from 'react-zoom-pan-pinch';
import { AdjustedImage } from './AdjustedImage';
import { AlignOverlay } from './AlignOverlay';
import { CaptionChip, type ComparePanePhoto, FILL_BOX, PANE, PaneToolbar } from './compareParts';

export type { ComparePanePhoto } from './compareParts';

type Transform = { scale: number; positionX: number; positionY: number };
type ZoomRef = RefObject<ReactZoomPanPinchContentRef | null>;

const MAX_SCALE = 8;
const ZOOM_STEP = 0.5;

/** A side's photo, turned and cropped as stored, contained in the pane. */
function PaneImage({ side, opacity }: { side: ComparePanePhoto; opacity?: number }) {
  return <AdjustedImage photo={side.photo} variant="preview" alt={side.alt} opacity={opacity} />;
}

/** A pan/zoom surface: wheel or pinch zooms, drag pans, and with focus the arrow keys, + / − and 0. */
function ZoomSurface(props: {
  label: string;
  hintId: string;
  zoomRef: ZoomRef;
  onTransform?: (ref: ReactZoomPanPinchRef, state: Transform) => void;
  children: ReactNode;
}) {
  return (
    <TransformWrapper
      ref={props.zoomRef}
      minScale={1}
      maxScale={MAX_SCALE}
      doubleClick={{ mode: 'toggle' }}
      keyboard={{ disabled: false, panStep: 48, zoomStep: ZOOM_STEP }}
      onTransform={props.onTransform}
    >
      <TransformComponent
        wrapperStyle={{ width: '100%', height: '100%', outlineOffset: -3 }}
        contentStyle={{ width: '100%', height: '100%' }}
        wrapperProps={{
          role: 'group',
          'aria-roledescription': 'zoomable image',
          'aria-label': props.label,
          'aria-describedby': props.hintId,
        }}
      >
        <div style={FILL_BOX}>{props.children}</div>
      </TransformComponent>
    </TransformWrapper>
  );
}

/** Zoom buttons and the keyboard hint under a zoomable view; acting on `zoomRef` (synced views follow). */
function ZoomBar(props: {
  zoomRef: ZoomRef;
  hintId: string;
  hint: string;
  stacked?: boolean;
  children?: ReactNode;
}) {
  const zoom = (f: (z: ReactZoomPanPinchContentRef) => void) => () => {
    if (props.zoomRef.current) f(props.zoomRef.current);
  };
  return (
    <PaneToolbar hintId={props.hintId} hint={props.hint} stacked={props.stacked}>
      <Group gap="md" wrap="nowrap">
        {props.children}
        <Group gap={4} wrap="nowrap" role="group" aria-label="Zoom">
          <Tooltip label="Zoom out">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Zoom out"
              onClick={zoom((z) => z.zoomOut(ZOOM_STEP))}
            >
              <IconZoomOut size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Zoom in">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Zoom in"
              onClick={zoom((z) => z.zoomIn(ZOOM_STEP))}
            >
              <IconZoomIn size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Fit to view">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Reset zoom"
              onClick={zoom((z) => z.resetTransform())}
            >
              <IconZoomReset size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </PaneToolbar>
  );
}

const ZOOM_HINT =
  'Scroll or pinch to zoom, drag to pan, double-click to zoom in or out. With a photo focused: arrow keys pan, + and − zoom, 0 resets.';

const same = (a: Transform, b: Transform) =>
  Math.abs(a.scale - b.scale) < 1e-6 &&
  Math.abs(a.positionX - b.positionX) < 0.01 &&
  Math.abs(a.positionY - b.positionY) < 0.01;

/** One photo in a zoomable pane with its caption; the side-by-side view has two that move together. */
function ComparePane(props: {
  side: ComparePanePhoto;
  hintId: string;
  zoomRef: ZoomRef;
  onTransform: (ref: ReactZoomPanPinchRef, state: Transform) => void;
}) {
  return (
    <figure style={PANE}>
      <ZoomSurface
        label={props.side.alt}
        hintId={props.hintId}
        zoomRef={props.zoomRef}
        onTransform={props.onTransform}
      >
        <PaneImage side={props.side} />
      </ZoomSurface>
      <figcaption>
        <CaptionChip side="left">{props.side.caption}</CaptionChip>
      </figcaption>
    </figure>
  );
}

/** Two panes whose zoom and pan move together: transforming either applies the same transform to the other. */
export function CompareSideBySide(props: { earlier: ComparePanePhoto; later: ComparePanePhoto }) {
  const hintId = useId();
  const left = useRef<ReactZoomPanPinchContentRef>(null);
  const right = useRef<ReactZoomPanPinchContentRef>(null);
  // Set while one pane is being moved to match the other, so that move is not mirrored straight back.
  const mirroring = useRef(false);

  const [onLeft, onRight] = useMemo(() => {
    const mirrorTo = (target: ZoomRef) => (_: ReactZoomPanPinchRef, next: Transform) => {
      const other = target.current;
      if (mirroring.current || !other || same(other.state, next)) return;
      mirroring.current = true;
      try {
        // No animation: applied at once, so the source's own animation frames drive the mirror.
        other.setTransform(next.positionX, next.positionY, next.scale, 0);
      } finally {
        mirroring.current = false;
      }
    };
    return [mirrorTo(right), mirrorTo(left)];
  }, []);

  return (
    <>
      <Group gap="md" wrap="nowrap" align="stretch" style={{ flex: 1, minHeight: 0 }}>
        <ComparePane side={props.earlier} hintId={hintId} zoomRef={left} onTransform={onLeft} />
        <ComparePane side={props.later} hintId={hintId} zoomRef={right} onTransform={onRight} />
      </Group>
      <ZoomBar zoomRef={left} hintId={hintId} hint={`${ZOOM_HINT} Both photos move together.`} />
    </>
  );
}

/** A divider wiped across the two photos: earlier on the left, later on the right. */
export function CompareSlider(props: { earlier: ComparePanePhoto; later: ComparePanePhoto }) {
  const hintId = useId();
  const slider = useReactCompareSlider({ keyboardIncrement: '5%' });
  const [focusVisible, setFocusVisible] = useState(false);
  const itemStyle: CSSProperties = { position: 'relative', minHeight: 0 };

  return (
    <>
      <figure style={PANE}>
        <Provider {...slider}>
          <Root style={{ width: '100%', height: '100%', gridTemplate: '100% / 100%' }}>
            <Item item="itemOne" style={itemStyle}>
              <PaneImage side={props.earlier} />
            </Item>
            <Item item="itemTwo" style={itemStyle}>
              <PaneImage side={props.later} />
            </Item>
            <HandleRoot
              aria-label="Comparison divider"
              aria-describedby={hintId}
              onFocus={(e) => setFocusVisible(e.currentTarget.matches(':focus-visible'))}
              onBlur={() => setFocusVisible(false)}
            >
              {/* The handle root suppresses the outline, so the focus ring goes on the round button. */}
              <Handle
                buttonStyle={
                  focusVisible
                    ? { outline: '3px solid var(--mantine-primary-color-filled)', outlineOffset: 2 }
                    : undefined
                }
              />
            </HandleRoot>
          </Root>
        </Provider>
        <figcaption>
          <CaptionChip side="left" shared>
            {props.earlier.caption}
          </CaptionChip>{' '}
          <CaptionChip side="right" shared>
            {props.later.caption}
          </CaptionChip>
        </figcaption>
      </figure>
      <Text id={hintId} size="xs" c="dimmed">
        Earlier photo on the left, later on the right. Drag the divider, or focus it and use the arrow keys.
      </Text>
    </>
  );
}

/** Aligning the later photo to the earlier one in the overlay view (see AlignOverlay). */
export interface AlignControls {
  active: boolean;
  /** False when the photos may not be changed (an archived client). */
  allowed: boolean;
  onStart: () => void;
  onCancel: () => void;
  onSave: (adjustment: Adjustment) => Promise<void>;
}

/**
 * The later photo over the earlier one at `opacity` percent, both zooming and panning as one; or, while
 * aligning, the later photo moving over the earlier one until they line up.
 */
export function CompareOverlay(props: {
  earlier: ComparePanePhoto;
  later: ComparePanePhoto;
  opacity: number;
  opacityControl: ReactNode;
  align: AlignControls;
}) {
  const hintId = useId();
  const zoom = useRef<ReactZoomPanPinchContentRef>(null);
  const { align } = props;
  if (align.active) {
    return (
      <AlignOverlay
        // A new pair starts a new alignment.
        key={`${props.earlier.photo.id}:${props.later.photo.id}`}
        earlier={props.earlier}
        later={props.later}
        opacity={props.opacity}
        opacityControl={props.opacityControl}
        onCancel={align.onCancel}
        onSave={align.onSave}
      />
    );
  }
  return (
    <>
      <figure style={PANE}>
        <ZoomSurface label={`${props.later.alt}, over ${props.earlier.alt}`} hintId={hintId} zoomRef={zoom}>
          <PaneImage side={props.earlier} />
          <PaneImage side={props.later} opacity={props.opacity / 100} />
        </ZoomSurface>
        <figcaption>
          <CaptionChip side="left" shared>
            {props.earlier.caption}
          </CaptionChip>{' '}
          <CaptionChip side="right" shared>
            {props.later.caption} · {Math.round(props.opacity)}%
          </CaptionChip>
        </figcaption>
      </figure>
      <ZoomBar zoomRef={zoom} hintId={hintId} hint={ZOOM_HINT} stacked>
        {props.opacityControl}
        <Tooltip
          label={
            align.allowed
              ? 'Move, scale and turn the later photo until it lines up with the earlier one'
              : 'Restore the client to align photos'
          }
          multiline
          w={260}
        >
          <Button
            variant="default"
            leftSection={<IconFocusCentered size={16} aria-hidden />}
            data-disabled={!align.allowed || undefined}
            aria-disabled={!align.allowed || undefined}
            onClick={() => align.allowed && align.onStart()}
          >
            Align to earlier
          </Button>
        </Tooltip>
      </ZoomBar>
    </>
  );
}
