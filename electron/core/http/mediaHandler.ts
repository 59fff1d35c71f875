import { type ConsentPart, PHOTO_VARIANTS, type PhotoVariant } from '../contract';

/** Photos and signed consents are served under this path of the app's own origin. */
export const MEDIA_PATH = '/media/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Found = Promise<{ mime: string; bytes: Buffer } | null>;
type PhotoBytes = (id: string, variant: PhotoVariant) => Found;
type ConsentBytes = (id: string, part: ConsentPart) => Found;
type ClinicLogo = (sha256: string) => Found;
const LOGO_PATH = /^\/media\/clinic\/logo\/([0-9a-f]{64})$/;
const CONSENT_PARTS: readonly string[] = [
  'document',
  'signature-client',
  'signature-practitioner',
  'signature-witness',
];

/**
 * Serves stored bytes at /media/photo/<photo id>/<thumb|preview|original>,
 * /media/consent/<record id>/<document|signature-client|signature-practitioner|signature-witness> and
 * /media/clinic/logo/<sha256> (the current logo only). Only an id and a known part are understood: there
 * are no paths, so nothing but stored media can be reached.
 */
export function createMediaHandler(
  photoBytes: PhotoBytes,
  consentBytes?: ConsentBytes,
  clinicLogo?: ClinicLogo,
) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const logo = LOGO_PATH.exec(url.pathname);
    if (logo) {
      const found = clinicLogo && !url.search ? await clinicLogo(logo[1]!) : null;
      return found ? stored(found) : new Response('Not found', { status: 404 });
    }
    const match = /^\/media\/(photo|consent)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const [, kind, id, part] = match ?? [];
    const known =
      kind === 'photo'
        ? PHOTO_VARIANTS.includes(part as PhotoVariant)
        : kind === 'consent' && !!consentBytes && CONSENT_PARTS.includes(part ?? '');
    if (!id || !part || url.search || !UUID.test(id) || !known) {
      return new Response('Not found', { status: 404 });
    }
    const found =
      kind === 'photo'
        ? await photoBytes(id, part as PhotoVariant)
        : await consentBytes!(id, part as ConsentPart);
    if (!found) return new Response('Not found', { status: 404 });
    return stored(found);
  };
}

function stored(found: { mime: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(found.bytes), {
    status: 200,
    headers: {
      'content-type': found.mime,
      'content-length': String(found.bytes.length),
      'x-content-type-options': 'nosniff',
      // A URL's bytes never change (originals, signed records and logos are content-addressed and immutable).
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
}

/** The app origin's one handler: /media/ from the database, everything else from the built renderer. */
export function createAppHandler(
  staticFiles: (r: Request) => Promise<Response>,
  media: (r: Request) => Promise<Response>,
) {
  return (request: Request): Promise<Response> => {
    let pathname = '';
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return Promise.resolve(new Response('Bad request', { status: 400 }));
    }
    return pathname.startsWith(MEDIA_PATH) ? media(request) : staticFiles(request);
  };
}
