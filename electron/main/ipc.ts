import { type BrowserWindow, ipcMain } from 'electron';
import { createIpcRouter, type Dispatch } from '../core/api/dispatch';
import { API_NAMES, channelFor } from '../core/contract';
import { APP_ORIGIN, isOrigin } from '../core/http/appOrigin';

/**
 * One ipcMain handler per contract name. Only the main window's own top frame, loaded from the app's
 * origin, may call; payloads are validated by the dispatcher before any handler runs.
 */
export function bindApi(dispatch: Dispatch, mainWindow: () => BrowserWindow | undefined) {
  const route = createIpcRouter(dispatch, (url) => isOrigin(url, rendererOrigin()));
  for (const name of API_NAMES) {
    const channel = channelFor(name);
    ipcMain.handle(channel, (event, payload) => {
      const window = mainWindow();
      const fromMainFrame = event.senderFrame !== null && event.senderFrame === window?.webContents.mainFrame;
      return route(channel, payload, fromMainFrame ? (event.senderFrame?.url ?? '') : '');
    });
  }
}

/** In development the renderer comes from electron-vite's dev server; in a build, from app://. */
export function rendererOrigin(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return devUrl ? new URL(devUrl).origin : APP_ORIGIN;
}
