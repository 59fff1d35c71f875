import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addBatch, treatmentByCode } from '../../support/catalogue';
import { call, callError, rowCount, useCores } from '../../support/core';
import { CLINIC, chartedSession } from '../../support/documents';
import { pdfInfo, pdfText } from '../../support/pdf';
import { usePdfRenderer } from '../../support/usePdfRenderer';

const SCREENSHOTS = join(__dirname, '../../e2e/screenshots');
function savePngOfFirstPage(pdf: Uint8Array, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(SCREENSHOTS, name),
  ]);
}

describe('aftercare sheets', () => {
  const pdf = usePdfRenderer();
  const cores = useCores();
  const core = () => cores({ pdf: pdf() });

  it('states the session’s facts: client, date, treatment, areas and depths, products, practitioner, next visit', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    const { html, paper } = await call(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(paper).toBe('A4');
    for (const fact of [
      'Maya Okafor',
      '9 Mar 2026',
      'Face micro-needling (collagen induction)',
      'Forehead',
      '0.5 mm',
      'Cheek (left)',
      '1.0 mm',
      'Hyaluronic acid serum',
      'Skin may feel tight and look flushed for 24-48 hours.',
      'Vitamin C serum',
      'Dr Ada Lane, GMC 7654321',
      '6 Apr 2026',
      'Harley Skin Studio',
      '07700 900123',
      'First 24 hours',
      'Day 1 (today)',
      'Licence SP-2024-118',
    ]) {
      expect(html, fact).toContain(fact);
    }
    // The template's placeholders are filled in with plain text.
    expect(html).not.toMatch(/\{\{/);
    expect(html).toContain('Maya, your skin has been treated');
    // Nothing was recorded by a preview.
    expect(rowCount(c, 'issued_documents')).toBe(0);
  });

  it('escapes hostile text from the client, the clinic, the practitioner and the template', async () => {
    const c = core();
    const { session } = await chartedSession(c, {
      first: '<script>alert(1)</script>',
      last: '"><img src=x onerror=alert(2)>',
      practitioner: 'Dr <b>Bold</b> & Co',
    });
    await call(c, 'settings.save', { ...CLINIC, name: 'Clinic </style><script>x()</script> مرحبا 💉' });
    const family = (await call(c, 'aftercare.templates', {})).find((f) => f.code === 'microneedling-face')!;
    await call(c, 'aftercare.saveTemplate', {
      familyId: family.id,
      fields: {
        code: family.code,
        title: family.current.title,
        blocks: [
          ...family.current.blocks,
          { type: 'paragraph', text: `<iframe src="javascript:alert(3)"></iframe> ${'x'.repeat(400)}` },
        ],
      },
    });
    const { html } = await call(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<b>Bold');
    expect(html).not.toContain('</style><script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Dr &lt;b&gt;Bold&lt;/b&gt; &amp; Co');
    expect(html).toContain('مرحبا 💉');
    // Exactly one <script-free> document: the only <style> is the page's own.
    expect(html.match(/<script/g)).toBeNull();
    expect(html.match(/<style>/g)).toHaveLength(1);
    // And it still renders to a PDF whose text has the names as typed.
    const issued = await call(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: session.id },
      action: 'pdf',
      by: 'Dr Ada Lane',
    });
    expect(pdfText(issued.file!.bytes)).toContain('<script>alert(1)</script>');
  });

  it('prints A4 and Letter on one page for a typical session, with the facts in the PDF text', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    for (const paper of ['A4', 'Letter'] as const) {
      const issued = await call(c, 'documents.issue', {
        subject: { kind: 'aftercare', sessionId: session.id },
        paper,
        action: 'pdf',
        by: 'Dr Ada Lane',
      });
      const bytes = issued.file!.bytes;
      savePngOfFirstPage(bytes, `aftercare-${paper.toLowerCase()}`);
      expect(issued.file!.mime).toBe('application/pdf');
      const info = pdfInfo(bytes);
      if (paper === 'A4') {
        expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
      } else {
        expect([Math.round(info.width), Math.round(info.height)]).toEqual([612, 792]);
      }
      expect(info.pages, `${paper} page count`).toBe(1);
      const text = pdfText(bytes);
      for (const fact of [
        'Maya Okafor',
        'Forehead',
        'Hyaluronic acid serum',
        'Call the clinic if',
        '07700 900123',
      ]) {
        expect(text).toContain(fact);
      }
    }
    expect(rowCount(c, 'issued_documents')).toBe(2);
  });

  it('prints with the clinic’s margins and date format', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    await call(c, 'settings.save', { ...CLINIC, marginMm: 25, dateFormat: 'DD/MM/YYYY' });
    const { html } = await call(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(html).toMatch(/@page \{\s*size: A4;\s*margin: 25mm 25mm 25mm 25mm;/);
    expect(html).toContain('09/03/2026');
    expect(html).toContain('06/04/2026');
    expect(html).not.toContain('9 Mar 2026');
    // The running header and footer need room: small margins keep 14 mm at the top and bottom.
    await call(c, 'settings.save', { ...CLINIC, marginMm: 8 });
    const narrow = await call(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(narrow.html).toMatch(/margin: 14mm 8mm 14mm 8mm;/);
  });

  it('flows a long product list and long notes onto a second page', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    const products = [];
    for (let i = 1; i <= 24; i++) {
      const product = await call(c, 'catalogue.saveProduct', {
        id: null,
        fields: {
          name: `Booster serum ${i}`,
          kind: 'serum',
          whatToExpect: `Serum ${i} may tingle for a few minutes; a little redness for a day is normal and expected.`,
        },
      });
      const added = product.products.find((p) => p.name === `Booster serum ${i}`)!;
      products.push(await addBatch(c, added.name, `BS-${i}`, '2030-01-01'));
    }
    const current = await call(c, 'sessions.get', { id: session.id });
    await call(c, 'sessions.amend', {
      id: session.id,
      by: 'Dr Ada Lane',
      reason: 'Added the boosters used',
      chart: { ...current.current, products: products.map((b) => ({ batchId: b.id, notes: null })) },
    });
    const issued = await call(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: session.id },
      action: 'pdf',
      by: 'Dr Ada Lane',
    });
    const bytes = issued.file!.bytes;
    expect(pdfInfo(bytes).pages).toBe(2);
    const text = pdfText(bytes);
    expect(text).toContain('Booster serum 1');
    expect(text).toContain('Booster serum 24');
    expect(text).toContain('Page 2 of 2');
    savePngOfFirstPage(bytes, 'aftercare-long');
  });

  it('records each issue with a snapshot, and reprints it identically after the records changed', async () => {
    const c = core();
    const { client, session } = await chartedSession(c);
    const first = await call(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: session.id },
      action: 'print',
      by: 'Dr Ada Lane',
    });
    expect(first.file).toBeNull();
    expect(first.document).toMatchObject({
      kind: 'aftercare',
      sessionId: session.id,
      clientId: client.id,
      action: 'print',
      issuedBy: 'Dr Ada Lane',
      template: { code: 'microneedling-face', version: 1 },
      reprintOf: null,
    });
    const printedFirst = pdf().printed.at(-1)!.html;

    // The clinic renames itself and the template gets a new version; a fresh preview shows both changes...
    await call(c, 'settings.save', { ...CLINIC, name: 'Renamed Clinic' });
    const family = (await call(c, 'aftercare.templates', {})).find((f) => f.code === 'microneedling-face')!;
    await call(c, 'aftercare.saveTemplate', {
      familyId: family.id,
      fields: { code: family.code, title: 'New aftercare title', blocks: family.current.blocks },
    });
    const fresh = await call(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(fresh.html).toContain('Renamed Clinic');
    expect(fresh.html).toContain('New aftercare title');

    // ...but the reprint is the stored snapshot, byte for byte.
    const again = await call(c, 'documents.reissue', {
      id: first.document.id,
      action: 'print',
      by: 'Front desk',
    });
    expect(pdf().printed.at(-1)!.html).toBe(printedFirst);
    expect(again.document).toMatchObject({ reprintOf: first.document.id, issuedBy: 'Front desk' });
    expect(again.document.snapshotSha256).toBe(first.document.snapshotSha256);
    const pdfAgain = await call(c, 'documents.reissue', {
      id: again.document.id,
      action: 'pdf',
      by: 'Front desk',
    });
    expect(pdfText(pdfAgain.file!.bytes)).toContain('Harley Skin Studio');
    expect(pdfText(pdfAgain.file!.bytes)).not.toContain('Renamed Clinic');

    // The client's documents list, newest first; the snapshot survives a restart's blob sweep.
    const dataDir = c.dataDir;
    c.close();
    const reopened = cores({ dataDir, pdf: pdf() });
    const listed = await call(reopened, 'documents.listForClient', { clientId: client.id });
    expect(listed.map((d) => d.action)).toEqual(['pdf', 'print', 'print']);
    await call(reopened, 'documents.reissue', { id: first.document.id, action: 'print', by: 'Front desk' });
    expect(pdf().printed.at(-1)!.html).toBe(printedFirst);
  });

  it('keeps issued documents and template versions immutable in the database', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    const issued = await call(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: session.id },
      action: 'print',
      by: 'Dr Ada Lane',
    });
    expect(() =>
      c.db.prepare("UPDATE issued_documents SET issued_by = 'x' WHERE id = ?").run(issued.document.id),
    ).toThrow(/cannot be changed/);
    expect(() => c.db.prepare('DELETE FROM issued_documents').run()).toThrow(/cannot be deleted/);
    expect(() => c.db.prepare("UPDATE aftercare_templates SET title = 'x'").run()).toThrow(
      /cannot be changed/,
    );
  });

  it('says why a sheet cannot be made, and records nothing', async () => {
    const c = core();
    const { session } = await chartedSession(c);
    const face = await treatmentByCode(c, 'face-microneedling');
    const family = (await call(c, 'aftercare.templates', {})).find((f) => f.code === 'microneedling-face')!;
    await call(c, 'aftercare.setTemplateRetired', { familyId: family.id, retired: true });
    const retired = await callError(c, 'documents.preview', {
      subject: { kind: 'aftercare', sessionId: session.id },
    });
    expect(retired).toMatchObject({ code: 'CONFLICT' });
    expect(retired.message).toContain(face.name);
    await call(c, 'aftercare.setTemplateRetired', { familyId: family.id, retired: false });

    const unknown = await callError(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: '01890000-0000-7000-8000-000000000000' },
      action: 'pdf',
      by: 'X',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    const noName = await callError(c, 'documents.issue', {
      subject: { kind: 'aftercare', sessionId: session.id },
      action: 'pdf',
      by: ' ',
    });
    expect(noName.code).toBe('VALIDATION');
    expect(rowCount(c, 'issued_documents')).toBe(0);
  });

  it('prints the session chart with its zone map, and the client’s record summary', async () => {
    const c = core();
    const { session, client } = await chartedSession(c);
    const chart = await call(c, 'documents.issue', {
      subject: { kind: 'session-summary', sessionId: session.id },
      action: 'pdf',
      by: 'Dr Ada Lane',
    });
    const chartText = pdfText(chart.file!.bytes);
    for (const fact of [
      'Treatment chart',
      'Maya Okafor',
      'Forehead',
      '0.5 mm',
      'Dermapen 4',
      'CART-3',
      'HA-100',
      'Signed by Dr Ada Lane',
    ]) {
      expect(chartText).toContain(fact);
    }
    expect(pdfInfo(chart.file!.bytes).pages).toBe(1);
    savePngOfFirstPage(chart.file!.bytes, 'session-summary');

    const record = await call(c, 'documents.issue', {
      subject: { kind: 'client-summary', clientId: client.id },
      action: 'pdf',
      by: 'Dr Ada Lane',
    });
    const recordText = pdfText(record.file!.bytes);
    for (const fact of [
      'Client record summary',
      'Maya Okafor',
      '12 Apr 1988',
      'Face micro-needling',
      'Valid',
    ]) {
      expect(recordText).toContain(fact);
    }
    savePngOfFirstPage(record.file!.bytes, 'client-summary');
    const listed = await call(c, 'documents.listForClient', { clientId: client.id });
    expect(listed.map((d) => d.kind)).toEqual(['client-summary', 'session-summary']);
  });
});

