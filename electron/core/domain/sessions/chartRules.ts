import {
  type ApiIssue,
  type Batch,
  type Chart,
  type ChartWarning,
  localDate,
  type ScreeningFlag,
  type TreatmentType,
} from '../../contract';
import { zoneLabel } from '../catalogue/zoneMaps';

/** The chart's recommended next session: the treatment's interval after the session's day. */
export function defaultNextSessionDate(startedAt: string, intervalDays: number): string {
  const day = new Date(startedAt);
  day.setDate(day.getDate() + intervalDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
}

/**
 * Things the practitioner should see while charting, never blocking: depths outside the treatment's
 * defaults, expired or soon-expiring batches, odd numbing times. The one place these rules live.
 */
export function chartWarnings(
  chart: Chart,
  treatment: TreatmentType,
  batchOf: (id: string) => Batch | null,
): ChartWarning[] {
  const warnings: ChartWarning[] = [];
  const ranges = new Map(treatment.zones.map((z) => [z.zone, z]));
  for (const z of chart.zones) {
    const range = ranges.get(z.zone);
    const label = zoneLabel(z.zone);
    if (!range) {
      warnings.push({
        path: `zones.${z.zone}.zone`,
        message: `${label} is not a usual zone for ${treatment.name}`,
      });
    } else if (z.depthMm < range.depthMin || z.depthMm > range.depthMax) {
      warnings.push({
        path: `zones.${z.zone}.depthMm`,
        message: `${label}: ${z.depthMm} mm is outside the usual ${range.depthMin}–${range.depthMax} mm`,
      });
    }
  }
  const batchWarning = (path: string, id: string | null, what: string) => {
    if (!id) return;
    const batch = batchOf(id);
    if (!batch) warnings.push({ path, message: `${what}: the batch is no longer in the catalogue` });
    else if (batch.expiry === 'expired') {
      warnings.push({ path, message: `${what}: lot ${batch.lotNumber} expired on ${batch.expiryDate}` });
    } else if (batch.expiry === 'expiring') {
      warnings.push({ path, message: `${what}: lot ${batch.lotNumber} expires on ${batch.expiryDate}` });
    }
  };
  batchWarning('cartridgeBatchId', chart.cartridgeBatchId, 'Cartridge');
  batchWarning('numbing.batchId', chart.numbing.batchId, 'Numbing agent');
  chart.products.forEach((p, i) => {
    batchWarning(`products.${i}.batchId`, p.batchId, 'Product');
  });

  const { appliedAt, removedAt } = chart.numbing;
  if (appliedAt && removedAt) {
    const minutes = minutesBetween(appliedAt, removedAt);
    if (minutes < 0)
      warnings.push({ path: 'numbing.removedAt', message: 'Numbing was removed before it was applied' });
    else if (minutes < 20 || minutes > 60) {
      warnings.push({
        path: 'numbing.removedAt',
        message: `Numbing was on for ${minutes} min (30–45 min is typical)`,
      });
    }
  }
  if (chart.nextSessionDate && chart.nextSessionDate <= localDate(new Date(chart.startedAt))) {
    warnings.push({ path: 'nextSessionDate', message: 'The next session is not after this one' });
  }
  return warnings;
}

/** What stops a chart from being signed off: it must be complete and every screening flag decided. */
export function signOffProblems(
  chart: Chart,
  treatment: TreatmentType,
  screening: ScreeningFlag[],
): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (!chart.practitioner) issues.push({ path: 'practitioner', message: 'Enter the practitioner' });
  if (treatment.zones.length > 0 && chart.zones.length === 0) {
    issues.push({ path: 'zones', message: 'Chart at least one treated zone' });
  }
  if (chart.zones.length > 0 && !chart.endpoint)
    issues.push({ path: 'endpoint', message: 'Record the clinical endpoint' });
  for (const [key, label] of [
    ['reactions', 'reactions'],
    ['adverseEvents', 'adverse events'],
  ] as const) {
    const o = chart[key];
    if (o.none === null) issues.push({ path: `${key}.none`, message: `Record ${label}, or choose "None"` });
    else if (!o.none && !o.details) issues.push({ path: `${key}.details`, message: `Describe the ${label}` });
  }
  screening.forEach((f) => {
    if (!f.decision) issues.push({ path: `screening.${f.alertKey}`, message: `Acknowledge "${f.label}"` });
  });
  return issues;
}
