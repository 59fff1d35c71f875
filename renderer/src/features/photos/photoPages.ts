import { PHOTO_PAGE_DEFAULT, type Phase, type Photo, type Pose } from '@contract';

// Pure logic (no React, no api import), so the paging can be unit-tested in Node with a fake list call.

export type ListPhotos = (input: {
  clientId: string;
  phase: Phase | null;
  pose: Pose | null;
  limit: number;
  afterId: string | null;
}) => Promise<Photo[]>;

export interface PhotoPagesOptions {
  phase?: Phase | null;
  pose?: Pose | null;
  /** At most this many photos in all (the capture ghost wants one); every photo when absent. */
  max?: number;
  /** Photos per call; the API's default page unless told. */
  pageSize?: number;
  /** After each page, with every photo so far (a new array each time); `done` on the last one. */
  onPage?: (photos: Photo[], done: boolean) => void;
  /** Stops asking for further pages (the promise then rejects with an AbortError). */
  signal?: AbortSignal;
}

/**
 * A client's timeline, newest first, one page after another: each page starts after the last photo of the
 * one before (photos.list's cursor), so no photo is missed or repeated even if photos are added meanwhile,
 * and the first page can be shown while the rest load. A page shorter than asked for is the last.
 */
export async function loadPhotoPages(
  list: ListPhotos,
  clientId: string,
  options: PhotoPagesOptions = {},
): Promise<Photo[]> {
  const { phase = null, pose = null, max, signal } = options;
  const pageSize = options.pageSize ?? PHOTO_PAGE_DEFAULT;
  let photos: Photo[] = [];
  for (;;) {
    signal?.throwIfAborted();
    const limit = max === undefined ? pageSize : Math.min(pageSize, max - photos.length);
    if (limit <= 0) return photos;
    const afterId = photos.length > 0 ? photos[photos.length - 1]!.id : null;
    const page = await list({ clientId, phase, pose, limit, afterId });
    signal?.throwIfAborted();
    photos = photos.concat(page);
    const done = page.length < limit || (max !== undefined && photos.length >= max);
    options.onPage?.(photos, done);
    if (done) return photos;
  }
}
