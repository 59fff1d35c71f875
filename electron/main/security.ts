import { session, type WebContents } from 'electron';
import { isOrigin } from '../core/http/appOrigin';
import { rendererOrigin } from './ipc';

/**
 * Deny every permission (notifications, geolocation, microphone...) except the camera, and that only when
 * the app's own page asks for video alone: the guided-capture view opens the camera when the practitioner
 * starts a capture and stops every track when it closes.
 */
export function hardenSession() {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const cameraOnly =
      permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
    callback(cameraOnly && isOrigin(details.requestingUrl, rendererOrigin()));
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews: links to the web open nowhere. */
export function hardenWebContents(contents: WebContents) {
  contents.on('will-navigate', (event, url) => {
    if (!isOrigin(url, rendererOrigin())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOrigin(url, rendererOrigin())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
