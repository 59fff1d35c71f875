import type { Core } from '../app/core';
import {
  type Catalogue,
  type ChartInput,
  type ClientInput,
  type ConsentTemplateFamily,
  type Device,
  type Endpoint,
  type ExpiryStatus,
  localDate,
  type Product,
  type ProductKind,
  type ScreeningFlag,
  type Session,
  type Technique,
  type TreatmentType,
} from '../contract';
import { recordDemoConsents } from './consents';
import { expectOk } from './expect';
import { foldToAscii, Rng, subSeed } from './generator';

/**
 * Charting for the demo clinic: product lots, then courses of signed sessions (and a couple of drafts open
 * today), all through core.dispatch like the renderer. Every choice comes from a seeded stream, so a seed
 * always charts the same courses; only the dates move with today, so the demo never looks stale.
 */

/** The demo clinic's fictional staff. The first is the clinic lead, who also amends charts. */
export const DEMO_PRACTITIONERS = ['Dr Helena Marsh', 'Nurse Priya Raman', 'Jade Whitfield'] as const;
type Practitioner = (typeof DEMO_PRACTITIONERS)[number];
const [DOCTOR, NURSE, THERAPIST] = DEMO_PRACTITIONERS;

// ---------------------------------------------------------------------------------------------------------
// Dates (calendar days as YYYY-MM-DD; wall-clock times in the workstation's zone, like the app)

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole months later (or earlier), clamped to the month's last day. */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function isSunday(day: string): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
}

/** A local wall-clock time (minutes after midnight) on a calendar day, as an ISO instant. */
function atLocal(day: string, minutes: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60).toISOString();
}

function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

// ---------------------------------------------------------------------------------------------------------
// Product lots

export interface LotPlan {
  productId: string;
  lotNumber: string;
  expiryDate: string;
  quantityOnHand: number;
  /** Manufacture date the lot number is made from; a session only uses a lot the clinic already had. */
  madeOn: string;
}

export interface DemoLot {
  id: string;
  productId: string;
  productName: string;
  kind: ProductKind;
  lotNumber: string;
  expiryDate: string;
  madeOn: string;
  expiry: ExpiryStatus;
}

const LOT_PREFIXES: readonly (readonly [RegExp, string])[] = [
  [/hyaluronic/i, 'HA'],
  [/vitamin c/i, 'VC'],
  [/peptide/i, 'PEP'],
  [/lidocaine/i, 'LMX'],
  [/prp/i, 'PRP'],
  [/cartridge/i, 'DPC'],
];
const SHELF_LIFE_MONTHS: Record<ProductKind, number> = {
  serum: 24,
  numbing: 36,
  'prp-kit': 24,
  cartridge: 48,
  other: 24,
};
const STOCK: Record<ProductKind, readonly [number, number]> = {
  serum: [2, 12],
  numbing: [1, 6],
  'prp-kit': [2, 10],
  cartridge: [10, 60],
  other: [1, 10],
};

