import type { Phase, Photo, Pose } from '@contract';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/api';
import { loadPhotoPages } from './photoPages';

/** While a long timeline loads, how often it shows what has arrived (the first page shows at once). */
const SHOW_EVERY_MS = 250;

export interface TimelinePhotos {
  /** Newest first; null until the first page has arrived. */
  photos: Photo[] | null;
  /** Every page has arrived. */
  complete: boolean;
  error: string | null;
}

/**
 * The client's photos for the timeline, loaded page by page. A new client or filter shows its first page
 * as soon as it arrives and the rest as they follow (appended: they are older); a refresh of the same
 * list (after an import or re-tagging) keeps the current photos on screen and swaps in the new list once
 * it is whole, so the timeline neither shrinks to one page nor jumps under the practitioner.
 */
export function useTimelinePhotos(
  clientId: string,
  phase: Phase | null,
  pose: Pose | null,
  reloadKey: number,
): TimelinePhotos {
  const [state, setState] = useState<TimelinePhotos>({ photos: null, complete: false, error: null });
  const shownKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the refresh trigger
  useEffect(() => {
    const key = JSON.stringify([clientId, phase, pose]);
    const refreshing = shownKey.current === key;
    const controller = new AbortController();
    let lastShown = Number.NEGATIVE_INFINITY;
    loadPhotoPages(api.photos.list, clientId, {
      phase,
      pose,
      signal: controller.signal,
      onPage: (photos, done) => {
        if (!done && (refreshing || performance.now() - lastShown < SHOW_EVERY_MS)) return;
        lastShown = performance.now();
        shownKey.current = key;
        setState({ photos, complete: done, error: null });
      },
    }).catch((e: Error) => {
      if (!controller.signal.aborted) setState((s) => ({ ...s, error: e.message }));
    });
    return () => controller.abort();
  }, [clientId, phase, pose, reloadKey]);

  return state;
}
