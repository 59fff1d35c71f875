import type { Database } from 'better-sqlite3';
import type { DocumentKind, IssuedDocument } from '../../contract';

interface Row {
  id: string;
  client_id: string;
  session_id: string | null;
  kind: DocumentKind;
  title: string;
  template_id: string | null;
  template_code: string | null;
  template_version: number | null;
  paper: IssuedDocument['paper'];
  action: IssuedDocument['action'];
  snapshot_sha256: string;
  issued_at: string;
  issued_by: string;
  reprint_of: string | null;
}

const SELECT = `SELECT d.id, d.client_id, d.session_id, d.kind, d.title, d.template_id, f.code AS template_code,
    t.version AS template_version, d.paper, d.action, d.snapshot_sha256, d.issued_at, d.issued_by, d.reprint_of
  FROM issued_documents d
  LEFT JOIN aftercare_templates t ON t.id = d.template_id
  LEFT JOIN aftercare_template_families f ON f.id = t.family_id`;

function toDocument(r: Row): IssuedDocument {
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    kind: r.kind,
    title: r.title,
    template:
      r.template_id && r.template_code && r.template_version !== null
        ? { id: r.template_id, code: r.template_code, version: r.template_version }
        : null,
    paper: r.paper,
    action: r.action,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    snapshotSha256: r.snapshot_sha256,
    reprintOf: r.reprint_of,
  };
}

export interface NewIssuedDocument {
  id: string;
  clientId: string;
  sessionId: string | null;
  kind: DocumentKind;
  title: string;
  templateId: string | null;
  paper: IssuedDocument['paper'];
  action: IssuedDocument['action'];
  snapshotSha256: string;
  issuedAt: string;
  issuedBy: string;
  reprintOf: string | null;
  deviceId: string;
}

/** Every document printed or saved, newest first; rows are only inserted (the database refuses edits). */
export function createIssuedDocumentsRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO issued_documents (id, client_id, session_id, kind, title, template_id, paper, action,
      snapshot_sha256, issued_at, issued_by, reprint_of, created_at, updated_at, device_id)
    VALUES (@id, @clientId, @sessionId, @kind, @title, @templateId, @paper, @action, @snapshotSha256, @issuedAt,
      @issuedBy, @reprintOf, @issuedAt, @issuedAt, @deviceId)`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE d.id = ? AND d.deleted_at IS NULL`);
  const forClient = db.prepare<[string], Row>(
    `${SELECT} WHERE d.client_id = ? AND d.deleted_at IS NULL ORDER BY d.issued_at DESC, d.seq DESC`,
  );
  const snapshots = db.prepare<[], { sha: string }>(
    'SELECT DISTINCT snapshot_sha256 AS sha FROM issued_documents',
  );

  return {
    insert: (d: NewIssuedDocument) => insert.run(d),
    get: (id: string) => {
      const r = byId.get(id);
      return r ? toDocument(r) : null;
    },
    forClient: (clientId: string) => forClient.all(clientId).map(toDocument),
    /** Every stored snapshot, so the blob sweep keeps them. */
    referencedSnapshots: () => snapshots.all().map((r) => r.sha),
  };
}
