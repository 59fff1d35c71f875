import type { Database } from 'better-sqlite3';
import type { Amendment, Chart, ScreeningFlag, Session, Severity } from '../../contract';
import { newId } from '../ids';

interface SessionRow {
  id: string;
  client_id: string;
  treatment_type_id: string;
  status: Session['status'];
  started_at: string;
  practitioner: string | null;
  equipment_id: string | null;
  needle_config: string | null;
  cartridge_batch_id: string | null;
  numbing_batch_id: string | null;
  numbing_strength: string | null;
  numbing_applied_at: string | null;
  numbing_removed_at: string | null;
  endpoint: Chart['endpoint'];
  reactions_none: 0 | 1 | null;
  reactions: string | null;
  adverse_events_none: 0 | 1 | null;
  adverse_events: string | null;
  notes: string | null;
  next_session_date: string | null;
  copied_from_session_id: string | null;
  signed_at: string | null;
  signed_by: string | null;
  signed_hash: string | null;
  created_at: string;
  updated_at: string;
}

export type StoredSession = Omit<Session, 'current' | 'warnings' | 'consent'>;

export interface SessionListRow {
  id: string;
  client_id: string;
  first_name: string;
  last_name: string;
  treatment_type_id: string;
  treatment_name: string;
  course_length: number;
  status: Session['status'];
  started_at: string;
  practitioner: string | null;
  zone_count: number;
  max_depth_mm: number | null;
  amendment_count: number;
}

interface Stamp {
  at: string;
  deviceId: string;
}

const bool = (v: 0 | 1 | null) => (v === null ? null : v === 1);
const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

const LIST_COLUMNS = `s.id, s.client_id, c.first_name, c.last_name, s.treatment_type_id, t.name AS treatment_name,
  t.course_length, s.status, s.started_at, s.practitioner,
  (SELECT count(*) FROM session_zones z WHERE z.session_id = s.id) AS zone_count,
  (SELECT max(z.depth_mm) FROM session_zones z WHERE z.session_id = s.id) AS max_depth_mm,
  (SELECT count(*) FROM session_amendments a WHERE a.session_id = s.id) AS amendment_count`;

