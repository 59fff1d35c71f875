import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { TreatmentType } from '../../../electron/core/contract';
import { treatmentByCode } from '../../support/catalogue';
import { attachPaperConsent, signConsent } from '../../support/consents';
import { call, callError, useCores } from '../../support/core';
import { allNo, UTC_ISO } from '../../support/fixtures';
import { usePdfRenderer } from '../../support/usePdfRenderer';

const ADVICE = 'Have the client sign now, or proceed and record why.';

describe('charting checks consent', () => {
  const newCore = useCores();
  const pdf = usePdfRenderer();

  /** A client whose medical history raises nothing, so the consent flag is the only one. */
  async function setup(start = '2026-01-15') {
    let today = start;
    const core = newCore({ today: () => today, pdf: pdf() });
    const client = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' });
    await call(core, 'history.save', { clientId: client.id, answers: allNo(core.context.questionnaire) });
    return {
      core,
      clientId: client.id,
      face: await treatmentByCode(core, 'face-microneedling'),
      dermaplaning: await treatmentByCode(core, 'dermaplaning'),
      setToday: (day: string) => {
        today = day;
      },
    };
  }

  const start = (core: Core, clientId: string, treatment: TreatmentType) =>
    call(core, 'sessions.start', { clientId, treatmentTypeId: treatment.id, practitioner: 'Dr Jones' });

  it('raises a consent flag when the client has signed nothing for the treatment', async () => {
    const { core, clientId, face } = await setup();
    const session = await start(core, clientId, face);
    expect(session.screening).toEqual([
      {
        alertKey: 'consent',
        label: 'No valid consent for Face micro-needling (collagen induction)',
        severity: 'caution',
        advice: ADVICE,
        decision: null,
        note: null,
        decidedAt: null,
        decidedBy: null,
      },
    ]);
    expect(session.consent).toMatchObject({ code: 'microneedling-face', status: 'missing', record: null });
  });

  it('needs a note to proceed without a valid consent, and records it', async () => {
    const { core, clientId, face } = await setup();
    const session = await start(core, clientId, face);
    const error = await callError(core, 'sessions.acknowledge', {
      id: session.id,
      by: 'Dr Jones',
      acknowledgements: [{ alertKey: 'consent', decision: 'proceed' }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: 'acknowledgements.0.note', message: 'Record why you proceed without a valid consent' },
    ]);
    expect((await call(core, 'sessions.get', { id: session.id })).screening[0]!.decision).toBeNull();

    const decided = await call(core, 'sessions.acknowledge', {
      id: session.id,
      by: 'Dr Jones',
      acknowledgements: [
        {
          alertKey: 'consent',
          decision: 'proceed',
          note: 'Signed paper form on file; to be scanned tonight',
        },
      ],
    });
    expect(decided.screening[0]).toMatchObject({
      decision: 'proceed',
      note: 'Signed paper form on file; to be scanned tonight',
      decidedBy: 'Dr Jones',
    });
  });

  it('is decided by signing the consent with the session, and the chart can then be signed off', async () => {
    const { core, clientId, dermaplaning } = await setup();
    const session = await start(core, clientId, dermaplaning);
    expect(session.screening.map((f) => f.alertKey)).toEqual(['consent']);

    // A photo consent signed during the session is not the treatment's consent.
    await signConsent(core, clientId, 'photography', { sessionId: session.id, photoScope: 'training' });
    expect((await call(core, 'sessions.get', { id: session.id })).screening[0]!.decision).toBeNull();

    const record = await signConsent(core, clientId, 'dermaplaning', { sessionId: session.id });
    expect(record.sessionId).toBe(session.id);
    const updated = await call(core, 'sessions.get', { id: session.id });
    expect(updated.screening[0]).toEqual({
      alertKey: 'consent',
      label: 'No valid consent for Dermaplaning',
      severity: 'caution',
      advice: ADVICE,
      decision: 'proceed',
      note: `Consent signed: Consent to dermaplaning v1, record ${record.id}`,
      decidedAt: expect.stringMatching(UTC_ISO),
      decidedBy: 'Dr Jones',
    });
    expect(updated.consent).toMatchObject({ status: 'valid', record: { id: record.id } });

    await call(core, 'sessions.saveDraft', {
      id: session.id,
      chart: {
        startedAt: session.chart.startedAt,
        practitioner: 'Dr Jones',
        reactions: { none: true },
        adverseEvents: { none: true },
      },
    });
    const signed = await call(core, 'sessions.sign', { id: session.id, by: 'Dr Jones' });
    expect(signed.status).toBe('signed');

    // A consent recorded later against the signed session changes nothing on its locked screening.
    const paper = await attachPaperConsent(core, clientId, 'dermaplaning', { sessionId: session.id });
    expect(paper.sessionId).toBe(session.id);
    expect((await call(core, 'sessions.get', { id: session.id })).screening).toEqual(signed.screening);
  });

  it('is decided by a paper consent attached with the session too', async () => {
    const { core, clientId, face } = await setup();
    const session = await start(core, clientId, face);
    const record = await attachPaperConsent(core, clientId, 'microneedling-face', { sessionId: session.id });
    expect((await call(core, 'sessions.get', { id: session.id })).screening[0]).toMatchObject({
      decision: 'proceed',
      note: `Consent signed on paper: ${record.title} v1, record ${record.id}`,
    });
  });

  it('raises no flag while the consent is valid; says when it expired or was revoked', async () => {
    const { core, clientId, face, setToday } = await setup('2026-01-15');
    const record = await attachPaperConsent(core, clientId, 'microneedling-face');
    const fine = await start(core, clientId, face);
    expect(fine.screening).toEqual([]);
    expect(fine.consent).toMatchObject({ status: 'valid', validUntil: '2027-01-14' });

    setToday('2027-01-15');
    const late = await start(core, clientId, face);
    expect(late.screening.map((f) => [f.alertKey, f.label])).toEqual([
      ['consent', 'Consent for Face micro-needling (collagen induction) expired (valid until 14 Jan 2027)'],
    ]);
    expect(late.consent?.status).toBe('expired');

    setToday('2026-02-01');
    const revoked = await call(core, 'consents.revoke', {
      id: record.id,
      reason: 'Changed her mind',
      by: 'Dr Jones',
    });
    const day = revoked.revocation!.revokedAt;
    const local = new Date(day);
    const expected = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(local);
    const after = await start(core, clientId, face);
    expect(after.screening.map((f) => f.label)).toEqual([
      `Consent for Face micro-needling (collagen induction) was revoked on ${expected}`,
    ]);

    // The session charted while the consent stood shows the revocation now, live.
    const earlier = await call(core, 'sessions.get', { id: fine.id });
    expect(earlier.screening).toEqual([]);
    expect(earlier.consent).toMatchObject({
      status: 'revoked',
      record: { id: record.id, revocation: { reason: 'Changed her mind' } },
    });
  });

  it('flags a treatment whose consent form is not set up', async () => {
    const { core, clientId } = await setup();
    const catalogue = await call(core, 'catalogue.saveTreatmentType', {
      id: null,
      fields: {
        name: 'Brow lamination',
        zoneMap: 'face',
        defaultIntervalDays: 42,
        courseLength: 1,
        zones: [],
      },
    });
    const brows = catalogue.treatmentTypes.find((t) => t.name === 'Brow lamination')!;
    const session = await start(core, clientId, brows);
    expect(session.screening).toEqual([
      expect.objectContaining({
        alertKey: 'consent',
        label: 'No consent form is set up for Brow lamination',
        advice: 'Choose a consent form for this treatment in the catalogue, or proceed and record why.',
      }),
    ]);
    expect(session.consent).toMatchObject({ familyId: null, code: null, status: 'missing' });
  });
});
