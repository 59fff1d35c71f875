import { describe, expect, it } from 'vitest';
import {
  type ConsentPart,
  clinicLogoUrl,
  consentDocumentUrl,
  consentSignatureUrl,
  mediaUrl,
} from '../../electron/core/contract';
import { createMediaHandler } from '../../electron/core/http/mediaHandler';

const ORIGIN = 'app://dermachart';
const PHOTO = '01900000-0000-7000-8000-000000000001';
const RECORD = '01900000-0000-7000-8000-00000000abcd';

/** Fake byte sources that record what they were asked for. */
function sources() {
  const asked: string[] = [];
  const photo = async (id: string, variant: string) => {
    asked.push(`photo ${id} ${variant}`);
    return id === PHOTO ? { mime: 'image/jpeg', bytes: Buffer.from('jpeg') } : null;
  };
  const consent = async (id: string, part: ConsentPart) => {
    asked.push(`consent ${id} ${part}`);
    if (id !== RECORD || part === 'signature-witness') return null;
    return part === 'document'
      ? { mime: 'application/pdf', bytes: Buffer.from('%PDF-1.7') }
      : { mime: 'image/png', bytes: Buffer.from('png') };
  };
  return { asked, photo, consent };
}

const get = (handler: (r: Request) => Promise<Response>, path: string, method = 'GET') =>
  handler(new Request(`${ORIGIN}${path}`, { method }));

describe('createMediaHandler: consent routes', () => {
  it('serves a consent document and signature images with their content types', async () => {
    const s = sources();
    const serve = createMediaHandler(s.photo, s.consent);
    const doc = await get(serve, consentDocumentUrl(RECORD));
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await doc.text()).toBe('%PDF-1.7');
    const sig = await get(serve, consentSignatureUrl(RECORD, 'client'));
    expect(sig.headers.get('content-type')).toBe('image/png');
    expect((await get(serve, consentSignatureUrl(RECORD, 'witness'))).status).toBe(404);
    expect((await get(serve, mediaUrl(PHOTO, 'thumb'))).status).toBe(200);
    expect(s.asked).toEqual([
      `consent ${RECORD} document`,
      `consent ${RECORD} signature-client`,
      `consent ${RECORD} signature-witness`,
      `photo ${PHOTO} thumb`,
    ]);
  });

  it('answers 404 to anything but an id and a known part, without asking for bytes', async () => {
    const s = sources();
    const serve = createMediaHandler(s.photo, s.consent);
    for (const path of [
      `/media/consent/${RECORD}/html`,
      `/media/consent/${RECORD}/signature-guardian`,
      `/media/consent/${RECORD}/signature-`,
      `/media/consent/${RECORD}/document/extra`,
      `/media/consent/${RECORD}/document?download=1`,
      `/media/consent/${RECORD.toUpperCase()}/document`,
      '/media/consent/not-a-uuid/document',
      '/media/consent/../../dermachart.db',
      '/media/consent/%2e%2e%2fdermachart.db/document',
      `/media/consent/${RECORD}`,
      `/media/consents/${RECORD}/document`,
      `/media/photo/${PHOTO}/document`,
      `/media/consent/${PHOTO}/thumb`,
    ]) {
      expect((await get(serve, path)).status, path).toBe(404);
    }
    expect(s.asked).toEqual([]);
    expect((await get(serve, consentDocumentUrl(RECORD), 'POST')).status).toBe(405);
  });

  it('serves no consent route when no consent source is given (photos only)', async () => {
    const s = sources();
    const serve = createMediaHandler(s.photo);
    expect((await get(serve, consentDocumentUrl(RECORD))).status).toBe(404);
    expect((await get(serve, mediaUrl(PHOTO, 'original'))).status).toBe(200);
  });
});

describe('createMediaHandler: the clinic logo', () => {
  const SHA = 'ab'.repeat(32);
  const logo = async (sha: string) => (sha === SHA ? { mime: 'image/png', bytes: Buffer.from('png') } : null);
  const serve = createMediaHandler(async () => null, undefined, logo);

  it('serves the current logo by its hash', async () => {
    const response = await get(serve, clinicLogoUrl(SHA));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('answers 404 to another hash, a malformed one, a query string, or when no logo source is wired', async () => {
    for (const path of [
      clinicLogoUrl('cd'.repeat(32)),
      '/media/clinic/logo/abc',
      '/media/clinic/logo/../../etc/passwd',
      `${clinicLogoUrl(SHA)}?v=1`,
      '/media/clinic/logo',
    ]) {
      expect((await get(serve, path)).status, path).toBe(404);
    }
    expect(
      (
        await get(
          createMediaHandler(async () => null),
          clinicLogoUrl(SHA),
        )
      ).status,
    ).toBe(404);
  });
});
