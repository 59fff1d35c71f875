import { mediaUrl, type Photo } from '@contract';
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconZoomIn, IconZoomOut, IconZoomReset } from '@tabler/icons-react';
import { type CSSProperties, type ReactNode, type RefObject, useId, useMemo, useRef, useState } from 'react';
import { ReactCompareSliderImage } from 'react-compare-slider';
import { Handle, HandleRoot, Item, Provider, Root } from 'react-compare-slider/components';
import { useReactCompareSlider } from 'react-compare-slider/hooks';
import {
  type ReactZoomPanPinchContentRef,
  type ReactZoomPanPinchRef,
  TransformComponent,
  TransformWrapper,
} from 'react-zoom-pan-pinch';

/** One side of a comparison: the photo and the caption burned on its pane. */
export interface ComparePanePhoto {
  photo: Photo;
  /** e.g. "Before · 12 Mar 2026 · Session 1 of 4". */
  caption: string;
  /** Text alternative, e.g. "Earlier photo: Front · Before · 12 Mar 2026". */
  alt: string;
}

type Transform = { scale: number; positionX: number; positionY: number };
type ZoomRef = RefObject<ReactZoomPanPinchContentRef | null>;

const MAX_SCALE = 8;
const ZOOM_STEP = 0.5;

/**
 * Fills a `container-type: size` box with the photo, contained and turned by the photo's stored rotation
 * (the stored image variants are not rotated). A quarter turn swaps the box's width and height.
 */
function rotatedFill(rotation: Photo['rotation']): CSSProperties {
  const quarter = rotation === 90 || rotation === 270;
  return {
    position: 'absolute',
    top: '50%',
    left: '50%',
    display: 'block',
    width: quarter ? '100cqh' : '100cqw',
    height: quarter ? '100cqw' : '100cqh',
    maxWidth: 'none',
    objectFit: 'contain',
    transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
    userSelect: 'none',
    pointerEvents: 'none',
  };
}

const FILL_BOX: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: '100%',
  containerType: 'size',
  overflow: 'hidden',
};

const PANE: CSSProperties = {
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

function PaneImage({ side, style }: { side: ComparePanePhoto; style?: CSSProperties }) {
  return (
    <img
      src={mediaUrl(side.photo.id, 'preview')}
      alt={side.alt}
      draggable={false}
      style={{ ...rotatedFill(side.photo.rotation), ...style }}
    />
  );
}

/** A caption chip over a pane: white on near-black, readable on any photo. */
function CaptionChip(props: { children: ReactNode; side: 'left' | 'right'; shared?: boolean }) {
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
function ZoomBar(props: { zoomRef: ZoomRef; hintId: string; hint: string; children?: ReactNode }) {
  const zoom = (f: (z: ReactZoomPanPinchContentRef) => void) => () => {
    if (props.zoomRef.current) f(props.zoomRef.current);
  };
  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Text id={props.hintId} size="xs" c="dimmed">
        {props.hint}
      </Text>
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
    </Group>
  );
}

const ZOOM_HINT =
  'Scroll or pinch to zoom, drag to pan, double-click to zoom in or out. With a photo focused: arrow keys pan, + and − zoom, 0 resets.';

const same = (a: Transform, b: Transform) =>
  Math.abs(a.scale - b.scale) < 1e-6 &&
  Math.abs(a.positionX - b.positionX) < 0.01 &&
  Math.abs(a.positionY - b.positionY) < 0.01;

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
        <figure style={PANE}>
          <ZoomSurface label={props.earlier.alt} hintId={hintId} zoomRef={left} onTransform={onLeft}>
            <PaneImage side={props.earlier} />
          </ZoomSurface>
          <figcaption>
            <CaptionChip side="left">{props.earlier.caption}</CaptionChip>
          </figcaption>
        </figure>
        <figure style={PANE}>
          <ZoomSurface label={props.later.alt} hintId={hintId} zoomRef={right} onTransform={onRight}>
            <PaneImage side={props.later} />
          </ZoomSurface>
          <figcaption>
            <CaptionChip side="left">{props.later.caption}</CaptionChip>
          </figcaption>
        </figure>
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
  const itemStyle: CSSProperties = { position: 'relative', containerType: 'size', minHeight: 0 };

  return (
    <>
      <figure style={PANE}>
        <Provider {...slider}>
          <Root style={{ width: '100%', height: '100%', gridTemplate: '100% / 100%' }}>
            <Item item="itemOne" style={itemStyle}>
              <ReactCompareSliderImage
                src={mediaUrl(props.earlier.photo.id, 'preview')}
                alt={props.earlier.alt}
                draggable={false}
                style={rotatedFill(props.earlier.photo.rotation)}
              />
            </Item>
            <Item item="itemTwo" style={itemStyle}>
              <ReactCompareSliderImage
                src={mediaUrl(props.later.photo.id, 'preview')}
                alt={props.later.alt}
                draggable={false}
                style={rotatedFill(props.later.photo.rotation)}
              />
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

/** The later photo over the earlier one at `opacity` percent, both zooming and panning as one. */
export function CompareOverlay(props: {
  earlier: ComparePanePhoto;
  later: ComparePanePhoto;
  opacity: number;
  opacityControl: ReactNode;
}) {
  const hintId = useId();
  const zoom = useRef<ReactZoomPanPinchContentRef>(null);
  return (
    <>
      <figure style={PANE}>
        <ZoomSurface label={`${props.later.alt}, over ${props.earlier.alt}`} hintId={hintId} zoomRef={zoom}>
          <PaneImage side={props.earlier} />
          <PaneImage side={props.later} style={{ opacity: props.opacity / 100 }} />
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
      <ZoomBar zoomRef={zoom} hintId={hintId} hint={ZOOM_HINT}>
        {props.opacityControl}
      </ZoomBar>
    </>
  );
}
