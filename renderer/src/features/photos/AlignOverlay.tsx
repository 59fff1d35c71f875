import {
  type Adjustment,
  adjustedAspect,
  type CropRect,
  coverCrop,
  MIN_CROP,
  mediaUrl,
  type Photo,
  type Rotation,
  turn,
  uprightSize,
} from '@contract';
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconMaximize, IconRotate, IconRotateClockwise, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type ReactZoomPanPinchContentRef, TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
import { adjustedLayout } from './adjustedLayout';
import { keyTarget } from './adjustKeys';
import { coverSize, cropFromTransform, nudgeCrop, scaleCrop, transformFromCrop } from './alignMaths';
import { CaptionChip, type ComparePanePhoto, FILL_BOX, PANE, PaneToolbar } from './compareParts';

/** Screen pixels an arrow key moves the later photo; with Shift, BIG_NUDGE. */
const NUDGE = 2;
const BIG_NUDGE = 20;
/** How much + and − scale the later photo; with Shift, BIG_ZOOM. */
const ZOOM = 1.02;
const BIG_ZOOM = 1.1;
const ALIGN_HINT =
  'Drag the later photo until it lines up, scroll or pinch to scale. With it focused: arrow keys nudge (Shift: further), + and − scale, R turns right (Shift+R left). Enter saves, Esc cancels.';

/**
 * Where the later photo starts: its saved alignment when that already has the earlier photo's shape,
 * otherwise the whole photo fitted to the earlier one's frame.
 */
function startingCrop(later: Photo, rotation: Rotation, frameAspect: number): CropRect {
  const saved = later.crop;
  if (saved && rotation === later.rotation) {
    const aspect = adjustedAspect(later, { rotation, crop: saved });
    if (Math.abs(aspect / frameAspect - 1) < 0.01) return saved;
  }
  return coverCrop(uprightSize(later, rotation), frameAspect);
}

/**
 * "Align to earlier": the earlier photo (as adjusted) fixes a frame, and the later photo lies over it at
 * the chosen opacity. Dragging, the wheel or a pinch (react-zoom-pan-pinch) and the keyboard move and scale
 * the later photo, quarter turns rotate it; what of it lies inside the frame becomes its crop, which has the
 * earlier photo's shape, so every later comparison of the pair lines up.
 */
