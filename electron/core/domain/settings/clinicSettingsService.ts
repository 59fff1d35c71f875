import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import sharp from 'sharp';
import {
  type ApiParsedInput,
  type ClinicProfile,
  type ClinicSettings,
  DEFAULT_CLINIC_SETTINGS,
  DomainError,
  type Practitioner,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createBlobsRepo } from '../../db/repositories/blobsRepo';
import type { createSettingsRepo, SettingsFields } from '../../db/repositories/settingsRepo';
import type { ClinicInfo } from '../documents/clinic';
import { sniff } from '../photos/formats';

export interface ClinicSettingsDeps {
  db: Database;
  deviceId: string;
  settings: ReturnType<typeof createSettingsRepo>;
  blobs: ReturnType<typeof createBlobsRepo>;
}

/** A logo is printed in a header about 60 mm wide: this is plenty at 300 dpi and keeps documents small. */
const LOGO_BOX = { width: 720, height: 240 };
const LOGO_FORMATS = new Set(['png', 'jpeg', 'webp']);

/**
 * The clinic's details and practitioners. Printed documents read them through `profile()`, so what a
 * document shows always comes from one place.
 */
export function createClinicSettingsService(d: ClinicSettingsDeps) {
  function settings(): ClinicSettings {
    const row = d.settings.current();
    if (!row) return { ...DEFAULT_CLINIC_SETTINGS, logoSha256: null, configured: false, updatedAt: null };
    const { id: _id, updatedAt, ...fields } = row;
    return { ...fields, configured: true, updatedAt };
  }

  function profile(): ClinicProfile {
    return { settings: settings(), practitioners: d.settings.practitioners() };
  }

  /** Writes the whole settings row: the current one is updated, or the first one created. */
  function write(fields: SettingsFields) {
    const at = nowIso();
    const row = d.settings.current();
    d.db.transaction(() => {
      if (row) d.settings.update({ ...fields, id: row.id }, at, d.deviceId);
      else d.settings.insert({ ...fields, id: newId() }, at, d.deviceId);
    })();
  }

  function requirePractitioner(id: string): Practitioner {
    const p = d.settings.practitioner(id);
    if (!p) throw new DomainError('NOT_FOUND', 'That practitioner no longer exists.');
    return p;
  }

  return {
    profile,
    settings,

    save(input: ApiParsedInput<'settings.save'>): ClinicProfile {
      write({ ...input, logoSha256: settings().logoSha256 });
      return profile();
    },

    /**
     * A logo: PNG, JPEG or WebP, scaled to fit the document header and stored as a PNG in the media store
     * (blob first, then the settings row, as with photos).
     */
    async setLogo(input: ApiParsedInput<'settings.setLogo'>): Promise<ClinicProfile> {
      const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      const rejected = (why: string) =>
        new DomainError('VALIDATION', `The logo could not be used: ${why}.`, [
          { path: 'bytes', message: why },
        ]);
      if (bytes.length === 0) throw rejected('the file is empty');
      const sniffed = sniff(bytes);
      if (sniffed.kind !== 'image' || !LOGO_FORMATS.has(sniffed.format)) {
        throw rejected('use a PNG, JPEG or WebP image');
      }
      let png: Buffer;
      try {
        png = await sharp(bytes, { limitInputPixels: 50_000_000 })
          .rotate()
          .resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true })
          .png({ compressionLevel: 9 })
          .toBuffer();
      } catch {
        throw rejected('the image is damaged or too large');
      }
      const sha256 = createHash('sha256').update(png).digest('hex');
      d.blobs.storeImage({ sha256, mime: 'image/png', bytes: png }, [], nowIso());
      write({ ...settings(), logoSha256: sha256 });
      return profile();
    },

    clearLogo(): ClinicProfile {
      write({ ...settings(), logoSha256: null });
      return profile();
    },

    /** The logo as stored, for the media route and for documents (embedded as a data: URI). */
    logo(): { mime: string; bytes: Buffer } | null {
      const sha = settings().logoSha256;
      return sha ? d.blobs.get(sha) : null;
    },

    savePractitioner(input: ApiParsedInput<'settings.savePractitioner'>): ClinicProfile {
      const clash = d.settings.practitionerByName(input.fields.name);
      if (clash && clash.id !== input.id) {
        throw new DomainError('CONFLICT', `${clash.name} is already on the list.`, [
          { path: 'fields.name', message: 'A practitioner with this name already exists' },
        ]);
      }
      const at = nowIso();
      const row = { name: input.fields.name, credentials: input.fields.credentials };
      if (input.id) {
        requirePractitioner(input.id);
        d.settings.updatePractitioner({ ...row, id: input.id }, at, d.deviceId);
      } else {
        d.settings.insertPractitioner({ ...row, id: newId() }, at, d.deviceId);
      }
      return profile();
    },

    setPractitionerRetired(input: ApiParsedInput<'settings.setPractitionerRetired'>): ClinicProfile {
      requirePractitioner(input.id);
      const at = nowIso();
      d.settings.setRetired(input.id, input.retired ? at : null, at, d.deviceId);
      return profile();
    },

    /** What printed documents show of the clinic: its details, paper and margins, the logo inline. */
    clinicInfo(): ClinicInfo {
      const s = settings();
      const logo = s.logoSha256 ? d.blobs.get(s.logoSha256) : null;
      return {
        name: s.name,
        paper: s.paper,
        marginMm: s.marginMm,
        dateFormat: s.dateFormat,
        address: s.address,
        phone: s.phone,
        emergencyPhone: s.emergencyPhone,
        email: s.email,
        website: s.website,
        registrations: s.registrations,
        logoDataUri: logo ? `data:${logo.mime};base64,${logo.bytes.toString('base64')}` : null,
      };
    },

    referencedBlobs: () => d.settings.referencedLogos(),
  };
}
