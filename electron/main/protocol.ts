import { protocol } from 'electron';
import type { Core } from '../core/app/core';
import { APP_SCHEME } from '../core/http/appOrigin';
import { createAppHandler, createMediaHandler } from '../core/http/mediaHandler';
import { createStaticHandler } from '../core/http/staticFiles';

/** Must run before app 'ready': the renderer's origin is a standard, secure scheme, not file://. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** app://dermachart serves the built renderer and, under /media/, stored photos and signed consents. */
export function registerAppProtocol(rendererDir: string, core: Core) {
  protocol.handle(
    APP_SCHEME,
    createAppHandler(
      createStaticHandler(rendererDir),
      createMediaHandler(core.photoBytes, core.consentBytes, core.clinicLogo),
    ),
  );
}
