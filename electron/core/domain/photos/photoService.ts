import type { Database } from 'better-sqlite3';
import {
  type ApiParsedInput,
  type ConsentScope,
  DomainError,
  PHASE_LABELS,
  type Photo,
  type PhotoExport,
  type PhotoImportResult,
  type PhotoVariant,
  POSE_LABELS,
  rotateCrop,
  SCOPE_LABELS,
  scopeAllows,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createBlobsRepo } from '../../db/repositories/blobsRepo';
import type { createPhotosRepo } from '../../db/repositories/photosRepo';
import type { createSessionsRepo } from '../../db/repositories/sessionsRepo';
import type { createClientService } from '../clients/clientService';
import { renderComparison } from './comparisonExport';
import { ImageRejected } from './imagePipeline';
import type { ImageProcessor, ProcessedFile } from './imageProcessor';

export interface PhotoDeps {
  db: Database;
  deviceId: string;
  photos: ReturnType<typeof createPhotosRepo>;
  blobs: ReturnType<typeof createBlobsRepo>;
  sessions: ReturnType<typeof createSessionsRepo>;
  clients: ReturnType<typeof createClientService>;
  /** Where decoding and resizing run: a worker pool in the app, in-process in tests. */
  process: ImageProcessor;
  /**
   * What the client's current photo consent allows. Every photo of the client follows it, so signing,
   * revoking or letting the photo consent expire changes the allowed use of all their photos at once.
   */
  photoScope: (clientId: string) => ConsentScope;
}

