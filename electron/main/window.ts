import { join } from 'node:path';
import { BrowserWindow, dialog, screen } from 'electron';
import {
  fitToDisplays,
  readWindowState,
  WINDOW_STATE_FILE,
  type WindowState,
  writeWindowState,
} from '../core/app/windowState';
import { APP_ORIGIN } from '../core/http/appOrigin';

export function createMainWindow(dataDir: string): BrowserWindow {
  const stateFile = join(dataDir, WINDOW_STATE_FILE);
  const state = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Dermachart',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const next: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
      writeWindowState(stateFile, next);
    }, 400);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('close', () => {
    clearTimeout(saveTimer);
    writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  // The renderer holds back close/reload while a form has unsaved changes; Electron shows no prompt of its
  // own, so ask here. Choosing "Leave" lets the window close.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Stay', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'You have changes that are not saved.',
      detail: 'If you leave now they will be lost.',
    });
    if (choice === 1) event.preventDefault();
  });

  const devUrl = process.env.ELECTRON_RENDERER_URL;
  void window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
