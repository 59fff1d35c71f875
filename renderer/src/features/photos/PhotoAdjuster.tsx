import 'react-image-crop/dist/ReactCrop.css';
import {
  type Adjustment,
  type CropRect,
  clampCrop,
  MIN_CROP,
  mediaUrl,
  type Photo,
  rotateCrop,
  turn,
} from '@contract';
import { ActionIcon, Button, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconCrop, IconRotate, IconRotateClockwise } from '@tabler/icons-react';
import { type CSSProperties, useEffect, useId, useRef, useState } from 'react';
import ReactCrop, { type PercentCrop } from 'react-image-crop';
import { adjustedLayout } from './adjustedLayout';
import { keyTarget } from './adjustKeys';
import { photoAlt } from './photosGrouping';
import { saveAdjustment } from './saveAdjustment';

/** Where a keyboard user's first crop starts: most of the photo, centred, ready to be moved and resized. */
const FIRST_CROP: PercentCrop = { unit: '%', x: 10, y: 10, width: 80, height: 80 };
/** A crop this close to the whole photo is no crop. */
const WHOLE = 0.999;

const toPercent = (c: CropRect): PercentCrop => ({
  unit: '%',
  x: c.x * 100,
  y: c.y * 100,
  width: c.width * 100,
  height: c.height * 100,
});

function toCrop(p: PercentCrop | undefined): CropRect | null {
  if (!p || p.width <= 0 || p.height <= 0) return null;
  const crop = clampCrop({ x: p.x / 100, y: p.y / 100, width: p.width / 100, height: p.height / 100 });
  return crop.width >= WHOLE && crop.height >= WHOLE ? null : crop;
}

const STAGE: CSSProperties = {
  flex: 1,
  minHeight: 0,
  display: 'flex',
  // Room round the photo for the crop handles at its edges.
  padding: 24,
  background: 'light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-8))',
};

/**
 * The viewer's Adjust mode: turn the photo in quarter turns and crop it by dragging a rectangle
 * (react-image-crop: draw, move, resize by the handles, and the arrow keys on the focused box or handle).
 * Saving stores the rotation and crop on the photo through photos.update; the original is never changed.
 */
