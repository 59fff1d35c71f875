import type { Database } from 'better-sqlite3';
import type {
  ConsentBlock,
  ConsentKind,
  ConsentRevocation,
  ConsentScope,
  ConsentSignature,
  SignerRole,
} from '../../contract';
import { newId } from '../ids';

interface Stamp {
  at: string;
  deviceId: string;
}

/** A signed consent as stored: everything that was frozen at signing, its signatures and any revocation. */
export interface StoredConsent {
  id: string;
  clientId: string;
  templateId: string;
  familyId: string;
  code: string;
  kind: ConsentKind;
  title: string;
  templateVersion: number;
  method: 'on-screen' | 'paper';
  blocks: ConsentBlock[];
  renderedSha256: string;
  acknowledged: string[];
  photoScope: ConsentScope | null;
  clientName: string;
  practitioner: string;
  signedAt: string;
  signedAtLocal: string;
  timeZone: string;
  validUntil: string | null;
  workstation: { deviceId: string; hostname: string };
  sessionId: string | null;
  document: { sha256: string; mime: string; name: string | null };
  /** The HTML the PDF was made from (on-screen forms), kept so a reprint is the same document. */
  htmlSha256: string | null;
  seal: string;
  signatures: ConsentSignature[];
  revocation: ConsentRevocation | null;
}

interface RecordRow {
  id: string;
  client_id: string;
  template_id: string;
  family_id: string;
  code: string;
  kind: ConsentKind;
  title: string;
  template_version: number;
  method: 'on-screen' | 'paper';
  rendered_json: string;
  rendered_sha256: string;
  acknowledged_json: string;
  photo_scope: ConsentScope | null;
  client_name: string;
  practitioner: string;
  signed_at: string;
  signed_at_local: string;
  time_zone: string;
  valid_until: string | null;
  workstation_device_id: string;
  workstation_hostname: string;
  session_id: string | null;
  document_sha256: string;
  document_mime: string;
  document_name: string | null;
  html_sha256: string | null;
  seal: string;
  revocation_id: string | null;
  revocation_reason: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
}

const RECORD_COLUMNS = `r.id, r.client_id, r.template_id, r.family_id, r.code, r.kind, r.title, r.template_version,
  r.method, r.rendered_json, r.rendered_sha256, r.acknowledged_json, r.photo_scope, r.client_name, r.practitioner,
  r.signed_at, r.signed_at_local, r.time_zone, r.valid_until, r.workstation_device_id, r.workstation_hostname,
  r.session_id, r.document_sha256, r.document_mime, r.document_name, r.html_sha256, r.seal,
  v.id AS revocation_id, v.reason AS revocation_reason, v.revoked_by, v.revoked_at`;
const FROM = 'consent_records r LEFT JOIN consent_revocations v ON v.record_id = r.id';
const NEWEST_FIRST = 'ORDER BY r.signed_at DESC, r.seq DESC';

export type NewConsent = Omit<StoredConsent, 'signatures' | 'revocation'>;

