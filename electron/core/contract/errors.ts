/**
 * The one error shape that crosses the bridge. Handlers throw DomainError; the dispatcher turns every
 * failure (bad payload, domain rule, unexpected crash) into an ApiErrorShape inside an Envelope.
 */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'UNKNOWN_CALL' | 'FORBIDDEN' | 'INTERNAL';

export interface ApiIssue {
  /** Dotted path of the offending field, e.g. "emergencyContact.phone"; empty for the whole payload. */
  path: string;
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  issues: ApiIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown by domain services for expected failures; the message is written for the practitioner. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** What the renderer throws after unwrapping a failed envelope, so UI code can use try/catch. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ApiIssue[];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues;
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}
