import type { Alert, FitzpatrickType, HistoryVersion, Questionnaire } from '../../contract';
import { fitzpatrickLabel, localDate } from '../../contract';
import { questionsOf } from './questionnaire';

export interface AlertInputs {
  questionnaire: Questionnaire;
  fitzpatrick: FitzpatrickType | null;
  allergies: string | null;
  history: HistoryVersion | null;
  /** Today as YYYY-MM-DD, passed in so the rules are testable on any date. */
  today: string;
}

const SEVERITY_ORDER = { contraindication: 0, caution: 1, info: 2 } as const;

/** Date `months` before `today` (YYYY-MM-DD), clamped to the month's last day (31 Aug - 6 months = 28/29 Feb). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole days from a UTC timestamp's local calendar date to `toDate` (YYYY-MM-DD, local). */
export function daysBetween(fromIso: string, toDate: string): number {
  const from = localDate(new Date(fromIso));
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The one place screening rules live: alerts from the latest medical history and the client's record.
 * Rules come from the questionnaire data; this function only applies them. Flags are for the practitioner
 * to weigh and sign off, never a hard block.
 */
export function computeAlerts(inputs: AlertInputs): Alert[] {
  const { questionnaire, history, today } = inputs;
  const alerts: Alert[] = [];

  if (!history) {
    alerts.push({
      key: 'history-missing',
      severity: 'caution',
      label: 'No medical history recorded',
      advice: 'Complete the medical history before the first treatment.',
      source: 'history',
    });
  } else {
    const age = daysBetween(history.recordedAt, today);
    if (age > questionnaire.reviewAfterDays) {
      alerts.push({
        key: 'history-stale',
        severity: 'caution',
        label: `Medical history is ${age} days old`,
        advice: `Review it with the client (clinic policy: every ${questionnaire.reviewAfterDays} days).`,
        source: 'history',
      });
    }
    const answers = new Map(history.answers.map((a) => [a.questionId, a]));
    for (const question of questionsOf(questionnaire)) {
      const rule = question.alert;
      const answer = answers.get(question.id);
      if (!rule || !answer) continue;
      const raised = answer.answer === 'yes' || (answer.answer === 'unsure' && rule.onUnsure);
      if (!raised) continue;

      let label = rule.label;
      if (rule.lookbackMonths && answer.answer === 'yes') {
        if (answer.date) {
          if (answer.date < monthsBefore(today, rule.lookbackMonths)) continue;
        } else if (rule.labelWithoutDate) {
          label = rule.labelWithoutDate;
        }
      }
      if (answer.answer === 'unsure') label = `${label} (client unsure)`;
      const details = [answer.detail, answer.date ? `${question.asksDate ?? 'Date'}: ${answer.date}` : null]
        .filter(Boolean)
        .join('; ');
      alerts.push({
        key: question.id,
        severity: rule.severity,
        label,
        advice: [details, rule.advice].filter(Boolean).join(' — ') || null,
        source: 'history',
      });
    }
  }

  if (inputs.fitzpatrick) {
    for (const rule of questionnaire.fitzpatrickAlerts) {
      if (inputs.fitzpatrick < rule.minType) continue;
      alerts.push({
        key: `fitzpatrick-${rule.minType}`,
        severity: rule.severity,
        label: rule.label.replace('{type}', fitzpatrickLabel(inputs.fitzpatrick)),
        advice: rule.advice ?? null,
        source: 'client',
      });
    }
  }

  if (inputs.allergies) {
    alerts.push({
      key: 'allergies',
      severity: 'caution',
      label: 'Allergies recorded',
      advice: inputs.allergies,
      source: 'client',
    });
  }

  return alerts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