export function createConsentRecordsRepo(db: Database) {
  const insertRecord = db.prepare(`
    INSERT INTO consent_records (id, client_id, template_id, family_id, code, kind, title, template_version, method,
      rendered_json, rendered_sha256, acknowledged_json, photo_scope, client_name, practitioner, signed_at,
      signed_at_local, time_zone, valid_until, workstation_device_id, workstation_hostname, session_id,
      document_sha256, document_mime, document_name, html_sha256, seal, created_at, updated_at, created_by,
      device_id)
    VALUES (@id, @client_id, @template_id, @family_id, @code, @kind, @title, @template_version, @method,
      @rendered_json, @rendered_sha256, @acknowledged_json, @photo_scope, @client_name, @practitioner, @signed_at,
      @signed_at_local, @time_zone, @valid_until, @workstation_device_id, @workstation_hostname, @session_id,
      @document_sha256, @document_mime, @document_name, @html_sha256, @seal, @at, @at, @practitioner, @device_id)`);
  const insertSignature = db.prepare(`
    INSERT INTO consent_signatures (id, record_id, role, name, png_sha256, created_at, device_id)
    VALUES (@id, @record_id, @role, @name, @png_sha256, @at, @device_id)`);
  const insertRevocation = db.prepare(`
    INSERT INTO consent_revocations (id, record_id, reason, revoked_by, revoked_at, created_at, device_id)
    VALUES (@id, @record_id, @reason, @by, @at, @at, @device_id)`);

  const byId = db.prepare<[string], RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${FROM} WHERE r.id = ? AND r.deleted_at IS NULL`,
  );
  const forClient = db.prepare<[string], RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${FROM} WHERE r.client_id = ? AND r.deleted_at IS NULL ${NEWEST_FIRST}`,
  );
  const newestOfFamily = db.prepare<[string, string], RecordRow>(
    `SELECT ${RECORD_COLUMNS} FROM ${FROM} WHERE r.client_id = ? AND r.family_id = ? AND r.deleted_at IS NULL
     ${NEWEST_FIRST} LIMIT 1`,
  );
  const signaturesOf = db.prepare<[string], { role: SignerRole; name: string; png_sha256: string }>(`
    SELECT role, name, png_sha256 FROM consent_signatures WHERE record_id = ?
    ORDER BY CASE role WHEN 'client' THEN 0 WHEN 'practitioner' THEN 1 ELSE 2 END`);
  const referenced = db.prepare<[], { sha256: string }>(`
    SELECT document_sha256 AS sha256 FROM consent_records
    UNION SELECT html_sha256 FROM consent_records WHERE html_sha256 IS NOT NULL
    UNION SELECT png_sha256 FROM consent_signatures`);

  function toStored(row: RecordRow): StoredConsent {
    return {
      id: row.id,
      clientId: row.client_id,
      templateId: row.template_id,
      familyId: row.family_id,
      code: row.code,
      kind: row.kind,
      title: row.title,
      templateVersion: row.template_version,
      method: row.method,
      blocks: JSON.parse(row.rendered_json) as ConsentBlock[],
      renderedSha256: row.rendered_sha256,
      acknowledged: JSON.parse(row.acknowledged_json) as string[],
      photoScope: row.photo_scope,
      clientName: row.client_name,
      practitioner: row.practitioner,
      signedAt: row.signed_at,
      signedAtLocal: row.signed_at_local,
      timeZone: row.time_zone,
      validUntil: row.valid_until,
      workstation: { deviceId: row.workstation_device_id, hostname: row.workstation_hostname },
      sessionId: row.session_id,
      document: { sha256: row.document_sha256, mime: row.document_mime, name: row.document_name },
      htmlSha256: row.html_sha256,
      seal: row.seal,
      signatures: signaturesOf.all(row.id).map((s) => ({ role: s.role, name: s.name, sha256: s.png_sha256 })),
      revocation: row.revocation_id
        ? {
            id: row.revocation_id,
            reason: row.revocation_reason!,
            by: row.revoked_by!,
            revokedAt: row.revoked_at!,
          }
        : null,
    };
  }

  return {
    /** The record and its signature rows; call inside the records transaction. */
    insert(record: NewConsent, signatures: ConsentSignature[], s: Stamp) {
      insertRecord.run({
        id: record.id,
        client_id: record.clientId,
        template_id: record.templateId,
        family_id: record.familyId,
        code: record.code,
        kind: record.kind,
        title: record.title,
        template_version: record.templateVersion,
        method: record.method,
        rendered_json: JSON.stringify(record.blocks),
        rendered_sha256: record.renderedSha256,
        acknowledged_json: JSON.stringify(record.acknowledged),
        photo_scope: record.photoScope,
        client_name: record.clientName,
        practitioner: record.practitioner,
        signed_at: record.signedAt,
        signed_at_local: record.signedAtLocal,
        time_zone: record.timeZone,
        valid_until: record.validUntil,
        workstation_device_id: record.workstation.deviceId,
        workstation_hostname: record.workstation.hostname,
        session_id: record.sessionId,
        document_sha256: record.document.sha256,
        document_mime: record.document.mime,
        document_name: record.document.name,
        html_sha256: record.htmlSha256,
        seal: record.seal,
        at: s.at,
        device_id: s.deviceId,
      });
      for (const signature of signatures) {
        insertSignature.run({
          id: newId(),
          record_id: record.id,
          role: signature.role,
          name: signature.name,
          png_sha256: signature.sha256,
          at: s.at,
          device_id: s.deviceId,
        });
      }
    },

    /** False when the record is already revoked (a record is revoked once). */
    revoke(r: { id: string; recordId: string; reason: string; by: string }, s: Stamp): boolean {
      try {
        insertRevocation.run({
          id: r.id,
          record_id: r.recordId,
          reason: r.reason,
          by: r.by,
          at: s.at,
          device_id: s.deviceId,
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
        throw error;
      }
    },

    get(id: string): StoredConsent | null {
      const row = byId.get(id);
      return row ? toStored(row) : null;
    },
    listForClient: (clientId: string): StoredConsent[] => forClient.all(clientId).map(toStored),
    /** The client's newest record of a form (by signing time), which decides whether the consent stands. */
    newest(clientId: string, familyId: string): StoredConsent | null {
      const row = newestOfFamily.get(clientId, familyId);
      return row ? toStored(row) : null;
    },
    /** Every media blob a consent refers to: documents, their HTML and signature images. */
    referencedHashes: (): Set<string> => new Set(referenced.all().map((r) => r.sha256)),
  };
}
