import { z } from 'zod';

export const SEXES = ['female', 'male', 'intersex', 'unspecified'] as const;
export const FITZPATRICK_TYPES = [1, 2, 3, 4, 5, 6] as const;
export const SKIN_CONCERNS = [
  'acne',
  'acne-scars',
  'fine-lines',
  'wrinkles',
  'pigmentation',
  'melasma',
  'enlarged-pores',
  'texture',
  'laxity',
  'rosacea',
  'stretch-marks',
  'surgical-scars',
  'hair-loss',
  'dullness',
] as const;

export const SKIN_CONCERN_LABELS: Record<SkinConcern, string> = {
  acne: 'Active acne',
  'acne-scars': 'Acne scars',
  'fine-lines': 'Fine lines',
  wrinkles: 'Wrinkles',
  pigmentation: 'Pigmentation',
  melasma: 'Melasma',
  'enlarged-pores': 'Enlarged pores',
  texture: 'Uneven texture',
  laxity: 'Skin laxity',
  rosacea: 'Rosacea',
  'stretch-marks': 'Stretch marks',
  'surgical-scars': 'Surgical scars',
  'hair-loss': 'Hair loss',
  dullness: 'Dullness',
};

export const CLIENT_SORTS = ['name-asc', 'name-desc', 'updated-desc', 'created-desc'] as const;
export const CLIENT_STATUSES = ['active', 'archived', 'all'] as const;

export type Sex = (typeof SEXES)[number];
export type FitzpatrickType = (typeof FITZPATRICK_TYPES)[number];
export type SkinConcern = (typeof SKIN_CONCERNS)[number];
export type ClientSort = (typeof CLIENT_SORTS)[number];
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** How each Fitzpatrick type reacts to sun, as the client would describe it. */
export const FITZPATRICK_DESCRIPTIONS: Record<FitzpatrickType, string> = {
  1: 'Always burns, never tans',
  2: 'Usually burns, tans minimally',
  3: 'Sometimes burns, tans gradually',
  4: 'Rarely burns, tans easily',
  5: 'Very rarely burns, tans very easily',
  6: 'Never burns, deeply pigmented',
};
export function fitzpatrickLabel(type: FitzpatrickType): string {
  return ROMAN[type - 1]!;
}

/** Trimmed optional text: empty strings are stored as null so "cleared" and "never set" are the same. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const requiredName = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(100, `${label} must be 100 characters or fewer`);

const PHONE = /^\+?[0-9 ()\-.]{6,25}$/;
const phone = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null)
  .refine((v) => v === null || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6), {
    message: 'Enter a phone number of digits, spaces and + ( ) - only, at least 6 digits',
  });

const email = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .nullable()
  .optional()
  .transform((v) => v ?? null)
  .refine((v) => v === null || z.email().safeParse(v).success, { message: 'Enter a valid email address' });

const wellFormed = (payload: { issues: unknown[] }) => payload.issues.length === 0;

/** A calendar date (YYYY-MM-DD) that exists, is not in the future and is after 1900. */
export const pastDate = z.iso
  .date({ error: 'Use the format YYYY-MM-DD' })
  // Range checks only for a well-formed date, so a typo gets one message, not three.
  .refine((v) => v >= '1900-01-01', { message: 'Date must be after 1900', when: wellFormed })
  .refine((v) => v <= localDate(), { message: 'Date cannot be in the future', when: wellFormed });

/** A calendar date (YYYY-MM-DD) in the workstation's time zone: "today" is the clinic's today, not UTC's. */
export function localDate(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export const ClientInput = z.object({
  firstName: requiredName('First name'),
  lastName: requiredName('Last name'),
  preferredName: optionalText(100),
  dateOfBirth: z
    .union([z.literal(''), z.null(), pastDate])
    .optional()
    .transform((v) => (v ? v : null)),
  sex: z
    .enum(SEXES, { error: 'Choose one of the listed options' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  pronouns: optionalText(40),
  phone,
  email,
  address: z
    .object({
      line1: optionalText(200),
      line2: optionalText(200),
      city: optionalText(100),
      region: optionalText(100),
      postcode: optionalText(20),
      country: optionalText(100),
    })
    .default({ line1: null, line2: null, city: null, region: null, postcode: null, country: null }),
  emergencyContact: z
    .object({ name: optionalText(200), phone, relationship: optionalText(100) })
    .default({ name: null, phone: null, relationship: null }),
  fitzpatrick: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)], {
      error: 'Fitzpatrick type must be I to VI',
    })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  skinConcerns: z
    .array(z.enum(SKIN_CONCERNS, { error: 'Unknown skin concern' }))
    .max(SKIN_CONCERNS.length)
    .default([])
    .transform((v) => [...new Set(v)]),
  allergies: optionalText(2000),
  medications: optionalText(2000),
  notes: optionalText(10000),
});
export type ClientInput = z.input<typeof ClientInput>;
export type ClientFields = z.output<typeof ClientInput>;

export const ClientId = z.uuid({ error: 'Not a valid client id' });

export const ClientSearchInput = z.object({
  query: z.string().max(200, 'Search text is too long').default(''),
  status: z.enum(CLIENT_STATUSES).default('active'),
  sort: z.enum(CLIENT_SORTS).default('name-asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** A list fetching its later pages already knows the total; skipping the count halves a deep page. */
  withTotal: z.boolean().default(true),
});

export interface ClientSummary {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  fitzpatrick: FitzpatrickType | null;
  archivedAt: string | null;
  updatedAt: string;
}

export interface ClientSearchResult {
  /** Matches, counted up to a cap for searches (see `capped`); exact for the unfiltered list, or null there when not asked for. */
  total: number | null;
  /** True when the search matched more than `total` clients: the practitioner should keep typing. */
  capped: boolean;
  items: ClientSummary[];
}

export interface Client extends ClientFields {
  id: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
