import { mediaUrl, PHASES, type Phase, type Photo, type Pose } from '@contract';
import {
  Alert,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  ScrollArea,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCamera, IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { type CSSProperties, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { AdjustedImage } from './AdjustedImage';
import {
  CHECKLIST_OPTIONS,
  CHECKLISTS,
  type ChecklistId,
  captureFileName,
  firstPose,
  nextPose,
} from './captureChecklist';
import { loadPhotoPages } from './photoPages';
import { PHASE_LABELS, POSE_LABELS, photoAlt } from './photosGrouping';
import { grabFrame, useCaptureCamera } from './useCaptureCamera';

const PHASE_DATA = PHASES.map((value) => ({ value, label: PHASE_LABELS[value] }));

/** Elements where Space already means something (press, toggle, type, pick), so it must not capture. */
const SPACE_OWNERS =
  'button, a[href], input, textarea, select, [contenteditable="true"], [role="slider"], [role="switch"], [role="combobox"], [role="option"], [role="radio"], [role="listbox"]';

const fill: CSSProperties = {
  position: 'absolute',
  inset: 0,
  width: '100%',
  height: '100%',
  objectFit: 'contain',
};

/** The "Take photos" button for the Photos tab, and the guided capture view it opens. */
export function CaptureLauncher(props: { clientId: string; archived: boolean; onCaptured: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        size="sm"
        leftSection={<IconCamera size={16} aria-hidden />}
        disabled={props.archived}
        onClick={() => setOpened(true)}
      >
        Take photos
      </Button>
      <CaptureView
        opened={opened && !props.archived}
        onClose={() => setOpened(false)}
        clientId={props.clientId}
        onCaptured={props.onCaptured}
      />
    </>
  );
}

interface Captured {
  photo: Photo;
  pose: Pose;
  phase: Phase;
}

/**
 * Guided capture: a pose checklist for the treatment, the live camera with the client's last photo of the
 * pose as a see-through "ghost" to line the new shot up with, and Capture (or Space), which imports the
 * frame tagged with the pose and phase and moves on to the next pose.
 */
export function CaptureView(props: {
  opened: boolean;
  onClose: () => void;
  clientId: string;
  /** A photo was stored: reload the timeline. */
  onCaptured: () => void;
}) {
  const { opened, clientId } = props;
  const camera = useCaptureCamera(opened);
  const [checklistId, setChecklistId] = useState<ChecklistId>('face');
  const [phase, setPhase] = useState<Phase>('before');
  const checklist = CHECKLISTS[checklistId];
  const [pose, setPose] = useState<Pose>(checklist[0]!);
  const [captured, setCaptured] = useState<Captured[]>([]);
  const [busy, setBusy] = useState(false);
  const [showGhost, setShowGhost] = useState(true);
  const [opacity, setOpacity] = useState(40);
  const [ghost, setGhost] = useState<Photo | null | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const phaseLabelId = useId();
  const checklistLabelId = useId();
  const hintId = useId();

  const taken = useMemo(
    () => new Set(captured.filter((c) => c.phase === phase).map((c) => c.pose)),
    [captured, phase],
  );
  const allTaken = checklist.every((p) => taken.has(p));

  // Each opening is a new capture session.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening
  useEffect(() => {
    if (!opened) return;
    setCaptured([]);
    setAnnouncement('');
    setPose(CHECKLISTS[checklistId][0]!);
  }, [opened]);

  // The ghost: the client's most recent photo of this pose (the list comes newest first), fetched again
  // after each capture.
  // biome-ignore lint/correctness/useExhaustiveDependencies: captured.length is the refresh trigger
  useEffect(() => {
    if (!opened) return;
    let live = true;
    setGhost(undefined);
    loadPhotoPages(api.photos.list, clientId, { pose, max: 1 })
      .then((list) => live && setGhost(list[0] ?? null))
      .catch(() => live && setGhost(null));
    return () => {
      live = false;
    };
  }, [opened, clientId, pose, captured.length]);

  const chooseChecklist = (id: ChecklistId) => {
    setChecklistId(id);
    setPose(firstPose(CHECKLISTS[id], taken));
  };
  const choosePhase = (next: Phase) => {
    setPhase(next);
    const nextTaken = new Set(captured.filter((c) => c.phase === next).map((c) => c.pose));
    setPose(firstPose(checklist, nextTaken));
  };

  const capture = useCallback(async () => {
    const video = camera.videoRef.current;
    if (busy || !video || camera.state.status !== 'live') return;
    setBusy(true);
    try {
      const bytes = await grabFrame(video);
      const result = await api.photos.import({
        clientId,
        bytes,
        fileName: captureFileName(pose, new Date()),
        phase,
        pose,
      });
      const next = [...captured, { photo: result.photo, pose, phase }];
      setCaptured(next);
      const nowTaken = new Set(next.filter((c) => c.phase === phase).map((c) => c.pose));
      const following = nextPose(checklist, nowTaken, pose);
      setPose(following);
      setAnnouncement(
        `${POSE_LABELS[pose]} taken.${
          following === pose || nowTaken.has(following)
            ? ' Every pose on the checklist is taken.'
            : ` Next: ${POSE_LABELS[following]}.`
        }`,
      );
      if (result.duplicate) {
        notifications.show({ color: 'gray', message: 'That frame was already in the client’s photos.' });
      }
      props.onCaptured();
    } catch (e) {
      showApiError(e, 'The photo could not be saved');
    } finally {
      setBusy(false);
    }
  }, [busy, camera.videoRef, camera.state.status, captured, checklist, clientId, phase, pose, props]);

  // Space captures, unless the focused control has its own use for Space.
  const captureRef = useRef(capture);
  captureRef.current = capture;
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(SPACE_OWNERS)) return;
      event.preventDefault();
      void captureRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened]);

  const live = camera.state.status === 'live';
  const sessionShots = captured;

  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      fullScreen
      title="Take photos"
      styles={{
        title: { fontWeight: 600 },
        body: { height: 'calc(100% - 60px)', display: 'flex', flexDirection: 'column' },
        content: { display: 'flex', flexDirection: 'column' },
      }}
    >
      <Group gap="md" align="flex-end" wrap="wrap" mb="sm">
        <Select
          label="Checklist"
          size="sm"
          w={200}
          allowDeselect={false}
          data={CHECKLIST_OPTIONS}
          value={checklistId}
          onChange={(v) => v && chooseChecklist(v as ChecklistId)}
        />
        <Stack gap={4}>
          <Text id={phaseLabelId} size="sm" fw={500}>
            Phase
          </Text>
          <SegmentedControl
            aria-labelledby={phaseLabelId}
            data={PHASE_DATA}
            value={phase}
            onChange={(v) => choosePhase(v as Phase)}
          />
        </Stack>
        {camera.devices.length > 1 && (
          <Select
            label="Camera"
            size="sm"
            w={240}
            allowDeselect={false}
            data={camera.devices.map((d) => ({ value: d.deviceId, label: d.label }))}
            value={camera.deviceId ?? camera.devices[0]?.deviceId ?? null}
            onChange={(v) => v && camera.setDeviceId(v)}
          />
        )}
        <Switch
          label="Show ghost"
          checked={showGhost}
          onChange={(e) => setShowGhost(e.currentTarget.checked)}
          mb={8}
        />
        <Stack gap={4} w={200}>
          <Text size="sm" fw={500} aria-hidden>
            Ghost opacity
          </Text>
          <Slider
            min={0}
            max={100}
            step={5}
            value={opacity}
            onChange={setOpacity}
            disabled={!showGhost}
            label={(v) => `${v}%`}
            thumbLabel="Ghost opacity"
            thumbValueText={(v) => `${v}%`}
          />
        </Stack>
      </Group>

      <div style={{ display: 'flex', gap: 16, flex: 1, minHeight: 0 }}>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <section
            aria-label={`Live camera, ${POSE_LABELS[pose]}`}
            aria-describedby={hintId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so Space can capture from here
            tabIndex={0}
            data-autofocus
            className="capture-stage mantine-focus-auto"
            data-testid="capture-stage"
            style={{
              position: 'relative',
              flex: 1,
              minHeight: 240,
              background: '#111',
              borderRadius: 8,
              overflow: 'hidden',
            }}
          >
            <video
              ref={camera.attachVideo}
              muted
              playsInline
              autoPlay
              aria-label="Live camera picture"
              style={fill}
            />
            {live && showGhost && ghost && (
              // Turned and cropped as stored, so the ghost frames the shot as the earlier one was framed.
              <AdjustedImage
                photo={ghost}
                variant="preview"
                alt={`Ghost: ${photoAlt(ghost)}`}
                opacity={opacity / 100}
                imgProps={{ 'data-testid': 'capture-ghost', 'data-photo-id': ghost.id }}
              />
            )}
            {camera.state.status === 'starting' && (
              <Group justify="center" style={{ ...fill, alignItems: 'center' }}>
                <Loader color="gray.2" aria-label="Starting the camera" />
              </Group>
            )}
            {camera.state.status === 'error' && (
              <Group justify="center" p="xl" style={{ ...fill, alignItems: 'center' }}>
                <Alert
                  color="red"
                  variant="filled"
                  maw={520}
                  icon={<IconAlertTriangle aria-hidden />}
                  title="The camera is not available"
                  role="alert"
                >
                  <Stack gap="sm">
                    <Text size="sm">{camera.state.message}</Text>
                    <Group>
                      <Button variant="white" color="dark" size="xs" onClick={camera.retry}>
                        Try again
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              </Group>
            )}
          </section>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" data-testid="capture-ghost-status">
              {ghost === undefined
                ? 'Looking for an earlier photo of this pose…'
                : ghost === null
                  ? 'No earlier photo of this pose'
                  : `Ghost: ${photoAlt(ghost)}${showGhost ? '' : ' (hidden)'}`}
            </Text>
            <Group gap="sm">
              <Text id={hintId} size="sm" c="dimmed">
                Press <Kbd>Space</Kbd> to capture
              </Text>
              <Button
                size="md"
                leftSection={<IconCamera size={18} aria-hidden />}
                onClick={() => void capture()}
                loading={busy}
                disabled={!live}
              >
                Capture {POSE_LABELS[pose]}
              </Button>
            </Group>
          </Group>
          <CaptureStrip shots={sessionShots} />
        </Stack>

        <Stack gap="xs" w={240} style={{ flexShrink: 0 }}>
          <Text id={checklistLabelId} fw={600} size="sm">
            Poses to take ({checklist.filter((p) => taken.has(p)).length} of {checklist.length})
          </Text>
          <ol
            aria-labelledby={checklistLabelId}
            style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 4 }}
          >
            {checklist.map((p) => {
              const done = taken.has(p);
              const current = p === pose;
              return (
                <li key={p}>
                  <UnstyledButton
                    className="capture-pose"
                    aria-current={current ? 'step' : undefined}
                    data-done={done || undefined}
                    onClick={() => setPose(p)}
                    w="100%"
                    p={8}
                    style={{
                      borderRadius: 6,
                      border: `2px solid ${current ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
                      background: current ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon
                        size="sm"
                        radius="xl"
                        color={done ? 'teal.8' : 'gray'}
                        variant={done ? 'filled' : 'light'}
                        aria-hidden
                      >
                        {done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
                      </ThemeIcon>
                      <Text size="sm" fw={current ? 600 : 400}>
                        {POSE_LABELS[p]}
                      </Text>
                      <Text size="xs" ml="auto" c={current ? undefined : done ? 'teal.9' : 'dimmed'}>
                        {done ? 'done' : current ? 'now' : 'to do'}
                      </Text>
                    </Group>
                  </UnstyledButton>
                </li>
              );
            })}
          </ol>
          {allTaken && (
            <Text size="sm" c="teal.9" fw={500}>
              Every pose on the checklist is taken.
            </Text>
          )}
          <Button variant="default" mt="auto" onClick={props.onClose}>
            Finish capturing
          </Button>
        </Stack>
      </div>

      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Modal>
  );
}

/** Thumbnails of the photos taken since the view was opened. */
function CaptureStrip(props: { shots: Captured[] }) {
  const titleId = useId();
  if (props.shots.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <Text id={titleId} size="xs" fw={600} mb={4}>
        Taken now ({props.shots.length})
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', gap: 8 }}>
          {props.shots.map((s) => (
            <li key={s.photo.id}>
              <img
                src={mediaUrl(s.photo.id, 'thumb')}
                alt={photoAlt(s.photo)}
                data-testid="capture-thumb"
                height={64}
                style={{ height: 64, width: 'auto', borderRadius: 4, display: 'block' }}
              />
            </li>
          ))}
        </ul>
      </ScrollArea>
    </section>
  );
}
