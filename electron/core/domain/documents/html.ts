/**
 * HTML for printed documents, built so that every interpolated value is escaped: the `html` tag escapes
 * whatever it is given unless it is itself the result of `html`. There is no way to insert a raw string,
 * so a client's name, a template's text or a clinic's name can never become markup.
 */

const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly html: string;
}

export type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafe(value)) return value.html;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return { [SAFE]: true, html: out };
}

/**
 * A CSS string literal (for @page margin boxes). Everything but letters, digits, spaces and plain
 * punctuation is written as a hex escape, so nothing can end the string or the <style> element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /^[A-Za-z0-9 .,:;!?()+-]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
