import { PHOTO_VARIANTS, type PhotoVariant } from '../contract';

/** Photos are served under this path of the app's own origin. */
export const MEDIA_PATH = '/media/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type PhotoBytes = (id: string, variant: PhotoVariant) => Promise<{ mime: string; bytes: Buffer } | null>;

/**
 * Serves stored images at /media/photo/<photo id>/<thumb|preview|original>. Only a photo id and a known
 * variant are understood: there are no paths, so nothing but stored images can be reached.
 */
export function createMediaHandler(photoBytes: PhotoBytes) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const match = /^\/media\/photo\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const [, id, variant] = match ?? [];
    if (
      !id ||
      !variant ||
      url.search ||
      !UUID.test(id) ||
      !PHOTO_VARIANTS.includes(variant as PhotoVariant)
    ) {
      return new Response('Not found', { status: 404 });
    }
    const found = await photoBytes(id, variant as PhotoVariant);
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(found.bytes), {
      status: 200,
      headers: {
        'content-type': found.mime,
        'content-length': String(found.bytes.length),
        'x-content-type-options': 'nosniff',
        // A photo id's bytes never change (originals are content-addressed and immutable).
        'cache-control': 'private, max-age=31536000, immutable',
      },
    });
  };
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
