import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClientInput, ClientSort, ClientStatus, ClientSummary } from '../../electron/core/contract';
import { call, callError, useSharedCore } from '../support/core';

/** Named clients the queries below are about; the rest of the 200 are filler with overlapping names. */
const NAMED: ClientInput[] = [
  { firstName: 'Joanna', lastName: 'Smith', email: 'joanna.smith@example.com', phone: '07700 900123' },
  { firstName: 'John', lastName: 'Smithers', email: 'jsmithers@example.com', phone: '+44 7700 900456' },
  { firstName: 'Josephine', lastName: 'Baker', preferredName: 'Jo', phone: '020 7946 0999' },
  { firstName: 'Zoë', lastName: 'Brontë', email: 'zoe@bronte.test' },
  { firstName: 'Zoe', lastName: 'Adams', phone: '0117 496 0123' },
  { firstName: 'Élodie', lastName: 'Dupré', email: 'elodie@exemple.fr' },
  { firstName: 'Elizabeth', lastName: 'Warren', preferredName: 'Bunny', phone: '(0113) 496-0555' },
  { firstName: 'Mary-Jane', lastName: "O'Brien", email: 'mj.obrien@example.com' },
  { firstName: 'Siobhán', lastName: 'Ní Bhriain', phone: '+353 1 555 0142' },
  { firstName: 'aaron', lastName: 'smalley' },
];

const FIRST = ['Amelia', 'Olivia', 'Isla', 'Ava', 'Mia', 'Noah', 'Oliver', 'George', 'Arthur', 'Leo'];
const LAST = [
  'Taylor',
  'Brown',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Hughes',
  'Green',
  'Hall',
  'Wood',
  'Harris',
  'Lewis',
  'Martin',
  'Jackson',
  'Clarke',
  'Turner',
  'Hill',
];

function filler(i: number): ClientInput {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length)]!;
  const digits = String(7_000_000_000 + i * 7919).padStart(10, '0');
  return {
    firstName: i % 3 === 0 ? first.toLowerCase() : first,
    lastName: i % 4 === 0 ? last.toUpperCase() : last,
    preferredName: i % 11 === 0 ? `Nick${i}` : null,
    email: i % 2 === 0 ? `${first}.${last}${i}@clinic.test` : null,
    phone: i % 5 === 0 ? null : `0${digits.slice(0, 4)} ${digits.slice(4)}`,
  };
}

const SEED: ClientInput[] = [...NAMED, ...Array.from({ length: 190 }, (_, i) => filler(i))];
const BASE_TIME = Date.parse('2024-03-01T09:00:00.000Z');

// Independent oracles for what a query should find.
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const tokens = (c: ClientInput) =>
  [c.firstName, c.lastName, c.preferredName, c.email]
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => fold(v).split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean);
const digitsOf = (c: ClientInput) => (c.phone ?? '').replace(/\D/g, '');

function expectedForWords(query: string): ClientInput[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return SEED.filter((c) => words.every((w) => tokens(c).some((t) => t.startsWith(w))));
}
function expectedForDigits(query: string): ClientInput[] {
  const q = query.replace(/\D/g, '');
  return SEED.filter((c) => digitsOf(c) !== '' && (digitsOf(c).startsWith(q) || digitsOf(c).endsWith(q)));
}

