import { z } from 'zod';

export const ZONE_MAPS = ['face', 'scalp', 'body'] as const;
export type ZoneMapId = (typeof ZONE_MAPS)[number];
export const DEVICE_KINDS = ['pen', 'roller', 'stamp'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const PRODUCT_KINDS = ['serum', 'numbing', 'prp-kit', 'cartridge', 'other'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Needle depths a chart may record, in millimetres. */
export const DEPTH_MIN_MM = 0.1;
export const DEPTH_MAX_MM = 3.0;
/** A batch expiring within this many days is flagged when chosen. */
export const BATCH_EXPIRY_WARNING_DAYS = 30;

const name = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(200);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const depthMm = z
  .number({ error: 'Enter the depth in millimetres' })
  .min(DEPTH_MIN_MM, `Depth must be at least ${DEPTH_MIN_MM} mm`)
  .max(DEPTH_MAX_MM, `Depth must be at most ${DEPTH_MAX_MM} mm`)
  .transform((v) => Math.round(v * 100) / 100);

/** A zone on a zone map, as the map's data file defines it. */
export interface ZoneDefinition {
  code: string;
  label: string;
  /** SVG path data in the map's viewBox. */
  path: string;
  /** Where the zone's label and depth are drawn. */
  labelAt: [number, number];
}

export interface ZoneMap {
  id: ZoneMapId;
  title: string;
  viewBox: string;
  /** Decorative outline paths (head, body silhouette) drawn under the zones. */
  outline: string[];
  zones: ZoneDefinition[];
}

export const TreatmentTypeInput = z.object({
  name: name('Name'),
  zoneMap: z.enum(ZONE_MAPS, { error: 'Choose a zone map' }),
  defaultIntervalDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days'),
  courseLength: z.number().int().min(1).max(24),
  zones: z
    .array(
      z
        .object({ zone: z.string().min(1).max(64), depthMin: depthMm, depthMax: depthMm })
        .refine((z) => z.depthMin <= z.depthMax, {
          message: 'The lowest depth must not exceed the highest',
          path: ['depthMax'],
        }),
    )
    .max(60)
    .refine((zones) => new Set(zones.map((z) => z.zone)).size === zones.length, {
      message: 'A zone is listed twice',
    }),
  consentTemplate: optional(64),
  aftercareTemplate: optional(64),
});
export type TreatmentTypeInput = z.input<typeof TreatmentTypeInput>;

export interface TreatmentType extends z.output<typeof TreatmentTypeInput> {
  id: string;
  code: string;
  retiredAt: string | null;
}

export const DeviceInput = z.object({
  name: name('Name'),
  kind: z.enum(DEVICE_KINDS, { error: 'Choose pen, roller or stamp' }),
  make: optional(100),
  model: optional(100),
  needleConfigs: z
    .array(z.string().trim().min(1).max(60))
    .max(30)
    .transform((v) => [...new Set(v)]),
});
export type DeviceInput = z.input<typeof DeviceInput>;
export interface Device extends z.output<typeof DeviceInput> {
  id: string;
  retiredAt: string | null;
}

export const ProductInput = z.object({
  name: name('Name'),
  kind: z.enum(PRODUCT_KINDS, { error: 'Choose a product kind' }),
  brand: optional(100),
  /** What the client may notice after it is applied (printed on the aftercare sheet). */
  whatToExpect: optional(500),
});
export type ProductInput = z.input<typeof ProductInput>;

export const BatchInput = z.object({
  productId: z.uuid(),
  lotNumber: name('Lot number').max(64),
  expiryDate: z.iso.date({ error: 'Use the format YYYY-MM-DD' }),
  quantityOnHand: z
    .number()
    .int()
    .min(0)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type BatchInput = z.input<typeof BatchInput>;

export type ExpiryStatus = 'ok' | 'expiring' | 'expired';

export interface Batch {
  id: string;
  productId: string;
  lotNumber: string;
  expiryDate: string;
  quantityOnHand: number | null;
  expiry: ExpiryStatus;
  retiredAt: string | null;
}

export interface Product extends z.output<typeof ProductInput> {
  id: string;
  retiredAt: string | null;
  batches: Batch[];
}

export interface Catalogue {
  treatmentTypes: TreatmentType[];
  devices: Device[];
  products: Product[];
  zoneMaps: ZoneMap[];
}
