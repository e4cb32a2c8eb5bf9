// Where HostLedger keeps its files when nobody says otherwise: the folder Electron calls
// `userData` for an app named HostLedger, so the desktop app and browser mode open the same book.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'HostLedger';
export const DATABASE_FILE = 'hostledger.sqlite';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