const key = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
/** SQLite's NOCASE folds ASCII letters only. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

describe('clients.search over ~200 clients', () => {
  const shared = useSharedCore({ log: () => {} });
  const ids = new Map<string, string>();
  let archivedId: string;
  let touchedId: string;

  beforeAll(async () => {
    const core = shared();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const [i, input] of SEED.entries()) {
        vi.setSystemTime(BASE_TIME + i * 60_000);
        const client = await call(core, 'clients.create', input);
        ids.set(key(client), client.id);
      }
      vi.setSystemTime(BASE_TIME + 10_000 * 60_000);
      archivedId = ids.get('John Smithers')!;
      await call(core, 'clients.archive', { id: archivedId });
      vi.setSystemTime(BASE_TIME + 20_000 * 60_000);
      touchedId = ids.get('Zoe Adams')!;
      await call(core, 'clients.update', { id: touchedId, fields: { ...NAMED[4]!, notes: 'updated last' } });
    } finally {
      vi.useRealTimers();
    }
  });

  const search = (
    query: string,
    extra: { status?: ClientStatus; sort?: ClientSort; offset?: number; limit?: number } = {},
  ) => call(shared(), 'clients.search', { query, limit: 500, ...extra });
  const names = (items: ClientSummary[]) => items.map(key).sort();
  const namesOf = (inputs: ClientInput[]) =>
    inputs.map((c) => key({ firstName: c.firstName.trim(), lastName: c.lastName.trim() })).sort();

  it('seeded every client', async () => {
    expect(ids.size).toBe(SEED.length);
    expect((await search('', { status: 'all' })).total).toBe(SEED.length);
    expect((await search('')).total).toBe(SEED.length - 1);
  });

  describe('names', () => {
    it('matches the start of each word: "jo smi" finds Joanna Smith', async () => {
      const result = await search('jo smi', { status: 'all' });
      expect(names(result.items)).toEqual(['Joanna Smith', 'John Smithers']);
      expect(result.total).toBe(2);
    });

    it('respects the status filter while searching', async () => {
      expect(names((await search('jo smi')).items)).toEqual(['Joanna Smith']);
      expect(names((await search('jo smi', { status: 'archived' })).items)).toEqual(['John Smithers']);
    });

    it('ignores case and word order', async () => {
      expect(names((await search('SMITH JOANNA')).items)).toEqual(['Joanna Smith']);
    });

    it('matches preferred names', async () => {
      expect(names((await search('bun')).items)).toEqual(['Elizabeth Warren']);
      // "jo" finds Josephine by her first and preferred names, and Joanna by hers.
      expect(names((await search('jo')).items)).toEqual(['Joanna Smith', 'Josephine Baker']);
    });

    it('ignores diacritics in either direction', async () => {
      expect(names((await search('zoe')).items)).toEqual(['Zoe Adams', 'Zoë Brontë']);
      expect(names((await search('zoë')).items)).toEqual(['Zoe Adams', 'Zoë Brontë']);
      expect(names((await search('bronte')).items)).toEqual(['Zoë Brontë']);
      expect(names((await search('elodie dupre')).items)).toEqual(['Élodie Dupré']);
      expect(names((await search('siobhan ni')).items)).toEqual(['Siobhán Ní Bhriain']);
    });

    it('matches hyphenated and apostrophe names by their parts and as typed', async () => {
      expect(names((await search('jane')).items)).toEqual(["Mary-Jane O'Brien"]);
      expect(names((await search('brien')).items)).toEqual(["Mary-Jane O'Brien"]);
      expect(names((await search("o'brien")).items)).toEqual(["Mary-Jane O'Brien"]);
      expect(names((await search('mary-jane')).items)).toEqual(["Mary-Jane O'Brien"]);
    });

    it.each(['a', 'ol', 'oliver', 'wr', 'tay', 'sm', 'nick1', 'amelia taylor', 'GEO gre', 'is hu', 'zz'])(
      'agrees with a plain prefix oracle for %j',
      async (query) => {
        const result = await search(query, { status: 'all' });
        const expected = namesOf(expectedForWords(query));
        expect(names(result.items)).toEqual(expected);
        expect(result.total).toBe(expected.length);
      },
    );
  });

  describe('emails', () => {
    it('matches parts of an email address and the whole address', async () => {
      expect(names((await search('example', { status: 'all' })).items)).toEqual(
        namesOf(SEED.filter((c) => c.email?.includes('@example.com'))),
      );
      expect(names((await search('joanna.smith@example.com')).items)).toEqual(['Joanna Smith']);
      expect(names((await search('smith@exa')).items)).toEqual(['Joanna Smith']);
      expect(names((await search('JSMITHERS@EXAMPLE.COM', { status: 'all' })).items)).toEqual([
        'John Smithers',
      ]);
    });

    it('finds email words only at their start', async () => {
      expect((await search('xample')).total).toBe(0);
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['a prefix of the digits', '07700'],
      ['a formatted prefix', '07700 900'],
      ['the whole number, formatted differently', '(07700) 900-123'],
      ['the last four digits', '0123'],
      ['the last six digits', '900123'],
      ['an international prefix', '+44 7700'],
      ['a single digit', '0'],
      ['digits that occur only in the middle', '7009'],
      ['a number nobody has', '99999999'],
    ])('matches %s (%j) like the digit oracle', async (_label, query) => {
      const result = await search(query, { status: 'all' });
      const expected = namesOf(expectedForDigits(query));
      expect(names(result.items)).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it('finds the clinic example: "07700 900" and the last digits "0123"', async () => {
      expect(names((await search('07700 900', { status: 'all' })).items)).toContain('Joanna Smith');
      expect(names((await search('0123')).items)).toEqual(
        expect.arrayContaining(['Joanna Smith', 'Zoe Adams']),
      );
      expect(names((await search('7009')).items)).not.toContain('Joanna Smith');
    });
  });

  describe('sorting and paging', () => {
    const byName = (a: ClientSummary, b: ClientSummary) =>
      nocase(a.lastName) < nocase(b.lastName)
        ? -1
        : nocase(a.lastName) > nocase(b.lastName)
          ? 1
          : nocase(a.firstName) < nocase(b.firstName)
            ? -1
            : nocase(a.firstName) > nocase(b.firstName)
              ? 1
              : 0;

    it('name-asc orders by last name then first name, ignoring ASCII case', async () => {
      const { items } = await search('', { sort: 'name-asc', status: 'all' });
      expect(items).toHaveLength(SEED.length);
      for (let i = 1; i < items.length; i++) expect(byName(items[i - 1]!, items[i]!)).toBeLessThanOrEqual(0);
      expect(key(items[0]!)).toBe('Zoe Adams');
    });

    it('name-desc is exactly the reverse of name-asc', async () => {
      const asc = (await search('', { sort: 'name-asc', status: 'all' })).items.map((c) => c.id);
      const desc = (await search('', { sort: 'name-desc', status: 'all' })).items.map((c) => c.id);
      expect(desc).toEqual([...asc].reverse());
    });

    it('updated-desc puts the most recently changed first', async () => {
      const { items } = await search('', { sort: 'updated-desc', status: 'all' });
      expect(items[0]!.id).toBe(touchedId);
      expect(items[1]!.id).toBe(archivedId);
      for (let i = 1; i < items.length; i++)
        expect(items[i - 1]!.updatedAt >= items[i]!.updatedAt).toBe(true);
    });

    it('created-desc is the reverse of creation order, untouched by later updates', async () => {
      const { items } = await search('', { sort: 'created-desc', status: 'all' });
      expect(items.map((c) => c.id)).toEqual(SEED.map((c) => ids.get(key(c))).reverse());
    });

    it('sorts search results too', async () => {
      const { items } = await search('a', { sort: 'name-desc', status: 'all' });
      expect(items.length).toBeGreaterThan(20);
      for (let i = 1; i < items.length; i++)
        expect(byName(items[i - 1]!, items[i]!)).toBeGreaterThanOrEqual(0);
    });

    it.each(['name-asc', 'name-desc', 'updated-desc', 'created-desc'] as const)(
      'pages through everything with %s: same total on every page, no gaps, no repeats',
      async (sort) => {
        const all = (await search('', { sort, status: 'all' })).items.map((c) => c.id);
        const paged: string[] = [];
        for (let offset = 0; offset < SEED.length + 30; offset += 30) {
          const page = await search('', { sort, status: 'all', offset, limit: 30 });
          expect(page.total).toBe(SEED.length);
          expect(page.items.length).toBe(Math.max(0, Math.min(30, SEED.length - offset)));
          paged.push(...page.items.map((c) => c.id));
        }
        expect(paged).toEqual(all);
      },
    );

    it('pages through search results with the total of all matches', async () => {
      const everything = await search('a', { status: 'all' });
      expect(everything.total).toBeGreaterThan(25);
      const first = await search('a', { status: 'all', limit: 10 });
      const second = await search('a', { status: 'all', limit: 10, offset: 10 });
      expect(first.total).toBe(everything.total);
      expect(second.total).toBe(everything.total);
      expect([...first.items, ...second.items].map((c) => c.id)).toEqual(
        everything.items.slice(0, 20).map((c) => c.id),
      );
    });

    it('returns no items but the right total past the end', async () => {
      const page = await search('', { status: 'all', offset: 10_000 });
      expect(page).toEqual({ total: SEED.length, items: [] });
    });

    it('uses 100 results, active clients and name order by default', async () => {
      const result = await call(shared(), 'clients.search', {});
      expect(result.total).toBe(SEED.length - 1);
      expect(result.items).toHaveLength(100);
      expect(result.items.some((c) => c.id === archivedId)).toBe(false);
      const sorted = [...result.items].sort(byName);
      expect(result.items.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
    });

    it('returns summaries only', async () => {
      const { items } = await search('joanna');
      expect(Object.keys(items[0]!).sort()).toEqual(
        [
          'archivedAt',
          'dateOfBirth',
          'email',
          'firstName',
          'fitzpatrick',
          'id',
          'lastName',
          'phone',
          'preferredName',
          'updatedAt',
        ].sort(),
      );
      expect(items[0]).toMatchObject({
        firstName: 'Joanna',
        email: 'joanna.smith@example.com',
        phone: '07700 900123',
      });
    });
  });

  describe('odd input', () => {
    it('treats a blank query as "everything"', async () => {
      expect((await search('   ')).total).toBe(SEED.length - 1);
      expect((await search('\t\n')).total).toBe(SEED.length - 1);
    });

    it.each([
      '-',
      '...',
      '()',
      '"',
      '""',
      '*',
      '+',
      '@',
      '#!',
      '- - -',
      '"*"',
      '^',
      ':',
      '{}',
      "'",
      '\\',
      '_',
    ])('answers a punctuation-only query %j with nothing rather than an error', async (query) => {
      expect(await search(query, { status: 'all' })).toEqual({ total: 0, items: [] });
    });

    it.each([
      '"',
      'jo"',
      '"joanna',
      'a"b',
      '*',
      'jo*',
      '*jo',
      'AND',
      'OR',
      'NOT',
      'jo AND',
      'AND jo',
      'jo OR smith',
      'jo NOT smith',
      'NEAR(',
      'NEAR(jo smith)',
      'NEAR(jo smith, 2)',
      '-',
      '-smith',
      'smith -jones',
      '^smith',
      'first_name:jo',
      'first_name : jo',
      '{first_name email}: jo',
      '(jo',
      'jo)',
      'jo + smith',
      "'; DROP TABLE clients; --",
      '%',
      'jo%',
      'emoji 😀',
      '١٢٣',
      'e\u0301',
      '\u0301',
      'x'.repeat(200),
      Array.from({ length: 100 }, () => 'a').join(' '),
      '0'.repeat(200),
      // BUG (see report): a pasted NUL inside a word makes FTS5 fail with "unterminated string".
      'smith\u0000jones',
    ])('never throws on FTS syntax in the query: %j', async (query) => {
      const envelope = await shared().dispatch('clients.search', { query, status: 'all' });
      expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
    });

    it('still finds a name typed in quotes or with operators around it', async () => {
      expect(names((await search('"joanna"')).items)).toEqual(['Joanna Smith']);
      expect(names((await search('-smith')).items)).toEqual(['Joanna Smith']);
      expect(names((await search('jo*')).items)).toEqual(['Joanna Smith', 'Josephine Baker']);
      expect((await search('jo OR smith')).total).toBe(0);
    });

    it('keeps the table intact after a hostile query', async () => {
      await search("'; DROP TABLE clients; --");
      expect((await search('', { status: 'all' })).total).toBe(SEED.length);
    });

    it.each([
      ['a query over 200 characters', { query: 'x'.repeat(201) }, 'query'],
      ['limit 0', { limit: 0 }, 'limit'],
      ['limit 501', { limit: 501 }, 'limit'],
      ['a fractional limit', { limit: 2.5 }, 'limit'],
      ['a negative offset', { offset: -1 }, 'offset'],
      ['an unknown sort', { sort: 'random' }, 'sort'],
      ['an unknown status', { status: 'deleted' }, 'status'],
      ['a query that is not text', { query: 42 }, 'query'],
    ])('refuses %s', async (_label, payload, path) => {
      const error = await callError(shared(), 'clients.search', payload);
      expect(error.code).toBe('VALIDATION');
      expect(error.issues.map((i) => i.path)).toEqual([path]);
    });
  });
});

describe('clients.search paging when timestamps tie', () => {
  const shared = useSharedCore();
  const created: string[] = [];

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(BASE_TIME);
    try {
      for (let i = 0; i < 40; i++) {
        created.push((await call(shared(), 'clients.create', { firstName: 'Same', lastName: 'Name' })).id);
      }
    } finally {
      vi.useRealTimers();
    }
  });
  afterAll(() => vi.useRealTimers());

  it.each(['name-asc', 'name-desc', 'updated-desc', 'created-desc'] as const)(
    '%s pages through identical rows without repeating or skipping any',
    async (sort) => {
      const seen: string[] = [];
      for (let offset = 0; offset < 40; offset += 7) {
        const page = await call(shared(), 'clients.search', { sort, offset, limit: 7 });
        expect(page.total).toBe(40);
        seen.push(...page.items.map((c) => c.id));
      }
      expect(seen).toHaveLength(40);
      expect(new Set(seen)).toEqual(new Set(created));
    },
  );
});
