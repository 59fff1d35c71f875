import { afterEach, describe, expect, it } from 'vitest';
import {
  type Batch,
  type Chart,
  ChartInput,
  type ScreeningFlag,
  type TreatmentType,
} from '../../electron/core/contract';
import { zoneLabel } from '../../electron/core/domain/catalogue/zoneMaps';
import {
  chartWarnings,
  defaultNextSessionDate,
  minutesBetween,
  signOffProblems,
} from '../../electron/core/domain/sessions/chartRules';

const BATCH_ID = {
  ok: '0190a000-0000-7000-8000-000000000001',
  expiring: '0190a000-0000-7000-8000-000000000002',
  expired: '0190a000-0000-7000-8000-000000000003',
  missing: '0190a000-0000-7000-8000-000000000004',
} as const;

const FACE: TreatmentType = {
  id: '0190a000-0000-7000-8000-00000000000a',
  code: 'face-microneedling',
  name: 'Face micro-needling',
  zoneMap: 'face',
  defaultIntervalDays: 28,
  courseLength: 4,
  zones: [
    { zone: 'forehead', depthMin: 0.25, depthMax: 0.5 },
    { zone: 'cheek-l', depthMin: 0.5, depthMax: 1.0 },
    { zone: 'cheek-r', depthMin: 0.5, depthMax: 1.0 },
  ],
  consentTemplate: null,
  aftercareTemplate: null,
  retiredAt: null,
};

const DERMAPLANING: TreatmentType = { ...FACE, code: 'dermaplaning', name: 'Dermaplaning', zones: [] };

function batch(id: string, expiry: Batch['expiry'], lotNumber: string, expiryDate: string): Batch {
  return { id, productId: 'p', lotNumber, expiryDate, quantityOnHand: null, expiry, retiredAt: null };
}

const BATCHES = new Map<string, Batch>([
  [BATCH_ID.ok, batch(BATCH_ID.ok, 'ok', 'OK-1', '2026-01-01')],
  [BATCH_ID.expiring, batch(BATCH_ID.expiring, 'expiring', 'SOON-1', '2025-03-20')],
  [BATCH_ID.expired, batch(BATCH_ID.expired, 'expired', 'OLD-1', '2025-01-31')],
]);
const batchOf = (id: string) => BATCHES.get(id) ?? null;

const STARTED = '2025-03-10T10:00:00.000Z';

/** A chart through the contract's own schema, so defaults are as the dispatcher would give them. */
const chart = (fields: Partial<ChartInput> = {}): Chart =>
  ChartInput.parse({ startedAt: STARTED, ...fields });

/** A chart that passes sign-off for FACE. */
const complete = (fields: Partial<ChartInput> = {}): Chart =>
  chart({
    practitioner: 'Dr Jones',
    zones: [{ zone: 'forehead', depthMm: 0.5 }],
    endpoint: 'uniform-erythema',
    reactions: { none: true },
    adverseEvents: { none: true },
    ...fields,
  });

const flag = (fields: Partial<ScreeningFlag> = {}): ScreeningFlag => ({
  alertKey: 'keloids',
  label: 'Keloid or abnormal scarring history',
  severity: 'contraindication',
  advice: null,
  decision: null,
  note: null,
  decidedAt: null,
  decidedBy: null,
  ...fields,
});

const paths = (list: { path: string }[]) => list.map((w) => w.path);

