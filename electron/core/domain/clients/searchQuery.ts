/**
 * Turns what a practitioner types into an FTS5 query: every word must match the start of a name, email
 * part or phone number ("jo smi" finds Joanna Smith). A run of digits also matches the end of a phone
 * number, because clinics often know only the last digits. Returns null when there is nothing to match.
 */
export function toFtsMatch(query: string): string | null {
  // Control characters (NUL included) would end an FTS5 string early; they are never part of a name.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const trimmed = query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!trimmed) return null;

  if (/^[+\d\s().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    if (digits) {
      const reversed = [...digits].reverse().join('');
      return `phone_digits : "${digits}"* OR phone_digits_reversed : "${reversed}"*`;
    }
  }

  const terms = trimmed
    .split(/\s+/)
    .map((word) => word.replace(/"/g, '""'))
    // A term of only punctuation would make an empty phrase, which FTS5 rejects.
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word}"*`);
  return terms.length ? `{first_name last_name preferred_name email} : (${terms.join(' AND ')})` : null;
}
