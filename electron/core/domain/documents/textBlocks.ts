import { html, type SafeHtml } from './html';

/** The plain-text blocks every template kind shares. */
export type TextBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

/**
 * A template's heading, paragraph or list as printed HTML, the same for consent forms and aftercare sheets.
 * `dir="auto"` lets right-to-left text read the right way.
 */
export function textBlockHtml(b: TextBlock): SafeHtml {
  switch (b.type) {
    case 'heading':
      return html`<h2 dir="auto">${b.text}</h2>`;
    case 'paragraph':
      return html`<p dir="auto">${b.text}</p>`;
    case 'list':
      return html`<ul>${b.items.map((item) => html`<li dir="auto">${item}</li>`)}</ul>`;
  }
}
