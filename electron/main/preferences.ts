// Per-user preferences in the desktop app: electron-store's config.json in the user-data folder,
// the same file browser mode reads with `conf` (DESIGN §3). electron-store imports 'electron' when
// loaded, so only the main process may import this module.
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { DEFAULT_PREFERENCES, preferencesFromStore, type Preferences } from '../core/index.js';

/** The sync IPC channel electron-store opens for stores created in a renderer. */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export function electronPreferences(): Preferences {
  const store = new Store<Record<string, unknown>>({ name: 'config', defaults: { ...DEFAULT_PREFERENCES } });
  // That channel answers any frame, unchecked, with the user-data path; no renderer of ours uses
  // electron-store, so close it (every IPC message must have a checked sender, checklist item 17).
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return preferencesFromStore(store);
}
