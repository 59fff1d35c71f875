import {
  type ApiParsedInput,
  type Chart,
  ChartInput,
  CONSENT_ALERT_KEY,
  type ConsentStanding,
  DomainError,
  localDate,
  type Session,
  type SessionSummary,
} from '../../contract';
import { newId, nowIso } from '../../db/ids';
import type { createSessionsRepo, SessionListRow, StoredSession } from '../../db/repositories/sessionsRepo';
import type { createCatalogueService } from '../catalogue/catalogueService';
import type { createClientService, ServiceContext } from '../clients/clientService';
import { consentFlag } from '../consents/standing';
import { sealOf } from '../integrity/hash';
import { daysBetween } from '../screening/alerts';
import { chartWarnings, defaultNextSessionDate, signOffProblems } from './chartRules';

export interface SessionDeps {
  ctx: ServiceContext;
  sessions: ReturnType<typeof createSessionsRepo>;
  clients: ReturnType<typeof createClientService>;
  catalogue: ReturnType<typeof createCatalogueService>;
  /** The client's consent for a treatment type, as it stands today (from the consent service). */
  consentStanding: (clientId: string, treatmentTypeId: string) => ConsentStanding | null;
}

const notFound = (): never => {
  throw new DomainError('NOT_FOUND', 'That session no longer exists.');
};

/** The chart with every amendment applied: the latest amendment holds the whole amended chart. */
export function currentChart(s: Pick<StoredSession, 'chart' | 'amendments'>): Chart {
  return s.amendments.at(-1)?.chart ?? s.chart;
}

