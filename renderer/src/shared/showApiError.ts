import { ApiError } from '@contract';
import { notifications } from '@mantine/notifications';

/** The one way screens report a failed call: the practitioner-facing message, never a stack trace. */
export function showApiError(error: unknown, title = 'That did not work') {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

/** Field errors keyed by path ("emergencyContact.phone"), ready for a Mantine form's setErrors. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.filter((i) => i.path).map((i) => [i.path, i.message]));
}
