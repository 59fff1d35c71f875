import type { Migration } from '../migrate';
import { mediaMigration0001 } from './0001-blobs';

export const MEDIA_FILE = 'dermachart-media.db';

/**
 * How the media database is stored: 64 KiB pages (for a new file), so a 3-4 MB camera original spans about
 * 60 pages instead of 900 and writing it costs the main thread a third less CPU (15.5 -> 10.5 ms per photo
 * in the import benchmark), and a checkpoint after 16 MB of WAL rather than every 4 MB (fewer fsyncs while
 * a batch imports, each pause still short). Thumbnails (~25 kB) then fit in one page. Files made with
 * SQLite's 4 KiB pages keep them.
 */
export const MEDIA_STORAGE = { pageSize: 64 * 1024, checkpointBytes: 16 * 1024 * 1024 } as const;

/** The media database's migrations, numbered on their own (it has its own user_version). */
export const mediaMigrations: readonly Migration[] = [mediaMigration0001];
