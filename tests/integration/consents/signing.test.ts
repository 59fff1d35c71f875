import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from '../../../electron/core/app/core';
import {
  type ApiInput,
  acknowledgementIds,
  type ConsentTemplateFamily,
  consentDocumentUrl,
  consentSignatureUrl,
} from '../../../electron/core/contract';
import { createMediaHandler } from '../../../electron/core/http/mediaHandler';
import {
  blankSignaturePng,
  familyByCode,
  filledSignaturePng,
  jpegSignature,
  signaturePng,
  speckSignaturePng,
} from '../../support/consents';
import { call, callError, rowCount, useCores } from '../../support/core';
import { UTC_ISO, UUID_V7 } from '../../support/fixtures';
import { pdfInfo, pdfText } from '../../support/pdf';
import { usePdfRenderer } from '../../support/usePdfRenderer';

const TODAY = '2026-01-15';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const blobCount = (core: Core) => core.media.prepare('SELECT count(*) FROM blobs').pluck().get() as number;
const storedBlob = (core: Core, sha: string) =>
  core.media.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').pluck().get(sha) as Buffer | undefined;

type SignInput = ApiInput<'consents.sign'>;

describe('signing a consent on screen', () => {
  const newCore = useCores();
  const pdf = usePdfRenderer();

  async function setup(options: Partial<CoreOptions> = {}, client: Record<string, unknown> = {}) {
    const core = newCore({ today: () => TODAY, pdf: pdf(), ...options });
    const created = await call(core, 'clients.create', {
      firstName: 'Ann',
      lastName: 'Lee',
      dateOfBirth: '1990-02-03',
      ...client,
    });
    return { core, clientId: created.id };
  }

  /** A complete, valid sign payload for the current version of a form, after consents.prepare. */
  async function signInput(
    core: Core,
    clientId: string,
    family: ConsentTemplateFamily,
    practitioner = 'Dr Jones',
  ): Promise<SignInput> {
    const form = await call(core, 'consents.prepare', {
      clientId,
      templateId: family.current.id,
      practitioner,
    });
    return {
      clientId,
      templateId: family.current.id,
      renderedSha256: form.renderedSha256,
      acknowledged: acknowledgementIds(form.blocks),
      photoScope: family.kind === 'photo' ? 'training' : null,
      client: { name: 'Ann Lee', signature: await signaturePng() },
      practitioner: { name: practitioner, signature: await signaturePng('#000000') },
    };
  }

  function expectNothingWritten(core: Core) {
    expect(rowCount(core, 'consent_records')).toBe(0);
    expect(rowCount(core, 'consent_signatures')).toBe(0);
    expect(blobCount(core)).toBe(0);
  }

  it('prepares the current version with every placeholder filled in as plain text', async () => {
    const { core, clientId } = await setup();
    const face = await familyByCode(core, 'microneedling-face');
    const form = await call(core, 'consents.prepare', {
      clientId,
      templateId: face.current.id,
      practitioner: 'Dr Jones',
    });
    expect(form.template).toEqual(face.current);
    expect(form.clientId).toBe(clientId);
    expect(form.renderedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(form.blocks).toHaveLength(face.current.blocks.length);
    expect(form.blocks[1]).toEqual({
      type: 'paragraph',
      text: 'Client: Ann Lee, date of birth 3 February 1990. Practitioner: Dr Jones. Date: 15 January 2026.',
    });
    expect(JSON.stringify(form.blocks)).not.toContain('{{');
    expect(JSON.stringify(form.blocks)).toContain('Face micro-needling (collagen induction) at Your clinic');
    // The same inputs give the same text and hash.
    const again = await call(core, 'consents.prepare', {
      clientId,
      templateId: face.current.id,
      practitioner: 'Dr Jones',
    });
    expect(again.renderedSha256).toBe(form.renderedSha256);
  });

  it('signs: freezes the text, answers, names, times and workstation, seals them, and stores the PDF', async () => {
    const { core, clientId } = await setup();
    const face = await familyByCode(core, 'microneedling-face');
    const input = await signInput(core, clientId, face);
    const record = await call(core, 'consents.sign', input);

    expect(record).toEqual({
      id: expect.stringMatching(UUID_V7),
      clientId,
      templateId: face.current.id,
      familyId: face.id,
      code: 'microneedling-face',
      kind: 'treatment',
      title: face.current.title,
      templateVersion: 1,
      method: 'on-screen',
      photoScope: null,
      signedAt: expect.stringMatching(UTC_ISO),
      signedAtLocal: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2} \(.+\)$/),
      validUntil: '2027-01-14',
      status: 'valid',
      revocation: null,
      sessionId: null,
      seal: expect.stringMatching(/^[0-9a-f]{64}$/),
      blocks: (
        await call(core, 'consents.prepare', {
          clientId,
          templateId: face.current.id,
          practitioner: 'Dr Jones',
        })
      ).blocks,
      acknowledged: acknowledgementIds(face.current.blocks),
      signatures: [
        { role: 'client', name: 'Ann Lee', sha256: sha256(input.client.signature) },
        { role: 'practitioner', name: 'Dr Jones', sha256: sha256(input.practitioner.signature) },
      ],
      practitioner: 'Dr Jones',
      clientName: 'Ann Lee',
      workstation: { deviceId: core.context.deviceId, hostname: hostname() },
      documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      documentMime: 'application/pdf',
    });
    expect(Date.now() - Date.parse(record.signedAt)).toBeLessThan(60_000);
    expect(await call(core, 'consents.get', { id: record.id })).toEqual(record);
    const {
      blocks: _b,
      acknowledged: _a,
      signatures: _s,
      practitioner: _p,
      clientName: _c,
      workstation: _w,
      documentSha256: _d,
      documentMime: _m,
      ...summary
    } = record;
    expect(await call(core, 'consents.list', { clientId })).toEqual([summary]);

    // Rows, not JSON arrays, for the signatures; the bytes in the media database, stored once each.
    expect(rowCount(core, 'consent_records')).toBe(1);
    expect(
      core.db.prepare('SELECT role, name, png_sha256 FROM consent_signatures ORDER BY role').all(),
    ).toEqual([
      { role: 'client', name: 'Ann Lee', png_sha256: sha256(input.client.signature) },
      { role: 'practitioner', name: 'Dr Jones', png_sha256: sha256(input.practitioner.signature) },
    ]);
    expect(blobCount(core)).toBe(4); // two signatures, the HTML and the PDF
    expect(
      Buffer.compare(storedBlob(core, sha256(input.client.signature))!, Buffer.from(input.client.signature)),
    ).toBe(0);

    // consents.document gives the stored PDF, byte for byte.
    const document = await call(core, 'consents.document', { id: record.id });
    expect(document.mime).toBe('application/pdf');
    expect(document.fileName).toBe(
      `consent-microneedling-face-v1-${record.signedAtLocal.slice(0, 10)}-${record.id.slice(-8)}.pdf`,
    );
    expect(sha256(document.bytes)).toBe(record.documentSha256);
    expect(Buffer.compare(Buffer.from(document.bytes), storedBlob(core, record.documentSha256)!)).toBe(0);

    // The PDF is a real, readable document that says who, what version and the seal.
    expect(pdfInfo(document.bytes)).toMatchObject({ size: 'A4' });
    const text = pdfText(document.bytes);
    for (const expected of [
      'Ann Lee',
      '3 February 1990',
      'Dr Jones',
      'Version 1',
      'microneedling-face',
      record.seal,
      record.id,
      record.signedAtLocal,
      `${record.signedAt} (UTC)`,
      'Valid until 14 January 2027',
      hostname(),
      'Your clinic',
      'Consent to micro-needling (collagen induction therapy) of the face',
      'I understand that I may withdraw my consent at any time, including during treatment.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Page 1 of \d/);
    expect(text.match(/✓/g)?.length).toBe(acknowledgementIds(face.current.blocks).length);
  });

  it('prints on Letter paper with the clinic’s name when the clinic says so', async () => {
    const { core, clientId } = await setup();
    await call(core, 'settings.save', {
      name: 'Harbour Skin Clinic',
      paper: 'Letter',
      marginMm: 15,
      dateFormat: 'D MMM YYYY',
      locale: 'en-US',
    });
    const face = await familyByCode(core, 'microneedling-face');
    const record = await call(core, 'consents.sign', await signInput(core, clientId, face));
    const document = await call(core, 'consents.document', { id: record.id });
    expect(pdfInfo(document.bytes)).toMatchObject({ width: 612, height: 792 });
    const text = pdfText(document.bytes);
    expect(text).toContain('Harbour Skin Clinic');
    expect(record.blocks[0]).toMatchObject({ text: expect.stringContaining('at Harbour Skin Clinic.') });
  });

  it('takes an optional witness, and serves each signature image and the document over the media protocol', async () => {
    const { core, clientId } = await setup();
    const face = await familyByCode(core, 'microneedling-face');
    const witness = await signaturePng('#5a2d0c');
    const record = await call(core, 'consents.sign', {
      ...(await signInput(core, clientId, face)),
      witness: { name: 'Sam Witness', signature: witness },
    });
    expect(record.signatures.map((s) => [s.role, s.name])).toEqual([
      ['client', 'Ann Lee'],
      ['practitioner', 'Dr Jones'],
      ['witness', 'Sam Witness'],
    ]);
    expect(pdfText((await call(core, 'consents.document', { id: record.id })).bytes)).toContain(
      'Sam Witness',
    );

    const serve = createMediaHandler(core.photoBytes, core.consentBytes);
    const get = (path: string) => serve(new Request(`app://dermachart${path}`));
    const image = await get(consentSignatureUrl(record.id, 'witness'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await image.arrayBuffer()), Buffer.from(witness))).toBe(0);
    const doc = await get(consentDocumentUrl(record.id));
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(new Uint8Array(await doc.arrayBuffer()))).toBe(record.documentSha256);
    expect((await get(consentDocumentUrl(randomUUID()))).status).toBe(404);
  });

  it('prints the stored HTML the PDF was made from, so a print is the same document', async () => {
    const { core, clientId } = await setup();
    const face = await familyByCode(core, 'microneedling-face');
    const record = await call(core, 'consents.sign', await signInput(core, clientId, face));
    const printed = pdf().printed.length;
    expect(await call(core, 'consents.print', { id: record.id })).toEqual({ printed: true });
    expect(pdf().printed).toHaveLength(printed + 1);
    const { html, paper } = pdf().printed.at(-1)!;
    expect(paper).toBe('A4');
    const htmlSha = core.db.prepare('SELECT html_sha256 FROM consent_records').pluck().get() as string;
    expect(html).toBe(storedBlob(core, htmlSha)!.toString('utf8'));
    expect(html).toContain(record.seal);
  });

  describe('refusals (nothing is written)', () => {
    it('needs every statement ticked, with an issue on each one left unticked', async () => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      const all = input.acknowledged!;
      const error = await callError(core, 'consents.sign', {
        ...input,
        acknowledged: all.filter((id) => id !== 'medical-history-true' && id !== 'consent-given'),
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe('The client must tick this statement to sign');
      expect(error.issues).toEqual([
        { path: 'acknowledged.medical-history-true', message: 'The client must tick this statement to sign' },
        { path: 'acknowledged.consent-given', message: 'The client must tick this statement to sign' },
      ]);
      const unknown = await callError(core, 'consents.sign', { ...input, acknowledged: [...all, 'made-up'] });
      expect(unknown.issues).toEqual([
        { path: 'acknowledged', message: '“made-up” is not a statement on this form' },
      ]);
      expectNothingWritten(core);
    });

    it.each([
      ['blank', blankSignaturePng, 'The signature is blank; ask the client to sign again'],
      ['a single speck', speckSignaturePng, 'The signature is blank; ask the client to sign again'],
      [
        'a filled rectangle',
        filledSignaturePng,
        'The signature image is mostly filled in, not a signature; ask the client to sign again',
      ],
      ['a JPEG', jpegSignature, 'The signature is not a PNG image; ask the client to sign again'],
      [
        'not an image',
        async () => new TextEncoder().encode('I agree'),
        'The signature is not a PNG image; ask the client to sign again',
      ],
      [
        'a damaged PNG',
        async () => (await signaturePng()).subarray(0, 60),
        'The signature image is damaged; ask the client to sign again',
      ],
      [
        'too small',
        () => signaturePng('#000', 60, 20),
        'The signature image is too small (60×20 px; at least 100×40)',
      ],
    ])('refuses a client signature that is %s', async (_label, make, message) => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      const error = await callError(core, 'consents.sign', {
        ...input,
        client: { name: 'Ann Lee', signature: await make() },
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toEqual([{ path: 'client.signature', message }]);
      expectNothingWritten(core);
    });

    it('names the signer whose signature is refused, and an empty or missing one by the schema', async () => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      const practitioner = await callError(core, 'consents.sign', {
        ...input,
        practitioner: { name: 'Dr Jones', signature: await blankSignaturePng() },
        witness: { name: 'Sam', signature: await blankSignaturePng() },
      });
      expect(practitioner.issues).toEqual([
        {
          path: 'practitioner.signature',
          message: 'The signature is blank; ask the practitioner to sign again',
        },
        { path: 'witness.signature', message: 'The signature is blank; ask the witness to sign again' },
      ]);
      const empty = await callError(core, 'consents.sign', {
        ...input,
        client: { name: 'Ann Lee', signature: new Uint8Array() },
      });
      expect(empty.issues).toEqual([
        { path: 'client.signature', message: 'The signature image is empty or too large' },
      ]);
      const missing = await callError(core, 'consents.sign', {
        ...input,
        client: { name: ' ', signature: 'data:image/png;base64,' },
      });
      expect(missing.issues.map((i) => i.path).sort()).toEqual(['client.name', 'client.signature']);
      expectNothingWritten(core);
    });

    it('refuses when the text would now read differently than what the client was shown', async () => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);

      const forged = await callError(core, 'consents.sign', { ...input, renderedSha256: 'f'.repeat(64) });
      expect(forged.code).toBe('CONFLICT');
      expect(forged.message).toMatch(/^The form’s text has changed since it was shown/);

      // The client's name was corrected after the form was prepared.
      await call(core, 'clients.update', {
        id: clientId,
        fields: { firstName: 'Anne', lastName: 'Lee', dateOfBirth: '1990-02-03' },
      });
      expect((await callError(core, 'consents.sign', input)).code).toBe('CONFLICT');

      // The practitioner signing is not the one the form names.
      const renamed = { ...input, practitioner: { ...input.practitioner, name: 'Dr Smith' } };
      expect((await callError(core, 'consents.sign', renamed)).code).toBe('CONFLICT');
      expectNothingWritten(core);
    });

    it('refuses a form prepared yesterday', async () => {
      let today = '2026-01-15';
      const core = newCore({ today: () => today, pdf: pdf() });
      const { id: clientId } = await call(core, 'clients.create', { firstName: 'Ann', lastName: 'Lee' });
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      today = '2026-01-16';
      expect((await callError(core, 'consents.sign', input)).message).toMatch(/text has changed/);
      expectNothingWritten(core);
    });

    it('refuses a version that a newer one has replaced, and a retired form', async () => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      await call(core, 'consents.saveTemplate', {
        familyId: face.id,
        fields: { ...face.current, title: 'Face consent, 2026 edition' },
      });
      const stale = await callError(core, 'consents.sign', input);
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toBe(
        `Version 1 of “${face.current.title}” has been replaced by version 2. Open the form again to use the current version.`,
      );

      const scalp = await familyByCode(core, 'microneedling-scalp');
      const scalpInput = await signInput(core, clientId, scalp);
      await call(core, 'consents.setTemplateRetired', { familyId: scalp.id, retired: true });
      const retired = await callError(core, 'consents.sign', scalpInput);
      expect(retired.code).toBe('CONFLICT');
      expect(retired.message).toMatch(/is retired and can no longer be signed/);
      expectNothingWritten(core);
    });

    it('requires a photo use on the photography form and refuses one on a treatment form', async () => {
      const { core, clientId } = await setup();
      const photo = await familyByCode(core, 'photography');
      const photoInput = await signInput(core, clientId, photo);
      const none = await callError(core, 'consents.sign', { ...photoInput, photoScope: null });
      expect(none.issues).toEqual([
        { path: 'photoScope', message: 'Choose what the photographs may be used for' },
      ]);
      const bad = await callError(core, 'consents.sign', { ...photoInput, photoScope: 'everything' });
      expect(bad.code).toBe('VALIDATION');
      expect(bad.issues.map((i) => i.path)).toEqual(['photoScope']);

      const face = await familyByCode(core, 'microneedling-face');
      const faceInput = await signInput(core, clientId, face);
      const scoped = await callError(core, 'consents.sign', { ...faceInput, photoScope: 'marketing' });
      expect(scoped.issues).toEqual([
        { path: 'photoScope', message: 'Only a photography consent records a use of photographs' },
      ]);
      expectNothingWritten(core);
    });

    it('lists every problem at once', async () => {
      const { core, clientId } = await setup();
      const photo = await familyByCode(core, 'photography');
      const input = await signInput(core, clientId, photo);
      const error = await callError(core, 'consents.sign', {
        ...input,
        acknowledged: [],
        photoScope: null,
        sessionId: randomUUID(),
        client: { name: 'Ann Lee', signature: await blankSignaturePng() },
      });
      expect(error.issues.map((i) => i.path)).toEqual([
        'acknowledged.photo-read',
        'acknowledged.photo-scope',
        'acknowledged.photo-withdraw',
        'photoScope',
        'sessionId',
        'client.signature',
      ]);
      expectNothingWritten(core);
    });

    it('refuses an archived client, an unknown client or form, and a session of another client', async () => {
      const { core, clientId } = await setup();
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);

      const other = await call(core, 'clients.create', { firstName: 'Bo', lastName: 'Ng' });
      const treatment = (await call(core, 'catalogue.get', {})).treatmentTypes[0]!;
      const session = await call(core, 'sessions.start', {
        clientId: other.id,
        treatmentTypeId: treatment.id,
      });
      const wrongSession = await callError(core, 'consents.sign', { ...input, sessionId: session.id });
      expect(wrongSession.issues).toEqual([
        { path: 'sessionId', message: 'That session does not belong to this client' },
      ]);

      expect((await callError(core, 'consents.sign', { ...input, templateId: randomUUID() })).code).toBe(
        'NOT_FOUND',
      );
      expect((await callError(core, 'consents.sign', { ...input, clientId: randomUUID() })).code).toBe(
        'NOT_FOUND',
      );
      await call(core, 'clients.archive', { id: clientId });
      const archived = await callError(core, 'consents.sign', input);
      expect(archived.code).toBe('CONFLICT');
      expect(archived.message).toMatch(/archived/);
      expectNothingWritten(core);
    });

    it('says plainly that a workstation without PDF rendering cannot sign on screen', async () => {
      const { core, clientId } = await setup({ pdf: undefined });
      const face = await familyByCode(core, 'microneedling-face');
      const input = await signInput(core, clientId, face);
      for (const [name, payload] of [
        ['consents.sign', input],
        ['consents.blankForm', { clientId, templateId: face.current.id, practitioner: 'Dr Jones' }],
      ] as const) {
        const error = await callError(core, name, payload);
        expect(error.code).toBe('CONFLICT');
        expect(error.message).toMatch(/^PDF rendering is not available on this workstation/);
        expect(error.message).toMatch(/attach the scan/);
      }
      expectNothingWritten(core);
    });
  });

  describe('hostile text', () => {
    const NAMES = {
      firstName: '<script>alert(1)</script>',
      lastName: `O'Brien "<img src=x onerror=alert(2)>"`,
    };
    const LONG = `Pneumono${'ultramicroscopicsilicovolcanoconiosis'.repeat(8)}`;
    const RTL = 'مريم العلي';
    const HEBREW = 'שרה לוי';
    const EMOJI = 'Zoë 😀✨';

    it('keeps names and template text as plain text in the form, and escaped in the document', async () => {
      const { core, clientId } = await setup({}, NAMES);
      const face = await familyByCode(core, 'microneedling-face');
      await call(core, 'consents.saveTemplate', {
        familyId: face.id,
        fields: {
          ...face.current,
          blocks: [
            { type: 'heading', text: '<h1>Not a heading</h1>' },
            { type: 'paragraph', text: `Client {{client.name}}. ${LONG} ${RTL} ${HEBREW} ${EMOJI}` },
            { type: 'list', items: ['<b>bold?</b>', '</style><script>alert(3)</script>'] },
            { type: 'acknowledgement', id: 'ok', text: 'I agree & accept "all" <terms>' },
          ],
        },
      });
      const current = await familyByCode(core, 'microneedling-face');
      const clientName = `${NAMES.firstName} ${NAMES.lastName}`;
      const input = await signInput(core, clientId, current, `Dr "Quote" & <Co>`);
      const record = await call(core, 'consents.sign', {
        ...input,
        client: { ...input.client, name: clientName },
      });

      expect(record.blocks[1]).toEqual({
        type: 'paragraph',
        text: `Client ${clientName}. ${LONG} ${RTL} ${HEBREW} ${EMOJI}`,
      });
      expect(record.clientName).toBe(clientName);

      const htmlSha = core.db.prepare('SELECT html_sha256 FROM consent_records').pluck().get() as string;
      const html = storedBlob(core, htmlSha)!.toString('utf8');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<h1>Not a heading/);
      expect(html).not.toMatch(/<b>bold/);
      expect(html).not.toMatch(/<img src=x/);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      for (const src of html.matchAll(/<img [^>]*src="([^"]*)"/g))
        expect(src[1]).toMatch(/^data:image\/png;base64,/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('O&#39;Brien &quot;&lt;img src=x onerror=alert(2)&gt;&quot;');
      expect(html).toContain('Dr &quot;Quote&quot; &amp; &lt;Co&gt;');
      expect(html).toContain(`${RTL} ${HEBREW} ${EMOJI}`);
      expect(html).toContain('<p dir="auto">');

      const document = (await call(core, 'consents.document', { id: record.id })).bytes;
      const info = pdfInfo(document);
      expect(info.size).toBe('A4'); // the long word wrapped instead of widening the page
      const text = pdfText(document);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('<h1>Not a heading</h1>');
      expect(text).toContain('I agree & accept "all" <terms>');
      expect(text.replace(/\s/g, '')).toContain(LONG);
    });
  });

  describe('blank form for the paper route', () => {
    it('is a pre-filled PDF with empty boxes and signature lines, and nothing is stored', async () => {
      const { core, clientId } = await setup();
      const photo = await familyByCode(core, 'photography');
      const blank = await call(core, 'consents.blankForm', {
        clientId,
        templateId: photo.current.id,
        practitioner: 'Dr Jones',
      });
      expect(blank.mime).toBe('application/pdf');
      expect(blank.fileName).toBe('consent-photography-v1-unsigned.pdf');
      expect(Buffer.from(blank.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = pdfText(blank.bytes);
      for (const expected of [
        'Consent to clinical photography',
        'Version 1',
        'Ann Lee',
        '3 February 1990',
        'Dr Jones',
        'Unsigned copy for signing on paper',
        'Tick the widest use the client allows',
        'Clinical record only',
        'Training (de-identified)',
        'Marketing',
        'Printed 15 January 2026',
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(text).toMatch(/Witness \(if any\)/i);
      expect(text).not.toContain('✓');
      expect(text).not.toMatch(/Seal SHA-256/);
      expectNothingWritten(core);
    });
  });
});
