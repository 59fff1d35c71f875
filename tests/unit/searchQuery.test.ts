import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFtsMatch } from '../../electron/core/domain/clients/searchQuery';

const NAME_COLUMNS = '{first_name last_name preferred_name email}';

describe('toFtsMatch', () => {
  describe('nothing to match', () => {
    it.each(['', ' ', '\t\n  '])('returns null for blank input %j', (query) => {
      expect(toFtsMatch(query)).toBeNull();
    });

    it.each(['-', '()', '+', '.', '- ( ) .', '"', '""', '*', '@', '#!?', '" * "', ':', '^', '\u0301'])(
      'returns null for punctuation only: %j',
      (query) => {
        expect(toFtsMatch(query)).toBeNull();
      },
    );
  });

  describe('words', () => {
    it('makes each word a prefix phrase, all required, limited to the name and email columns', () => {
      expect(toFtsMatch('jo smi')).toBe(`${NAME_COLUMNS} : ("jo"* AND "smi"*)`);
    });

    it('trims and collapses whitespace', () => {
      expect(toFtsMatch('  jo \t  smi \n')).toBe(`${NAME_COLUMNS} : ("jo"* AND "smi"*)`);
    });

    it('keeps a single word', () => {
      expect(toFtsMatch('Zoë')).toBe(`${NAME_COLUMNS} : ("Zoë"*)`);
    });

    it('doubles double quotes so a word can never close its phrase', () => {
      expect(toFtsMatch('a"b')).toBe(`${NAME_COLUMNS} : ("a""b"*)`);
      expect(toFtsMatch('"joanna"')).toBe(`${NAME_COLUMNS} : ("""joanna"""*)`);
    });

    it('quotes FTS operators and syntax so they are searched as text', () => {
      expect(toFtsMatch('jo AND smith')).toBe(`${NAME_COLUMNS} : ("jo"* AND "AND"* AND "smith"*)`);
      expect(toFtsMatch('NEAR(jo')).toBe(`${NAME_COLUMNS} : ("NEAR(jo"*)`);
      expect(toFtsMatch('first_name:jo')).toBe(`${NAME_COLUMNS} : ("first_name:jo"*)`);
      expect(toFtsMatch('-smith')).toBe(`${NAME_COLUMNS} : ("-smith"*)`);
    });

    it('drops punctuation-only words but keeps the rest', () => {
      expect(toFtsMatch('jo - smith *')).toBe(`${NAME_COLUMNS} : ("jo"* AND "smith"*)`);
    });

    it('treats text with letters and digits as words, not a phone number', () => {
      expect(toFtsMatch('jo 0770')).toBe(`${NAME_COLUMNS} : ("jo"* AND "0770"*)`);
      expect(toFtsMatch('a1')).toBe(`${NAME_COLUMNS} : ("a1"*)`);
    });

    it('keeps non-Latin letters and digits', () => {
      expect(toFtsMatch('Ní Bhriain')).toBe(`${NAME_COLUMNS} : ("Ní"* AND "Bhriain"*)`);
      expect(toFtsMatch('١٢٣')).toBe(`${NAME_COLUMNS} : ("١٢٣"*)`);
    });
  });

  describe('phone numbers', () => {
    it('matches the digits as a prefix, forwards or backwards', () => {
      expect(toFtsMatch('0123')).toBe('phone_digits : "0123"* OR phone_digits_reversed : "3210"*');
    });

    it('strips formatting from a number typed as written', () => {
      expect(toFtsMatch('07700 900')).toBe(
        'phone_digits : "07700900"* OR phone_digits_reversed : "00900770"*',
      );
      expect(toFtsMatch('+44 (0) 7700-900.123')).toBe(
        'phone_digits : "4407700900123"* OR phone_digits_reversed : "3210090077044"*',
      );
    });

    it('accepts a single digit', () => {
      expect(toFtsMatch(' 7 ')).toBe('phone_digits : "7"* OR phone_digits_reversed : "7"*');
    });
  });

  describe('against a real FTS5 table', () => {
    let db: Database.Database;
    beforeAll(() => {
      db = new Database(':memory:');
      db.exec(`
        CREATE VIRTUAL TABLE t USING fts5 (
          first_name, last_name, preferred_name, email, phone_digits, phone_digits_reversed,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
        );
        INSERT INTO t VALUES ('Joanna', 'Smith', NULL, 'joanna.smith@example.com', '07700900123', '32100900770');
        INSERT INTO t VALUES ('Zoë', 'Brontë', 'Zed', NULL, NULL, NULL);
        INSERT INTO t VALUES ('Ann', 'AND', NULL, NULL, NULL, NULL);
      `);
    });
    afterAll(() => db.close());

    const rows = (query: string): string[] => {
      const match = toFtsMatch(query);
      if (match === null) return [];
      return db
        .prepare('SELECT first_name FROM t WHERE t MATCH ? ORDER BY rowid')
        .pluck()
        .all(match) as string[];
    };

    it.each([
      ['jo smi', ['Joanna']],
      ['SMITH', ['Joanna']],
      ['zoe', ['Zoë']],
      ['zed', ['Zoë']],
      ['example', ['Joanna']],
      ['joanna.smith@example.com', ['Joanna']],
      ['07700 900', ['Joanna']],
      ['0123', ['Joanna']],
      ['900123', ['Joanna']],
      ['7009', []],
      ['AND', ['Ann']],
      ['"joanna"', ['Joanna']],
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
        '\u0000',
        '\u0001a\u001f',
        '😀',
        'e\u0301',
        '\u200b',
        'x'.repeat(200),
        Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
        '1 2 3',
        '1-2-3',
        '()+-.',
      ];
      for (const query of nasty) expect(() => rows(query), JSON.stringify(query)).not.toThrow();
    });

    // BUG: a NUL inside a word reaches FTS5 inside a phrase string, which FTS5 reads as ending at the NUL:
    // "fts5: syntax error ... unterminated string". Through the dispatcher this is an INTERNAL error.
    it('copes with a NUL character pasted into a word', () => {
      for (const query of ['a\u0000b', 'smith\u0000', '1\u0000']) {
        expect(() => rows(query), JSON.stringify(query)).not.toThrow();
      }
    });
  });
});
