import type { Database } from 'better-sqlite3';
import type { Phase, Photo, Pose } from '../../contract';

interface PhotoRow {
  id: string;
  client_id: string;
  session_id: string | null;
  original_sha256: string;
  original_name: string | null;
  format: Photo['format'];
  mime: string;
  byte_size: number;
  width: number;
  height: number;
  taken_at: string | null;
  phase: Phase | null;
  pose: Pose | null;
  notes: string | null;
  consent_scope: Photo['consentScope'];
  rotation: Photo['rotation'];
  created_at: string;
  deleted_at: string | null;
}

const COLUMNS = `id, client_id, session_id, original_sha256, original_name, format, mime, byte_size, width, height,
  taken_at, phase, pose, notes, consent_scope, rotation, created_at, deleted_at`;

function toPhoto(r: PhotoRow): Photo {
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    originalSha256: r.original_sha256,
    originalName: r.original_name,
    format: r.format,
    mime: r.mime,
    byteSize: r.byte_size,
    width: r.width,
    height: r.height,
    takenAt: r.taken_at,
    phase: r.phase,
    pose: r.pose,
    notes: r.notes,
    consentScope: r.consent_scope,
    rotation: r.rotation,
    createdAt: r.created_at,
  };
}

export interface PhotoInsert {
  id: string;
  clientId: string;
  sessionId: string | null;
  sha256: string;
  originalName: string | null;
  format: Photo['format'];
  mime: string;
  byteSize: number;
  width: number;
  height: number;
  orientation: number;
  takenAt: string | null;
  phase: Phase | null;
  pose: Pose | null;
  at: string;
  deviceId: string;
}

export function createPhotosRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO photos (id, client_id, session_id, original_sha256, original_name, format, mime, byte_size, width,
      height, orientation, taken_at, phase, pose, created_at, updated_at, device_id)
    VALUES (@id, @clientId, @sessionId, @sha256, @originalName, @format, @mime, @byteSize, @width, @height,
      @orientation, @takenAt, @phase, @pose, @at, @at, @deviceId)`);
  const bySha = db.prepare<[string, string], PhotoRow>(
    `SELECT ${COLUMNS} FROM photos WHERE client_id = ? AND original_sha256 = ?`,
  );
  const revive = db.prepare(
    'UPDATE photos SET deleted_at = NULL, updated_at = @at, device_id = @deviceId WHERE id = @id',
  );
  const byId = db.prepare<[string], PhotoRow>(
    `SELECT ${COLUMNS} FROM photos WHERE id = ? AND deleted_at IS NULL`,
  );
  // The timeline: newest first; photos without a capture time sort by import time.
  const forClient = db.prepare<
    { clientId: string; phase: string | null; pose: string | null },
    PhotoRow
  >(`SELECT ${COLUMNS} FROM photos
     WHERE client_id = @clientId AND deleted_at IS NULL
       AND (@phase IS NULL OR phase = @phase) AND (@pose IS NULL OR pose = @pose)
     ORDER BY coalesce(taken_at, created_at) DESC, seq DESC`);
  const referenced = db.prepare<[], { sha: string }>('SELECT DISTINCT original_sha256 AS sha FROM photos');

  return {
    insert: (p: PhotoInsert) => insert.run(p),
    findBySha: (clientId: string, sha256: string) => {
      const row = bySha.get(clientId, sha256);
      return row ? { photo: toPhoto(row), deleted: row.deleted_at !== null } : null;
    },
    revive: (id: string, at: string, deviceId: string) => revive.run({ id, at, deviceId }),
    get: (id: string) => {
      const row = byId.get(id);
      return row ? toPhoto(row) : null;
    },
    list: (clientId: string, phase: Phase | null, pose: Pose | null) =>
      forClient.all({ clientId, phase, pose }).map(toPhoto),
    /** Every original any photo row refers to, deleted ones included (they may be restored). */
    referencedHashes: () => new Set(referenced.all().map((r) => r.sha)),
    /** Bulk tagging: the same fields set on many photos in one statement each. */
    update(ids: string[], patch: Record<string, unknown>, at: string, deviceId: string): number {
      const columns: Record<string, string> = {
        phase: 'phase',
        pose: 'pose',
        sessionId: 'session_id',
        notes: 'notes',
        rotation: 'rotation',
      };
      const sets = Object.keys(patch)
        .filter((k) => k in columns)
        .map((k) => `${columns[k]} = @${k}`);
      const statement = db.prepare(
        `UPDATE photos SET ${sets.join(', ')}, updated_at = @at, device_id = @deviceId
         WHERE id = @id AND deleted_at IS NULL`,
      );
      return db.transaction(() =>
        ids.reduce((n, id) => n + statement.run({ ...patch, id, at, deviceId }).changes, 0),
      )();
    },
  };
}