describe('chartWarnings', () => {
  it('has nothing to say about a chart within the treatment’s defaults', () => {
    expect(chartWarnings(chart(), FACE, batchOf)).toEqual([]);
    expect(
      chartWarnings(
        complete({
          zones: [
            { zone: 'forehead', depthMm: 0.25 },
            { zone: 'cheek-l', depthMm: 1.0 },
            { zone: 'cheek-r', depthMm: 0.75 },
          ],
          products: [{ batchId: BATCH_ID.ok }],
          nextSessionDate: '2025-04-07',
        }),
        FACE,
        batchOf,
      ),
    ).toEqual([]);
  });

  describe('depths', () => {
    it.each([
      ['below', 'forehead', 0.2, '0.25–0.5'],
      ['above', 'forehead', 0.75, '0.25–0.5'],
      ['above', 'cheek-l', 1.5, '0.5–1'],
      ['below', 'cheek-r', 0.1, '0.5–1'],
    ])('warns about a depth %s the range of the zone (%s %d mm)', (_side, zone, depthMm, range) => {
      const warnings = chartWarnings(chart({ zones: [{ zone, depthMm }] }), FACE, batchOf);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.path).toBe(`zones.${zone}.depthMm`);
      expect(warnings[0]!.message).toContain(`${depthMm} mm is outside the usual ${range} mm`);
    });

    it('accepts the ends of the range', () => {
      const zones = [
        { zone: 'forehead', depthMm: 0.25 },
        { zone: 'cheek-l', depthMm: 0.5 },
        { zone: 'cheek-r', depthMm: 1.0 },
      ];
      expect(chartWarnings(chart({ zones }), FACE, batchOf)).toEqual([]);
    });

    it('names the zone by its label from the zone map', () => {
      const [warning] = chartWarnings(chart({ zones: [{ zone: 'forehead', depthMm: 1.5 }] }), FACE, batchOf);
      expect(zoneLabel('forehead')).not.toBe('forehead');
      expect(warning!.message).toBe(`${zoneLabel('forehead')}: 1.5 mm is outside the usual 0.25–0.5 mm`);
    });

    it('warns once per zone, keyed by zone code, in chart order', () => {
      const warnings = chartWarnings(
        chart({
          zones: [
            { zone: 'cheek-r', depthMm: 2 },
            { zone: 'forehead', depthMm: 0.3 },
            { zone: 'cheek-l', depthMm: 0.2 },
          ],
        }),
        FACE,
        batchOf,
      );
      expect(paths(warnings)).toEqual(['zones.cheek-r.depthMm', 'zones.cheek-l.depthMm']);
    });
  });

  it('warns about a zone that is not part of the treatment, and not about its depth', () => {
    const warnings = chartWarnings(
      chart({
        zones: [
          { zone: 'chin', depthMm: 2.5 },
          { zone: 'forehead', depthMm: 0.3 },
        ],
      }),
      FACE,
      batchOf,
    );
    expect(warnings).toEqual([
      {
        path: 'zones.chin.zone',
        message: `${zoneLabel('chin')} is not a usual zone for Face micro-needling`,
      },
    ]);
    // A dermaplaning chart has no usual zones at all.
    expect(
      paths(chartWarnings(chart({ zones: [{ zone: 'forehead', depthMm: 0.3 }] }), DERMAPLANING, batchOf)),
    ).toEqual(['zones.forehead.zone']);
  });

  describe('batches', () => {
    it('warns about expired, expiring and missing batches wherever they are used', () => {
      const warnings = chartWarnings(
        chart({
          cartridgeBatchId: BATCH_ID.expired,
          numbing: { batchId: BATCH_ID.expiring },
          products: [{ batchId: BATCH_ID.ok }, { batchId: BATCH_ID.missing }, { batchId: BATCH_ID.expired }],
        }),
        FACE,
        batchOf,
      );
      expect(warnings).toEqual([
        { path: 'cartridgeBatchId', message: 'Cartridge: lot OLD-1 expired on 2025-01-31' },
        { path: 'numbing.batchId', message: 'Numbing agent: lot SOON-1 expires on 2025-03-20' },
        { path: 'products.1.batchId', message: 'Product: the batch is no longer in the catalogue' },
        { path: 'products.2.batchId', message: 'Product: lot OLD-1 expired on 2025-01-31' },
      ]);
    });

    it('says nothing about an ok batch or no batch', () => {
      expect(
        chartWarnings(
          chart({
            cartridgeBatchId: BATCH_ID.ok,
            numbing: { batchId: null },
            products: [{ batchId: BATCH_ID.ok }],
          }),
          FACE,
          batchOf,
        ),
      ).toEqual([]);
    });
  });

  describe('numbing duration', () => {
    const at = (minutes: number) => new Date(Date.parse(STARTED) + minutes * 60_000).toISOString();
    const numbing = (on: number) =>
      chartWarnings(chart({ numbing: { appliedAt: at(-on), removedAt: at(0) } }), FACE, batchOf);

    it('warns when numbing was removed before it was applied', () => {
      expect(numbing(-5)).toEqual([
        { path: 'numbing.removedAt', message: 'Numbing was removed before it was applied' },
      ]);
    });

    it.each([0, 5, 19])('warns about a short application (%d min)', (minutes) => {
      expect(numbing(minutes)).toEqual([
        { path: 'numbing.removedAt', message: `Numbing was on for ${minutes} min (30–45 min is typical)` },
      ]);
    });

    it.each([61, 90])('warns about a long application (%d min)', (minutes) => {
      expect(numbing(minutes)).toEqual([
        { path: 'numbing.removedAt', message: `Numbing was on for ${minutes} min (30–45 min is typical)` },
      ]);
    });

    it.each([20, 30, 45, 60])('accepts a typical application (%d min)', (minutes) => {
      expect(numbing(minutes)).toEqual([]);
    });

    it('says nothing until both times are recorded', () => {
      expect(chartWarnings(chart({ numbing: { appliedAt: at(-5) } }), FACE, batchOf)).toEqual([]);
      expect(chartWarnings(chart({ numbing: { removedAt: at(0) } }), FACE, batchOf)).toEqual([]);
    });

    it('works across time zone offsets', () => {
      const warnings = chartWarnings(
        chart({ numbing: { appliedAt: '2025-03-10T11:00:00+01:00', removedAt: '2025-03-10T10:35:00Z' } }),
        FACE,
        batchOf,
      );
      expect(warnings).toEqual([]);
      expect(minutesBetween('2025-03-10T11:00:00+01:00', '2025-03-10T10:35:00Z')).toBe(35);
    });
  });

  describe('next session date', () => {
    it.each(['2025-03-10', '2025-03-09', '2024-12-31'])(
      'warns when the next session (%s) is not after this one',
      (next) => {
        expect(chartWarnings(chart({ nextSessionDate: next }), FACE, batchOf)).toEqual([
          { path: 'nextSessionDate', message: 'The next session is not after this one' },
        ]);
      },
    );

    it('accepts the next day onwards, and no date', () => {
      expect(chartWarnings(chart({ nextSessionDate: '2025-03-11' }), FACE, batchOf)).toEqual([]);
      expect(chartWarnings(chart({ nextSessionDate: null }), FACE, batchOf)).toEqual([]);
    });

    describe('in a time zone far from UTC', () => {
      const originalTz = process.env.TZ;
      afterEach(() => {
        if (originalTz === undefined) delete process.env.TZ;
        else process.env.TZ = originalTz;
      });

      // Core bug: chartWarnings compares nextSessionDate with startedAt.slice(0, 10), the UTC date, while
      // defaultNextSessionDate (and the rest of the app) use the workstation's local date. A session at 08:00
      // on 2 September in Auckland is stored as 2024-09-01T20:00Z, so a next date of 2 September (the same
      // local day) is not flagged.
      it('compares with the session’s local date, as defaultNextSessionDate does', () => {
        process.env.TZ = 'Pacific/Auckland';
        const startedAt = new Date(2024, 8, 2, 8, 0).toISOString();
        expect(startedAt).toBe('2024-09-01T20:00:00.000Z');
        expect(defaultNextSessionDate(startedAt, 28)).toBe('2024-09-30');
        expect(
          paths(chartWarnings(chart({ startedAt, nextSessionDate: '2024-09-02' }), FACE, batchOf)),
        ).toEqual(['nextSessionDate']);
      });
    });
  });
});