describe('aftercare templates', () => {
  const cores = useCores();

  it('seeds one template per treatment from resources, linked by code', async () => {
    const c = cores();
    const families = await call(c, 'aftercare.templates', {});
    expect(families.map((f) => f.code).sort()).toEqual([
      'dermaplaning',
      'microneedling-body',
      'microneedling-face',
      'microneedling-prp',
      'microneedling-scalp',
    ]);
    const face = families.find((f) => f.code === 'microneedling-face')!;
    expect(face.treatmentTypes.map((t) => t.name)).toEqual(['Face micro-needling (collagen induction)']);
    expect(face.current.blocks.some((b) => b.type === 'checklist')).toBe(true);
  });

  it('saves an edit as a new version and keeps the old one readable', async () => {
    const c = cores();
    const face = (await call(c, 'aftercare.templates', {})).find((f) => f.code === 'microneedling-face')!;
    const v1 = face.current;
    const saved = await call(c, 'aftercare.saveTemplate', {
      familyId: face.id,
      fields: {
        code: face.code,
        title: 'Face aftercare (2026)',
        blocks: [{ type: 'paragraph', text: 'Hello {{client.firstName}}' }],
      },
    });
    expect(saved.current.version).toBe(2);
    expect(saved.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await call(c, 'aftercare.template', { id: v1.id })).toEqual(v1);
    // Saving the same text again adds nothing.
    const same = await call(c, 'aftercare.saveTemplate', {
      familyId: face.id,
      fields: {
        code: face.code,
        title: 'Face aftercare (2026)',
        blocks: [{ type: 'paragraph', text: 'Hello {{client.firstName}}' }],
      },
    });
    expect(same.versions).toHaveLength(2);
  });

  it('explains unknown placeholders, a changed code and empty blocks', async () => {
    const c = cores();
    const face = (await call(c, 'aftercare.templates', {})).find((f) => f.code === 'microneedling-face')!;
    const unknown = await callError(c, 'aftercare.saveTemplate', {
      familyId: face.id,
      fields: {
        code: face.code,
        title: 'T',
        blocks: [{ type: 'list', items: ['ok', 'Call {{clinic.fax}}'] }],
      },
    });
    expect(unknown).toMatchObject({ code: 'VALIDATION' });
    expect(unknown.issues[0]).toMatchObject({ path: 'fields.blocks.0.items.1' });
    expect(unknown.message).toContain('{{clinic.fax}}');
    const recoded = await callError(c, 'aftercare.saveTemplate', {
      familyId: face.id,
      fields: { code: 'other-code', title: 'T', blocks: [{ type: 'paragraph', text: 'x' }] },
    });
    expect(recoded.issues[0]).toMatchObject({ path: 'fields.code' });
    const empty = await callError(c, 'aftercare.saveTemplate', {
      familyId: face.id,
      fields: { code: face.code, title: 'T', blocks: [{ type: 'checklist', days: [] }] },
    });
    expect(empty.code).toBe('VALIDATION');
    expect((await call(c, 'aftercare.templates', {})).find((f) => f.id === face.id)!.versions).toHaveLength(
      1,
    );
  });
});
