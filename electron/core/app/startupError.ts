import { DatabaseOpenError } from '../db/open';

export interface StartupErrorReport {
  title: string;
  message: string;
  detail: string;
}

/** Words for the start-up error window: what happened, and what the practitioner can do about it. */
export function describeStartupError(error: unknown, dataDir: string): StartupErrorReport {
  if (error instanceof DatabaseOpenError) {
    const advice: Record<DatabaseOpenError['reason'], string> = {
      LOCKED:
        'Close any other Dermachart window or program using this data folder, then start Dermachart again.',
      NEWER_VERSION: 'Update Dermachart to the latest version. Your records were not changed.',
      UNWRITABLE:
        'Check that the folder exists, that the disk is not full or read-only, and that your account may write there. You can also start Dermachart with --data-dir pointing to another folder.',
      CORRUPT:
        'Restore the records from your latest backup. Do not delete the file: it may still be recoverable.',
      UNKNOWN: 'Start Dermachart again. If this keeps happening, contact support with the details below.',
    };
    return {
      title: 'Dermachart could not open your records',
      message: error.message,
      detail: `${advice[error.reason]}\n\nRecords file: ${error.path}`,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    title: 'Dermachart could not start',
    message: text,
    detail: `Data folder: ${dataDir}`,
  };
}
