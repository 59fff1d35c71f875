import { mediaUrl, type Photo } from '@contract';
import { ActionIcon, Group, Modal, Text, Tooltip } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconZoomIn,
  IconZoomOut,
  IconZoomReset,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
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
 * A full-screen look at one photo (the preview rendition): wheel or pinch to zoom, drag to pan, the
 * buttons for keyboard users; the left and right arrow keys walk through the filtered timeline.
 */
export function PhotoViewer(props: {
  /** The timeline, in display order. */
  photos: Photo[];
  /** Which one is shown; null when the viewer is closed. */
  index: number | null;
  onNavigate: (index: number) => void;
  onClose: () => void;
  sessionLabel: (sessionId: string | null) => string | null;
}) {
  const { photos, index, onNavigate } = props;
  const photo = index === null ? undefined : photos[index];
  const opened = photo !== undefined;
  const last = photos.length - 1;
  const prev = () => index !== null && index > 0 && onNavigate(index - 1);
  const next = () => index !== null && index < last && onNavigate(index + 1);

  // Left and right step through the timeline while the viewer is open (and only then).
  const step = useRef({ prev, next });
  step.current = { prev, next };
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key === 'ArrowLeft') step.current.prev();
      else if (event.key === 'ArrowRight') step.current.next();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened]);

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
      fullScreen
      returnFocus={false}
      transitionProps={{ duration: 0 }}
      title={
        opened ? (
          <Text fw={600} component="span">
            Photo {index! + 1} of {photos.length}
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
      {photo && (
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
                  contentStyle={{ width: '100%', height: '100%' }}
                >
                  <img
                    src={mediaUrl(photo.id, 'preview')}
                    alt={photoAlt(photo)}
                    draggable={false}
                    style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
                  />
                </TransformComponent>
              </div>
              <Group
                justify="space-between"
                wrap="nowrap"
                px="md"
                py="sm"
                gap="md"
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
