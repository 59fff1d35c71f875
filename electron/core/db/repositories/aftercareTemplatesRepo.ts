import type { Database } from 'better-sqlite3';
import type { AftercareBlock, AftercareTemplateVersion } from '../../contract';

interface Stamp {
  at: string;
  deviceId: string;
}

export interface StoredAftercareFamily {
  id: string;
  code: string;
  retiredAt: string | null;
}

interface FamilyRow {
  id: string;
  code: string;
  retired_at: string | null;
}

interface VersionRow {
  id: string;
  family_id: string;
  code: string;
  version: number;
  title: string;
  blocks_json: string;
  created_at: string;
}

const VERSION = `SELECT t.id, t.family_id, f.code, t.version, t.title, t.blocks_json, t.created_at
  FROM aftercare_templates t JOIN aftercare_template_families f ON f.id = t.family_id`;

const toFamily = (r: FamilyRow | undefined): StoredAftercareFamily | null =>
  r ? { id: r.id, code: r.code, retiredAt: r.retired_at } : null;

const toVersion = (r: VersionRow | undefined): AftercareTemplateVersion | null =>
  r
    ? {
        id: r.id,
        familyId: r.family_id,
        code: r.code,
        title: r.title,
        version: r.version,
        blocks: JSON.parse(r.blocks_json) as AftercareBlock[],
        createdAt: r.created_at,
      }
    : null;

/** Aftercare template families and their versions; versions are only inserted (the database refuses edits). */
export function createAftercareTemplatesRepo(db: Database) {
  const families = db.prepare<[], FamilyRow>(
    'SELECT id, code, retired_at FROM aftercare_template_families WHERE deleted_at IS NULL ORDER BY seq',
  );
  const familyById = db.prepare<[string], FamilyRow>(
    'SELECT id, code, retired_at FROM aftercare_template_families WHERE id = ? AND deleted_at IS NULL',
  );
  const familyByCode = db.prepare<[string], FamilyRow>(
    'SELECT id, code, retired_at FROM aftercare_template_families WHERE code = ? AND deleted_at IS NULL',
  );
  const versionById = db.prepare<[string], VersionRow>(`${VERSION} WHERE t.id = ?`);
  const currentOf = db.prepare<[string], VersionRow>(
    `${VERSION} WHERE t.family_id = ? AND t.deleted_at IS NULL ORDER BY t.version DESC LIMIT 1`,
  );
  const versionsOf = db.prepare<
    [string],
    { id: string; version: number; created_at: string; issued: number }
  >(`
    SELECT t.id, t.version, t.created_at,
      (SELECT count(*) FROM issued_documents d WHERE d.template_id = t.id AND d.reprint_of IS NULL) AS issued
    FROM aftercare_templates t WHERE t.family_id = ? AND t.deleted_at IS NULL ORDER BY t.version DESC`);
  const insertFamily = db.prepare(`
    INSERT INTO aftercare_template_families (id, code, created_at, updated_at, created_by, device_id)
    VALUES (@id, @code, @at, @at, @by, @deviceId)`);
  // The next version number is taken inside the INSERT, so two saves can never share one.
  const insertVersion = db.prepare(`
    INSERT INTO aftercare_templates (id, family_id, version, title, blocks_json, created_at, updated_at,
      created_by, device_id)
    VALUES (@id, @familyId,
      (SELECT coalesce(max(version), 0) + 1 FROM aftercare_templates WHERE family_id = @familyId),
      @title, @blocks, @at, @at, @by, @deviceId)`);
  const setRetired = db.prepare(`
    UPDATE aftercare_template_families SET retired_at = @retiredAt, updated_at = @at, device_id = @deviceId
    WHERE id = @id AND deleted_at IS NULL`);

  return {
    families: () => families.all().map((r) => toFamily(r)!),
    family: (id: string) => toFamily(familyById.get(id)),
    familyByCode: (code: string) => toFamily(familyByCode.get(code)),
    version: (id: string) => toVersion(versionById.get(id)),
    current: (familyId: string) => toVersion(currentOf.get(familyId)),
    versions: (familyId: string) =>
      versionsOf
        .all(familyId)
        .map((v) => ({ id: v.id, version: v.version, createdAt: v.created_at, issuedCount: v.issued })),
    insertFamily: (f: { id: string; code: string; by: string | null }, s: Stamp) =>
      insertFamily.run({ ...f, ...s }),
    insertVersion: (
      v: { id: string; familyId: string; title: string; blocks: AftercareBlock[]; by: string | null },
      s: Stamp,
    ) => insertVersion.run({ ...v, blocks: JSON.stringify(v.blocks), ...s }),
    setRetired: (id: string, retiredAt: string | null, s: Stamp) =>
      setRetired.run({ id, retiredAt, ...s }).changes === 1,
  };
}
