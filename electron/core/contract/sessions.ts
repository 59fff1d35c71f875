import { z } from 'zod';
import { depthMm } from './catalogue';
import { ClientId, localDate } from './clients';
import type { ConsentStanding } from './consents';
import type { Severity } from './history';

export const TECHNIQUES = ['stamping', 'linear', 'circular', 'cross-hatch', 'rolling'] as const;
export type Technique = (typeof TECHNIQUES)[number];
export const ENDPOINTS = ['mild-erythema', 'uniform-erythema', 'pinpoint-bleeding', 'not-reached'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];
export const ENDPOINT_LABELS: Record<Endpoint, string> = {
  'mild-erythema': 'Mild erythema',
  'uniform-erythema': 'Uniform erythema',
  'pinpoint-bleeding': 'Pinpoint bleeding',
  'not-reached': 'Endpoint not reached',
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
/** Any ISO date-time with an offset, stored as UTC so text order is time order. */
const isoDateTime = z.iso
  .datetime({ offset: true, error: 'Use a date and time' })
  .transform((v) => new Date(v).toISOString());
const id = z.uuid();

/** "None" is an explicit answer: a chart with reactions left blank is not finished. */
const Observation = z
  .object({ none: z.boolean().nullable().default(null), details: text(4000) })
  .default({ none: null, details: null });

/** Everything the practitioner fills in on a chart. A draft may be incomplete; sign-off checks completeness. */
export const ChartInput = z.object({
  startedAt: isoDateTime,
  practitioner: text(200),
  deviceId: id.nullable().default(null),
  needleConfig: text(60),
  cartridgeBatchId: id.nullable().default(null),
  numbing: z
    .object({
      batchId: id.nullable().default(null),
      strength: text(60),
      appliedAt: isoDateTime.nullable().default(null),
      removedAt: isoDateTime.nullable().default(null),
    })
    .default({ batchId: null, strength: null, appliedAt: null, removedAt: null }),
  zones: z
    .array(
      z.object({
        zone: z.string().min(1).max(64),
        depthMm,
        passes: z
          .number()
          .int()
          .min(1, 'At least 1 pass')
          .max(20, 'At most 20 passes')
          .nullable()
          .default(null),
        technique: z.enum(TECHNIQUES).nullable().default(null),
      }),
    )
    .max(60)
    .refine((zones) => new Set(zones.map((z) => z.zone)).size === zones.length, {
      message: 'A zone is listed twice',
    })
    .default([]),
  products: z
    .array(z.object({ batchId: id, notes: text(500) }))
    .max(30)
    .default([]),
  endpoint: z.enum(ENDPOINTS).nullable().default(null),
  reactions: Observation,
  adverseEvents: Observation,
  notes: text(10000),
  nextSessionDate: z.iso.date().nullable().default(null),
});
export type ChartInput = z.input<typeof ChartInput>;
export type Chart = z.output<typeof ChartInput>;

export const SessionStartInput = z.object({
  clientId: ClientId,
  treatmentTypeId: id,
  practitioner: text(200),
  startedAt: isoDateTime.optional(),
  /** Start from the client's latest signed session of the same treatment (zones, depths, device, products). */
  copyForward: z.boolean().default(false),
});

export const AcknowledgementInput = z.object({
  alertKey: z.string().min(1).max(100),
  decision: z.enum(['proceed', 'stop'], { error: 'Choose proceed or stop' }),
  note: text(2000),
});

export const SessionAcknowledgeInput = z.object({
  id,
  by: z.string().trim().min(1, 'Enter who made the screening decision').max(200),
  acknowledgements: z.array(AcknowledgementInput).min(1).max(50),
});

export const SessionSaveDraftInput = z.object({ id, chart: ChartInput });
export const SessionSignInput = z.object({
  id,
  by: z.string().trim().min(1, 'Enter who signs off the chart').max(200),
});
export const SessionAmendInput = z.object({
  id,
  by: z.string().trim().min(1, 'Enter who makes the amendment').max(200),
  reason: z.string().trim().min(3, 'Give the reason for the amendment').max(2000),
  chart: ChartInput,
});
export const SessionListInput = z.object({ clientId: ClientId });
export const SessionTodayInput = z.object({ date: z.iso.date().default(() => localDate()) });

/**
 * The screening flag a session gets when its treatment has no valid consent (missing, expired or revoked).
 * Proceeding on it needs a note; signing the consent with the session's id decides it.
 */
export const CONSENT_ALERT_KEY = 'consent';

/** A screening flag raised when the session started, and what the practitioner decided about it. */
export interface ScreeningFlag {
  alertKey: string;
  label: string;
  severity: Severity;
  advice: string | null;
  decision: 'proceed' | 'stop' | null;
  note: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface Amendment {
  id: string;
  reason: string;
  by: string;
  at: string;
  /** The chart as it stands after this amendment. */
  chart: Chart;
}

export interface ChartWarning {
  /** Dotted path of the field it concerns, e.g. "zones.cheek-l.depthMm" or "products.0.batchId". */
  path: string;
  message: string;
}

export interface Session {
  id: string;
  clientId: string;
  treatmentTypeId: string;
  status: 'draft' | 'signed' | 'stopped';
  /** The chart as first written (and, once signed, as signed). */
  chart: Chart;
  /** The chart with every amendment applied: what counts now. */
  current: Chart;
  copiedFromSessionId: string | null;
  screening: ScreeningFlag[];
  signedAt: string | null;
  signedBy: string | null;
  /** SHA-256 over the signed chart, so a later change shows. */
  signedHash: string | null;
  amendments: Amendment[];
  warnings: ChartWarning[];
  /** The client's consent for this treatment as it stands now (a later revocation shows here). */
  consent: ConsentStanding | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionSummary {
  id: string;
  clientId: string;
  clientName: string;
  treatmentTypeId: string;
  treatmentName: string;
  status: Session['status'];
  startedAt: string;
  practitioner: string | null;
  zoneCount: number;
  maxDepthMm: number | null;
  amended: boolean;
  /** Position in the client's course of this treatment (1-based; null for a session stopped at screening). */
  courseNumber: number | null;
  courseLength: number;
  /** Days since the previous session of the same treatment for this client; null for the first. */
  daysSincePrevious: number | null;
}
