import { v7 as uuidv7 } from 'uuid';

/** Globally unique, time-ordered ids (UUIDv7) so rows survive export and merging between workstations. */
export const newId = (): string => uuidv7();

/** Timestamps are stored as UTC ISO-8601 with milliseconds, which also sort correctly as text. */
export const nowIso = (): string => new Date().toISOString();
