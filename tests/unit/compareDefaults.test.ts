import { describe, expect, it } from 'vitest';
import type { ConsentScope, Photo, SessionSummary } from '../../electron/core/contract';
import {
  chronological,
  defaultPair,
  exportBlockReason,
  paneCaption,
  photoOptions,
  sameScopeAllows,
  scopeAllows,
} from '../../renderer/src/features/photos/compareDefaults';

let nextId = 0;
function photo(over: Partial<Photo> = {}): Photo {
  nextId += 1;
  return {
    id: `p${String(nextId).padStart(3, '0')}`,
    clientId: 'c1',
    sessionId: null,
    originalSha256: 'x'.repeat(64),
    originalName: null,
    format: 'jpeg',
    mime: 'image/jpeg',
    byteSize: 1000,
    width: 4000,
    height: 3000,
    takenAt: null,
    phase: null,
    pose: null,
    notes: null,
    consentScope: 'clinical',
    rotation: 0,
    crop: null,
    createdAt: '2026-06-01T12:00:00.000Z',
    ...over,
  };
}

function session(
  id: string,
  startedAt: string,
  courseNumber: number | null = 1,
  courseLength = 4,
): SessionSummary {
  return {
    id,
    clientId: 'c1',
    clientName: 'Ann Smith',
    treatmentTypeId: 't1',
    treatmentName: 'Collagen induction',
    status: 'signed',
    startedAt,
    practitioner: null,
    zoneCount: 3,
    maxDepthMm: 1,
    amended: false,
    courseNumber,
    courseLength,
    daysSincePrevious: null,
  };
}

const S1 = session('s1', '2026-03-12T10:00:00.000Z', 1);
const S2 = session('s2', '2026-04-09T10:00:00.000Z', 2);
const S3 = session('s3', '2026-05-07T10:00:00.000Z', 3);
const SESSIONS = [S3, S1, S2]; // order given is not time order

describe('defaultPair', () => {
  it('pairs the first session before photo with the latest after photo of the same pose', () => {
    const before1 = photo({ sessionId: 's1', phase: 'before', pose: 'front' });
    const after1 = photo({ sessionId: 's1', phase: 'after', pose: 'front' });
    const before2 = photo({ sessionId: 's2', phase: 'before', pose: 'front' });
    const after3 = photo({ sessionId: 's3', phase: 'after', pose: 'front' });
    const after2 = photo({ sessionId: 's2', phase: 'after', pose: 'front' });
    expect(defaultPair([after3, before2, after1, after2, before1], SESSIONS)).toEqual([before1, after3]);
  });

  it('orders by session start, not by when the photo was imported or taken', () => {
    // Imported in the opposite order, and the camera clock of the later session is wrong.
    const before = photo({
      sessionId: 's1',
      phase: 'before',
      pose: 'front',
      createdAt: '2026-06-09T12:00:00Z',
    });
    const late = photo({
      sessionId: 's3',
      phase: 'after',
      pose: 'front',
      takenAt: '2020-01-01T12:00:00Z',
      createdAt: '2026-06-01T12:00:00Z',
    });
    const early = photo({ sessionId: 's2', phase: 'after', pose: 'front', takenAt: '2026-04-09T11:00:00Z' });
    expect(defaultPair([late, early, before], SESSIONS)).toEqual([before, late]);
  });

  it('falls back to takenAt, then createdAt, for photos without a known session', () => {
    const before = photo({ phase: 'before', pose: 'left-45', takenAt: '2026-01-05T12:00:00Z' });
    const afterTaken = photo({ phase: 'after', pose: 'left-45', takenAt: '2026-02-05T12:00:00Z' });
    const afterImported = photo({ phase: 'after', pose: 'left-45', createdAt: '2026-03-05T12:00:00Z' });
    const orphan = photo({
      sessionId: 'deleted-session',
      phase: 'before',
      pose: 'left-45',
      takenAt: '2026-01-20T12:00:00Z',
    });
    expect(defaultPair([afterTaken, orphan, afterImported, before], [])).toEqual([before, afterImported]);
  });

  it('prefers the front pose when several poses have a pair', () => {
    const leftBefore = photo({ sessionId: 's1', phase: 'before', pose: 'left-45' });
    const leftAfter = photo({ sessionId: 's3', phase: 'after', pose: 'left-45' });
    const frontBefore = photo({ sessionId: 's2', phase: 'before', pose: 'front' });
    const frontAfter = photo({ sessionId: 's3', phase: 'after', pose: 'front' });
    expect(defaultPair([leftBefore, leftAfter, frontBefore, frontAfter], SESSIONS)).toEqual([
      frontBefore,
      frontAfter,
    ]);
  });

  it('uses another pose when the front view has no complete pair', () => {
    const frontBefore = photo({ sessionId: 's1', phase: 'before', pose: 'front' });
    const rightBefore = photo({ sessionId: 's1', phase: 'before', pose: 'right-90' });
    const rightAfter = photo({ sessionId: 's2', phase: 'after', pose: 'right-90' });
    const leftAfter = photo({ sessionId: 's3', phase: 'after', pose: 'left-45' });
    expect(defaultPair([frontBefore, rightBefore, rightAfter, leftAfter], SESSIONS)).toEqual([
      rightBefore,
      rightAfter,
    ]);
  });

  it('never pairs different poses, photos without a pose, or follow-up photos', () => {
    expect(
      defaultPair(
        [
          photo({ sessionId: 's1', phase: 'before', pose: 'front' }),
          photo({ sessionId: 's3', phase: 'after', pose: 'crown' }),
          photo({ sessionId: 's1', phase: 'before', pose: null }),
          photo({ sessionId: 's3', phase: 'after', pose: null }),
          photo({ sessionId: 's3', phase: 'follow-up', pose: 'front' }),
          photo({ sessionId: 's3', phase: null, pose: 'front' }),
        ],
        SESSIONS,
      ),
    ).toBeNull();
  });

  it('is null with no photos, and when the only after photo is older than the before photo', () => {
    expect(defaultPair([], SESSIONS)).toBeNull();
    expect(
      defaultPair(
        [
          photo({ sessionId: 's3', phase: 'before', pose: 'front' }),
          photo({ sessionId: 's1', phase: 'after', pose: 'front' }),
        ],
        SESSIONS,
      ),
    ).toBeNull();
  });

  it('pairs before and after photos of a single session', () => {
    const before = photo({
      sessionId: 's1',
      phase: 'before',
      pose: 'front',
      takenAt: '2026-03-12T10:05:00Z',
    });
    const after = photo({ sessionId: 's1', phase: 'after', pose: 'front', takenAt: '2026-03-12T11:05:00Z' });
    expect(defaultPair([after, before], SESSIONS)).toEqual([before, after]);
  });
});

