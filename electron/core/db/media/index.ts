import type { Migration } from '../migrate';
import { mediaMigration0001 } from './0001-blobs';

export const MEDIA_FILE = 'dermachart-media.db';

/**
 * How the media database is stored: 64 KiB pages (for a new file), so a 3-4 MB camera original spans about
 * 60 pages instead of 900, and writing it costs the main thread about a third less CPU (16.5 -> 10.5 ms per
 * photo in the import benchmark; thumbnails of ~25 kB then fit in one page). The WAL is checkpointed every
 * 4 MB as with SQLite's default of 1000 4 KiB pages: 1000 64 KiB pages would be 64 MB, a 0.5 s pause on the
 * main thread each time, and 16 MB kept ~150 MB more memory in the import benchmark for no clear gain.
 * Files made with 4 KiB pages keep them.
 */
export const MEDIA_STORAGE = { pageSize: 64 * 1024, checkpointBytes: 4 * 1024 * 1024 } as const;

/** The media database's migrations, numbered on their own (it has its own user_version). */
export const mediaMigrations: readonly Migration[] = [mediaMigration0001];
