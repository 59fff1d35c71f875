import type { Migration } from '../migrate';
import { mediaMigration0001 } from './0001-blobs';

export const MEDIA_FILE = 'dermachart-media.db';

/** The media database's migrations, numbered on their own (it has its own user_version). */
export const mediaMigrations: readonly Migration[] = [mediaMigration0001];
