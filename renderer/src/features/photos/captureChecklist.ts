import type { Pose } from '@contract';

// Pure logic for the guided capture view (no React, no DOM).

export type ChecklistId = 'face' | 'scalp' | 'body';

/** The poses to take for each kind of treatment, in the order they are taken. */
export const CHECKLISTS: Record<ChecklistId, readonly Pose[]> = {
  face: ['front', 'left-45', 'right-45', 'left-90', 'right-90'],
  scalp: ['crown', 'hairline'],
  body: ['body-area'],
};

export const CHECKLIST_OPTIONS: { value: ChecklistId; label: string }[] = [
  { value: 'face', label: 'Face (5 poses)' },
  { value: 'scalp', label: 'Scalp (2 poses)' },
  { value: 'body', label: 'Body (1 pose)' },
];

/**
 * The pose to take after `current`: the next one in the checklist not yet taken, wrapping round; `current`
 * itself when every pose is taken.
 */
export function nextPose(checklist: readonly Pose[], taken: ReadonlySet<Pose>, current: Pose): Pose {
  const start = checklist.indexOf(current);
  for (let step = 1; step <= checklist.length; step++) {
    const pose = checklist[(start + step) % checklist.length]!;
    if (!taken.has(pose)) return pose;
  }
  return current;
}

/** The first untaken pose of a checklist, else its first pose. */
export function firstPose(checklist: readonly Pose[], taken: ReadonlySet<Pose>): Pose {
  return checklist.find((p) => !taken.has(p)) ?? checklist[0]!;
}

/** "capture-front-2026-11-25T14-05-09-123Z.jpg" */
export function captureFileName(pose: Pose, at: Date): string {
  return `capture-${pose}-${at.toISOString().replace(/[:.]/g, '-')}.jpg`;
}

/** What to tell the practitioner when the camera cannot be started. */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow Dermachart to use the camera in the system settings, then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect a camera, then try again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera could not be started. It may be in use by another app: close that app, then try again.';
    default:
      return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
  }
}