export function PhotoAdjuster(props: {
  photo: Photo;
  onCancel: () => void;
  onSaved: (photo: Photo) => void;
}) {
  const { photo } = props;
  const [rotation, setRotation] = useState(photo.rotation);
  // Kept in react-image-crop's own units while editing: a crop being drawn starts at zero size.
  const [crop, setCrop] = useState<PercentCrop | undefined>(photo.crop ? toPercent(photo.crop) : undefined);
  const [saving, setSaving] = useState(false);
  const hintId = useId();
  const frame = useElementSize();
  const stage = useRef<HTMLDivElement>(null);
  // After drawing or moving the crop, the crop box has the focus: the arrow keys fine-tune it and Enter
  // saves (react-image-crop keeps the focus where it was, e.g. on the last button pressed).
  const focusCrop = () =>
    requestAnimationFrame(() =>
      stage.current?.querySelector<HTMLElement>('.ReactCrop__crop-selection')?.focus({ preventScroll: true }),
    );
  const layout = adjustedLayout(photo, { rotation, crop: null }, 'contain');
  const draft: Adjustment = { rotation, crop: toCrop(crop) };
  const changed =
    draft.rotation !== photo.rotation || JSON.stringify(draft.crop) !== JSON.stringify(photo.crop);

  const rotate = (quarterTurns: number) => {
    setRotation((r) => turn(r, quarterTurns));
    // The crop turns with the picture, so it stays on the same part of it.
    setCrop((c) => {
      const current = toCrop(c);
      return current ? toPercent(rotateCrop(current, quarterTurns)) : undefined;
    });
  };

  const save = async () => {
    if (saving) return;
    if (!changed) return props.onCancel();
    setSaving(true);
    const updated = await saveAdjustment(photo, draft);
    setSaving(false);
    if (updated) props.onSaved(updated);
  };

  // R / Shift+R turn, Enter saves, Escape cancels (the viewer does not close on Escape meanwhile).
  const actions = useRef({ rotate, save, cancel: props.onCancel });
  actions.current = { rotate, save, cancel: props.onCancel };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const { activates, typing } = keyTarget(event);
      if (event.key === 'Escape') actions.current.cancel();
      else if (event.key === 'Enter' && !activates) void actions.current.save();
      else if (event.key.toLowerCase() === 'r' && !typing) actions.current.rotate(event.shiftKey ? -1 : 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <div ref={stage} style={STAGE} data-testid="photo-adjuster">
        <div style={{ position: 'relative', flex: 1, containerType: 'size' }}>
          <div ref={frame.ref} style={{ ...layout.frame, overflow: 'visible' }}>
            <ReactCrop
              crop={crop}
              onChange={(_, percent) => setCrop(percent)}
              onDragEnd={focusCrop}
              ruleOfThirds
              minWidth={MIN_CROP * frame.width}
              minHeight={MIN_CROP * frame.height}
              style={{ display: 'block', width: '100%', height: '100%' }}
              ariaLabels={{
                cropArea: 'Crop area: arrow keys move it, Shift moves further',
                nwDragHandle: 'Top left corner of the crop: arrow keys resize',
                nDragHandle: 'Top edge of the crop: arrow keys resize',
                neDragHandle: 'Top right corner of the crop: arrow keys resize',
                eDragHandle: 'Right edge of the crop: arrow keys resize',
                seDragHandle: 'Bottom right corner of the crop: arrow keys resize',
                sDragHandle: 'Bottom edge of the crop: arrow keys resize',
                swDragHandle: 'Bottom left corner of the crop: arrow keys resize',
                wDragHandle: 'Left edge of the crop: arrow keys resize',
              }}
            >
              <div
                style={{
                  position: 'relative',
                  width: '100%',
                  aspectRatio: layout.aspect,
                  overflow: 'hidden',
                }}
              >
                <img
                  src={mediaUrl(photo.id, 'preview')}
                  alt={photoAlt(photo)}
                  draggable={false}
                  style={layout.image}
                />
              </div>
            </ReactCrop>
          </div>
        </div>
      </div>
      <Group
        justify="space-between"
        wrap="nowrap"
        px="md"
        py="sm"
        gap="md"
        mih={60}
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text size="sm" c="dimmed" id={hintId} style={{ minWidth: 0 }}>
          Drag across the photo to crop; drag the box or its handles to change it. <Kbd size="xs">R</Kbd>{' '}
          turns right, <Kbd size="xs">Shift</Kbd>+<Kbd size="xs">R</Kbd> left, <Kbd size="xs">Enter</Kbd>{' '}
          saves, <Kbd size="xs">Esc</Kbd> cancels. The original photo is never changed.
        </Text>
        <Group gap={6} wrap="nowrap">
          <Tooltip label="Rotate left (Shift+R)">
            <ActionIcon variant="default" size="lg" aria-label="Rotate left" onClick={() => rotate(-1)}>
              <IconRotate size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Rotate right (R)">
            <ActionIcon variant="default" size="lg" aria-label="Rotate right" onClick={() => rotate(1)}>
              <IconRotateClockwise size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Button
            variant="default"
            leftSection={<IconCrop size={16} aria-hidden />}
            onClick={() => {
              setCrop(draft.crop ? undefined : FIRST_CROP);
              if (!draft.crop) focusCrop();
            }}
          >
            {draft.crop ? 'Remove crop' : 'Add crop'}
          </Button>
          <Button
            variant="subtle"
            disabled={rotation === 0 && !draft.crop}
            onClick={() => {
              setRotation(0);
              setCrop(undefined);
            }}
          >
            Reset
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving} aria-describedby={hintId}>
            Save
          </Button>
        </Group>
      </Group>
    </>
  );
}
