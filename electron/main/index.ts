import { join } from 'node:path';
import { app, dialog, shell } from 'electron';
import { type Core, createCore } from '../core/app/core';
import { resolveDataDir } from '../core/app/dataDir';
import { describeStartupError } from '../core/app/startupError';
import { createWorkerImageProcessor } from '../core/domain/photos/imageProcessor';
import { bindApi } from './ipc';
import { buildMenu } from './menu';
import { createElectronPdfRenderer } from './printing';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

registerAppScheme();

const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
let core: Core | undefined;
let mainWindow: Electron.BrowserWindow | undefined;

if (!app.requestSingleInstanceLock({ dataDir })) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start);
}

async function start() {
  hardenSession();
  try {
    core = createCore({
      dataDir,
      imageProcessor: createWorkerImageProcessor(join(__dirname, 'photoWorker.js')),
      pdf: createElectronPdfRenderer(),
    });
  } catch (error) {
    await showStartupError(error);
    app.exit(1);
    return;
  }
  registerAppProtocol(join(__dirname, '../renderer'), core);
  bindApi(core.dispatch, () => mainWindow);
  buildMenu();
  mainWindow = createMainWindow(dataDir);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

async function showStartupError(error: unknown) {
  const report = describeStartupError(error, dataDir);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: report.title,
    message: report.message,
    detail: report.detail,
    buttons: ['Quit', 'Show data folder'],
    defaultId: 0,
    cancelId: 0,
  });
  if (response === 1) await shell.openPath(dataDir);
}
