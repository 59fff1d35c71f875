/** What a practitioner typed into client search, as the repository can run it. */
export type ClientQuery =
  | { kind: 'all' }
  | { kind: 'nothing' }
  /** An FTS5 expression over names and the local part of the email address. */
  | { kind: 'text'; match: string }
  /** Digits that start, or end, a phone number. */
  | { kind: 'phone'; digits: string; reversed: string };

/**
 * Every word must match the start of a name or of the email's local part ("jo smi" finds Joanna Smith,
 * "zoe" finds Zoë). Digits alone search phone numbers, from the start or from the end, because clinics
 * often know only the last digits.
 */
export function parseClientQuery(query: string): ClientQuery {
  // Control characters (NUL included) would end an FTS5 string early; they are never part of a name.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const trimmed = query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!trimmed) return { kind: 'all' };

  if (/^[+\d\s().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits) return { kind: 'phone', digits, reversed: [...digits].reverse().join('') };
  }

  const terms = trimmed
    .split(/\s+/)
    // Only the part before the @ of an email address is indexed (domains are shared by everyone).
    .map((word) => (word.includes('@') ? word.slice(0, word.indexOf('@')) : word))
    .map((word) => word.replace(/"/g, '""'))
    // A term of only punctuation would make an empty phrase, which FTS5 rejects.
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word}"*`);
  return terms.length ? { kind: 'text', match: `(${terms.join(' AND ')})` } : { kind: 'nothing' };
}
