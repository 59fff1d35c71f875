import { mediaUrl, type Photo } from '@contract';
import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconCrop,
  IconZoomIn,
  IconZoomOut,
  IconZoomReset,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
import { AdjustedImage } from './AdjustedImage';
import { PhotoAdjuster } from './PhotoAdjuster';
import { formatDay, PHASE_LABELS, POSE_LABELS, photoAlt, photoDate } from './photosGrouping';

/** Pose · phase · date · session · file name, for the viewer's caption. */
export function photoCaption(photo: Photo, session: string | null): string[] {
  return [
    photo.pose ? POSE_LABELS[photo.pose] : 'No pose',
    photo.phase ? PHASE_LABELS[photo.phase] : 'No phase',
    photo.takenAt ? `Taken ${formatDay(photo.takenAt)}` : `Imported ${formatDay(photoDate(photo))}`,
    session ? `Session ${session}` : 'No session',
    ...(photo.originalName ? [photo.originalName] : []),
  ];
}

/**
 * A full-screen look at one photo (the preview rendition, turned and cropped as stored): wheel or pinch to
 * zoom, drag to pan, the buttons for keyboard users; the left and right arrow keys walk through the
 * filtered timeline. Adjust (A) turns and crops the photo (PhotoAdjuster).
 */
export function PhotoViewer(props: {
  /** The timeline, in display order. */
  photos: Photo[];
  /** Which one is shown; null when the viewer is closed. */
  index: number | null;
  onNavigate: (index: number) => void;
  onClose: () => void;
  sessionLabel: (sessionId: string | null) => string | null;
  /** False for an archived client: photos can be looked at but not adjusted. */
  canAdjust?: boolean;
}) {
  const { photos, index, onNavigate, canAdjust = false } = props;
  const listed = index === null ? undefined : photos[index];
  // The photo as just saved, shown over the listed one until the timeline reloads with it.
  const [saved, setSaved] = useState<{ photo: Photo; over: Photo } | null>(null);
  const photo = saved && saved.over === listed ? saved.photo : listed;
  const opened = photo !== undefined;
  const [adjusting, setAdjusting] = useState(false);
  const adjustButton = useRef<HTMLButtonElement>(null);
  const stopAdjusting = () => {
    setAdjusting(false);
    requestAnimationFrame(() => adjustButton.current?.focus());
  };
  // Closing the viewer or moving to another photo leaves Adjust mode.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the photo's id is the trigger
  useEffect(() => setAdjusting(false), [listed?.id]);
  const last = photos.length - 1;
  const prev = () => index !== null && index > 0 && onNavigate(index - 1);
  const next = () => index !== null && index < last && onNavigate(index + 1);

  // Left and right step through the timeline while the viewer is open (and only then); A adjusts. In
  // Adjust mode the adjuster has the keyboard.
  const step = useRef({ prev, next, adjust: () => {} });
  step.current = { prev, next, adjust: () => canAdjust && setAdjusting(true) };
  useEffect(() => {
    if (!opened || adjusting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') step.current.prev();
      else if (event.key === 'ArrowRight') step.current.next();
      else if (event.key.toLowerCase() === 'a') step.current.adjust();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened, adjusting]);

  // Fetch the neighbours' previews ahead, so stepping through is instant.
  useEffect(() => {
    if (index === null) return;
    for (const i of [index - 1, index + 1]) {
      const p = photos[i];
      if (p) new Image().src = mediaUrl(p.id, 'preview');
    }
  }, [index, photos]);

  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      closeOnEscape={!adjusting}
      fullScreen
      returnFocus={false}
      transitionProps={{ duration: 0 }}
      title={
        opened ? (
          <Text fw={600} component="span">
            {adjusting ? 'Adjust photo' : 'Photo'} {index! + 1} of {photos.length}
          </Text>
        ) : (
          'Photo'
        )
      }
      styles={{
        content: { display: 'flex', flexDirection: 'column' },
        body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', padding: 0 },
      }}
    >
      {photo && adjusting && (
        <PhotoAdjuster
          key={photo.id}
          photo={photo}
          onCancel={stopAdjusting}
          onSaved={(updated) => {
            setSaved({ photo: updated, over: listed! });
            stopAdjusting();
          }}
        />
      )}
      {photo && !adjusting && (
        <TransformWrapper
          key={photo.id}
          minScale={1}
          maxScale={12}
          centerOnInit
          doubleClick={{ mode: 'toggle', step: 1.5 }}
          wheel={{ step: 0.2 }}
        >
          {({ zoomIn, zoomOut, resetTransform }) => (
            <>
              <div
                style={{
                  flex: 1,
                  minHeight: 0,
                  background: 'light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-8))',
                }}
              >
                <TransformComponent
                  wrapperStyle={{ width: '100%', height: '100%', cursor: 'grab' }}
                  contentStyle={{ width: '100%', height: '100%', position: 'relative' }}
                >
                  <AdjustedImage
                    photo={photo}
                    variant="preview"
                    alt={photoAlt(photo)}
                    imgProps={{ 'data-testid': 'photo-viewer-image' }}
                  />
                </TransformComponent>
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
                <Text size="sm" data-testid="photo-viewer-caption" style={{ minWidth: 0 }} truncate="end">
                  {photoCaption(photo, props.sessionLabel(photo.sessionId)).map((part, i) => (
                    <Text key={part} span size="sm" c={i < 2 ? undefined : 'dimmed'} fw={i < 2 ? 600 : 400}>
                      {i > 0 && ' · '}
                      {part}
                    </Text>
                  ))}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Tooltip label={canAdjust ? 'Rotate and crop (A)' : 'Restore the client to adjust photos'}>
                    <Button
                      ref={adjustButton}
                      variant="default"
                      leftSection={<IconCrop size={16} aria-hidden />}
                      data-disabled={!canAdjust || undefined}
                      aria-disabled={!canAdjust || undefined}
                      onClick={() => canAdjust && setAdjusting(true)}
                    >
                      Adjust
                    </Button>
                  </Tooltip>
                  <Tooltip label="Previous photo (←)">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label="Previous photo"
                      disabled={index === 0}
                      onClick={prev}
                    >
                      <IconChevronLeft size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Next photo (→)">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label="Next photo"
                      disabled={index === last}
                      onClick={next}
                    >
                      <IconChevronRight size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Zoom out">
                    <ActionIcon variant="default" size="lg" aria-label="Zoom out" onClick={() => zoomOut()}>
                      <IconZoomOut size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Zoom in">
                    <ActionIcon variant="default" size="lg" aria-label="Zoom in" onClick={() => zoomIn()}>
                      <IconZoomIn size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Reset zoom">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      aria-label="Reset zoom"
                      onClick={() => resetTransform()}
                    >
                      <IconZoomReset size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </>
          )}
        </TransformWrapper>
      )}
    </Modal>
  );
}