export function AlignOverlay(props: {
  earlier: ComparePanePhoto;
  later: ComparePanePhoto;
  opacity: number;
  opacityControl: ReactNode;
  onCancel: () => void;
  /** Resolves when done (saved or not; the caller reports errors). */
  onSave: (adjustment: Adjustment) => Promise<void>;
}) {
  const earlier = props.earlier.photo;
  const later = props.later.photo;
  const hintId = useId();
  const frameAspect = adjustedAspect(earlier, earlier);
  const [rotation, setRotation] = useState<Rotation>(later.rotation);
  const [crop, setCrop] = useState<CropRect>(() => startingCrop(later, later.rotation, frameAspect));
  const [saving, setSaving] = useState(false);
  const zoomRef = useRef<ReactZoomPanPinchContentRef>(null);
  // The surface takes the focus when aligning starts, so the arrow keys work straight away.
  const focused = useRef(false);

  const frameLayout = useMemo(() => adjustedLayout(earlier, earlier, 'contain'), [earlier]);
  const laterLayout = useMemo(
    () => adjustedLayout(later, { rotation, crop: null }, 'contain'),
    [later, rotation],
  );
  const measured = useElementSize();
  const frame = { width: measured.width, height: measured.height };
  const content = coverSize(frame, uprightSize(later, rotation));
  const initial = transformFromCrop(crop, frame, content);
  // Zooming in stops at the smallest crop allowed; zooming out at the photo just covering the frame.
  const maxScale = Math.min(frame.width / content.width, frame.height / content.height) / MIN_CROP;

  /** Sets the crop and moves the later photo to show it. */
  const show = (next: CropRect) => {
    setCrop(next);
    const t = transformFromCrop(next, frame, content);
    zoomRef.current?.setTransform(t.positionX, t.positionY, t.scale, 0);
  };
  const rotate = (quarterTurns: number) => {
    const next = turn(rotation, quarterTurns);
    setRotation(next);
    // A turned photo has another shape: start again from the whole of it, fitted to the frame.
    setCrop(coverCrop(uprightSize(later, next), frameAspect));
  };
  const scale = (factor: number) => show(scaleCrop(crop, factor));
  const save = async () => {
    if (saving) return;
    setSaving(true);
    await props.onSave({ rotation, crop });
    setSaving(false);
  };

  // Enter saves, Escape cancels, R / Shift+R turn, + / − scale: wherever the focus is in the compare view
  // (the view does not close on Escape meanwhile). The arrow keys nudge when the photo has the focus.
  const actions = useRef({ save, cancel: props.onCancel, rotate, scale });
  actions.current = { save, cancel: props.onCancel, rotate, scale };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const { activates, typing } = keyTarget(event);
      const a = actions.current;
      if (event.key === 'Escape') a.cancel();
      else if (event.key === 'Enter' && !activates) void a.save();
      else if (typing) return;
      else if (event.key.toLowerCase() === 'r') a.rotate(event.shiftKey ? -1 : 1);
      else if (event.key === '+' || event.key === '=') a.scale(event.shiftKey ? BIG_ZOOM : ZOOM);
      else if (event.key === '-' || event.key === '_') a.scale(1 / (event.shiftKey ? BIG_ZOOM : ZOOM));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onSurfaceKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_NUDGE : NUDGE;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || frame.width === 0) return;
    event.preventDefault();
    // Moving the photo right shows more of its left: the crop moves the other way.
    show(nudgeCrop(crop, (-move[0] / frame.width) * crop.width, (-move[1] / frame.height) * crop.height));
  };

  const ready = frame.width > 0 && frame.height > 0;
  return (
    <>
      <figure style={PANE} data-testid="align-overlay">
        <div style={FILL_BOX}>
          <div ref={measured.ref} style={frameLayout.frame}>
            <img
              src={mediaUrl(earlier.id, 'preview')}
              alt={props.earlier.alt}
              draggable={false}
              style={frameLayout.image}
            />
            {ready && (
              <TransformWrapper
                // Set up afresh for each rotation and frame size, from the crop (the state that matters).
                key={`${rotation}:${Math.round(frame.width)}x${Math.round(frame.height)}`}
                ref={zoomRef}
                initialScale={initial.scale}
                initialPositionX={initial.positionX}
                initialPositionY={initial.positionY}
                minScale={1}
                maxScale={maxScale}
                limitToBounds
                disablePadding
                doubleClick={{ disabled: true }}
                velocityAnimation={{ disabled: true }}
                wheel={{ step: 0.05 }}
                onTransform={(_, state) => setCrop(cropFromTransform(state, frame, content))}
                onInit={(ref) => {
                  // Focus on the first set-up, and again when a rotation by key rebuilt the surface under
                  // the focus (which then fell to the page).
                  const lost = !document.activeElement || document.activeElement === document.body;
                  if (focused.current && !lost) return;
                  focused.current = true;
                  ref.instance.wrapperComponent?.focus({ preventScroll: true });
                }}
              >
                <TransformComponent
                  wrapperStyle={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }}
                  contentStyle={{ width: content.width, height: content.height, cursor: 'move' }}
                  wrapperClass="photo-align-surface"
                  wrapperProps={{
                    tabIndex: 0,
                    role: 'group',
                    'aria-roledescription': 'alignment area',
                    'aria-label': `${props.later.alt}, being lined up over ${props.earlier.alt}`,
                    'aria-describedby': hintId,
                    onKeyDown: onSurfaceKey,
                  }}
                >
                  <div
                    style={{
                      position: 'relative',
                      width: '100%',
                      height: '100%',
                      opacity: props.opacity / 100,
                    }}
                  >
                    <img
                      src={mediaUrl(later.id, 'preview')}
                      alt=""
                      draggable={false}
                      style={laterLayout.image}
                    />
                  </div>
                </TransformComponent>
              </TransformWrapper>
            )}
          </div>
        </div>
        <figcaption>
          <CaptionChip side="left" shared>
            {props.earlier.caption}
          </CaptionChip>{' '}
          <CaptionChip side="right" shared>
            Aligning {props.later.caption} · {Math.round(props.opacity)}%
          </CaptionChip>
        </figcaption>
      </figure>
      <PaneToolbar hintId={hintId} hint={ALIGN_HINT} stacked>
        <Group justify="space-between" gap="md" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            {props.opacityControl}
            <Group gap={4} wrap="nowrap" role="group" aria-label="Turn and scale the later photo">
              <Tooltip label="Rotate left (Shift+R)">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Rotate later photo left"
                  onClick={() => rotate(-1)}
                >
                  <IconRotate size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Rotate right (R)">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Rotate later photo right"
                  onClick={() => rotate(1)}
                >
                  <IconRotateClockwise size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Smaller (−)">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Make later photo smaller"
                  onClick={() => scale(1 / BIG_ZOOM)}
                >
                  <IconZoomOut size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Larger (+)">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Make later photo larger"
                  onClick={() => scale(BIG_ZOOM)}
                >
                  <IconZoomIn size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Fit the whole later photo again">
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Fit later photo"
                  onClick={() => show(coverCrop(uprightSize(later, rotation), frameAspect))}
                >
                  <IconMaximize size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={saving}>
              Save alignment
            </Button>
          </Group>
        </Group>
      </PaneToolbar>
    </>
  );
}