describe('consent scope', () => {
  const scopes: ConsentScope[] = ['clinical', 'training', 'marketing'];
  const allowed: Record<ConsentScope, ConsentScope[]> = {
    clinical: ['clinical'],
    training: ['clinical', 'training'],
    marketing: ['clinical', 'training', 'marketing'],
  };

  it('a scope allows its own use and every narrower one', () => {
    for (const scope of scopes) {
      for (const use of scopes)
        expect(scopeAllows(scope, use), `${scope} → ${use}`).toBe(allowed[scope].includes(use));
    }
  });

  it('a comparison is allowed only for what both photos permit', () => {
    for (const a of scopes) {
      for (const b of scopes) {
        for (const use of scopes) {
          const expected = allowed[a].includes(use) && allowed[b].includes(use);
          const pa = photo({ consentScope: a });
          const pb = photo({ consentScope: b });
          expect(sameScopeAllows(pa, pb, use), `${a} + ${b} → ${use}`).toBe(expected);
          expect(sameScopeAllows(pb, pa, use)).toBe(expected);
          expect(exportBlockReason(pa, pb, use) === null).toBe(expected);
        }
      }
    }
  });

  it('says which photo blocks an export', () => {
    const clinical = photo({ consentScope: 'clinical' });
    const training = photo({ consentScope: 'training' });
    const marketing = photo({ consentScope: 'marketing' });
    expect(exportBlockReason(marketing, training, 'marketing')).toBe(
      "The later photo's consent does not allow marketing: it covers clinical use and training only.",
    );
    expect(exportBlockReason(clinical, marketing, 'training')).toBe(
      "The earlier photo's consent does not allow training: it covers clinical use only.",
    );
    expect(exportBlockReason(clinical, clinical, 'training')).toBe(
      "Neither photo's consent allows training: both cover clinical use only.",
    );
    expect(exportBlockReason(clinical, training, 'marketing')).toBe(
      "Neither photo's consent allows marketing.",
    );
  });
});

describe('labels', () => {
  it('captions a pane with phase, date and position in the course', () => {
    const p = photo({ sessionId: 's1', phase: 'before', pose: 'front', takenAt: '2026-03-12T12:00:00Z' });
    expect(paneCaption(p, SESSIONS)).toBe('Before · 12 Mar 2026 · Session 1 of 4');
    const loose = photo({ phase: null, createdAt: '2026-06-01T12:00:00Z' });
    expect(paneCaption(loose, SESSIONS)).toBe('No phase · 1 Jun 2026');
    const stopped = photo({ sessionId: 'sx', phase: 'after', takenAt: '2026-02-02T12:00:00Z' });
    expect(paneCaption(stopped, [session('sx', '2026-02-02T10:00:00Z', null)])).toBe('After · 2 Feb 2026');
  });

  it('lists photos oldest first with pose, phase and date, numbering repeated labels', () => {
    const a = photo({ sessionId: 's2', phase: 'after', pose: 'front', takenAt: '2026-04-09T12:00:00Z' });
    const b = photo({ sessionId: 's1', phase: 'before', pose: 'front', takenAt: '2026-03-12T12:00:00Z' });
    const c = photo({ sessionId: 's1', phase: 'before', pose: 'front', takenAt: '2026-03-12T12:30:00Z' });
    expect(chronological([a, c, b], SESSIONS)).toEqual([b, c, a]);
    expect(photoOptions([a, c, b], SESSIONS)).toEqual([
      { value: b.id, label: 'Front · Before · 12 Mar 2026 (1)' },
      { value: c.id, label: 'Front · Before · 12 Mar 2026 (2)' },
      { value: a.id, label: 'Front · After · 9 Apr 2026' },
    ]);
  });
});
