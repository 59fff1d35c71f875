import type { ConsentScope, Photo, SessionSummary } from '@contract';
import { Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { saveFile } from '../../shared/saveFile';
import { showApiError } from '../../shared/showApiError';
import { CompareView } from './CompareView';
import { loadPhotoPages } from './photoPages';

/** Loads the client's photos and sessions, then opens the comparison on the chosen (or default) pair. */
export function CompareLauncher(props: {
  clientId: string;
  initial: [Photo, Photo] | null;
  onClose: () => void;
  /** An archived client's photos can be compared and exported but not aligned. */
  archived?: boolean;
}) {
  const [data, setData] = useState<{ photos: Photo[]; sessions: SessionSummary[] } | null>(null);
  const { clientId, onClose } = props;
  useEffect(() => {
    // Every photo: the default pair (first session's before, latest after) can be anywhere in the timeline.
    Promise.all([loadPhotoPages(api.photos.list, clientId), api.sessions.listForClient({ clientId })])
      .then(([photos, sessions]) => setData({ photos, sessions }))
      .catch((error) => {
        showApiError(error, 'The photos could not be loaded');
        onClose();
      });
  }, [clientId, onClose]);
  if (!data) return <Loader aria-label="Loading photos to compare" />;
  return (
    <CompareView
      photos={data.photos}
      sessions={data.sessions}
      initial={props.initial}
      onClose={props.onClose}
      readOnly={props.archived}
      onExport={(earlier, later, use) => void exportComparison(earlier, later, use)}
    />
  );
}

/** Main renders the JPEG (and checks consent again); the browser's download saves it where the user picks. */
async function exportComparison(earlier: Photo, later: Photo, use: ConsentScope) {
  try {
    const file = await api.photos.exportComparison({ earlierId: earlier.id, laterId: later.id, use });
    saveFile(file);
    notifications.show({ color: 'teal', title: 'Comparison exported', message: file.fileName });
  } catch (error) {
    showApiError(error, 'The comparison was not exported');
  }
}
