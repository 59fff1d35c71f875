import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app/core';
import type { ApiInput } from '../../../electron/core/contract';
import { localMoment } from '../../../electron/core/domain/consents/dates';
import { familyByCode, scannedPagePng } from '../../support/consents';
import { call, callError, rowCount, useCores } from '../../support/core';
import { pdfText } from '../../support/pdf';
import { usePdfRenderer } from '../../support/usePdfRenderer';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const blobCount = (core: Core) => core.media.prepare('SELECT count(*) FROM blobs').pluck().get() as number;

describe('the paper route: a scanned, signed form becomes the record', () => {
  const newCore = useCores();
  const pdf = usePdfRenderer();

  async function setup() {
    const core = newCore({ today: () => '2026-03-02', pdf: pdf() });
    const client = await call(core, 'clients.create', {
      firstName: 'Ann',
      lastName: 'Lee',
      dateOfBirth: '1990-02-03',
    });
    return { core, clientId: client.id };
  }

  async function attach(
    core: Core,
    clientId: string,
    bytes: Uint8Array,
    fields: Partial<ApiInput<'consents.attachPaper'>> = {},
  ) {
    const face = await familyByCode(core, 'microneedling-face');
    return core.dispatch('consents.attachPaper', {
      clientId,
      templateId: face.current.id,
      signedOn: '2026-02-27',
      clientName: 'Ann Lee',
      practitioner: 'Dr Jones',
      fileName: 'signed-consent.pdf',
      bytes,
      ...fields,
    });
  }

  it('stores a scanned PDF byte for byte, dated the day it was signed, sealed over the scan', async () => {
    const { core, clientId } = await setup();
    // A real PDF, as a scanner would give: here the blank form, printed and "signed".
    const face = await familyByCode(core, 'microneedling-face');
    const scan = (
      await call(core, 'consents.blankForm', {
        clientId,
        templateId: face.current.id,
        practitioner: 'Dr Jones',
      })
    ).bytes;
    const envelope = await attach(core, clientId, scan);
    if (!envelope.ok) throw new Error(envelope.error.message);
    const record = await call(core, 'consents.get', { id: (envelope.value as { id: string }).id });

    const midnight = new Date(2026, 1, 27);
    expect(record).toMatchObject({
      method: 'paper',
      templateVersion: 1,
      signedAt: midnight.toISOString(),
      signedAtLocal: localMoment(midnight),
      validUntil: '2027-02-26',
      status: 'valid',
      acknowledged: [],
      signatures: [],
      clientName: 'Ann Lee',
      practitioner: 'Dr Jones',
      documentSha256: sha256(scan),
      documentMime: 'application/pdf',
    });
    // The form's text as it was on the day signed, for reading beside the scan.
    expect(record.blocks[1]).toMatchObject({ text: expect.stringContaining('Date: 27 February 2026.') });

    const document = await call(core, 'consents.document', { id: record.id });
    expect(Buffer.compare(Buffer.from(document.bytes), Buffer.from(scan))).toBe(0);
    expect(document.fileName).toBe(`consent-microneedling-face-v1-2026-02-27-${record.id.slice(-8)}.pdf`);
    expect(pdfText(document.bytes)).toContain('Unsigned copy for signing on paper');
    expect(rowCount(core, 'consent_signatures')).toBe(0);
    expect((await call(core, 'consents.verify', { id: record.id })).intact).toBe(true);

    const print = await callError(core, 'consents.print', { id: record.id });
    expect(print.code).toBe('CONFLICT');
    expect(print.message).toMatch(/scanned PDF: open the document and print it from the PDF viewer/);
  });

  it.each([
    ['PNG', 'png', 'image/png'],
    ['JPEG', 'jpeg', 'image/jpeg'],
    ['WebP', 'webp', 'image/webp'],
  ] as const)('takes a photo of the signed pages as a %s, stored as it is', async (_label, format, mime) => {
    const { core, clientId } = await setup();
    const bytes = new Uint8Array(
      await sharp(await scannedPagePng())
        .toFormat(format)
        .toBuffer(),
    );
    const envelope = await attach(core, clientId, bytes, { fileName: null });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const record = envelope.value as { id: string; documentMime: string; documentSha256: string };
    expect(record.documentMime).toBe(mime);
    expect(record.documentSha256).toBe(sha256(bytes));
    const stored = core.media.prepare('SELECT mime, bytes FROM blobs').get() as {
      mime: string;
      bytes: Buffer;
    };
    expect(stored.mime).toBe(mime);
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);

    // An image scan prints through the same renderer, fitted to the page.
    const printed = pdf().printed.length;
    expect(await call(core, 'consents.print', { id: record.id })).toEqual({ printed: true });
    expect(pdf().printed).toHaveLength(printed + 1);
    expect(pdf().printed.at(-1)!.html).toContain('<img class="scan" src="data:image/jpeg;base64,');
  });

  it.each([
    [
      'a text file',
      new TextEncoder().encode('Signed by Ann Lee on 27/02/2026'),
      /^This file is not a scan of the form \(it looks like a text file\)/,
    ],
    ['an empty file', new Uint8Array(), /^The scanned file is empty$/],
    [
      'a ZIP archive',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]),
      /looks like a ZIP archive or Office document/,
    ],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), /^GIF files cannot be attached as a scan/],
  ])('refuses %s with a message on the file, storing nothing', async (_label, bytes, message) => {
    const { core, clientId } = await setup();
    const envelope = await attach(core, clientId, bytes);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('VALIDATION');
    expect(envelope.error.issues).toEqual([{ path: 'bytes', message: expect.stringMatching(message) }]);
    expect(envelope.error.message).toMatch(message);
    expect(rowCount(core, 'consent_records')).toBe(0);
    expect(blobCount(core)).toBe(0);
  });

  it('applies the photo scope rules, refuses a future date, and a session of another client', async () => {
    const { core, clientId } = await setup();
    const scan = await scannedPagePng();
    const scoped = await attach(core, clientId, scan, { photoScope: 'marketing' });
    expect(!scoped.ok && scoped.error.issues).toEqual([
      { path: 'photoScope', message: 'Only a photography consent records a use of photographs' },
    ]);
    const photo = await familyByCode(core, 'photography');
    const unscoped = await attach(core, clientId, scan, { templateId: photo.current.id });
    expect(!unscoped.ok && unscoped.error.issues).toEqual([
      { path: 'photoScope', message: 'Choose what the photographs may be used for' },
    ]);
    const future = await attach(core, clientId, scan, { signedOn: '2999-01-01' });
    expect(!future.ok && future.error.issues).toEqual([
      { path: 'signedOn', message: 'Date cannot be in the future' },
    ]);
    const session = await attach(core, clientId, scan, { sessionId: randomUUID() });
    expect(!session.ok && session.error.issues).toEqual([
      { path: 'sessionId', message: 'That session does not belong to this client' },
    ]);
    expect(rowCount(core, 'consent_records')).toBe(0);
    expect(blobCount(core)).toBe(0);
  });

  it('accepts an earlier version of the form (the paper copy may be older), but not a retired form', async () => {
    const { core, clientId } = await setup();
    const face = await familyByCode(core, 'microneedling-face');
    await call(core, 'consents.saveTemplate', {
      familyId: face.id,
      fields: { ...face.current, title: 'Face (v2)' },
    });
    const old = await attach(core, clientId, await scannedPagePng(), { templateId: face.current.id });
    expect(old.ok && (old.value as { templateVersion: number }).templateVersion).toBe(1);

    await call(core, 'consents.setTemplateRetired', { familyId: face.id, retired: true });
    const retired = await attach(core, clientId, await scannedPagePng());
    expect(!retired.ok && retired.error.code).toBe('CONFLICT');
    expect(rowCount(core, 'consent_records')).toBe(1);
  });
});
