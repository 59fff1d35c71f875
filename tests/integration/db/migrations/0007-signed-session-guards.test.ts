import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../../electron/core/app/core';
import type { Session } from '../../../../electron/core/contract';
import { schemaVersion } from '../../../../electron/core/db/migrate';
import { migration0007 } from '../../../../electron/core/db/migrations/0007-signed-session-guards';
import { call } from '../../../support/core';
import { sqliteCode } from '../../../support/sqlite';

describe('migration 0007: signed session guards', () => {
  let dir: string;
  let core: Core;
  let session: Session;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dermachart-0007-'));
    core = createCore({ dataDir: dir });
    const client = await call(core, 'clients.create', {
      firstName: 'Ann',
      lastName: 'Lee',
      allergies: 'Latex',
    });
    const view = await call(core, 'history.get', { clientId: client.id });
    const answers = view.questionnaire.sections
      .flatMap((s) => s.questions)
      .map((q) => ({ questionId: q.id, answer: 'no' as const }));
    await call(core, 'history.save', { clientId: client.id, answers });
    const catalogue = await call(core, 'catalogue.get', {});
    const face = catalogue.treatmentTypes.find((t) => t.zoneMap === 'face')!;
    const serum = catalogue.products.find((p) => p.kind === 'serum')!;
    const withLot = await call(core, 'catalogue.saveBatch', {
      id: null,
      fields: { productId: serum.id, lotNumber: 'L1', expiryDate: '2099-01-01' },
    });
    const lot = withLot.products.find((p) => p.id === serum.id)!.batches[0]!;
    session = await call(core, 'sessions.start', {
      clientId: client.id,
      treatmentTypeId: face.id,
      practitioner: 'Dr A',
    });
    await call(core, 'sessions.saveDraft', {
      id: session.id,
      chart: {
        startedAt: session.chart.startedAt,
        practitioner: 'Dr A',
        zones: [{ zone: 'cheek-l', depthMm: 0.8 }],
        products: [{ batchId: lot.id }],
        endpoint: 'uniform-erythema',
        reactions: { none: true },
        adverseEvents: { none: true },
      },
    });
  });

  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is migration 7 and the database is at the latest version', () => {
    expect(migration0007.version).toBe(7);
    expect(schemaVersion(core.db)).toBeGreaterThanOrEqual(7);
  });

  it('lets a draft change its zones and products (autosave rewrites them)', () => {
    expect(
      sqliteCode(() =>
        core.db.prepare('UPDATE session_zones SET depth_mm = 0.9 WHERE session_id = ?').run(session.id),
      ),
    ).toBeNull();
    expect(
      sqliteCode(() => core.db.prepare('DELETE FROM session_products WHERE session_id = ?').run(session.id)),
    ).toBeNull();
  });

  it('refuses changes to the zones, products and screening rows of a signed session, and its deletion', async () => {
    await call(core, 'sessions.acknowledge', {
      id: session.id,
      by: 'Dr A',
      acknowledgements: session.screening.map((f) => ({
        alertKey: f.alertKey,
        decision: 'proceed',
        note: 'Checked',
      })),
    });
    await call(core, 'sessions.sign', { id: session.id, by: 'Dr A' });
    const attempts = [
      'UPDATE session_zones SET depth_mm = 2.5 WHERE session_id = ?',
      'DELETE FROM session_zones WHERE session_id = ?',
      "UPDATE session_products SET notes = 'x' WHERE session_id = ?",
      'DELETE FROM session_products WHERE session_id = ?',
      "UPDATE session_screening SET note = 'x' WHERE session_id = ?",
      'DELETE FROM sessions WHERE id = ?',
    ];
    for (const sql of attempts) {
      expect(
        sqliteCode(() => core.db.prepare(sql).run(session.id)),
        sql,
      ).toBe('SQLITE_CONSTRAINT_TRIGGER');
    }
    const signed = await call(core, 'sessions.get', { id: session.id });
    expect(signed.chart.zones).toEqual([{ zone: 'cheek-l', depthMm: 0.8, passes: null, technique: null }]);
  });
});
