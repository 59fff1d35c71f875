import '@mantine/dropzone/styles.css';
import './photos.css';
import type { Phase, Photo, Pose, SessionSummary } from '@contract';
import { Alert, Button, Group, Loader, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFilterOff, IconPhoto, IconUpload } from '@tabler/icons-react';
import {
  type ChangeEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api } from '../../api/api';
import { modKey } from '../../app/platform';
import { EmptyState } from '../../shared/EmptyState';
import { showApiError } from '../../shared/showApiError';
import { CaptureLauncher } from './CaptureView';
import { FolderInput } from './FolderInput';
import {
  ImportBar,
  ImportProgressBar,
  ImportResults,
  type Option,
  PHASE_OPTIONS,
  POSE_OPTIONS,
} from './ImportPanel';
import { PhotoTimeline, type TimelineHandle } from './PhotoTimeline';
import { PhotoViewer } from './PhotoViewer';
import { type BatchTags, droppedFiles, IMPORT_ACCEPT, NO_TAGS } from './photoImport';
import {
  clickSelect,
  EMPTY_SELECTION,
  groupPhotos,
  olderFirst,
  PHASE_LABELS,
  POSE_LABELS,
  pruneSelection,
  type Selection,
  selectAll,
  selectedPhotos,
  sessionLabel,
} from './photosGrouping';
import { type PhotoPatch, SelectionBar } from './SelectionBar';
import { usePhotoAdjustments } from './saveAdjustment';
import { useImportQueue } from './useImportQueue';
import { useTimelinePhotos } from './useTimelinePhotos';

/** Room kept under the last row so the floating selection bar never hides a photo. */
const SELECTION_BAR_SPACE = 136;
/** The most ids one photos.update call accepts. */
const UPDATE_CHUNK = 5000;

/**
 * A client's photos: import (file chooser or drag and drop, one file at a time with progress and a
 * per-file report), a virtualised timeline grouped by session or day, selection with bulk tagging, and a
 * full-screen zoomable viewer.
 */