describe('defaultNextSessionDate', () => {
  const localNoon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12, 0).toISOString();

  it.each([
    [localNoon(2025, 3, 10), 28, '2025-04-07'],
    [localNoon(2025, 3, 10), 1, '2025-03-11'],
    [localNoon(2024, 12, 20), 28, '2025-01-17'],
    [localNoon(2024, 2, 1), 28, '2024-02-29'],
    [localNoon(2023, 2, 1), 28, '2023-03-01'],
    [localNoon(2025, 1, 31), 42, '2025-03-14'],
    [localNoon(2025, 3, 10), 365, '2026-03-10'],
  ])('%s + %d days is %s', (startedAt, days, expected) => {
    expect(defaultNextSessionDate(startedAt, days)).toBe(expected);
  });

  it('counts from the local calendar day of the session, whatever the time', () => {
    const early = new Date(2025, 2, 10, 0, 5).toISOString();
    const late = new Date(2025, 2, 10, 23, 55).toISOString();
    expect(defaultNextSessionDate(early, 28)).toBe('2025-04-07');
    expect(defaultNextSessionDate(late, 28)).toBe('2025-04-07');
  });
});

describe('signOffProblems', () => {
  it('accepts a complete chart with every flag decided', () => {
    expect(signOffProblems(complete(), FACE, [])).toEqual([]);
    expect(
      signOffProblems(complete(), FACE, [
        flag({ decision: 'proceed', note: 'Discussed', decidedAt: STARTED, decidedBy: 'Dr Jones' }),
        flag({ alertKey: 'fitzpatrick-4', severity: 'caution', decision: 'proceed' }),
      ]),
    ).toEqual([]);
  });

  it('lists everything missing from an empty chart', () => {
    expect(signOffProblems(chart(), FACE, [])).toEqual([
      { path: 'practitioner', message: 'Enter the practitioner' },
      { path: 'zones', message: 'Chart at least one treated zone' },
      { path: 'reactions.none', message: 'Record reactions, or choose "None"' },
      { path: 'adverseEvents.none', message: 'Record adverse events, or choose "None"' },
    ]);
  });

  it('needs the practitioner', () => {
    expect(paths(signOffProblems(complete({ practitioner: null }), FACE, []))).toEqual(['practitioner']);
    expect(paths(signOffProblems(complete({ practitioner: '   ' }), FACE, []))).toEqual(['practitioner']);
  });

  it('needs at least one zone for a treatment with zones', () => {
    expect(paths(signOffProblems(complete({ zones: [] }), FACE, []))).toEqual(['zones']);
  });

  it('needs the clinical endpoint once zones are charted', () => {
    expect(signOffProblems(complete({ endpoint: null }), FACE, [])).toEqual([
      { path: 'endpoint', message: 'Record the clinical endpoint' },
    ]);
    expect(signOffProblems(complete({ endpoint: 'not-reached' }), FACE, [])).toEqual([]);
  });

  describe.each([
    ['reactions', 'reactions'],
    ['adverseEvents', 'adverse events'],
  ] as const)('%s', (key, label) => {
    it('needs an explicit answer: blank is not "none"', () => {
      expect(signOffProblems(complete({ [key]: { none: null, details: null } }), FACE, [])).toEqual([
        { path: `${key}.none`, message: `Record ${label}, or choose "None"` },
      ]);
      // Details alone, without saying there were some, are still not an answer.
      expect(
        paths(signOffProblems(complete({ [key]: { none: null, details: 'Redness' } }), FACE, [])),
      ).toEqual([`${key}.none`]);
    });

    it('needs details when there were some', () => {
      expect(signOffProblems(complete({ [key]: { none: false, details: null } }), FACE, [])).toEqual([
        { path: `${key}.details`, message: `Describe the ${label}` },
      ]);
      expect(paths(signOffProblems(complete({ [key]: { none: false, details: '   ' } }), FACE, []))).toEqual([
        `${key}.details`,
      ]);
    });

    it('accepts "none", and details of what happened', () => {
      expect(signOffProblems(complete({ [key]: { none: true, details: null } }), FACE, [])).toEqual([]);
      expect(
        signOffProblems(complete({ [key]: { none: false, details: 'Pinpoint bleeding' } }), FACE, []),
      ).toEqual([]);
    });
  });

  it('needs a decision on every screening flag', () => {
    const problems = signOffProblems(complete(), FACE, [
      flag(),
      flag({
        alertKey: 'fitzpatrick-4',
        label: 'Fitzpatrick V: PIH risk',
        severity: 'caution',
        decision: 'proceed',
      }),
      flag({ alertKey: 'herpes_history', label: 'Cold sore history', severity: 'info' }),
    ]);
    expect(problems).toEqual([
      { path: 'screening.keloids', message: 'Acknowledge "Keloid or abnormal scarring history"' },
      { path: 'screening.herpes_history', message: 'Acknowledge "Cold sore history"' },
    ]);
  });

  it('signs a dermaplaning chart without zones or endpoint', () => {
    const dermaplaning = complete({ zones: [], endpoint: null });
    expect(signOffProblems(dermaplaning, DERMAPLANING, [])).toEqual([]);
    // But it still needs the practitioner and the reactions and adverse events.
    expect(paths(signOffProblems(chart(), DERMAPLANING, []))).toEqual([
      'practitioner',
      'reactions.none',
      'adverseEvents.none',
    ]);
  });
});