export function createPhotoService(d: PhotoDeps) {
  /** Photos as the screens see them: with the allowed use their client's photo consent gives today. */
  function withScope(photos: Photo[]): Photo[] {
    const scopes = new Map<string, ConsentScope>();
    return photos.map((p) => {
      if (!scopes.has(p.clientId)) scopes.set(p.clientId, d.photoScope(p.clientId));
      return { ...p, consentScope: scopes.get(p.clientId)! };
    });
  }

  function requirePhoto(id: string): Photo {
    const photo = d.photos.get(id);
    if (!photo) throw new DomainError('NOT_FOUND', 'That photo no longer exists.');
    return withScope([photo])[0]!;
  }

  function checkSession(clientId: string, sessionId: string | null) {
    if (!sessionId) return;
    const session = d.sessions.get(sessionId);
    if (!session || session.clientId !== clientId) {
      throw new DomainError('VALIDATION', 'That session does not belong to this client.', [
        { path: 'sessionId', message: 'Choose one of this client’s sessions' },
      ]);
    }
  }

  /** Bytes for the media protocol. Derived images are rebuilt from the original if they are missing. */
  async function photoBytes(
    id: string,
    variant: PhotoVariant,
  ): Promise<{ mime: string; bytes: Buffer } | null> {
    const photo = d.photos.get(id);
    if (!photo) return null;
    if (variant === 'original') return d.blobs.get(photo.originalSha256);
    const derived = d.blobs.getDerived(photo.originalSha256, variant);
    if (derived) return derived;
    const original = d.blobs.get(photo.originalSha256);
    if (!original) return null;
    const image = await d.process(original.bytes);
    const at = nowIso();
    d.blobs.putDerived(photo.originalSha256, 'thumb', 'image/jpeg', image.thumb, at);
    d.blobs.putDerived(photo.originalSha256, 'preview', 'image/jpeg', image.preview, at);
    return { mime: 'image/jpeg', bytes: variant === 'thumb' ? image.thumb : image.preview };
  }

  return {
    /**
     * One file: decoded, hashed and resized off the JS thread by sharp/libheif, then the blobs are committed
     * first and the photo row after, so a crash in between leaves only an unreferenced blob, which the
     * start-up sweep removes. Nothing half-written is ever visible.
     */
    async import(input: ApiParsedInput<'photos.import'>): Promise<PhotoImportResult> {
      d.clients.requireClient(input.clientId);
      checkSession(input.clientId, input.sessionId);
      const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      // The processor may move the bytes to a worker and back rather than copy them: from here on they are
      // image.original (input.bytes may be empty).
      let image: ProcessedFile;
      try {
        image = await d.process(bytes);
      } catch (error) {
        if (error instanceof ImageRejected) {
          const rejected: ImageRejected = error;
          const name = input.fileName ? `${input.fileName}: ` : '';
          throw new DomainError('VALIDATION', `${name}${rejected.message}`, [
            { path: 'bytes', message: rejected.message },
          ]);
        }
        throw error;
      }

      const existing = d.photos.findBySha(input.clientId, image.sha256);
      if (existing && !existing.deleted) return { photo: existing.photo, duplicate: true };

      const at = nowIso();
      d.blobs.storeImage(
        { sha256: image.sha256, mime: image.mime, bytes: image.original },
        [
          { variant: 'thumb', mime: 'image/jpeg', bytes: image.thumb },
          { variant: 'preview', mime: 'image/jpeg', bytes: image.preview },
        ],
        at,
      );
      if (existing) {
        d.photos.revive(existing.photo.id, at, d.deviceId);
        return { photo: requirePhoto(existing.photo.id), duplicate: true };
      }
      const id = newId();
      d.db.transaction(() =>
        d.photos.insert({
          id,
          clientId: input.clientId,
          sessionId: input.sessionId,
          sha256: image.sha256,
          originalName: input.fileName,
          format: image.format,
          mime: image.mime,
          byteSize: image.original.length,
          width: image.width,
          height: image.height,
          orientation: image.orientation,
          takenAt: image.takenAt,
          phase: input.phase,
          pose: input.pose,
          at,
          deviceId: d.deviceId,
        }),
      )();
      return { photo: requirePhoto(id), duplicate: false };
    },

    /** One page of the timeline; the next page starts after the last photo of this one. */
    list(input: ApiParsedInput<'photos.list'>): Photo[] {
      d.clients.requireClient(input.clientId);
      const { clientId, phase, pose, limit } = input;
      let after: { time: string; seq: number } | null = null;
      if (input.afterId) {
        const cursor = d.photos.cursor(input.afterId);
        if (!cursor || cursor.clientId !== clientId) {
          throw new DomainError('NOT_FOUND', 'The page cursor is not one of this client’s photos.', [
            { path: 'afterId', message: 'Start again from the first page' },
          ]);
        }
        after = cursor;
      }
      return withScope(d.photos.listPage({ clientId, phase, pose, limit }, after));
    },

    update(input: ApiParsedInput<'photos.update'>): Photo[] {
      const photos = input.ids.map(requirePhoto);
      if (input.patch.sessionId) for (const p of photos) checkSession(p.clientId, input.patch.sessionId);
      const at = nowIso();
      const { rotation } = input.patch;
      d.db.transaction(() => {
        d.photos.update(input.ids, input.patch, at, d.deviceId);
        // A new rotation without a new crop keeps each photo's crop on the same part of the picture: the
        // crop is stored in rotated coordinates, so it turns with the image.
        if (rotation === undefined || 'crop' in input.patch) return;
        for (const p of photos) {
          if (!p.crop || p.rotation === rotation) continue;
          const crop = rotateCrop(p.crop, (rotation - p.rotation) / 90);
          d.photos.update([p.id], { crop }, at, d.deviceId);
        }
      })();
      return input.ids.map(requirePhoto);
    },

    bytes: photoBytes,

    /** How many photos a client has (printed on the record summary). */
    count: (clientId: string) => d.photos.count(clientId),

    /**
     * A before/after comparison as one JPEG with dates burned in and no metadata, only for a use that both
     * photos' consent allows (checked here, whatever the screen offered).
     */
    async exportComparison(input: ApiParsedInput<'photos.exportComparison'>): Promise<PhotoExport> {
      const earlier = requirePhoto(input.earlierId);
      const later = requirePhoto(input.laterId);
      if (earlier.clientId !== later.clientId) {
        throw new DomainError('VALIDATION', 'Both photos must belong to the same client.');
      }
      // Both photos are the same client's, so one photo consent decides.
      if (!scopeAllows(earlier.consentScope, input.use)) {
        throw new DomainError(
          'CONFLICT',
          `The client’s photo consent allows “${SCOPE_LABELS[earlier.consentScope]}”, which does not cover ${input.use} use.`,
        );
      }
      const previews = await Promise.all([earlier, later].map((p) => photoBytes(p.id, 'preview')));
      const day = (p: Photo) => (p.takenAt ?? p.createdAt).slice(0, 10);
      const label = (p: Photo) =>
        [p.phase ? PHASE_LABELS[p.phase] : null, p.pose ? POSE_LABELS[p.pose] : null, day(p)]
          .filter(Boolean)
          .join(' · ');
      const jpeg = await renderComparison(
        { image: previews[0]!.bytes, label: label(earlier), adjustment: earlier },
        { image: previews[1]!.bytes, label: label(later), adjustment: later },
      );
      return {
        fileName: `comparison-${day(earlier)}-${day(later)}.jpg`,
        mime: 'image/jpeg',
        bytes: new Uint8Array(jpeg),
      };
    },

    /**
     * Start-up: remove blobs nothing refers to (an import interrupted between its two commits). Other owners
     * of media blobs (signed consents) pass the hashes they hold, so the sweep never removes theirs.
     */
    sweep: (...alsoReferenced: ReadonlySet<string>[]) =>
      d.blobs.sweep(new Set([d.photos.referencedHashes(), ...alsoReferenced].flatMap((set) => [...set]))),
  };
}