export function PhotosTab(props: {
  clientId: string;
  archived: boolean;
  onCompare?: (a: Photo, b: Photo) => void;
}) {
  const { clientId, archived, onCompare } = props;
  const [pose, setPose] = useState<Pose | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [reloadKey, setReloadKey] = useState(0);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [viewerId, setViewerId] = useState<string | null>(null);
  const [tags, setTags] = useState<BatchTags>(NO_TAGS);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const timelineRef = useRef<TimelineHandle>(null);
  const hintId = useId();
  const refresh = useCallback(() => setReloadKey((k) => k + 1), []);
  // A rotation or crop saved in the viewer or the compare view: reload so the thumbnails show it.
  usePhotoAdjustments(clientId, refresh);

  // Page by page: the first page shows at once, older photos follow.
  const { photos, complete, error } = useTimelinePhotos(clientId, phase, pose, reloadKey);

  useEffect(() => {
    let live = true;
    api.sessions
      .listForClient({ clientId })
      .then((list) => live && setSessions(list))
      // Without sessions the timeline still works: session groups just lose their labels.
      .catch(() => live && setSessions([]));
    return () => {
      live = false;
    };
  }, [clientId]);

  const sessionOptions: Option[] = useMemo(
    () =>
      [...sessions]
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))
        .map((s) => ({
          value: s.id,
          label: `${sessionLabel(s)}${s.status === 'draft' ? ' (draft)' : s.status === 'stopped' ? ' (stopped)' : ''}`,
        })),
    [sessions],
  );
  const sessionLabelFor = useCallback(
    (id: string | null) => {
      const s = id ? sessions.find((x) => x.id === id) : undefined;
      return s ? sessionLabel(s) : id ? 'details unavailable' : null;
    },
    [sessions],
  );

  const groups = useMemo(() => (photos ? groupPhotos(photos, sessions) : []), [photos, sessions]);
  const order = useMemo(() => groups.flatMap((g) => g.photos), [groups]);
  const orderIds = useMemo(() => order.map((p) => p.id), [order]);

  // Selected photos that a filter or refresh hid are no longer selected.
  useEffect(() => setSelection((s) => pruneSelection(s, orderIds)), [orderIds]);

  const viewerIndex = viewerId === null ? -1 : orderIds.indexOf(viewerId);
  const viewerOpen = viewerIndex >= 0;

  // Ctrl/Cmd+A selects every photo shown; Escape clears the selection. Listened for in the capture phase,
  // so an Escape that closes the viewer (or any other dialog) is seen while that dialog is still open.
  const keyState = useRef({ viewerOpen, orderIds });
  keyState.current = { viewerOpen, orderIds };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keyState.current.viewerOpen || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey) {
        setSelection((s) => (s.ids.size === 0 ? s : EMPTY_SELECTION));
      } else if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'a') {
        const ids = keyState.current.orderIds;
        if (ids.length === 0) return;
        event.preventDefault();
        setSelection(selectAll(ids));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const onTileClick = useCallback(
    (index: number, mods: { toggle: boolean; range: boolean }) => {
      const id = orderIds[index];
      if (id) setSelection((s) => clickSelect(s, orderIds, id, mods));
    },
    [orderIds],
  );
  const onExtend = useCallback(
    (from: number, to: number) => {
      const fromId = orderIds[from];
      const toId = orderIds[to];
      if (!fromId || !toId) return;
      setSelection((s) =>
        clickSelect(s.anchor ? s : { ids: s.ids, anchor: fromId }, orderIds, toId, {
          toggle: false,
          range: true,
        }),
      );
    },
    [orderIds],
  );
  const openViewer = useCallback((index: number) => setViewerId(orderIds[index] ?? null), [orderIds]);
  const closeViewer = () => {
    const index = viewerIndex;
    setViewerId(null);
    if (index >= 0) timelineRef.current?.focusIndex(index);
  };

  const queue = useImportQueue({ clientId, onImported: refresh, onFinished: () => setTags(NO_TAGS) });
  const importFiles = (files: readonly File[]) => {
    if (archived || files.length === 0) return;
    const dropped = droppedFiles(files);
    queue.enqueue(dropped.files, tags, dropped.skipped);
  };
  const chooseFiles = () => fileInput.current?.click();
  const chooseFolder = () => folderInput.current?.click();
  const onChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Clear it, so choosing the same files again still counts as a change.
    event.currentTarget.value = '';
    importFiles(files);
  };

  const applyPatch = async (patch: PhotoPatch): Promise<boolean> => {
    const ids = selectedPhotos(selection, order).map((p) => p.id);
    try {
      for (let i = 0; i < ids.length; i += UPDATE_CHUNK) {
        await api.photos.update({ ids: ids.slice(i, i + UPDATE_CHUNK), patch });
      }
      notifications.show({
        color: 'teal',
        title: 'Photos updated',
        message: ids.length === 1 ? '1 photo was re-tagged.' : `${ids.length} photos were re-tagged.`,
      });
      refresh();
      return true;
    } catch (e) {
      showApiError(e, 'The photos could not be updated');
      refresh();
      return false;
    }
  };

  const compare = () => {
    const pair = selectedPhotos(selection, order);
    if (pair.length === 2 && onCompare) onCompare(...olderFirst(pair[0]!, pair[1]!));
  };

  const filtered = pose !== null || phase !== null;
  const count = photos?.length ?? 0;
  const tagSummary = [
    tags.phase && PHASE_LABELS[tags.phase],
    tags.pose && POSE_LABELS[tags.pose],
    tags.sessionId && `session ${sessionLabelFor(tags.sessionId)}`,
  ]
    .filter(Boolean)
    .join(' · ');

  let body: ReactNode;
  if (error) {
    body = (
      <Alert mx="xl" color="red" icon={<IconAlertTriangle />} title="Photos could not be loaded">
        {error}
      </Alert>
    );
  } else if (photos === null) {
    body = <Loader m="xl" aria-label="Loading photos" />;
  } else if (photos.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<IconFilterOff size={28} />}
        title="No photos match these filters"
        action={
          <Button
            variant="default"
            onClick={() => {
              setPose(null);
              setPhase(null);
            }}
          >
            Clear filters
          </Button>
        }
      >
        Try another pose or phase, or clear the filters to see all of this client's photos.
      </EmptyState>
    ) : (
      <EmptyState
        icon={<IconPhoto size={28} />}
        title="No photos yet"
        action={
          <Button leftSection={<IconUpload size={16} />} disabled={archived} onClick={chooseFiles}>
            Import the first photos
          </Button>
        }
      >
        {archived
          ? 'Restore the client to import photos.'
          : 'Import before-and-after photos from the camera card or a folder, or drop them anywhere on this tab.'}
      </EmptyState>
    );
  } else {
    body = (
      <PhotoTimeline
        groups={groups}
        selection={selection}
        onTileClick={onTileClick}
        onExtend={onExtend}
        onOpen={openViewer}
        bottomSpace={SELECTION_BAR_SPACE}
        describedBy={hintId}
        handleRef={timelineRef}
      />
    );
  }

  return (
    <>
      <Dropzone
        onDrop={importFiles}
        activateOnClick={false}
        activateOnKeyboard={false}
        activateOnDrag={!archived}
        enablePointerEvents
        // Dropzone's own input is never used (the Import photos button has its own): keep it out of the
        // accessibility tree.
        inputProps={{ 'aria-hidden': true, tabIndex: -1 }}
        data-testid="photos-dropzone"
        styles={{
          root: {
            height: '100%',
            minHeight: 420,
            padding: 0,
            border: 0,
            borderRadius: 0,
            background: 'transparent',
            cursor: 'default',
            userSelect: 'auto',
          },
          inner: { height: '100%', display: 'flex', flexDirection: 'column', userSelect: 'auto' },
        }}
      >
        <Dropzone.Accept>
          <div className="photos-drop-overlay">
            <IconUpload size={36} aria-hidden />
            <Text fw={600}>Drop to import into this client's photos</Text>
            <Text size="sm" c="dimmed">
              {tagSummary ? `Tagged: ${tagSummary}` : 'Untagged: you can tag them afterwards'}
            </Text>
          </div>
        </Dropzone.Accept>

        <VisuallyHidden>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            aria-label="Choose photos to import"
            tabIndex={-1}
            onChange={onChosen}
          />
          <FolderInput
            inputRef={folderInput}
            onFolder={(files, skipped) => !archived && queue.enqueue(files, tags, skipped)}
          />
        </VisuallyHidden>

        <Stack gap="sm" px="xl" pt="md" pb="sm">
          <ImportBar
            tags={tags}
            onTagsChange={setTags}
            sessionOptions={sessionOptions}
            archived={archived}
            onChoose={chooseFiles}
            onChooseFolder={chooseFolder}
          />
          {queue.progress && <ImportProgressBar progress={queue.progress} />}
          {queue.summary && !queue.progress && (
            <ImportResults summary={queue.summary} busy={queue.busy} onDismiss={queue.dismiss} />
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Filter by pose"
              placeholder="All poses"
              size="sm"
              w={160}
              clearable
              data={POSE_OPTIONS}
              value={pose}
              onChange={(v) => setPose((v as Pose | null) ?? null)}
            />
            <Select
              label="Filter by phase"
              placeholder="All phases"
              size="sm"
              w={160}
              clearable
              data={PHASE_OPTIONS}
              value={phase}
              onChange={(v) => setPhase((v as Phase | null) ?? null)}
            />
            <CaptureLauncher clientId={clientId} archived={archived} onCaptured={refresh} />
            <Text size="sm" c="dimmed" pb={6} data-testid="photo-count">
              {photos === null
                ? 'Loading…'
                : `${count.toLocaleString('en-GB')} ${count === 1 ? 'photo' : 'photos'}${filtered ? ' match' : ''}${complete ? '' : ' · loading more…'}`}
            </Text>
            <Text id={hintId} size="xs" c="dimmed" pb={6} ml="auto" ta="right">
              Click to select · {modKey}+click to add · Shift+click for a range · {modKey}+A selects all ·
              Double-click or Enter to view
            </Text>
          </Group>
        </Stack>

        <div
          style={{ flex: 1, minHeight: 0, position: 'relative', display: 'flex', flexDirection: 'column' }}
        >
          {body}
          {selection.ids.size > 0 && (
            <SelectionBar
              count={selection.ids.size}
              sessionOptions={sessionOptions}
              archived={archived}
              onApply={applyPatch}
              onClear={() => setSelection(EMPTY_SELECTION)}
              onCompare={onCompare ? compare : undefined}
            />
          )}
        </div>

        <VisuallyHidden role="status" aria-live="polite">
          {queue.announcement}
        </VisuallyHidden>
      </Dropzone>

      <PhotoViewer
        photos={order}
        index={viewerOpen ? viewerIndex : null}
        onNavigate={(i) => setViewerId(orderIds[i] ?? null)}
        onClose={closeViewer}
        sessionLabel={sessionLabelFor}
        canAdjust={!archived}
      />
    </>
  );
}
