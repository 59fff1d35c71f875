import type { Photo, SessionSummary } from '@contract';
import { Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';
import { CompareView } from './CompareView';

/** Loads the client's photos and sessions, then opens the comparison on the chosen (or default) pair. */
export function CompareLauncher(props: {
  clientId: string;
  initial: [Photo, Photo] | null;
  onClose: () => void;
}) {
  const [data, setData] = useState<{ photos: Photo[]; sessions: SessionSummary[] } | null>(null);
  const { clientId, onClose } = props;
  useEffect(() => {
    Promise.all([api.photos.list({ clientId }), api.sessions.listForClient({ clientId })])
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
    />
  );
}
