import type { Core } from '../../electron/core/app/core';
import { call } from './call';
import { addBatch, deviceByName, treatmentByCode } from './catalogue';
import { giveTreatmentConsents } from './consents';

/**
 * A clinic with its details and a practitioner, and a client with a signed full-face session (four zones,
 * two serums, a cartridge lot, a next appointment): what an aftercare sheet is printed from. No Vitest
 * import: the Playwright tests use it too.
 */

export const CLINIC = {
  name: 'Harley Skin Studio',
  address: '1 Harley Street\nLondon W1G 9QD',
  phone: '020 7946 0000',
  emergencyPhone: '07700 900123',
  email: 'hello@harleyskin.example',
  website: 'www.harleyskin.example',
  registrations: 'Licence SP-2024-118\nInsurance HX-99812',
  paper: 'A4' as const,
  marginMm: 15,
  dateFormat: 'D MMM YYYY' as const,
  locale: 'en-GB' as const,
};

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h, 0).toISOString();

export async function chartedSession(
  core: Core,
  names: { first?: string; last?: string; practitioner?: string } = {},
) {
  await call(core, 'settings.save', CLINIC);
  await call(core, 'settings.savePractitioner', {
    id: null,
    fields: { name: names.practitioner ?? 'Dr Ada Lane', credentials: 'GMC 7654321' },
  });
  const client = await call(core, 'clients.create', {
    firstName: names.first ?? 'Maya',
    lastName: names.last ?? 'Okafor',
    dateOfBirth: '1988-04-12',
  });
  await giveTreatmentConsents(core, client.id);
  const face = await treatmentByCode(core, 'face-microneedling');
  const serum = await addBatch(core, 'Hyaluronic acid serum', 'HA-100', '2030-01-31');
  const vitaminC = await addBatch(core, 'Vitamin C serum', 'VC-7', '2030-06-30');
  const cartridge = await addBatch(core, 'Sterile cartridge 16-pin', 'CART-3', '2030-01-01');
  const startedAt = at(2026, 3, 9, 10);
  const session = await call(core, 'sessions.start', {
    clientId: client.id,
    treatmentTypeId: face.id,
    practitioner: names.practitioner ?? 'Dr Ada Lane',
    startedAt,
  });
  const undecided = session.screening.filter((f) => !f.decision);
  if (undecided.length) {
    await call(core, 'sessions.acknowledge', {
      id: session.id,
      by: 'Dr Ada Lane',
      acknowledgements: undecided.map((f) => ({
        alertKey: f.alertKey,
        decision: 'proceed',
        note: 'Reviewed',
      })),
    });
  }
  const chart = {
    ...session.chart,
    deviceId: (await deviceByName(core, 'Dermapen 4')).id,
    needleConfig: '16-pin',
    cartridgeBatchId: cartridge.id,
    zones: [
      { zone: 'forehead', depthMm: 0.5, passes: 2, technique: 'stamping' as const },
      { zone: 'cheek-l', depthMm: 1.0, passes: 3, technique: 'cross-hatch' as const },
      { zone: 'cheek-r', depthMm: 1.0, passes: 3, technique: 'cross-hatch' as const },
      { zone: 'nose', depthMm: 0.25, passes: 1, technique: 'stamping' as const },
    ],
    products: [
      { batchId: serum.id, notes: null },
      { batchId: vitaminC.id, notes: null },
    ],
    endpoint: 'uniform-erythema' as const,
    reactions: { none: true, details: null },
    adverseEvents: { none: true, details: null },
    nextSessionDate: '2026-04-06',
  };
  await call(core, 'sessions.saveDraft', { id: session.id, chart });
  await call(core, 'sessions.sign', { id: session.id, by: 'Dr Ada Lane' });
  return { client, session, face, startedAt };
}
