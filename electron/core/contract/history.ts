import { z } from 'zod';
import { ClientId, pastDate } from './clients';

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export type Answer = (typeof ANSWERS)[number];
export const SEVERITIES = ['contraindication', 'caution', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A medical-history questionnaire is data (resources/questionnaire), not code: clinics edit the questions,
 * the alert each one raises and its look-back period without a release.
 */
export const QuestionDefinition = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  text: z.string().min(1),
  help: z.string().optional(),
  /** Ask for the date of the last occurrence (e.g. last isotretinoin dose) when answered yes. */
  asksDate: z.string().optional(),
  /** Ask for details when answered yes (e.g. which medication). */
  asksDetail: z.string().optional(),
  alert: z
    .object({
      severity: z.enum(SEVERITIES),
      label: z.string().min(1),
      advice: z.string().optional(),
      /** With asksDate: alert only if the date is within this many months of today. */
      lookbackMonths: z.number().int().positive().optional(),
      /** Label when answered yes but the date is unknown (look-back questions). */
      labelWithoutDate: z.string().optional(),
      /** Also raise the alert when the answer is "unsure". */
      onUnsure: z.boolean().default(true),
    })
    .optional(),
});
export type QuestionDefinition = z.infer<typeof QuestionDefinition>;

export const Questionnaire = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.string().min(1),
  sections: z
    .array(z.object({ title: z.string().min(1), questions: z.array(QuestionDefinition).min(1) }))
    .min(1),
  fitzpatrickAlerts: z.array(
    z.object({
      minType: z.number().int().min(1).max(6),
      severity: z.enum(SEVERITIES),
      label: z.string().min(1),
      advice: z.string().optional(),
    }),
  ),
  /** A history older than this many days is flagged as due for review. */
  reviewAfterDays: z.number().int().positive(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export const AnswerInput = z.object({
  questionId: z.string().min(1).max(64),
  answer: z.enum(ANSWERS, { error: 'Answer yes, no or unsure' }),
  detail: z
    .string()
    .trim()
    .max(2000, 'Keep details under 2000 characters')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  date: z
    .union([z.literal(''), z.null(), pastDate])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type AnswerInput = z.input<typeof AnswerInput>;

export const HistorySaveInput = z.object({
  clientId: ClientId,
  answers: z.array(AnswerInput).max(200),
  notes: z
    .string()
    .trim()
    .max(10000)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

export const HistoryGetInput = z.object({ clientId: ClientId, versionId: z.uuid().optional() });

export interface HistoryAnswer {
  questionId: string;
  answer: Answer;
  detail: string | null;
  date: string | null;
}

export interface HistoryVersion {
  id: string;
  clientId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  recordedAt: string;
  notes: string | null;
  answers: HistoryAnswer[];
}

export interface Alert {
  /** Stable key (question id or rule name) so the UI and later screening can refer to it. */
  key: string;
  severity: Severity;
  label: string;
  advice: string | null;
  source: 'history' | 'client';
}

export interface HistoryView {
  questionnaire: Questionnaire;
  /** The version asked for, or the latest; null when the client has no history yet. */
  version: HistoryVersion | null;
  versions: { id: string; recordedAt: string }[];
}
