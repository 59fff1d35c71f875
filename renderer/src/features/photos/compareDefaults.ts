// Pure helpers for the photo comparison view (no React, no DOM), unit-tested in Node.
import {
  type ConsentScope,
  PHASE_LABELS,
  type Phase,
  type Photo,
  POSE_LABELS,
  POSES,
  type Pose,
  type SessionSummary,
  scopeAllows,
} from '@contract';

export { PHASE_LABELS, POSE_LABELS, scopeAllows };

import dayjs from 'dayjs';

/** What a comparison may be exported for: the same ladder as a photo's consent scope. */
export type CompareUse = ConsentScope;

export const COMPARE_USES: readonly { value: CompareUse; label: string }[] = [
  { value: 'clinical', label: 'Clinical record' },
  { value: 'training', label: 'Training (de-identified)' },
  { value: 'marketing', label: 'Marketing' },
];

const USE_WORDS: Record<CompareUse, string> = {
  clinical: 'clinical use',
  training: 'training',
  marketing: 'marketing',
};

const SCOPE_WORDS: Record<ConsentScope, string> = {
  clinical: 'clinical use only',
  training: 'clinical use and training only',
  marketing: 'clinical use, training and marketing',
};

/** In preference order: when several poses have a before/after pair, the first listed wins. */
const POSE_ORDER = POSES;

export const poseLabel = (pose: Pose | null) => (pose ? POSE_LABELS[pose] : 'No pose');
export const phaseLabel = (phase: Phase | null) => (phase ? PHASE_LABELS[phase] : 'No phase');

/** A comparison may be used only for what both photos' consent permits. */
export function sameScopeAllows(a: Photo, b: Photo, use: CompareUse): boolean {
  return scopeAllows(a.consentScope, use) && scopeAllows(b.consentScope, use);
}

/**
 * Why a comparison of `earlier` and `later` may not be exported for `use`, naming the photo whose consent
 * does not allow it; null when it may.
 */
export function exportBlockReason(earlier: Photo, later: Photo, use: CompareUse): string | null {
  const earlierOk = scopeAllows(earlier.consentScope, use);
  const laterOk = scopeAllows(later.consentScope, use);
  if (earlierOk && laterOk) return null;
  if (!earlierOk && !laterOk) {
    return earlier.consentScope === later.consentScope
      ? `Neither photo's consent allows ${USE_WORDS[use]}: both cover ${SCOPE_WORDS[earlier.consentScope]}.`
      : `Neither photo's consent allows ${USE_WORDS[use]}.`;
  }
  const [which, photo] = earlierOk ? (['later', later] as const) : (['earlier', earlier] as const);
  return `The ${which} photo's consent does not allow ${USE_WORDS[use]}: it covers ${SCOPE_WORDS[photo.consentScope]}.`;
}

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** When the photo was taken as a sortable key: its session's start, else when it was taken, else imported. */
function sortKey(photo: Photo, sessions: ReadonlyMap<string, SessionSummary>): [number, number, string] {
  const own = time(photo.takenAt) ?? time(photo.createdAt) ?? 0;
  const session = photo.sessionId ? sessions.get(photo.sessionId) : undefined;
  return [time(session?.startedAt) ?? own, own, photo.id];
}

function compareKeys(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

const byId = (sessions: readonly SessionSummary[]) => new Map(sessions.map((s) => [s.id, s]));

/** The client's photos oldest first, by session start (falling back to when each was taken or imported). */
export function chronological(photos: readonly Photo[], sessions: readonly SessionSummary[]): Photo[] {
  const map = byId(sessions);
  const keyed = photos.map((p) => ({ p, key: sortKey(p, map) }));
  keyed.sort((x, y) => compareKeys(x.key, y.key));
  return keyed.map((k) => k.p);
}

/**
 * The comparison to open with: for one pose, the first session's "before" photo against the latest "after"
 * photo (ordered by session start, falling back to when the photo was taken or imported). The front view
 * wins when several poses have such a pair. Photos without a pose are never paired, and an "after" photo
 * older than the "before" one is not a pair. Null when no pose has both.
 */
export function defaultPair(photos: Photo[], sessions: SessionSummary[]): [Photo, Photo] | null {
  const ordered = chronological(photos, sessions);
  for (const pose of POSE_ORDER) {
    const ofPose = ordered.filter((p) => p.pose === pose);
    const beforeIndex = ofPose.findIndex((p) => p.phase === 'before');
    const afterIndex = ofPose.findLastIndex((p) => p.phase === 'after');
    if (beforeIndex >= 0 && afterIndex > beforeIndex) return [ofPose[beforeIndex]!, ofPose[afterIndex]!];
  }
  return null;
}

/** The date shown for a photo: when it was taken, else its session's date, else when it was imported. */
export function photoDate(photo: Photo, session: SessionSummary | undefined): string {
  return dayjs(photo.takenAt ?? session?.startedAt ?? photo.createdAt).format('D MMM YYYY');
}

function sessionText(session: SessionSummary | undefined): string | null {
  if (!session?.courseNumber) return null;
  return `Session ${session.courseNumber} of ${Math.max(session.courseLength, session.courseNumber)}`;
}

/** The chip burned on a comparison pane, e.g. "Before · 12 Mar 2026 · Session 1 of 4". */
export function paneCaption(photo: Photo, sessions: readonly SessionSummary[]): string {
  const session = photo.sessionId ? sessions.find((s) => s.id === photo.sessionId) : undefined;
  return [phaseLabel(photo.phase), photoDate(photo, session), sessionText(session)]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** Picker options, oldest first, labelled "Front · Before · 12 Mar 2026"; repeated labels are numbered. */
export function photoOptions(
  photos: readonly Photo[],
  sessions: readonly SessionSummary[],
): { value: string; label: string }[] {
  const map = byId(sessions);
  const base = chronological(photos, sessions).map((p) => ({
    value: p.id,
    label: [
      poseLabel(p.pose),
      phaseLabel(p.phase),
      photoDate(p, p.sessionId ? map.get(p.sessionId) : undefined),
    ].join(' · '),
  }));
  const total = new Map<string, number>();
  for (const o of base) total.set(o.label, (total.get(o.label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return base.map((o) => {
    if ((total.get(o.label) ?? 0) < 2) return o;
    const n = (seen.get(o.label) ?? 0) + 1;
    seen.set(o.label, n);
    return { value: o.value, label: `${o.label} (${n})` };
  });
}
