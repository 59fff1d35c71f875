import { session, type WebContents } from 'electron';
import { isOrigin } from '../core/http/appOrigin';
import { rendererOrigin } from './ipc';

/** Deny every permission (camera, notifications, geolocation...) until a feature asks for one explicitly. */
export function hardenSession() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
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
