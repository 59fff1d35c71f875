import type { Database } from 'better-sqlite3';
import type { CropRect, Phase, Photo, Pose } from '../../contract';

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
  crop_json: string | null;
  created_at: string;
  deleted_at: string | null;
}

const COLUMNS = `id, client_id, session_id, original_sha256, original_name, format, mime, byte_size, width, height,
  taken_at, phase, pose, notes, consent_scope, rotation, crop_json, created_at, deleted_at`;

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
    crop: r.crop_json === null ? null : (JSON.parse(r.crop_json) as CropRect),
    createdAt: r.created_at,
  };
}

// The timeline: newest first; photos without a capture time sort by import time; seq breaks ties. Read in
// pages straight from photos_by_client, which holds this order: the first page stops after `limit` rows,
// and a later one starts at its cursor's (time, seq) by a range on the index, never by skipping rows.
const TIMELINE_WHERE = `client_id = @clientId AND deleted_at IS NULL
       AND (@phase IS NULL OR phase = @phase) AND (@pose IS NULL OR pose = @pose)`;
const TIMELINE_ORDER = 'ORDER BY coalesce(taken_at, created_at) DESC, seq DESC LIMIT @limit';

/** The timeline's two page queries, exported so a test can check their plans read the index in order. */
export const TIMELINE_SQL = {
  firstPage: `SELECT ${COLUMNS} FROM photos WHERE ${TIMELINE_WHERE} ${TIMELINE_ORDER}`,
  // `<=` on the indexed expression is the range SQLite seeks to; the OR then drops the cursor's own time
  // ties that came at or before it (seq is unique, so no photo is returned twice or skipped).
  nextPage: `SELECT ${COLUMNS} FROM photos WHERE ${TIMELINE_WHERE}
       AND coalesce(taken_at, created_at) <= @time
       AND (coalesce(taken_at, created_at) < @time OR seq < @seq)
     ${TIMELINE_ORDER}`,
};

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
  type PageParams = { clientId: string; phase: string | null; pose: string | null; limit: number };
  const firstPage = db.prepare<PageParams, PhotoRow>(TIMELINE_SQL.firstPage);
  const nextPage = db.prepare<PageParams & { time: string; seq: number }, PhotoRow>(TIMELINE_SQL.nextPage);
  // A cursor's place in the order. Deleted photos keep theirs, so a page boundary survives a deletion.
  const cursorOf = db.prepare<[string], { client_id: string; time: string; seq: number }>(
    'SELECT client_id, coalesce(taken_at, created_at) AS time, seq FROM photos WHERE id = ?',
  );
  const referenced = db.prepare<[], { sha: string }>('SELECT DISTINCT original_sha256 AS sha FROM photos');
  const countForClient = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM photos WHERE client_id = ? AND deleted_at IS NULL',
  );

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
    /** Where a photo sits in the timeline order (deleted ones included), or null when there is no such id. */
    cursor: (id: string) => {
      const row = cursorOf.get(id);
      return row ? { clientId: row.client_id, time: row.time, seq: row.seq } : null;
    },
    /** One page of the timeline: the first, or the one after `after` (a position from `cursor`). */
    listPage: (
      filter: { clientId: string; phase: Phase | null; pose: Pose | null; limit: number },
      after: { time: string; seq: number } | null,
    ) => (after ? nextPage.all({ ...filter, ...after }) : firstPage.all(filter)).map(toPhoto),
    /** Every original any photo row refers to, deleted ones included (they may be restored). */
    referencedHashes: () => new Set(referenced.all().map((r) => r.sha)),
    count: (clientId: string) => countForClient.get(clientId)!.n,
    /** Bulk tagging: the same fields set on many photos in one statement each. */
    update(ids: string[], patch: Record<string, unknown>, at: string, deviceId: string): number {
      const columns: Record<string, string> = {
        phase: 'phase',
        pose: 'pose',
        sessionId: 'session_id',
        notes: 'notes',
        rotation: 'rotation',
        crop: 'crop_json',
      };
      const sets = Object.keys(patch)
        .filter((k) => k in columns)
        .map((k) => `${columns[k]} = @${k}`);
      const statement = db.prepare(
        `UPDATE photos SET ${sets.join(', ')}, updated_at = @at, device_id = @deviceId
         WHERE id = @id AND deleted_at IS NULL`,
      );
      // The crop is stored as JSON (null: none); the contract has already validated it.
      const values =
        'crop' in patch ? { ...patch, crop: patch.crop ? JSON.stringify(patch.crop) : null } : patch;
      return db.transaction(() =>
        ids.reduce((n, id) => n + statement.run({ ...values, id, at, deviceId }).changes, 0),
      )();
    },
  };
}
