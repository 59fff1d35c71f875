import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, html } from '../../electron/core/domain/documents/html';
import { pageShell } from '../../electron/core/domain/documents/pageShell';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  `"quoted" & 'single'`,
  '</style><script>alert(2)</script>',
];

describe('escapeHtml and the html tag', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it.each(HOSTILE)('never lets an interpolated value become markup: %s', (value) => {
    const out = html`<p title="${value}">${value}</p>`.html;
    expect(out).not.toMatch(/<(script|img|\/style)/i);
    expect(out.startsWith('<p title="')).toBe(true);
    // One attribute, one element: the value could not close either.
    expect(out.match(/"/g)).toHaveLength(2);
    expect(out.match(/</g)).toHaveLength(2);
  });

  it('nests html fragments without escaping them twice, and flattens arrays', () => {
    const items = ['<b>', 'ok'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.html).toBe('<ul><li>&lt;b&gt;</li><li>ok</li></ul>');
  });

  it('prints nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${12.5}]`.html).toBe('[012.5]');
  });

  it('treats a look-alike object as text, not as trusted html', () => {
    const fake = { html: '<script>x</script>' } as unknown as string;
    expect(html`${fake}`.html).toBe('[object Object]');
  });
});

describe('cssString', () => {
  it('keeps plain text readable and hex-escapes everything else', () => {
    expect(cssString('Skin Clinic Ltd.')).toBe('"Skin Clinic Ltd."');
    expect(cssString('A "B" \\ C')).toBe('"A \\22 B\\22  \\5c  C"');
  });

  it('cannot end the string or the style element, whatever the text', () => {
    for (const value of [...HOSTILE, '"; } body { display: none', '\n}\n']) {
      const out = cssString(value);
      expect(out.slice(1, -1)).not.toMatch(/["<>\n{}]/);
    }
  });

  it('escapes characters outside ASCII by code point (emoji included)', () => {
    expect(cssString('Zoë 😀')).toBe('"Zo\\eb  \\1f600 "');
  });
});

describe('pageShell', () => {
  const page = (name: string, paper: 'A4' | 'Letter' = 'A4') =>
    pageShell({
      title: `Form for ${name}`,
      clinic: { name, paper },
      paper,
      runningTitle: 'Consent form',
      footer: 'Record 1',
      body: html`<p>${name}</p>`,
    });

  it('allows no script, no network and only its own stylesheet, by hash', () => {
    const doc = page('Clinic');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(doc)![1]!
      .replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval|https?:/);
    const style = /<style>([\s\S]*)<\/style>/.exec(doc)![1]!;
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(doc).not.toMatch(/<script/i);
  });

  it('sets the page size and prints the clinic, the title and page numbers in the margins', () => {
    expect(page('Clinic', 'A4')).toMatch(/@page \{\s*size: A4;/);
    const letter = page('Clinic', 'Letter');
    expect(letter).toMatch(/@page \{\s*size: Letter;/);
    expect(letter).toContain('@top-left { content: "Clinic";');
    expect(letter).toContain('counter(page) " of " counter(pages)');
  });

  it.each(HOSTILE)('escapes a hostile clinic name everywhere it appears: %s', (name) => {
    const doc = page(name);
    expect(doc.match(/<script/gi)).toBeNull();
    expect(doc.match(/<\/style>/g)).toHaveLength(1);
    expect(doc.match(/<img/gi)).toBeNull();
  });
});
