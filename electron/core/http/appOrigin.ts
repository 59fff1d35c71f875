/** The renderer is served from this privileged scheme in the app; nothing else may call the API. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dermachart';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}
