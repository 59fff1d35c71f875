import type { Envelope } from '../contract';

/** Unwraps a dispatch envelope, failing loudly with the validation message if the demo data is rejected. */
export function expectOk<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) {
    const issues = envelope.error.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    throw new Error(
      `${what} failed (${envelope.error.code}): ${envelope.error.message}${issues ? ` [${issues}]` : ''}`,
    );
  }
  return envelope.value as T;
}
