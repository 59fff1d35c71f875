import type { Migration } from '../migrate';
import { migration0001 } from './0001-meta';
import { migration0002 } from './0002-clients';
import { migration0003 } from './0003-medical-history';
import { migration0004 } from './0004-client-search';
import { migration0005 } from './0005-catalogue';
import { migration0006 } from './0006-sessions';
import { migration0007 } from './0007-signed-session-guards';
import { migration0008 } from './0008-photos';
import { migration0009 } from './0009-consents';
import { migration0010 } from './0010-clinic-settings';
import { migration0011 } from './0011-aftercare-documents';

/** The records database's migrations, in order. Add a file per migration, each with its own test. */
export const recordsMigrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];
