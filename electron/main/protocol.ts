import { protocol } from 'electron';
import { APP_SCHEME } from '../core/http/appOrigin';
import { createStaticHandler } from '../core/http/staticFiles';

/** Must run before app 'ready': the renderer's origin is a standard, secure scheme, not file://. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function registerAppProtocol(rendererDir: string) {
  protocol.handle(APP_SCHEME, createStaticHandler(rendererDir));
}
