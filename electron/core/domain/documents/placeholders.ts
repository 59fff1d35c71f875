/**
 * {{placeholders}} in a template's plain text, for every kind of template (consent forms, aftercare
 * sheets). Filling them in is string replacement: the values are plain text too, and nothing here is ever
 * read as markup; printed documents escape it all.
 */

/** `{{name}}`, with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Problems with the placeholders of one text: unknown names and stray braces. */
export function placeholderProblems(text: string, known: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!Object.hasOwn(known, name)) {
      const names = Object.keys(known)
        .map((k) => `{{${k}}}`)
        .join(', ');
      problems.push(`{{${name}}} is not a placeholder Dermachart knows. Use one of ${names}`);
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    problems.push('A placeholder is not closed: write it as {{name}}');
  }
  return problems;
}

/** The text with every known placeholder replaced by its value; unknown ones are left as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  // A function replacer, so "$&" or "$1" in a client's name is inserted as typed.
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : whole,
  );
}
