// Browser mode's preferences: the same file electron-store writes (config.json in the user-data
// folder), read and written with `conf`, the library electron-store is built on.
import Conf from 'conf';
import { DEFAULT_PREFERENCES, preferencesFromStore, type Preferences } from './preferences.js';

export function confPreferences(userDataDir: string): Preferences {
  const store = new Conf<Record<string, unknown>>({
    cwd: userDataDir,
    configName: 'config',
    projectName: 'HostLedger',
    defaults: { ...DEFAULT_PREFERENCES },
  });
  return preferencesFromStore(store);
}
