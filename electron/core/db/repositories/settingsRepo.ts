import type { Database } from 'better-sqlite3';
import type { ClinicSettings, Practitioner } from '../../contract';

interface SettingsRow {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
  emergency_phone: string | null;
  email: string | null;
  website: string | null;
  registrations: string | null;
  logo_sha256: string | null;
  paper: ClinicSettings['paper'];
  margin_mm: number;
  date_format: ClinicSettings['dateFormat'];
  locale: ClinicSettings['locale'];
  updated_at: string;
}

export type SettingsFields = Omit<ClinicSettings, 'configured' | 'updatedAt'>;

interface PractitionerRow {
  id: string;
  name: string;
  credentials: string | null;
  retired_at: string | null;
}

const toPractitioner = (r: PractitionerRow): Practitioner => ({
  id: r.id,
  name: r.name,
  credentials: r.credentials,
  retiredAt: r.retired_at,
});

export function createSettingsRepo(db: Database) {
  const current = db.prepare<[], SettingsRow>(`
    SELECT id, name, address, phone, emergency_phone, email, website, registrations, logo_sha256, paper,
      margin_mm, date_format, locale, updated_at
    FROM clinic_settings WHERE deleted_at IS NULL
    ORDER BY updated_at DESC, id DESC LIMIT 1`);
  const insert = db.prepare(`
    INSERT INTO clinic_settings (id, name, address, phone, emergency_phone, email, website, registrations,
      logo_sha256, paper, margin_mm, date_format, locale, created_at, updated_at, device_id)
    VALUES (@id, @name, @address, @phone, @emergencyPhone, @email, @website, @registrations, @logoSha256,
      @paper, @marginMm, @dateFormat, @locale, @at, @at, @deviceId)`);
  const update = db.prepare(`
    UPDATE clinic_settings SET name = @name, address = @address, phone = @phone,
      emergency_phone = @emergencyPhone, email = @email, website = @website, registrations = @registrations,
      logo_sha256 = @logoSha256, paper = @paper, margin_mm = @marginMm, date_format = @dateFormat,
      locale = @locale, updated_at = @at, device_id = @deviceId
    WHERE id = @id`);
  const practitioners = db.prepare<[], PractitionerRow>(`
    SELECT id, name, credentials, retired_at FROM practitioners WHERE deleted_at IS NULL
    ORDER BY retired_at IS NOT NULL, name COLLATE NOCASE`);
  const practitioner = db.prepare<[string], PractitionerRow>(
    'SELECT id, name, credentials, retired_at FROM practitioners WHERE id = ? AND deleted_at IS NULL',
  );
  const byName = db.prepare<[string], PractitionerRow>(
    `SELECT id, name, credentials, retired_at FROM practitioners
     WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL`,
  );
  const insertPractitioner = db.prepare(`
    INSERT INTO practitioners (id, name, credentials, created_at, updated_at, device_id)
    VALUES (@id, @name, @credentials, @at, @at, @deviceId)`);
  const updatePractitioner = db.prepare(`
    UPDATE practitioners SET name = @name, credentials = @credentials, updated_at = @at, device_id = @deviceId
    WHERE id = @id AND deleted_at IS NULL`);
  const retire = db.prepare(`
    UPDATE practitioners SET retired_at = @retiredAt, updated_at = @at, device_id = @deviceId
    WHERE id = @id AND deleted_at IS NULL`);
  const logos = db.prepare<[], { sha: string }>(
    'SELECT DISTINCT logo_sha256 AS sha FROM clinic_settings WHERE logo_sha256 IS NOT NULL',
  );

  return {
    current(): (SettingsFields & { id: string; updatedAt: string }) | null {
      const r = current.get();
      if (!r) return null;
      return {
        id: r.id,
        name: r.name,
        address: r.address,
        phone: r.phone,
        emergencyPhone: r.emergency_phone,
        email: r.email,
        website: r.website,
        registrations: r.registrations,
        logoSha256: r.logo_sha256,
        paper: r.paper,
        marginMm: r.margin_mm,
        dateFormat: r.date_format,
        locale: r.locale,
        updatedAt: r.updated_at,
      };
    },
    insert: (fields: SettingsFields & { id: string }, at: string, deviceId: string) =>
      insert.run({ ...fields, at, deviceId }),
    update: (fields: SettingsFields & { id: string }, at: string, deviceId: string) =>
      update.run({ ...fields, at, deviceId }),
    practitioners: () => practitioners.all().map(toPractitioner),
    practitioner: (id: string) => {
      const r = practitioner.get(id);
      return r ? toPractitioner(r) : null;
    },
    practitionerByName: (name: string) => {
      const r = byName.get(name);
      return r ? toPractitioner(r) : null;
    },
    insertPractitioner: (
      p: { id: string; name: string; credentials: string | null },
      at: string,
      deviceId: string,
    ) => insertPractitioner.run({ ...p, at, deviceId }),
    updatePractitioner: (
      p: { id: string; name: string; credentials: string | null },
      at: string,
      deviceId: string,
    ) => updatePractitioner.run({ ...p, at, deviceId }),
    setRetired: (id: string, retiredAt: string | null, at: string, deviceId: string) =>
      retire.run({ id, retiredAt, at, deviceId }),
    /** Every logo any settings row refers to, so the blob sweep keeps them. */
    referencedLogos: () => logos.all().map((r) => r.sha),
  };
}