export function createSessionsRepo(db: Database) {
  const insert = db.prepare(`
    INSERT INTO sessions (id, client_id, treatment_type_id, status, started_at, practitioner, copied_from_session_id,
      created_at, updated_at, created_by, device_id)
    VALUES (@id, @client_id, @treatment_type_id, 'draft', @started_at, @practitioner, @copied_from,
      @at, @at, @practitioner, @device_id)`);
  const updateChart = db.prepare(`
    UPDATE sessions SET started_at = @started_at, practitioner = @practitioner, equipment_id = @equipment_id,
      needle_config = @needle_config, cartridge_batch_id = @cartridge_batch_id, numbing_batch_id = @numbing_batch_id,
      numbing_strength = @numbing_strength, numbing_applied_at = @numbing_applied_at,
      numbing_removed_at = @numbing_removed_at, endpoint = @endpoint, reactions_none = @reactions_none,
      reactions = @reactions, adverse_events_none = @adverse_events_none, adverse_events = @adverse_events,
      notes = @notes, next_session_date = @next_session_date, updated_at = @at, device_id = @device_id
    WHERE id = @id AND status = 'draft' AND deleted_at IS NULL`);
  // Draft zone and product lists are working state, rewritten on every autosave; once signed they are frozen.
  const deleteZones = db.prepare('DELETE FROM session_zones WHERE session_id = ?');
  const deleteProducts = db.prepare('DELETE FROM session_products WHERE session_id = ?');
  const insertZone = db.prepare(`
    INSERT INTO session_zones (id, session_id, zone, depth_mm, passes, technique, position, created_at, device_id)
    VALUES (@id, @session_id, @zone, @depth_mm, @passes, @technique, @position, @at, @device_id)`);
  const insertProduct = db.prepare(`
    INSERT INTO session_products (id, session_id, batch_id, notes, position, created_at, device_id)
    VALUES (@id, @session_id, @batch_id, @notes, @position, @at, @device_id)`);
  const insertFlag = db.prepare(`
    INSERT INTO session_screening (id, session_id, alert_key, label, severity, advice, position, created_at, device_id)
    VALUES (@id, @session_id, @alert_key, @label, @severity, @advice, @position, @at, @device_id)`);
  const decideFlag = db.prepare(`
    UPDATE session_screening SET decision = @decision, note = @note, decided_at = @at, decided_by = @by
    WHERE session_id = @session_id AND alert_key = @alert_key`);
  const setStatus = db.prepare(`
    UPDATE sessions SET status = @status, signed_at = @signed_at, signed_by = @signed_by, signed_hash = @signed_hash,
      updated_at = @at, device_id = @device_id
    WHERE id = @id AND status = 'draft' AND deleted_at IS NULL`);
  const discard = db.prepare(`
    UPDATE sessions SET deleted_at = @at, updated_at = @at, device_id = @device_id
    WHERE id = @id AND status = 'draft' AND deleted_at IS NULL`);
  const insertAmendment = db.prepare(`
    INSERT INTO session_amendments (id, session_id, reason, chart_json, chart_hash, created_at, created_by, device_id)
    VALUES (@id, @session_id, @reason, @chart_json, @chart_hash, @at, @by, @device_id)`);

  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ? AND deleted_at IS NULL');
  const zonesOf = db.prepare<
    [string],
    { zone: string; depth_mm: number; passes: number | null; technique: Chart['zones'][number]['technique'] }
  >('SELECT zone, depth_mm, passes, technique FROM session_zones WHERE session_id = ? ORDER BY position');
  const productsOf = db.prepare<[string], { batch_id: string; notes: string | null }>(
    'SELECT batch_id, notes FROM session_products WHERE session_id = ? ORDER BY position',
  );
  const flagsOf = db.prepare<
    [string],
    {
      alert_key: string;
      label: string;
      severity: Severity;
      advice: string | null;
      decision: 'proceed' | 'stop' | null;
      note: string | null;
      decided_at: string | null;
      decided_by: string | null;
    }
  >(`SELECT alert_key, label, severity, advice, decision, note, decided_at, decided_by FROM session_screening
     WHERE session_id = ? ORDER BY position`);
  const amendmentsOf = db.prepare<
    [string],
    { id: string; reason: string; chart_json: string; created_at: string; created_by: string }
  >(`SELECT id, reason, chart_json, created_at, created_by FROM session_amendments WHERE session_id = ?
     ORDER BY created_at, id`);
  const latestSigned = db.prepare<[string, string], { id: string }>(`
    SELECT id FROM sessions WHERE client_id = ? AND treatment_type_id = ? AND status = 'signed' AND deleted_at IS NULL
    ORDER BY started_at DESC LIMIT 1`);
  const forClient = db.prepare<[string], SessionListRow>(`
    SELECT ${LIST_COLUMNS} FROM sessions s JOIN clients c ON c.id = s.client_id
      JOIN treatment_types t ON t.id = s.treatment_type_id
    WHERE s.client_id = ? AND s.deleted_at IS NULL ORDER BY s.started_at DESC`);
  const forDay = db.prepare<[string, string], SessionListRow>(`
    SELECT ${LIST_COLUMNS} FROM sessions s JOIN clients c ON c.id = s.client_id
      JOIN treatment_types t ON t.id = s.treatment_type_id
    WHERE s.started_at >= ? AND s.started_at < ? AND s.deleted_at IS NULL ORDER BY s.started_at`);
  const courseDates = db.prepare<[string, string], { id: string; started_at: string }>(`
    SELECT id, started_at FROM sessions WHERE client_id = ? AND treatment_type_id = ? AND deleted_at IS NULL
      AND status <> 'stopped'
    ORDER BY started_at`);

  function chartOf(row: SessionRow): Chart {
    return {
      startedAt: row.started_at,
      practitioner: row.practitioner,
      deviceId: row.equipment_id,
      needleConfig: row.needle_config,
      cartridgeBatchId: row.cartridge_batch_id,
      numbing: {
        batchId: row.numbing_batch_id,
        strength: row.numbing_strength,
        appliedAt: row.numbing_applied_at,
        removedAt: row.numbing_removed_at,
      },
      zones: zonesOf.all(row.id).map((z) => ({
        zone: z.zone,
        depthMm: z.depth_mm,
        passes: z.passes,
        technique: z.technique,
      })),
      products: productsOf.all(row.id).map((p) => ({ batchId: p.batch_id, notes: p.notes })),
      endpoint: row.endpoint,
      reactions: { none: bool(row.reactions_none), details: row.reactions },
      adverseEvents: { none: bool(row.adverse_events_none), details: row.adverse_events },
      notes: row.notes,
      nextSessionDate: row.next_session_date,
    };
  }

  function writeChildren(id: string, chart: Chart, s: Stamp) {
    deleteZones.run(id);
    deleteProducts.run(id);
    chart.zones.forEach((z, position) => {
      insertZone.run({
        id: newId(),
        session_id: id,
        zone: z.zone,
        depth_mm: z.depthMm,
        passes: z.passes,
        technique: z.technique,
        position,
        at: s.at,
        device_id: s.deviceId,
      });
    });
    chart.products.forEach((p, position) => {
      insertProduct.run({
        id: newId(),
        session_id: id,
        batch_id: p.batchId,
        notes: p.notes,
        position,
        at: s.at,
        device_id: s.deviceId,
      });
    });
  }

  return {
    insertDraft(
      d: { id: string; clientId: string; treatmentTypeId: string; copiedFrom: string | null; chart: Chart },
      flags: Omit<ScreeningFlag, 'decision' | 'note' | 'decidedAt' | 'decidedBy'>[],
      s: Stamp,
    ) {
      insert.run({
        id: d.id,
        client_id: d.clientId,
        treatment_type_id: d.treatmentTypeId,
        started_at: d.chart.startedAt,
        practitioner: d.chart.practitioner,
        copied_from: d.copiedFrom,
        at: s.at,
        device_id: s.deviceId,
      });
      this.updateDraft(d.id, d.chart, s);
      flags.forEach((f, position) => {
        insertFlag.run({
          id: newId(),
          session_id: d.id,
          alert_key: f.alertKey,
          label: f.label,
          severity: f.severity,
          advice: f.advice,
          position,
          at: s.at,
          device_id: s.deviceId,
        });
      });
    },

    /** Returns false when the session is not an editable draft (signed, stopped, discarded or unknown). */
    updateDraft(id: string, chart: Chart, s: Stamp): boolean {
      const changed = updateChart.run({
        id,
        started_at: chart.startedAt,
        practitioner: chart.practitioner,
        equipment_id: chart.deviceId,
        needle_config: chart.needleConfig,
        cartridge_batch_id: chart.cartridgeBatchId,
        numbing_batch_id: chart.numbing.batchId,
        numbing_strength: chart.numbing.strength,
        numbing_applied_at: chart.numbing.appliedAt,
        numbing_removed_at: chart.numbing.removedAt,
        endpoint: chart.endpoint,
        reactions_none: flag(chart.reactions.none),
        reactions: chart.reactions.details,
        adverse_events_none: flag(chart.adverseEvents.none),
        adverse_events: chart.adverseEvents.details,
        notes: chart.notes,
        next_session_date: chart.nextSessionDate,
        at: s.at,
        device_id: s.deviceId,
      }).changes;
      if (changed === 1) writeChildren(id, chart, s);
      return changed === 1;
    },

    decide(
      sessionId: string,
      alertKey: string,
      decision: 'proceed' | 'stop',
      note: string | null,
      by: string | null,
      at: string,
    ) {
      return (
        decideFlag.run({ session_id: sessionId, alert_key: alertKey, decision, note, by, at }).changes === 1
      );
    },

    finish(
      id: string,
      status: 'signed' | 'stopped',
      signed: { at: string; by: string; hash: string } | null,
      s: Stamp,
    ): boolean {
      return (
        setStatus.run({
          id,
          status,
          signed_at: signed?.at ?? null,
          signed_by: signed?.by ?? null,
          signed_hash: signed?.hash ?? null,
          at: s.at,
          device_id: s.deviceId,
        }).changes === 1
      );
    },

    discardDraft: (id: string, s: Stamp) =>
      discard.run({ id, at: s.at, device_id: s.deviceId }).changes === 1,

    addAmendment(
      a: { sessionId: string; reason: string; by: string; chart: Chart; hash: string },
      s: Stamp,
    ): string {
      const id = newId();
      insertAmendment.run({
        id,
        session_id: a.sessionId,
        reason: a.reason,
        chart_json: JSON.stringify(a.chart),
        chart_hash: a.hash,
        at: s.at,
        by: a.by,
        device_id: s.deviceId,
      });
      return id;
    },

    get(id: string): StoredSession | null {
      const row = byId.get(id);
      if (!row) return null;
      return {
        id: row.id,
        clientId: row.client_id,
        treatmentTypeId: row.treatment_type_id,
        status: row.status,
        chart: chartOf(row),
        copiedFromSessionId: row.copied_from_session_id,
        screening: flagsOf.all(id).map((f) => ({
          alertKey: f.alert_key,
          label: f.label,
          severity: f.severity,
          advice: f.advice,
          decision: f.decision,
          note: f.note,
          decidedAt: f.decided_at,
          decidedBy: f.decided_by,
        })),
        signedAt: row.signed_at,
        signedBy: row.signed_by,
        signedHash: row.signed_hash,
        amendments: amendmentsOf.all(id).map(
          (a): Amendment => ({
            id: a.id,
            reason: a.reason,
            by: a.created_by,
            at: a.created_at,
            chart: JSON.parse(a.chart_json),
          }),
        ),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },

    latestSignedId: (clientId: string, treatmentTypeId: string) =>
      latestSigned.get(clientId, treatmentTypeId)?.id ?? null,
    listForClient: (clientId: string) => forClient.all(clientId),
    listBetween: (fromIso: string, toIso: string) => forDay.all(fromIso, toIso),
    courseDates: (clientId: string, treatmentTypeId: string) => courseDates.all(clientId, treatmentTypeId),
  };
}
