import {
  type AnswerInput,
  type ApiInput,
  type ClientInput,
  type FitzpatrickType,
  localDate,
  type QuestionDefinition,
  type Questionnaire,
  type Sex,
  type SkinConcern,
} from '../contract';
import { loadDefaultQuestionnaire, questionsOf } from '../domain/screening/questionnaire';
import {
  ALLERGIES,
  BUILDING_NAMES,
  CLIENT_NOTES,
  DRAMA_LANDLINE_AREAS,
  EMERGENCY_RELATIONSHIPS,
  LANDLINE_FORMATS,
  MEDICATIONS,
  NAME_GROUPS,
  type NameGroup,
  PREFERRED_NAMES,
  STREET_SUFFIXES,
  STREET_WORDS,
  TOWNS,
} from './names';

/**
 * Deterministic generator of FICTIONAL clinic clients for demos, tests and benchmarks. The same seed (and
 * the same `today`) always gives the same people, so a bug seen in a demo database can be reproduced.
 * Nothing here uses Math.random.
 */

export const DEFAULT_DEMO_SEED = 20_240_601;

export type HistorySaveInput = ApiInput<'history.save'>;

// ---------------------------------------------------------------------------------------------------------
// Seeded PRNG

/** mulberry32: tiny, fast, good enough for test data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Derives an independent stream from a seed, so clients and histories do not shift each other. */
export function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

function parseDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${day}`);
  return ms;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `today` minus some days (always at least one, so a generated date is never later than any zone's today). */
function daysAgo(today: string, days: number): string {
  return formatDay(parseDay(today) - Math.max(1, days) * 86_400_000);
}

/** A birth date for someone aged exactly `age` on `today`. */
function birthDateForAge(rng: Rng, today: string, age: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const birthday = Date.UTC(y - age, m - 1, d);
  return formatDay(birthday - rng.int(1, 364) * 86_400_000);
}

export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers

const ASCII_FOLD: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/** "Siobhán Ó Súilleabháin" -> "Siobhan O Suilleabhain": for email addresses, which stay ASCII. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØæÆßđĐı]/g, (c) => ASCII_FOLD[c] ?? c);
}

function emailPart(text: string): string {
  return foldToAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Clients

export interface GeneratorOptions {
  seed?: number;
  /** Reference date (YYYY-MM-DD) for ages and history dates; defaults to the workstation's local date. */
  today?: string;
  questionnaire?: Questionnaire;
}

const SEX_WEIGHTS: readonly (readonly [Sex | null, number])[] = [
  ['female', 79],
  ['male', 17.5],
  ['unspecified', 1.2],
  ['intersex', 0.3],
  [null, 2],
];

const AGE_BANDS: readonly (readonly [[number, number], number])[] = [
  [[18, 24], 14],
  [[25, 34], 28],
  [[35, 44], 25],
  [[45, 54], 18],
  [[55, 64], 10],
  [[65, 75], 5],
];

const GROUP_WEIGHTS = NAME_GROUPS.map((g) => [g, g.weight] as const);
const TOWN_WEIGHTS = TOWNS.map((t) => [t, t.weight] as const);
/** Letters the inward part of a UK postcode never uses. */
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface DemoGenerator {
  readonly seed: number;
  readonly today: string;
  /** The next fictional client, as the contract's create input. */
  client(): ClientInput;
  clients(count: number): ClientInput[];
  /** A complete medical-history answer set for a client, as the history.save input. */
  history(clientId: string, client?: ClientInput): HistorySaveInput;
}

export function createDemoGenerator(options: GeneratorOptions = {}): DemoGenerator {
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const today = options.today ?? localDate();
  const questionnaire = options.questionnaire ?? loadDefaultQuestionnaire();
  const questions = questionsOf(questionnaire);
  const rng = new Rng(subSeed(seed, 1));
  const historyRng = new Rng(subSeed(seed, 2));

  function firstNameFor(group: NameGroup, sex: Sex | null): string {
    const female = sex === 'female' || (sex !== 'male' && rng.chance(0.6));
    return rng.pick(female ? group.female : group.male);
  }

  function surname(group: NameGroup): string {
    // Families mix: some surnames come from another group, some are double-barrelled.
    const from = rng.chance(0.12) ? rng.weighted(GROUP_WEIGHTS) : group;
    const base = rng.pick(from.surnames);
    if (rng.chance(0.045) && !base.includes('-') && !base.includes(' ')) {
      const other = rng.pick(rng.weighted(GROUP_WEIGHTS).surnames);
      if (other !== base && !other.includes('-') && !other.includes(' ')) return `${base}-${other}`;
    }
    return base;
  }

  function phone(): string {
    const kind = rng.weighted<'mobile' | 'mobile-intl' | 'mobile-compact' | 'mobile-spaced' | 'landline'>([
      ['mobile', 74],
      ['mobile-intl', 7],
      ['mobile-compact', 5],
      ['mobile-spaced', 3],
      ['landline', 11],
    ]);
    const last3 = rng.digits(3);
    switch (kind) {
      case 'mobile':
        return `07700 900${last3}`;
      case 'mobile-intl':
        return `+44 7700 900${last3}`;
      case 'mobile-compact':
        return `07700900${last3}`;
      case 'mobile-spaced':
        return `07700 900 ${last3}`;
      case 'landline': {
        const format = rng.pick(LANDLINE_FORMATS);
        return format
          .replace('xxxx', rng.pick(DRAMA_LANDLINE_AREAS))
          .replace(/#/g, () => String(rng.int(0, 9)));
      }
    }
  }

  function email(first: string, last: string, dateOfBirth: string | null): string {
    const f = emailPart(first);
    const l = emailPart(last) || 'client';
    const local = rng.weighted<string>([
      [`${f}.${l}`, 35],
      [`${f}${l}`, 14],
      [`${f[0] ?? 'x'}${l}`, 14],
      [`${f}.${l}${rng.int(1, 99)}`, 10],
      [`${f}_${l}`, 5],
      [`${l}.${f}`, 5],
      [`${f}${dateOfBirth ? dateOfBirth.slice(2, 4) : rng.int(10, 99)}`, 12], // e.g. zoe92
      [`${f}.${l[0] ?? 'x'}`, 5],
    ]);
    const domain = rng.weighted([
      ['example.com', 50],
      ['example.org', 25],
      ['example.net', 25],
    ] as const);
    const address = `${local}@${domain}`;
    // A few are typed with capitals; the contract stores emails lower-cased.
    return rng.chance(0.05) ? address.replace(/^./, (c) => c.toUpperCase()) : address;
  }

  function address(): NonNullable<ClientInput['address']> {
    const town = rng.weighted(TOWN_WEIGHTS);
    const street = `${rng.pick(STREET_WORDS)} ${rng.pick(STREET_SUFFIXES)}`;
    const district = rng.int(1, town.districts);
    const postcode = `${town.area}${district} ${rng.int(1, 9)}${rng.pick([...POSTCODE_LETTERS])}${rng.pick([...POSTCODE_LETTERS])}`;
    const flat = rng.chance(0.18);
    return {
      line1: flat ? `Flat ${rng.int(1, 40)}` : `${rng.int(1, 240)} ${street}`,
      line2: flat
        ? rng.chance(0.5)
          ? `${rng.pick(STREET_WORDS)} ${rng.pick(BUILDING_NAMES)}, ${street}`
          : `${rng.int(1, 180)} ${street}`
        : null,
      city: town.city,
      region: town.region,
      postcode,
      country: 'United Kingdom',
    };
  }

  function emergencyContact(lastName: string): ClientInput['emergencyContact'] {
    const relationship = rng.weighted(EMERGENCY_RELATIONSHIPS);
    const group = rng.weighted(GROUP_WEIGHTS);
    const sameFamily = [
      'Mother',
      'Father',
      'Sister',
      'Brother',
      'Daughter',
      'Son',
      'Aunt',
      'Husband',
      'Wife',
    ];
    const contactSex: Sex = ['Mother', 'Sister', 'Daughter', 'Aunt', 'Wife'].includes(relationship)
      ? 'female'
      : ['Father', 'Brother', 'Son', 'Husband'].includes(relationship)
        ? 'male'
        : rng.chance(0.5)
          ? 'female'
          : 'male';
    const first = rng.pick(contactSex === 'female' ? group.female : group.male);
    const last = sameFamily.includes(relationship) && rng.chance(0.75) ? lastName : surname(group);
    return {
      name: `${first} ${last}`,
      phone: rng.chance(0.95) ? phone() : null,
      relationship: rng.chance(0.92) ? relationship : null,
    };
  }

  function fitzpatrick(group: NameGroup): FitzpatrickType | null {
    if (rng.chance(0.05)) return null; // not assessed yet
    return rng.weighted(group.fitzpatrick.map((w, i) => [(i + 1) as FitzpatrickType, w] as const));
  }

  function skinConcerns(age: number, sex: Sex | null, fitz: FitzpatrickType | null): SkinConcern[] {
    const female = sex === 'female';
    const weights: [SkinConcern, number][] = [
      ['acne', age < 25 ? 0.25 : age < 40 ? 0.08 : 0.02],
      ['acne-scars', age < 40 ? 0.38 : 0.18],
      ['fine-lines', age < 28 ? 0.04 : age < 45 ? 0.3 : 0.4],
      ['wrinkles', age < 40 ? 0.02 : age < 55 ? 0.25 : 0.45],
      ['pigmentation', (fitz ?? 3) >= 4 ? 0.32 : 0.18],
      ['melasma', female && age >= 25 && age <= 55 ? 0.1 : 0.01],
      ['enlarged-pores', 0.15],
      ['texture', 0.2],
      ['laxity', age < 45 ? 0.02 : 0.3],
      ['rosacea', (fitz ?? 3) <= 2 ? 0.12 : 0.03],
      ['stretch-marks', female ? 0.14 : 0.04],
      ['surgical-scars', 0.05],
      ['hair-loss', sex === 'male' ? 0.3 : 0.04],
      ['dullness', 0.1],
    ];
    const chosen = weights.filter(([, p]) => rng.chance(p)).map(([c]) => c);
    if (chosen.length === 0 && rng.chance(0.85)) chosen.push(rng.weighted(weights));
    // Keep to the three or four things a client actually comes in for.
    while (chosen.length > 4) chosen.splice(rng.int(0, chosen.length - 1), 1);
    return chosen;
  }

  function pronouns(sex: Sex | null): string | null {
    if (sex === 'unspecified' || sex === 'intersex') return rng.chance(0.6) ? 'they/them' : null;
    if (!rng.chance(0.06)) return null;
    if (sex === 'female')
      return rng.weighted([
        ['she/her', 85],
        ['she/they', 15],
      ] as const);
    if (sex === 'male')
      return rng.weighted([
        ['he/him', 85],
        ['he/they', 15],
      ] as const);
    return 'they/them';
  }

  function client(): ClientInput {
    const group = rng.weighted(GROUP_WEIGHTS);
    const sex = rng.weighted(SEX_WEIGHTS);
    const firstName = firstNameFor(group, sex);
    const lastName = surname(group);
    const [minAge, maxAge] = rng.weighted(AGE_BANDS);
    const age = rng.int(minAge, maxAge);
    const dateOfBirth = rng.chance(0.97) ? birthDateForAge(rng, today, age) : null;
    const nicknames = PREFERRED_NAMES[firstName];
    const preferredName = nicknames && rng.chance(0.4) ? rng.pick(nicknames) : null;
    const fitz = fitzpatrick(group);
    const hasPhone = rng.chance(0.95);
    const hasEmail = rng.chance(0.88);

    const input: ClientInput = {
      firstName,
      lastName,
      preferredName,
      dateOfBirth,
      sex,
      pronouns: pronouns(sex),
      phone: hasPhone ? phone() : null,
      email: hasEmail
        ? email(preferredName && rng.chance(0.3) ? preferredName : firstName, lastName, dateOfBirth)
        : null,
      fitzpatrick: fitz,
      skinConcerns: skinConcerns(age, sex, fitz),
      allergies: rng.chance(0.09) ? rng.pick(ALLERGIES) : null,
      medications: rng.chance(0.16)
        ? rng.chance(0.2)
          ? `${rng.pick(MEDICATIONS)}; ${rng.pick(MEDICATIONS)}`
          : rng.pick(MEDICATIONS)
        : null,
      notes: rng.chance(0.3) ? rng.pick(CLIENT_NOTES) : null,
    };
    // Records typed in a hurry leave whole sections out; the schema fills the defaults.
    if (rng.chance(0.9)) input.address = address();
    if (rng.chance(0.8)) input.emergencyContact = emergencyContact(lastName);
    return input;
  }

  // -------------------------------------------------------------------------------------------------------
  // Medical history

  /** Chance of "yes" per question, adjusted for the client where it matters. */
  function yesChance(q: QuestionDefinition, c: ClientInput | undefined): number {
    const age = c?.dateOfBirth ? ageOn(c.dateOfBirth, today) : 40;
    const concerns = new Set(c?.skinConcerns ?? []);
    switch (q.id) {
      case 'active_infection':
        return 0.015;
      case 'active_acne':
        return concerns.has('acne') ? 0.5 : 0.03;
      case 'eczema_psoriasis_rosacea':
        return concerns.has('rosacea') ? 0.35 : 0.03;
      case 'skin_cancer_moles':
        return 0.03;
      case 'recent_procedures':
        return 0.08;
      case 'isotretinoin':
        return concerns.has('acne') || concerns.has('acne-scars') ? 0.07 : 0.01;
      case 'anticoagulants':
        return age >= 55 ? 0.08 : 0.01;
      case 'immunosuppression':
        return 0.03;
      case 'chemo_radiation':
        return 0.007;
      case 'pregnancy':
        return c?.sex === 'female' && age <= 45 ? 0.06 : 0;
      case 'diabetes_uncontrolled':
        return 0.015;
      case 'keloids':
        return (c?.fitzpatrick ?? 3) >= 5 ? 0.08 : 0.015;
      case 'herpes_history':
        return 0.18;
      case 'metal_allergy':
        return c?.sex === 'female' ? 0.08 : 0.02;
      case 'numbing_allergy':
        return 0.02;
      default:
        return 0.04;
    }
  }

  const DETAILS: Record<string, readonly string[]> = {
    active_infection: [
      'Cold sore on the upper lip',
      'Small fungal patch on the chin',
      'Impetigo, on antibiotics',
    ],
    eczema_psoriasis_rosacea: [
      'Rosacea on both cheeks',
      'Eczema behind the ears',
      'Mild psoriasis on the hairline',
    ],
    skin_cancer_moles: [
      'Raised mole on the left cheek',
      'Basal cell carcinoma removed from the nose',
      'Wart on the jawline',
    ],
    recent_procedures: ['Botulinum toxin, forehead', 'Glycolic peel', 'Lip filler', 'IPL on the cheeks'],
    anticoagulants: ['Apixaban', 'Warfarin', 'Daily aspirin 75 mg', 'Von Willebrand disease'],
    immunosuppression: ['Rheumatoid arthritis, on methotrexate', 'Lupus', 'Crohn’s disease, on azathioprine'],
    chemo_radiation: [
      'Radiotherapy to the chest, finished last spring',
      'Chemotherapy, finished in the autumn',
    ],
    numbing_allergy: ['Swelling after lidocaine cream', 'Hives after a dental anaesthetic'],
  };
  const GENERIC_DETAILS = ['See notes from the consultation', 'Client to bring details next visit'];

  /** How far back a "yes" with a date usually is, in days. */
  function dateFor(q: QuestionDefinition): string {
    const months = q.alert?.lookbackMonths ?? 6;
    // Mostly inside the look-back window (an alert), some outside it (no alert).
    const maxDays = Math.round(months * 30.4 * (historyRng.chance(0.7) ? 1 : 2.5));
    return daysAgo(today, historyRng.int(1, Math.max(2, maxDays)));
  }

  function history(clientId: string, c?: ClientInput): HistorySaveInput {
    const answers: AnswerInput[] = questions.map((q) => {
      const roll = historyRng.float();
      const yes = roll < yesChance(q, c);
      const unsure = !yes && roll < yesChance(q, c) + 0.012;
      if (!yes) return { questionId: q.id, answer: unsure ? 'unsure' : 'no' };
      const answer: AnswerInput = { questionId: q.id, answer: 'yes' };
      if (q.asksDetail && historyRng.chance(0.9))
        answer.detail = historyRng.pick(DETAILS[q.id] ?? GENERIC_DETAILS);
      if (q.asksDate && historyRng.chance(0.85)) answer.date = dateFor(q);
      return answer;
    });
    const notes = historyRng.chance(0.15)
      ? historyRng.pick([
          'Reviewed with the client at consultation.',
          'Client read and signed the paper form as well.',
          'GP letter requested.',
          'Went through each answer by phone before the visit.',
        ])
      : null;
    return { clientId, answers, notes };
  }

  return {
    seed,
    today,
    client,
    clients: (count) => Array.from({ length: count }, client),
    history,
  };
}

/** Convenience: `count` clients for a seed. */
export function generateClients(count: number, options: GeneratorOptions = {}): ClientInput[] {
  return createDemoGenerator(options).clients(count);
}
