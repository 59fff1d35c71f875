import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { recordsMigrations } from '../../electron/core/db/migrations';
import { type ClientQuery, parseClientQuery } from '../../electron/core/domain/clients/searchQuery';

const text = (match: string): ClientQuery => ({ kind: 'text', match });
const phone = (digits: string): ClientQuery => ({
  kind: 'phone',
  digits,
  reversed: [...digits].reverse().join(''),
});

describe('parseClientQuery', () => {
  describe('everything', () => {
    it.each(['', ' ', '\t\n  ', '\u0000', ' \u0001\u001f\u007f '])(
      'lists everyone for blank input %j',
      (query) => {
        expect(parseClientQuery(query)).toEqual({ kind: 'all' });
      },
    );
  });

  describe('nothing to match', () => {
    it.each([
      '-',
      '()',
      '+',
      '.',
      '- ( ) .',
      '+ ( ) - .',
      '"',
      '""',
      '*',
      '@',
      '@@',
      '#!?',
      '" * "',
      ':',
      '^',
      '\u0301',
      '_',
      '{}',
      "'",
      '\\',
    ])('finds nothing for punctuation only: %j', (query) => {
      expect(parseClientQuery(query)).toEqual({ kind: 'nothing' });
    });

    it.each(['@example.com', '@gmail', ' @example.com  @clinic.test ', '-@jo', '"@smith'])(
      'finds nothing when every word is only an email domain: %j',
      (query) => {
        expect(parseClientQuery(query)).toEqual({ kind: 'nothing' });
      },
    );
  });

  describe('words', () => {
    it('makes each word a prefix phrase, all required, with no column filter', () => {
      expect(parseClientQuery('jo smi')).toEqual(text('("jo"* AND "smi"*)'));
    });

    it('trims and collapses whitespace', () => {
      expect(parseClientQuery('  jo \t  smi \n')).toEqual(text('("jo"* AND "smi"*)'));
    });

    it('keeps a single word, with its case and diacritics (FTS5 folds them)', () => {
      expect(parseClientQuery('Zoë')).toEqual(text('("Zoë"*)'));
      expect(parseClientQuery('ÉLODIE Dupré')).toEqual(text('("ÉLODIE"* AND "Dupré"*)'));
    });

    it('doubles double quotes so a word can never close its phrase', () => {
      expect(parseClientQuery('a"b')).toEqual(text('("a""b"*)'));
      expect(parseClientQuery('"joanna"')).toEqual(text('("""joanna"""*)'));
    });

    it('quotes FTS operators and syntax so they are searched as text', () => {
      expect(parseClientQuery('jo AND smith')).toEqual(text('("jo"* AND "AND"* AND "smith"*)'));
      expect(parseClientQuery('jo OR smith')).toEqual(text('("jo"* AND "OR"* AND "smith"*)'));
      expect(parseClientQuery('NOT')).toEqual(text('("NOT"*)'));
      expect(parseClientQuery('NEAR(jo')).toEqual(text('("NEAR(jo"*)'));
      expect(parseClientQuery('first_name:jo')).toEqual(text('("first_name:jo"*)'));
      expect(parseClientQuery('{first_name email}: jo')).toEqual(
        text('("{first_name"* AND "email}:"* AND "jo"*)'),
      );
      expect(parseClientQuery('-smith')).toEqual(text('("-smith"*)'));
      expect(parseClientQuery('^smith')).toEqual(text('("^smith"*)'));
      expect(parseClientQuery('jo*')).toEqual(text('("jo*"*)'));
    });

    it('drops punctuation-only words but keeps the rest', () => {
      expect(parseClientQuery('jo - smith *')).toEqual(text('("jo"* AND "smith"*)'));
    });

    it('treats text with letters and digits as words, not a phone number', () => {
      expect(parseClientQuery('jo 0770')).toEqual(text('("jo"* AND "0770"*)'));
      expect(parseClientQuery('a1')).toEqual(text('("a1"*)'));
      expect(parseClientQuery('07700 900 x')).toEqual(text('("07700"* AND "900"* AND "x"*)'));
    });

    it('keeps non-Latin letters and digits (non-ASCII digits are words, not a phone number)', () => {
      expect(parseClientQuery('Ní Bhriain')).toEqual(text('("Ní"* AND "Bhriain"*)'));
      expect(parseClientQuery('١٢٣')).toEqual(text('("١٢٣"*)'));
      expect(parseClientQuery('Łukasz Żółć')).toEqual(text('("Łukasz"* AND "Żółć"*)'));
    });
  });

  describe('control characters', () => {
    it('turns a NUL or other control character into a word break', () => {
      expect(parseClientQuery('a\u0000b')).toEqual(text('("a"* AND "b"*)'));
      expect(parseClientQuery('smith\u0000')).toEqual(text('("smith"*)'));
      expect(parseClientQuery('\u0001jo\u001fsmi\u007f')).toEqual(text('("jo"* AND "smi"*)'));
    });

    it('never lets a control character into the match', () => {
      for (const query of ['a\u0000b', '"\u0000"', 'jo\u0007', '\u001bsmith', 'x\u007fy']) {
        const parsed = parseClientQuery(query);
        if (parsed.kind === 'text') {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for control characters
          expect(parsed.match, JSON.stringify(query)).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
      }
    });

    it('keeps a phone number split by a control character a phone number', () => {
      expect(parseClientQuery('1\u0000')).toEqual(phone('1'));
      expect(parseClientQuery('07700\t900\u0000123')).toEqual(phone('07700900123'));
    });
  });

  describe('email addresses', () => {
    it('searches only the part before the @ (the only part indexed)', () => {
      expect(parseClientQuery('joanna.smith@example.com')).toEqual(text('("joanna.smith"*)'));
      expect(parseClientQuery('jane.doe@exa')).toEqual(text('("jane.doe"*)'));
      expect(parseClientQuery('JSMITHERS@EXAMPLE.COM')).toEqual(text('("JSMITHERS"*)'));
      expect(parseClientQuery('jo@')).toEqual(text('("jo"*)'));
    });

    it('cuts at the first @', () => {
      expect(parseClientQuery('a@b@c')).toEqual(text('("a"*)'));
    });

    it('cuts each word on its own, and drops a word that is only a domain', () => {
      expect(parseClientQuery('smith jo@example.com')).toEqual(text('("smith"* AND "jo"*)'));
      expect(parseClientQuery('jo @example.com')).toEqual(text('("jo"*)'));
    });

    it('still escapes quotes in the local part', () => {
      expect(parseClientQuery('"jo"@example.com')).toEqual(text('("""jo"""*)'));
    });

    it('keeps the diacritics of a local part', () => {
      expect(parseClientQuery('zoë@bronte.test')).toEqual(text('("zoë"*)'));
    });

    it('treats digits before an @ as a word, not a phone number', () => {
      expect(parseClientQuery('0770@')).toEqual(text('("0770"*)'));
    });
  });

  describe('phone numbers', () => {
    it('gives the digits forwards and reversed', () => {
      expect(parseClientQuery('0123')).toEqual({ kind: 'phone', digits: '0123', reversed: '3210' });
    });

    it('strips formatting from a number typed as written', () => {
      expect(parseClientQuery('07700 900')).toEqual({
        kind: 'phone',
        digits: '07700900',
        reversed: '00900770',
      });
      expect(parseClientQuery('+44 (0) 7700-900.123')).toEqual({
        kind: 'phone',
        digits: '4407700900123',
        reversed: '3210090077044',
      });
      expect(parseClientQuery('(0113) 496-0555')).toEqual(phone('01134960555'));
      expect(parseClientQuery('1-2-3')).toEqual(phone('123'));
      expect(parseClientQuery('1 2 3')).toEqual(phone('123'));
    });

    it('accepts a single digit and surrounding whitespace', () => {
      expect(parseClientQuery(' 7 ')).toEqual(phone('7'));
    });

    it('keeps a long run of digits whole', () => {
      expect(parseClientQuery('0'.repeat(200))).toEqual(phone('0'.repeat(200)));
    });

    it.each(['07700 900', '+44 (0) 7700-900.123', '0123', '9'])(
      'reverses %j exactly (a palindrome check on the keys)',
      (query) => {
        const parsed = parseClientQuery(query);
        expect(parsed.kind).toBe('phone');
        if (parsed.kind !== 'phone') return;
        expect(parsed.digits).toMatch(/^\d+$/);
        expect([...parsed.reversed].reverse().join('')).toBe(parsed.digits);
      },
    );
  });

  describe('against the real clients_fts index (all migrations applied)', () => {
    let db: Database.Database;
    beforeAll(() => {
      db = new Database(':memory:');
      migrate(db, recordsMigrations);
      const insert = db.prepare(
        `INSERT INTO clients (id, first_name, last_name, preferred_name, email, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', 'device')`,
      );
      insert.run('1', 'Joanna', 'Smith', null, 'joanna.smith@example.com');
      insert.run('2', 'Zoë', 'Brontë', 'Zed', null);
      insert.run('3', 'Ann', 'AND', null, 'ann@near.test');
      insert.run('4', 'Mary-Jane', "O'Brien", null, 'mj.obrien@example.com');
    });
    afterAll(() => db.close());

    const rows = (query: string): string[] => {
      const parsed = parseClientQuery(query);
      if (parsed.kind !== 'text') return [];
      return db
        .prepare(
          `SELECT c.first_name FROM clients_fts JOIN clients c ON c.seq = clients_fts.rowid
           WHERE clients_fts MATCH ? ORDER BY c.seq`,
        )
        .pluck()
        .all(parsed.match) as string[];
    };

    it.each([
      ['jo smi', ['Joanna']],
      ['SMITH', ['Joanna']],
      ['zoe', ['Zoë']],
      ['ZOË bront', ['Zoë']],
      ['zed', ['Zoë']],
      ['AND', ['Ann']],
      ['"joanna"', ['Joanna']],
      ['-smith', ['Joanna']],
      ['mary-jane', ['Mary-Jane']],
      ["o'brien", ['Mary-Jane']],
      // The email's local part is searchable, whole or by its words...
      ['joanna.smith@example.com', ['Joanna']],
      ['joanna.smi', ['Joanna']],
      ['mj', ['Mary-Jane']],
      ['mj.obrien@exa', ['Mary-Jane']],
      ['ann@', ['Ann']],
      // ...its domain is not.
      ['example', []],
      ['near', []],
      ['test', []],
      ['com', []],
      ['smith@nowhere.test', ['Joanna']],
      ['a\u0000nn', []],
      ['an\u0000and', ['Ann']],
    ])('%j finds %j', (query, expected) => {
      expect(rows(query)).toEqual(expected);
    });

    it('never produces a query FTS5 rejects', () => {
      const nasty = [
        '"',
        '""',
        '"""',
        'a"',
        '"a',
        '*',
        '**',
        'jo*',
        '*jo',
        'AND',
        'OR',
        'NOT',
        'AND OR NOT',
        'NEAR(',
        'NEAR(a b, 3)',
        '(',
        ')',
        '((a',
        '{',
        '}',
        '{first_name}',
        'email_local:jo',
        'phone_digits:0',
        ':',
        'a:b',
        '^',
        '^a',
        '-',
        '-a',
        'a - b',
        '+',
        '+a',
        "'",
        "a'b",
        '\\',
        '@',
        'a@"b',
        '"@',
        'a"@b',
        '\u0000',
        'a\u0000b',
        'smith\u0000',
        '"\u0000"',
        '\u0001a\u001f',
        '😀',
        'e\u0301',
        '\u200b',
        'x'.repeat(200),
        Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
        '1 2 3 a',
        '()+-.a',
      ];
      for (const query of nasty) expect(() => rows(query), JSON.stringify(query)).not.toThrow();
    });
  });
});