function lotPrefix(product: Product): string {
  const known = LOT_PREFIXES.find(([pattern]) => pattern.test(product.name));
  if (known) return known[1];
  const initials = foldToAscii(product.name)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .slice(0, 3);
  return initials || 'LOT';
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Two lots per product (an older one, 6-11 months from expiry, and a newer one, 13-24 months), with lot numbers
 * made from the manufacture date ("HA-23-0417"). One serum's older lot expires within 30 days and the numbing
 * cream keeps an expired lot on the shelf, so the catalogue and the charts show both warnings.
 */
export function planDemoLots(products: readonly Product[], today: string, seed: number): LotPlan[] {
  const rng = new Rng(subSeed(seed, 5));
  const live = products.filter((p) => !p.retiredAt).sort(byName);
  const serums = live.filter((p) => p.kind === 'serum');
  const expiring = serums.find((p) => /vitamin c/i.test(p.name)) ?? serums[1] ?? serums[0] ?? live[0];
  const expired = live.find((p) => p.kind === 'numbing') ?? serums.at(-1) ?? live.at(-1);
  const plans: LotPlan[] = [];
  for (const product of live) {
    const older = rng.int(185, 330);
    const newer = rng.int(395, 730);
    const soon = rng.int(8, 24);
    const past = rng.int(12, 50);
    const lots: { expiryDate: string; quantity: number }[] = [];
    const [low, high] = STOCK[product.kind];
    if (product === expired) lots.push({ expiryDate: addDays(today, -past), quantity: rng.int(1, 2) });
    lots.push(
      product === expiring
        ? { expiryDate: addDays(today, soon), quantity: rng.int(1, 3) }
        : { expiryDate: addDays(today, older), quantity: rng.int(low, high) },
    );
    lots.push({ expiryDate: addDays(today, newer), quantity: rng.int(low, high) });

    const prefix = lotPrefix(product);
    const used = new Set<string>();
    for (const lot of lots) {
      const madeOn = addMonths(lot.expiryDate, -SHELF_LIFE_MONTHS[product.kind]);
      const base = `${prefix}-${madeOn.slice(2, 4)}-${madeOn.slice(5, 7)}${madeOn.slice(8, 10)}`;
      let lotNumber = base;
      for (let n = 2; used.has(lotNumber); n++) lotNumber = `${base}/${n}`;
      used.add(lotNumber);
      plans.push({
        productId: product.id,
        lotNumber,
        expiryDate: lot.expiryDate,
        quantityOnHand: lot.quantity,
        madeOn,
      });
    }
  }
  return plans;
}

export interface LotSeedResult {
  catalogue: Catalogue;
  lots: DemoLot[];
  added: number;
}

/** Records the planned lots through catalogue.saveBatch; a lot already recorded (a second run) is reused. */
export async function seedDemoLots(core: Core, today: string, seed: number): Promise<LotSeedResult> {
  let catalogue = expectOk<Catalogue>(await core.dispatch('catalogue.get', {}), 'catalogue.get');
  const plans = planDemoLots(catalogue.products, today, seed);
  let added = 0;
  for (const plan of plans) {
    const product = catalogue.products.find((p) => p.id === plan.productId);
    if (product?.batches.some((b) => b.lotNumber === plan.lotNumber)) continue;
    catalogue = expectOk<Catalogue>(
      await core.dispatch('catalogue.saveBatch', {
        id: null,
        fields: {
          productId: plan.productId,
          lotNumber: plan.lotNumber,
          expiryDate: plan.expiryDate,
          quantityOnHand: plan.quantityOnHand,
        },
      }),
      `catalogue.saveBatch ${plan.lotNumber}`,
    );
    added++;
  }
  const lots: DemoLot[] = [];
  for (const plan of plans) {
    const product = catalogue.products.find((p) => p.id === plan.productId);
    const batch = product?.batches.find((b) => b.lotNumber === plan.lotNumber);
    if (!product || !batch || batch.retiredAt) continue;
    lots.push({
      id: batch.id,
      productId: product.id,
      productName: product.name,
      kind: product.kind,
      lotNumber: batch.lotNumber,
      expiryDate: batch.expiryDate,
      madeOn: plan.madeOn,
      expiry: batch.expiry,
    });
  }
  return { catalogue, lots, added };
}

// ---------------------------------------------------------------------------------------------------------
// Courses

type Family = 'face' | 'prp' | 'scalp' | 'body' | 'dermaplaning';

const FAMILY_CODES: Record<Family, string> = {
  face: 'face-microneedling',
  prp: 'face-microneedling-prp',
  scalp: 'scalp-microneedling',
  body: 'body-microneedling',
  dermaplaning: 'dermaplaning',
};

const FULL_FACE = [
  'forehead',
  'glabella',
  'periorbital-l',
  'periorbital-r',
  'nose',
  'cheek-l',
  'cheek-r',
  'perioral',
  'chin',
  'jawline-l',
  'jawline-r',
];

export interface ChartingOptions {
  seed: number;
  /** The clinic's today (YYYY-MM-DD): the last sessions are a few weeks before it, drafts on it. */
  today: string;
  /** The wall clock, so a draft started today is not in the future. */
  now?: Date;
  catalogue: Catalogue;
  lots: readonly DemoLot[];
  /** The clinic's consent forms: each course starts with the client's consents signed (on paper). */
  consentForms?: readonly ConsentTemplateFamily[];
}

export interface CourseClient {
  id: string;
  /** Position in the seeded clinic; each client's course has its own stream. */
  index: number;
  input: ClientInput;
}

export interface CourseResult {
  treatmentName: string;
  signed: number;
  amended: number;
  drafts: number;
  /** Consent forms recorded for the client (the treatment's, and often photography). */
  consents: number;
}

/** Contraindications the demo clinic does not treat over: such clients get no course. */
export const UNTREATED_CONTRAINDICATIONS: ReadonlySet<string> = new Set([
  'active_infection',
  'isotretinoin',
  'chemo_radiation',
  'pregnancy',
]);

/** How a draft open today stands: numbing on (mid-treatment), or charted and waiting for sign-off. */
export type DraftStage = 'numbing-on' | 'awaiting-sign-off';

export function createDemoCharting(options: ChartingOptions) {
  const { seed, today, catalogue } = options;
  const now = options.now ?? new Date();
  const realToday = localDate(now) === today;
  const liveTypes = catalogue.treatmentTypes.filter((t) => !t.retiredAt);
  const liveDevices = catalogue.devices.filter((d) => !d.retiredAt);
  const lotsByProduct = new Map<string, DemoLot[]>();
  for (const lot of options.lots) {
    const list = lotsByProduct.get(lot.productId) ?? [];
    list.push(lot);
    lotsByProduct.set(lot.productId, list);
  }
  const demoProducts = [...lotsByProduct.values()].map((lots) => lots[0]!);

  function product(kind: ProductKind, pattern?: RegExp): string | null {
    const ofKind = demoProducts.filter((p) => p.kind === kind);
    return (pattern ? ofKind.find((p) => pattern.test(p.productName)) : ofKind[0])?.productId ?? null;
  }
  const anySerum = () => demoProducts.find((p) => p.kind === 'serum')?.productId ?? null;

  function treatmentFor(family: Family): TreatmentType | null {
    const exact = liveTypes.find((t) => t.code === FAMILY_CODES[family]);
    if (exact) return exact;
    const map = family === 'prp' || family === 'dermaplaning' ? 'face' : family;
    return liveTypes.find((t) => t.zoneMap === map) ?? liveTypes[0] ?? null;
  }

  function familyOf(t: TreatmentType): Family {
    const known = (Object.keys(FAMILY_CODES) as Family[]).find((f) => FAMILY_CODES[f] === t.code);
    if (known) return known;
    if (t.zoneMap !== 'face') return t.zoneMap;
    return t.zones.length ? 'face' : 'dermaplaning';
  }

  /**
   * A lot the clinic had on that day (made at least three weeks before, not yet expired), mostly the one that
   * expires first. Never the lot that has expired by today: it stayed on the shelf, which is why it expired.
   */
  function lotOn(rng: Rng, productId: string | null, day: string): string | null {
    if (!productId) return null;
    const all = lotsByProduct.get(productId) ?? [];
    const lots = all.some((l) => l.expiryDate >= today) ? all.filter((l) => l.expiryDate >= today) : all;
    let candidates = lots.filter((l) => l.madeOn <= addDays(day, -21) && l.expiryDate > day);
    if (candidates.length === 0) candidates = lots.filter((l) => l.expiryDate > day);
    if (candidates.length === 0) candidates = lots;
    if (candidates.length === 0) return null;
    const sorted = [...candidates].sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : 1));
    return (rng.chance(0.75) ? sorted[0]! : rng.pick(sorted)).id;
  }

  function chooseFamily(rng: Rng, client: ClientInput): Family {
    const c = new Set(client.skinConcerns ?? []);
    return rng.weighted<Family>([
      ['face', 50],
      ['prp', 10],
      ['scalp', c.has('hair-loss') ? 90 : 5],
      ['body', c.has('stretch-marks') || c.has('surgical-scars') ? 60 : 5],
      ['dermaplaning', c.has('dullness') || c.has('texture') ? 15 : 5],
    ]);
  }

  function wantedZones(rng: Rng, family: Family, client: ClientInput): string[] {
    const c = new Set(client.skinConcerns ?? []);
    const female = client.sex === 'female';
    switch (family) {
      case 'face': {
        if ((c.has('acne-scars') || c.has('acne')) && rng.chance(0.7)) {
          return [
            'cheek-l',
            'cheek-r',
            'chin',
            'jawline-l',
            'jawline-r',
            ...(rng.chance(0.4) ? ['forehead'] : []),
            ...(rng.chance(0.3) ? ['perioral'] : []),
          ];
        }
        if (c.has('enlarged-pores') && rng.chance(0.5))
          return ['forehead', 'nose', 'cheek-l', 'cheek-r', 'chin'];
        if ((c.has('laxity') || c.has('wrinkles')) && rng.chance(0.6)) {
          return rng.weighted<string[]>([
            [[...FULL_FACE, 'neck'], 3],
            [[...FULL_FACE, 'neck', 'decollete'], 2],
            [['perioral', 'chin', 'jawline-l', 'jawline-r', 'neck'], 2],
          ]);
        }
        if (c.has('fine-lines') && rng.chance(0.3)) {
          return ['forehead', 'glabella', 'periorbital-l', 'periorbital-r', 'cheek-l', 'cheek-r'];
        }
        return FULL_FACE.filter((z) => !((z === 'nose' || z === 'glabella') && rng.chance(0.2))).concat(
          rng.chance(0.25) ? ['neck'] : [],
        );
      }
      case 'prp':
        return rng.weighted<string[]>([
          [
            ['forehead', 'periorbital-l', 'periorbital-r', 'cheek-l', 'cheek-r', 'perioral', 'chin', 'neck'],
            2,
          ],
          [['forehead', 'periorbital-l', 'periorbital-r', 'cheek-l', 'cheek-r'], 1],
          [['cheek-l', 'cheek-r', 'perioral', 'chin', 'neck'], 1],
        ]);
      case 'scalp':
        return client.sex === 'male'
          ? rng.weighted<string[]>([
              [['frontal-hairline', 'temporal-l', 'temporal-r'], 35],
              [['frontal-hairline', 'temporal-l', 'temporal-r', 'mid-scalp', 'crown'], 35],
              [['mid-scalp', 'crown'], 20],
              [['frontal-hairline', 'mid-scalp', 'crown', 'temporal-l', 'temporal-r', 'occipital'], 10],
            ])
          : rng.weighted<string[]>([
              [['mid-scalp', 'crown'], 35],
              [['frontal-hairline', 'mid-scalp', 'crown'], 30],
              [['frontal-hairline', 'mid-scalp', 'crown', 'temporal-l', 'temporal-r', 'occipital'], 35],
            ]);
      case 'body': {
        const zones: string[] = [];
        if (c.has('acne-scars') && rng.chance(0.5)) zones.push('back');
        if (c.has('surgical-scars')) zones.push('abdomen');
        if (c.has('stretch-marks') || zones.length === 0) {
          const groups: (readonly [string[], number])[] = [
            [['abdomen', 'flank-l', 'flank-r'], 4],
            [['thigh-l', 'thigh-r'], 3],
            [['buttock-l', 'buttock-r'], 2],
            [['upper-arm-l', 'upper-arm-r'], 1],
          ];
          if (female) groups.push([['breast-l', 'breast-r'], 1]);
          zones.push(...rng.weighted(groups));
          if (rng.chance(0.3)) zones.push(...rng.weighted(groups));
        }
        return zones;
      }
      case 'dermaplaning':
        return [];
    }
  }

  /** The wanted zones the treatment offers, in the treatment's order; a run of its zones if none match. */
  function zonesFor(rng: Rng, family: Family, treatment: TreatmentType, client: ClientInput): string[] {
    const available = treatment.zones.map((z) => z.zone);
    if (available.length === 0) return [];
    const wanted = new Set(wantedZones(rng, family, client));
    const chosen = available.filter((z) => wanted.has(z));
    if (chosen.length) return chosen;
    const start = rng.int(0, available.length - 1);
    const count = rng.int(1, Math.min(4, available.length));
    return available.filter((_, i) => (i - start + available.length) % available.length < count);
  }

  function chooseDevice(rng: Rng, family: Family): { device: Device | null; needle: string | null } {
    if (family === 'dermaplaning') return { device: null, needle: null };
    const options: readonly (readonly [readonly [RegExp, string], number])[] =
      family === 'scalp'
        ? [
            [[/dermapen/i, '16-pin'], 75],
            [[/stamp/i, '35'], 25],
          ]
        : family === 'body'
          ? [
              [[/dermapen/i, '36-pin'], 70],
              [[/stamp/i, '35'], 30],
            ]
          : [
              [[/dermapen/i, '16-pin'], 65],
              [[/skinpen/i, '14-pin'], 35],
            ];
    const [pattern, config] = rng.weighted(options);
    const device =
      liveDevices.find((d) => pattern.test(d.name)) ??
      liveDevices.find((d) => d.kind === 'pen') ??
      liveDevices[0] ??
      null;
    if (!device) return { device: null, needle: null };
    return {
      device,
      needle: device.needleConfigs.includes(config) ? config : (device.needleConfigs[0] ?? null),
    };
  }

  /** A cartridge product that fits the pen and needle (named for it, or for no particular needle). */
  function cartridgeFor(device: Device | null, needle: string | null): string | null {
    if (device?.kind !== 'pen') return null;
    const cartridges = demoProducts.filter((p) => p.kind === 'cartridge');
    const fits = cartridges.find((p) => needle && p.productName.includes(needle));
    return (fits ?? cartridges.find((p) => !/\d+-pin/i.test(p.productName)))?.productId ?? null;
  }

  function primaryPractitioner(rng: Rng, family: Family): Practitioner {
    if (family === 'prp')
      return rng.weighted<Practitioner>([
        [DOCTOR, 60],
        [NURSE, 40],
      ]);
    if (family === 'dermaplaning')
      return rng.weighted<Practitioner>([
        [THERAPIST, 70],
        [NURSE, 30],
      ]);
    return rng.weighted<Practitioner>([
      [DOCTOR, 30],
      [NURSE, 35],
      [THERAPIST, 35],
    ]);
  }

  function mainTechnique(rng: Rng, family: Family, device: Device | null): Technique {
    if (device?.kind === 'stamp') return 'stamping';
    if (device?.kind === 'roller') return 'rolling';
    if (family === 'scalp')
      return rng.weighted<Technique>([
        ['linear', 65],
        ['stamping', 35],
      ]);
    if (family === 'body')
      return rng.weighted<Technique>([
        ['cross-hatch', 60],
        ['linear', 40],
      ]);
    return rng.weighted<Technique>([
      ['cross-hatch', 45],
      ['circular', 30],
      ['linear', 25],
    ]);
  }

  /** A depth inside [min, max] on the 0.05 mm grid, `fraction` of the way up the range. */
  function depthIn(min: number, max: number, fraction: number): number {
    const lo = Math.ceil(min * 20 - 1e-9) / 20;
    const hi = Math.floor(max * 20 + 1e-9) / 20;
    if (lo > hi) return min;
    const value = Math.round((lo + fraction * (hi - lo)) * 20) / 20;
    return Math.min(hi, Math.max(lo, value));
  }

  function endpointFor(rng: Rng, family: Family, k: number, scars: boolean): Endpoint | null {
    if (family === 'dermaplaning') return null;
    if (family === 'scalp')
      return rng.weighted<Endpoint>([
        ['mild-erythema', 40],
        ['uniform-erythema', 60],
      ]);
    if (family === 'body')
      return rng.weighted<Endpoint>([
        ['uniform-erythema', 40],
        ['pinpoint-bleeding', 60],
      ]);
    if (k === 0)
      return rng.weighted<Endpoint>([
        ['mild-erythema', 55],
        ['uniform-erythema', 45],
      ]);
    return rng.weighted<Endpoint>([
      ['uniform-erythema', 60],
      ['pinpoint-bleeding', scars ? 30 : 8],
      ['mild-erythema', 15],
    ]);
  }

  const REACTIONS: Record<Family, readonly string[]> = {
    face: [
      'Expected erythema; settled to pink within 20 minutes.',
      'Mild swelling under both eyes; cold compress given.',
      'Pinpoint bleeding on the jawline, stopped with gentle pressure.',
      'Client felt warm and flushed; settled before leaving.',
    ],
    prp: [
      'Mild swelling under the eyes, as expected with PRP.',
      'Small bruise at the venepuncture site.',
      'Flushing across both cheeks; settled before leaving.',
    ],
    scalp: ['Mild tenderness at the crown.', 'Scalp pink and warm; settled before leaving.'],
    body: [
      'Pinpoint bleeding along the striae, stopped with pressure.',
      'Redness along the treated marks, as expected.',
    ],
    dermaplaning: ['Slight redness along the jawline.', 'Mild tingling when the serum went on.'],
  };

  const FIRST_NOTES: Record<Family, readonly string[]> = {
    face: [
      'First session: depths kept conservative.',
      'Baseline photos taken. Downtime of 24-48 hours discussed.',
      'First treatment; client nervous but relaxed once started.',
    ],
    prp: ['Bloods drawn from the left arm without difficulty. Baseline photos taken.'],
    scalp: ['Baseline scalp photos taken. Shedding reported for about a year.'],
    body: ['Baseline photos taken. Marks are silvery (mature striae).'],
    dermaplaning: ['Vellus hair and dead skin removed; skin smooth afterwards.'],
  };
  const PROGRESS_NOTES: Record<Family, readonly string[]> = {
    face: [
      'Client reports smoother texture since the last session.',
      'Depths increased slightly; well tolerated.',
      'No problems after the last session.',
      'Client happy with progress; photos updated.',
      'Skin looks brighter; client pleased.',
    ],
    prp: ['Client noticed brighter skin under the eyes.', 'Bloods drawn easily; good PRP yield.'],
    scalp: [
      'Client reports less shedding.',
      'Fine new growth visible at the hairline in photos.',
      'Scalp calm since the last session.',
    ],
    body: ['Marks paler than at baseline.', 'Texture of the marks softer; client pleased.'],
    dermaplaning: [
      'Maintenance session; skin in good condition.',
      'Client has an event at the weekend; makeup fine after 24 hours.',
    ],
  };
  const AFTERCARE_NOTES = [
    'Aftercare sheet given; SPF 50 daily.',
    'No makeup for 24 hours; avoid retinoids for 5 days.',
    'Aftercare reviewed verbally.',
    '',
  ];

  const SCAR_NOTES = [
    'Scarring on the cheeks visibly softer in photos.',
    'Rolling scars on the cheeks shallower in photos.',
  ];

  function notesFor(
    rng: Rng,
    family: Family,
    k: number,
    n: number,
    courseLength: number,
    scars: boolean,
  ): string {
    const progress = scars ? [...PROGRESS_NOTES[family], ...SCAR_NOTES] : PROGRESS_NOTES[family];
    const parts = [rng.pick(k === 0 ? FIRST_NOTES[family] : progress)];
    if (k === n - 1 && n >= courseLength && courseLength > 1)
      parts.push('Last session of the course; review in 3 months.');
    else parts.push(rng.pick(AFTERCARE_NOTES));
    return parts.filter(Boolean).join(' ');
  }

  /** What the practitioner wrote when proceeding over a screening flag. */
  function acknowledgementNote(flag: ScreeningFlag, client: ClientInput): string {
    const allergies = client.allergies ?? '';
    switch (flag.alertKey) {
      case 'recent_procedures':
        return 'Last procedure more than 2 weeks ago; treated areas avoided.';
      case 'herpes_history':
        return 'No active cold sore; client took antiviral prophylaxis as advised.';
      case 'metal_allergy':
        return 'Cartridge is medical-grade stainless steel; skin watched during treatment.';
      case 'numbing_allergy':
        return 'No numbing cream used; treated without.';
      case 'allergies':
        if (/latex/i.test(allergies)) return 'Nitrile gloves used throughout.';
        if (/lidocaine/i.test(allergies)) return 'No lidocaine used; treated without numbing.';
        if (/hyaluronic/i.test(allergies)) return 'No hyaluronic acid serum used.';
        if (/nickel/i.test(allergies))
          return 'Cartridge is medical-grade stainless steel; skin watched during treatment.';
        return 'Allergy checked against every product used today.';
      // Contraindications the clinic proceeds over once it has checked (the others it does not treat).
      case 'active_acne':
        return 'No active spots in the treated areas today; any nearby avoided.';
      case 'eczema_psoriasis_rosacea':
        return 'No flare today; affected skin avoided.';
      case 'skin_cancer_moles':
        return 'Checked by the GP as benign; marked and avoided.';
      case 'keloids':
        return 'Test patch healed normally; conservative depths agreed.';
      case 'diabetes_uncontrolled':
        return 'GP letter on file: diabetes now well controlled.';
      case 'anticoagulants':
        return 'Prescriber consulted; shallow depths and extra pressure, bruising risk accepted.';
      case 'immunosuppression':
        return 'Consultant letter on file: condition stable; healing checked at follow-up.';
      case 'history-missing':
        return 'Medical history taken verbally; written form to follow at the next visit.';
      case 'history-stale':
        return 'Medical history reviewed with the client; no changes.';
      default:
        if (flag.alertKey.startsWith('fitzpatrick-'))
          return 'PIH risk discussed; conservative depths and strict SPF agreed.';
        return 'Reviewed with the client before treatment; safe to proceed.';
    }
  }

  /**
   * One course for a client: 1-5 sessions of one treatment, the treatment's interval apart (give or take a
   * few days), the latest a few weeks ago, or today as a draft when `draft` is set. Charted through dispatch.
   */
  async function chartCourse(
    core: Core,
    client: CourseClient,
    draft: DraftStage | null = null,
  ): Promise<CourseResult | null> {
    const rng = new Rng(subSeed(seed, 0x5e55 + client.index));
    const input = client.input;
    const family0 = chooseFamily(rng, input);
    const treatment = treatmentFor(family0);
    if (!treatment) return null;
    const family = familyOf(treatment);
    // How far through the course the client is: never past the treatment's course length ("2 of 1").
    const n = Math.min(
      Math.max(1, treatment.courseLength),
      rng.weighted<number>([
        [1, 22],
        [2, 24],
        [3, 24],
        [4, 18],
        [5, 12],
      ]),
    );
    const zones = zonesFor(rng, family, treatment, input);
    const ranges = new Map(treatment.zones.map((z) => [z.zone, z]));
    const scars =
      family === 'face' && !!input.skinConcerns?.includes('acne-scars') && zones.includes('cheek-l');
    const { device, needle } = chooseDevice(rng, family);
    const technique = mainTechnique(rng, family, device);
    const primary = primaryPractitioner(rng, family);
    const allergies = input.allergies ?? '';
    const darker = (input.fitzpatrick ?? 0) >= 4;

    // Products for the course; the lot is picked per session, from what the clinic had that day.
    const ha = /hyaluronic/i.test(allergies) ? null : product('serum', /hyaluronic/i);
    const glide = ha ?? product('serum', /peptide/i) ?? anySerum();
    const products: { productId: string; notes: string }[] = [];
    const add = (productId: string | null, notes: string) => {
      if (productId && !products.some((p) => p.productId === productId)) products.push({ productId, notes });
    };
    switch (family) {
      case 'face':
        add(glide, 'Glide during needling');
        if (rng.chance(0.4))
          add(
            product('serum', rng.chance(0.5) ? /vitamin c/i : /peptide/i) ?? anySerum(),
            'Applied after needling',
          );
        break;
      case 'prp':
        add(product('prp-kit'), 'PRP from a 10 ml draw, used as glide and applied after');
        if (rng.chance(0.5) || products.length === 0) add(ha ?? anySerum(), 'Applied after needling');
        break;
      case 'scalp':
        add(product('serum', /peptide/i) ?? anySerum(), 'Applied to the scalp after needling');
        break;
      case 'body':
        add(glide, 'Glide during needling');
        break;
      case 'dermaplaning':
        add((rng.chance(0.5) ? product('serum', /vitamin c/i) : ha) ?? anySerum(), 'Applied after planing');
        break;
    }
    const numbingProduct = product('numbing');
    const numbingStrength =
      demoProducts.find((p) => p.productId === numbingProduct)?.productName.match(/\d+(?:\.\d+)?\s?%/)?.[0] ??
      null;
    const wantsNumbing =
      family !== 'dermaplaning' &&
      !!numbingProduct &&
      !/lidocaine|numbing/i.test(allergies) &&
      rng.chance(family === 'scalp' ? 0.5 : 0.9);
    const cartridgeProduct = cartridgeFor(device, needle);

    // Dates: back from the latest session (or from today for a draft), the interval apart give or take.
    const days: string[] = [];
    let ago = draft ? 0 : rng.int(2, 24);
    for (let k = n - 1; k >= 0; k--) {
      let day = addDays(today, -ago);
      if (ago > 0 && isSunday(day)) day = addDays(day, -1);
      days[k] = day;
      ago += treatment.defaultIntervalDays + rng.int(-4, 4);
    }

    const result: CourseResult = {
      treatmentName: treatment.name,
      signed: 0,
      amended: 0,
      drafts: 0,
      consents: 0,
    };
    for (let k = 0; k < n; k++) {
      const day = days[k]!;
      const isDraft = draft !== null && k === n - 1;
      const awaitingSignOff = isDraft && draft === 'awaiting-sign-off';
      const practitioner: Practitioner = rng.chance(0.12)
        ? rng.pick(DEMO_PRACTITIONERS.filter((p) => p !== primary && (family !== 'prp' || p !== THERAPIST)))
        : primary;
      let startedAt = atLocal(day, 9 * 60 + 15 * rng.int(0, 34));
      if (isDraft && realToday) {
        const minutesAgo = awaitingSignOff ? rng.int(70, 120) : rng.int(15, 35);
        const midnight = atLocal(today, 0);
        startedAt = plusMinutes(now.toISOString(), -minutesAgo);
        if (startedAt < midnight) startedAt = midnight;
      }
      const appliedAt = plusMinutes(startedAt, rng.int(5, 10));
      const removedAt = plusMinutes(appliedAt, rng.int(30, 45));
      const unlessFuture = (iso: string) => (isDraft && realToday && iso > now.toISOString() ? null : iso);
      if (k === 0 && options.consentForms) {
        result.consents = await recordDemoConsents(core, options.consentForms, seed, {
          clientId: client.id,
          clientIndex: client.index,
          clientName: `${input.firstName.trim()} ${input.lastName.trim()}`,
          treatment,
          practitioner,
          signedOn: day,
        });
      }

      const session = expectOk<Session>(
        await core.dispatch('sessions.start', {
          clientId: client.id,
          treatmentTypeId: treatment.id,
          practitioner,
          startedAt,
          copyForward: k > 0,
        }),
        `sessions.start for client #${client.index + 1} (session ${k + 1})`,
      );
      if (session.screening.length > 0) {
        expectOk<Session>(
          await core.dispatch('sessions.acknowledge', {
            id: session.id,
            by: practitioner,
            acknowledgements: session.screening.map((f) => ({
              alertKey: f.alertKey,
              decision: 'proceed' as const,
              note: acknowledgementNote(f, input),
            })),
          }),
          `sessions.acknowledge for client #${client.index + 1}`,
        );
      }
      const numbing =
        wantsNumbing && !session.screening.some((f) => f.alertKey === 'numbing_allergy')
          ? {
              batchId: lotOn(rng, numbingProduct, day),
              strength: numbingStrength,
              appliedAt: unlessFuture(appliedAt),
              removedAt: isDraft && !awaitingSignOff ? null : unlessFuture(removedAt),
            }
          : { batchId: null, strength: null, appliedAt: null, removedAt: null };

      // Depths climb through the course; darker skin types are kept lower (PIH risk).
      const fraction = Math.min(
        1,
        Math.max(0, (0.15 + 0.22 * k + (rng.float() - 0.5) * 0.2) * (darker ? 0.6 : 1)),
      );
      const depthOf = new Map<string, number>();
      const chartZones = zones.map((zone) => {
        const range = ranges.get(zone)!;
        const pair = zone.replace(/-[lr]$/, '');
        const depthMm = depthOf.get(pair) ?? depthIn(range.depthMin, range.depthMax, fraction);
        depthOf.set(pair, depthMm);
        const delicate = zone.startsWith('periorbital');
        return {
          zone,
          depthMm,
          passes: delicate ? rng.int(2, 3) : rng.int(2, 4),
          technique: delicate && device?.kind === 'pen' ? ('stamping' as const) : technique,
        };
      });
      const endpoint = chartZones.length ? endpointFor(rng, family, k, scars) : null;
      const reaction = rng.chance(0.2) ? rng.pick(REACTIONS[family]) : null;
      const notes = notesFor(rng, family, k, n, treatment.courseLength, scars);
      const chart: ChartInput = {
        startedAt,
        practitioner,
        deviceId: device?.id ?? null,
        needleConfig: needle,
        cartridgeBatchId: lotOn(rng, cartridgeProduct, day),
        numbing,
        zones: chartZones,
        products: products
          .map((p) => ({ batchId: lotOn(rng, p.productId, day), notes: p.notes }))
          .filter((p): p is { batchId: string; notes: string } => p.batchId !== null),
        endpoint,
        reactions: reaction ? { none: false, details: reaction } : { none: true, details: null },
        adverseEvents: { none: true, details: null },
        notes,
        nextSessionDate: session.chart.nextSessionDate,
      };
      // A draft has no observations yet; with the numbing still on, no endpoint or notes either.
      const { reactions: _r, adverseEvents: _a, ...unobserved } = chart;
      const saved: ChartInput = !isDraft
        ? chart
        : awaitingSignOff
          ? unobserved
          : { ...unobserved, endpoint: null, notes: null };
      expectOk<Session>(
        await core.dispatch('sessions.saveDraft', { id: session.id, chart: saved }),
        `sessions.saveDraft for client #${client.index + 1} (session ${k + 1})`,
      );
      if (isDraft) {
        result.drafts++;
        continue;
      }
      expectOk<Session>(
        await core.dispatch('sessions.sign', { id: session.id, by: practitioner }),
        `sessions.sign for client #${client.index + 1} (session ${k + 1})`,
      );
      result.signed++;

      if (rng.chance(1 / 15)) {
        const amendment = amendmentFor(rng, chart, day, treatment);
        expectOk<Session>(
          await core.dispatch('sessions.amend', {
            id: session.id,
            by: rng.chance(0.7) ? practitioner : DOCTOR,
            reason: amendment.reason,
            chart: amendment.chart,
          }),
          `sessions.amend for client #${client.index + 1} (session ${k + 1})`,
        );
        result.amended++;
      }
    }
    return result;
  }

  /** A plausible correction after sign-off, with the whole corrected chart. */
  function amendmentFor(
    rng: Rng,
    chart: ChartInput,
    day: string,
    treatment: TreatmentType,
  ): { reason: string; chart: ChartInput } {
    const fixes: (() => { reason: string; chart: ChartInput } | null)[] = [
      () => {
        // The other lot of the first product, if the clinic had one that day.
        const first = chart.products?.[0];
        const lot = first ? otherLot(first.batchId, day) : null;
        if (!first || !lot) return null;
        return {
          reason: 'Serum lot number entered wrongly; corrected from the bottle.',
          chart: { ...chart, products: [{ ...first, batchId: lot }, ...(chart.products ?? []).slice(1)] },
        };
      },
      () => {
        const { appliedAt, removedAt } = chart.numbing ?? {};
        if (!appliedAt || !removedAt) return null;
        const minutes = (Date.parse(removedAt) - Date.parse(appliedAt)) / 60_000;
        const corrected = minutes >= 38 ? minutes - 5 : minutes + 5;
        return {
          reason: 'Numbing removal time corrected from the treatment-room timer.',
          chart: { ...chart, numbing: { ...chart.numbing, removedAt: plusMinutes(appliedAt, corrected) } },
        };
      },
      () => ({
        reason: 'Reaction reported at the 48-hour follow-up call.',
        chart: {
          ...chart,
          reactions: {
            none: false,
            details: 'Client rang at 48 hours: mild redness on the treated areas, settled by day 3.',
          },
        },
      }),
      () => ({
        reason: 'Aftercare advice added after sign-off.',
        chart: {
          ...chart,
          notes: `${chart.notes ?? ''} Advised to avoid exfoliants and retinoids for 5 days.`.trim(),
        },
      }),
      () => {
        const zones = chart.zones ?? [];
        const index = zones.findIndex((z) => {
          const r = treatment.zones.find((t) => t.zone === z.zone);
          return r && r.depthMax - r.depthMin >= 0.1;
        });
        if (index < 0) return null;
        const zone = zones[index]!;
        const range = treatment.zones.find((t) => t.zone === zone.zone)!;
        const depth = zone.depthMm + 0.05 <= range.depthMax ? zone.depthMm + 0.05 : zone.depthMm - 0.05;
        const depthMm = Math.round(depth * 100) / 100;
        return {
          reason: `Depth for ${zone.zone.replace(/-/g, ' ')} recorded wrongly; the pen was set to ${depthMm} mm.`,
          chart: { ...chart, zones: zones.map((z, i) => (i === index ? { ...z, depthMm } : z)) },
        };
      },
    ];
    const start = rng.int(0, fixes.length - 1);
    for (let i = 0; i < fixes.length; i++) {
      const found = fixes[(start + i) % fixes.length]!();
      if (found) return found;
    }
    return fixes[2]!()!;
  }

  function otherLot(batchId: string, day: string): string | null {
    const lot = options.lots.find((l) => l.id === batchId);
    if (!lot) return null;
    const other = (lotsByProduct.get(lot.productId) ?? []).find(
      (l) => l.id !== batchId && l.madeOn <= day && l.expiryDate > day,
    );
    return other?.id ?? null;
  }

  return { chartCourse };
}
