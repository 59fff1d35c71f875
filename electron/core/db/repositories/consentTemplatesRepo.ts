import type { Database } from 'better-sqlite3';
import type { ConsentBlock, ConsentKind, ConsentTemplateVersion } from '../../contract';

interface Stamp {
  at: string;
  deviceId: string;
}

export interface StoredFamily {
  id: string;
  code: string;
  kind: ConsentKind;
  retiredAt: string | null;
}

interface VersionRow {
  id: string;
  family_id: string;
  code: string;
  kind: ConsentKind;
  version: number;
  title: string;
  blocks_json: string;
  expiry_months: number | null;
  created_at: string;
}

const VERSION_COLUMNS = `t.id, t.family_id, f.code, f.kind, t.version, t.title, t.blocks_json, t.expiry_months,
  t.created_at`;

function toVersion(row: VersionRow): ConsentTemplateVersion {
  return {
    id: row.id,
    familyId: row.family_id,
    code: row.code,
    kind: row.kind,
    title: row.title,
    version: row.version,
    blocks: JSON.parse(row.blocks_json) as ConsentBlock[],
    expiryMonths: row.expiry_months,
    createdAt: row.created_at,
  };
}

/** Consent form families and their versions. Versions are only ever inserted (the database refuses edits). */
export function createConsentTemplatesRepo(db: Database) {
  const families = db.prepare<[], { id: string; code: string; kind: ConsentKind; retired_at: string | null }>(
    'SELECT id, code, kind, retired_at FROM consent_template_families WHERE deleted_at IS NULL ORDER BY seq',
  );
  const familyById = db.prepare<
    [string],
    { id: string; code: string; kind: ConsentKind; retired_at: string | null }
  >('SELECT id, code, kind, retired_at FROM consent_template_families WHERE id = ? AND deleted_at IS NULL');
  const familyByCode = db.prepare<
    [string],
    { id: string; code: string; kind: ConsentKind; retired_at: string | null }
  >('SELECT id, code, kind, retired_at FROM consent_template_families WHERE code = ? AND deleted_at IS NULL');
  const versionById = db.prepare<[string], VersionRow>(`
    SELECT ${VERSION_COLUMNS} FROM consent_templates t JOIN consent_template_families f ON f.id = t.family_id
    WHERE t.id = ? AND t.deleted_at IS NULL`);
  const currentOf = db.prepare<[string], VersionRow>(`
    SELECT ${VERSION_COLUMNS} FROM consent_templates t JOIN consent_template_families f ON f.id = t.family_id
    WHERE t.family_id = ? AND t.deleted_at IS NULL ORDER BY t.version DESC LIMIT 1`);
  const versionsOf = db.prepare<
    [string],
    { id: string; version: number; created_at: string; signed_count: number }
  >(`
    SELECT t.id, t.version, t.created_at,
      (SELECT count(*) FROM consent_records r WHERE r.template_id = t.id AND r.deleted_at IS NULL) AS signed_count
    FROM consent_templates t WHERE t.family_id = ? AND t.deleted_at IS NULL ORDER BY t.version DESC`);
  const insertFamily = db.prepare(`
    INSERT INTO consent_template_families (id, code, kind, created_at, updated_at, created_by, device_id)
    VALUES (@id, @code, @kind, @at, @at, @by, @device_id)`);
  const insertVersion = db.prepare(`
    INSERT INTO consent_templates (id, family_id, version, title, blocks_json, expiry_months, created_at, updated_at,
      created_by, device_id)
    VALUES (@id, @family_id,
      (SELECT coalesce(max(version), 0) + 1 FROM consent_templates WHERE family_id = @family_id),
      @title, @blocks_json, @expiry_months, @at, @at, @by, @device_id)`);
  const setRetired = db.prepare(`
    UPDATE consent_template_families SET retired_at = @retired_at, updated_at = @at, device_id = @device_id
    WHERE id = @id AND deleted_at IS NULL`);

  const family = (
    row: { id: string; code: string; kind: ConsentKind; retired_at: string | null } | undefined,
  ) => (row ? { id: row.id, code: row.code, kind: row.kind, retiredAt: row.retired_at } : null);

  return {
    families: (): StoredFamily[] => families.all().map((r) => family(r)!),
    family: (id: string): StoredFamily | null => family(familyById.get(id)),
    familyByCode: (code: string): StoredFamily | null => family(familyByCode.get(code)),
    version(id: string): ConsentTemplateVersion | null {
      const row = versionById.get(id);
      return row ? toVersion(row) : null;
    },
    current(familyId: string): ConsentTemplateVersion | null {
      const row = currentOf.get(familyId);
      return row ? toVersion(row) : null;
    },
    versions: (familyId: string) =>
      versionsOf.all(familyId).map((v) => ({
        id: v.id,
        version: v.version,
        createdAt: v.created_at,
        signedCount: v.signed_count,
      })),

    insertFamily(f: { id: string; code: string; kind: ConsentKind; by: string | null }, s: Stamp) {
      insertFamily.run({ id: f.id, code: f.code, kind: f.kind, by: f.by, at: s.at, device_id: s.deviceId });
    },
    /** The family's next version number is taken inside the INSERT, so two saves cannot share one. */
    insertVersion(
      v: {
        id: string;
        familyId: string;
        title: string;
        blocks: ConsentBlock[];
        expiryMonths: number | null;
        by: string | null;
      },
      s: Stamp,
    ) {
      insertVersion.run({
        id: v.id,
        family_id: v.familyId,
        title: v.title,
        blocks_json: JSON.stringify(v.blocks),
        expiry_months: v.expiryMonths,
        by: v.by,
        at: s.at,
        device_id: s.deviceId,
      });
    },
    setRetired: (id: string, retiredAt: string | null, s: Stamp) =>
      setRetired.run({ id, retired_at: retiredAt, at: s.at, device_id: s.deviceId }).changes === 1,
  };
}
