import type { Adjustment, Photo } from '@contract';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { api } from '../../api/api';
import { showApiError } from '../../shared/showApiError';

type Listener = (clientId: string) => void;
const listeners = new Set<Listener>();

/**
 * Stores a photo's rotation and crop (metadata only: the original is never changed) and tells every open
 * view of the client's photos, e.g. the timeline under the compare view, to reload. Resolves to the
 * updated photo, or null when it was not saved (the error has been shown).
 */
export async function saveAdjustment(photo: Photo, adjustment: Adjustment): Promise<Photo | null> {
  try {
    const [updated] = await api.photos.update({
      ids: [photo.id],
      patch: { rotation: adjustment.rotation, crop: adjustment.crop },
    });
    for (const listener of listeners) listener(photo.clientId);
    notifications.show({
      color: 'teal',
      title: 'Adjustment saved',
      message: 'Only how the photo is shown changed; the original is kept as it was.',
    });
    return updated ?? null;
  } catch (error) {
    showApiError(error, 'The adjustment was not saved');
    return null;
  }
}

/** Calls `onChange` after an adjustment to one of this client's photos is saved anywhere in the app. */
export function usePhotoAdjustments(clientId: string, onChange: () => void) {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener: Listener = (changed) => {
      if (changed === clientId) latest.current();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [clientId]);
}
