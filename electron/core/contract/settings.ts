import { z } from 'zod';
import { optionalText } from './clients';

/**
 * The clinic's own details, shown on every printed document (consent forms, aftercare sheets, summaries),
 * and the practitioners who work there. One clinic per workstation's records.
 */

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Date formats offered for printed documents, as dayjs patterns. */
export const DATE_FORMATS = ['D MMM YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const LOCALES = ['en-GB', 'en-US', 'en-AU', 'en-CA', 'en-IE', 'en-NZ'] as const;
export type Locale = (typeof LOCALES)[number];

const optional = optionalText;

export const ClinicSettingsInput = z.object({
  name: z.string().trim().min(1, 'Enter the clinic’s name').max(200, 'Keep the name under 200 characters'),
  address: optional(500),
  phone: optional(40),
  /** Shown on aftercare sheets under "call the clinic if"; the main phone when empty. */
  emergencyPhone: optional(40),
  email: optional(200).refine((v) => v === null || z.email().safeParse(v).success, {
    message: 'Enter a valid email address',
  }),
  website: optional(200).refine((v) => v === null || /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i.test(v), {
    message: 'Enter a web address such as www.example.com',
  }),
  /** Registration or licence numbers, one per line (e.g. "CQC 1-234567890"). */
  registrations: optional(1000),
  paper: z.enum(PAPER_SIZES, { error: 'Choose A4 or Letter' }),
  /** Page margins for printed documents, in millimetres. */
  marginMm: z
    .number({ error: 'Enter the margin in millimetres' })
    .int('Whole millimetres only')
    .min(5, 'At least 5 mm')
    .max(40, 'At most 40 mm'),
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format' }),
  locale: z.enum(LOCALES, { error: 'Choose a locale' }),
});
export type ClinicSettingsInput = z.input<typeof ClinicSettingsInput>;

export interface ClinicSettings extends z.output<typeof ClinicSettingsInput> {
  /** SHA-256 of the logo PNG in the media store, served at clinicLogoUrl(sha); null without a logo. */
  logoSha256: string | null;
  /** False until someone saves the settings: documents then say "Your clinic". */
  configured: boolean;
  updatedAt: string | null;
}

export const DEFAULT_CLINIC_SETTINGS: z.output<typeof ClinicSettingsInput> = {
  name: 'Your clinic',
  address: null,
  phone: null,
  emergencyPhone: null,
  email: null,
  website: null,
  registrations: null,
  paper: 'A4',
  marginMm: 15,
  dateFormat: 'D MMM YYYY',
  locale: 'en-GB',
};

export const PractitionerInput = z.object({
  name: z.string().trim().min(1, 'Enter the practitioner’s name').max(200),
  /** e.g. "Level 4 Skin Therapist, BABTAC member". */
  credentials: optional(300),
});

export interface Practitioner {
  id: string;
  name: string;
  credentials: string | null;
  retiredAt: string | null;
}

export const LogoInput = z.object({
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'The logo file is missing' })
    .refine((b) => b.byteLength <= 10 * 1024 * 1024, { message: 'The logo is larger than 10 MB' }),
  fileName: z.string().trim().max(255).nullable().default(null),
});

export interface ClinicProfile {
  settings: ClinicSettings;
  practitioners: Practitioner[];
}

/** Where the renderer shows the clinic's logo: by its hash, so a new logo is a new URL (never a file path). */
export const clinicLogoUrl = (sha256: string) => `/media/clinic/logo/${sha256}`;