export function createSessionService({ ctx, sessions, clients, catalogue, consentStanding }: SessionDeps) {
  const stamp = () => ({ at: nowIso(), deviceId: ctx.deviceId });

  function load(id: string): Session {
    const stored = sessions.get(id) ?? notFound();
    const current = currentChart(stored);
    const treatment = catalogue.treatmentType(stored.treatmentTypeId);
    return {
      ...stored,
      current,
      warnings: chartWarnings(current, treatment, catalogue.batch),
      // Live, not frozen: a consent revoked after the session shows on it.
      consent: consentStanding(stored.clientId, stored.treatmentTypeId),
    };
  }

  function requireDraft(id: string): StoredSession {
    const stored = sessions.get(id) ?? notFound();
    if (stored.status === 'signed') {
      throw new DomainError('CONFLICT', 'This chart is signed off and locked. Add an amendment instead.');
    }
    if (stored.status === 'stopped')
      throw new DomainError('CONFLICT', 'This session was stopped at screening.');
    return stored;
  }

  /** Every device and batch a chart names must exist in the catalogue, with a path to the field if not. */
  function checkReferences(chart: Chart, prefix: string) {
    const { devices, products } = catalogue.get();
    const batches = new Set(products.flatMap((p) => p.batches.map((b) => b.id)));
    const issues: { path: string; message: string }[] = [];
    if (chart.deviceId && !devices.some((d) => d.id === chart.deviceId)) {
      issues.push({ path: `${prefix}.deviceId`, message: 'That device is not in the catalogue' });
    }
    const batch = (path: string, value: string | null) => {
      if (value && !batches.has(value))
        issues.push({ path: `${prefix}.${path}`, message: 'That lot is not in the catalogue' });
    };
    batch('cartridgeBatchId', chart.cartridgeBatchId);
    batch('numbing.batchId', chart.numbing.batchId);
    chart.products.forEach((p, i) => {
      batch(`products.${i}.batchId`, p.batchId);
    });
    if (issues.length) throw new DomainError('VALIDATION', issues[0]!.message, issues);
  }

  function summaries(rows: SessionListRow[]): SessionSummary[] {
    const courses = new Map<string, { id: string; started_at: string }[]>();
    return rows.map((r) => {
      const key = `${r.client_id}|${r.treatment_type_id}`;
      if (!courses.has(key)) courses.set(key, sessions.courseDates(r.client_id, r.treatment_type_id));
      const course = courses.get(key)!;
      const index = course.findIndex((c) => c.id === r.id);
      const previous = index > 0 ? course[index - 1] : undefined;
      // An amended chart is summarised as it now stands, not as first signed.
      const zones = r.amendment_count > 0 ? currentChart(sessions.get(r.id)!).zones : null;
      return {
        id: r.id,
        clientId: r.client_id,
        clientName: `${r.first_name} ${r.last_name}`,
        treatmentTypeId: r.treatment_type_id,
        treatmentName: r.treatment_name,
        status: r.status,
        startedAt: r.started_at,
        practitioner: r.practitioner,
        zoneCount: zones ? zones.length : r.zone_count,
        maxDepthMm: zones ? (zones.length ? Math.max(...zones.map((z) => z.depthMm)) : null) : r.max_depth_mm,
        amended: r.amendment_count > 0,
        courseNumber: index >= 0 ? index + 1 : null,
        courseLength: r.course_length,
        daysSincePrevious: previous
          ? daysBetween(previous.started_at, localDate(new Date(r.started_at)))
          : null,
      };
    });
  }

  return {
    get: load,

    start(input: ApiParsedInput<'sessions.start'>): Session {
      const detail = clients.get(input.clientId);
      if (detail.client.archivedAt) {
        throw new DomainError(
          'CONFLICT',
          'This client is archived. Restore the client before charting a session.',
        );
      }
      const treatment = catalogue.treatmentType(input.treatmentTypeId);
      if (treatment.retiredAt)
        throw new DomainError('CONFLICT', `${treatment.name} is retired from the catalogue.`);

      const startedAt = input.startedAt ?? nowIso();
      const previousId = input.copyForward ? sessions.latestSignedId(input.clientId, treatment.id) : null;
      if (input.copyForward && !previousId) {
        throw new DomainError('NOT_FOUND', `There is no signed ${treatment.name} session to copy from.`);
      }
      const previous = previousId ? currentChart(sessions.get(previousId)!) : null;
      const chart = ChartInput.parse({
        startedAt,
        practitioner: input.practitioner,
        nextSessionDate: defaultNextSessionDate(startedAt, treatment.defaultIntervalDays),
        ...(previous && {
          deviceId: previous.deviceId,
          needleConfig: previous.needleConfig,
          cartridgeBatchId: previous.cartridgeBatchId,
          numbing: { ...previous.numbing, appliedAt: null, removedAt: null },
          zones: previous.zones,
          products: previous.products,
        }),
      });
      const id = newId();
      const flags = detail.alerts.map((a) => ({
        alertKey: a.key,
        label: a.label,
        severity: a.severity,
        advice: a.advice,
      }));
      const standing = consentStanding(input.clientId, treatment.id);
      const consent = standing && consentFlag(standing, treatment.name);
      if (consent) flags.push(consent);
      ctx.db.transaction(() =>
        sessions.insertDraft(
          { id, clientId: input.clientId, treatmentTypeId: treatment.id, copiedFrom: previousId, chart },
          flags,
          stamp(),
        ),
      )();
      return load(id);
    },

    /** Autosave: the whole draft chart, as often as the screen likes. */
    saveDraft(id: string, chart: Chart): Session {
      requireDraft(id);
      checkReferences(chart, 'chart');
      ctx.db.transaction(() => sessions.updateDraft(id, chart, stamp()))();
      return load(id);
    },

    acknowledge(input: ApiParsedInput<'sessions.acknowledge'>): Session {
      const stored = requireDraft(input.id);
      const known = new Set(stored.screening.map((f) => f.alertKey));
      const issues = input.acknowledgements
        .map((a, i) => ({ a, i }))
        .filter(({ a }) => !known.has(a.alertKey))
        .map(({ i }) => ({
          path: `acknowledgements.${i}.alertKey`,
          message: 'This flag was not raised for this session',
        }));
      input.acknowledgements.forEach((a, i) => {
        if (a.decision !== 'proceed' || a.note) return;
        if (a.alertKey === CONSENT_ALERT_KEY) {
          issues.push({
            path: `acknowledgements.${i}.note`,
            message: 'Record why you proceed without a valid consent',
          });
        } else if (stored.screening.find((f) => f.alertKey === a.alertKey)?.severity === 'contraindication') {
          issues.push({
            path: `acknowledgements.${i}.note`,
            message: 'Note why it is safe to proceed despite a contraindication',
          });
        }
      });
      if (issues.length) throw new DomainError('VALIDATION', issues[0]!.message, issues);
      const at = nowIso();
      ctx.db.transaction(() => {
        for (const a of input.acknowledgements)
          sessions.decide(input.id, a.alertKey, a.decision, a.note, input.by, at);
        // Stopping at screening ends the session: nothing is charted, and the decision is kept.
        if (input.acknowledgements.some((a) => a.decision === 'stop'))
          sessions.finish(input.id, 'stopped', null, stamp());
      })();
      return load(input.id);
    },

    sign(id: string, by: string): Session {
      const stored = requireDraft(id);
      const treatment = catalogue.treatmentType(stored.treatmentTypeId);
      const problems = signOffProblems(stored.chart, treatment, stored.screening);
      if (problems.length) {
        throw new DomainError(
          'VALIDATION',
          `The chart is not complete: ${problems[0]!.message.toLowerCase()}.`,
          problems,
        );
      }
      const at = nowIso();
      const hash = sealOf({
        id,
        clientId: stored.clientId,
        chart: stored.chart,
        screening: stored.screening,
        at,
        by,
      });
      ctx.db.transaction(() => sessions.finish(id, 'signed', { at, by, hash }, stamp()))();
      return load(id);
    },

    /** After sign-off: a new amendment row with the whole corrected chart and a reason; the original stays. */
    amend(input: ApiParsedInput<'sessions.amend'>): Session {
      const stored = sessions.get(input.id) ?? notFound();
      if (stored.status !== 'signed') {
        throw new DomainError('CONFLICT', 'Only a signed chart is amended; edit the draft directly.');
      }
      checkReferences(input.chart, 'chart');
      const hash = sealOf({ sessionId: input.id, chart: input.chart, reason: input.reason, by: input.by });
      ctx.db.transaction(() =>
        sessions.addAmendment(
          { sessionId: input.id, reason: input.reason, by: input.by, chart: input.chart, hash },
          stamp(),
        ),
      )();
      return load(input.id);
    },

    discard(id: string): void {
      requireDraft(id);
      sessions.discardDraft(id, stamp());
    },

    listForClient(clientId: string): SessionSummary[] {
      clients.requireClient(clientId);
      return summaries(sessions.listForClient(clientId));
    },

    /** Sessions started on a local calendar day, across clients. */
    onDay(date: string): SessionSummary[] {
      const from = new Date(`${date}T00:00:00`);
      const to = new Date(from);
      to.setDate(to.getDate() + 1);
      return summaries(sessions.listBetween(from.toISOString(), to.toISOString()));
    },
  };
}
