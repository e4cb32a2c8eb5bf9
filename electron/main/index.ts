// The Electron main process (package.json "main": build/electron/main/index.js). It only wires
// things together: the backend is electron/core, the same one browser mode runs.
import { app, dialog, type BrowserWindow } from 'electron';
import { createBackend, startActionQueue, startDailyRun } from '../core/index.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { installMenu, menuLanguage } from './menu.js';
import { electronNativeBinding } from './nativeBinding.js';
import { notifyDeskAttention } from './notifications.js';
import { electronPreferences } from './preferences.js';
import { registerAppProtocol, registerAppScheme } from './protocol.js';
import { createSecretStore } from './secrets.js';
import { hardenSession, installNavigationGuards } from './security.js';
import { createMainWindow } from './window.js';

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenSession();
  const prefs = electronPreferences();
  const dataDir = app.getPath('userData');
  const backend = await createBackend({
    dataDir,
    prefs,
    secrets: createSecretStore(dataDir, prefs),
    nativeBinding: electronNativeBinding(),
  });
  const dailyRun = startDailyRun({ dispatch: backend.dispatchAsApp, logger: backend.logger });
  const actionQueue = startActionQueue({ dispatch: backend.dispatchAsApp, subscribe: backend.subscribe, logger: backend.logger });
  let closing = false;
  app.on('will-quit', (event: Electron.Event) => {
    if (closing) return;
    // Quitting waits for the queue and the backup on quit (verified) and closes the book, then really exits.
    closing = true;
    event.preventDefault();
    void Promise.all([dailyRun.stop(), actionQueue.stop()])
      .then(() => backend.closeWithBackup())
      .finally(() => app.exit(0));
  });

  registerAppProtocol();
  registerIpc(backend);
  installMenu(prefs, backend);
  const openWindow = () => {
    const win = createMainWindow(prefs);
    forwardEvents(backend, win);
    win.on('closed', () => (mainWindow = null));
    mainWindow = win;
  };
  openWindow();
  notifyDeskAttention(backend, {
    language: () => menuLanguage(prefs.get('language'), app.getPreferredSystemLanguages()),
    onClick: () => {
      if (mainWindow === null) openWindow();
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.focus();
    },
  });
  // macOS keeps the app running without windows and reopens one from the Dock.
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** The book could not be opened (a newer schema, a missing engine, a locked file…): say so and stop. */
function fail(error: unknown): void {
  dialog.showErrorBox('HostLedger cannot start', error instanceof Error ? error.message : String(error));
  app.quit();
}

// Both must happen before ready: Chromium fixes scheme privileges and the sandbox at startup.
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // One process per book: a second one would compete for the SQLite file. The first one
  // hears about it ('second-instance') and comes to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  installNavigationGuards();
  app.whenReady().then(start).catch(fail);
}
