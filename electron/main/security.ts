// App-wide hardening from Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security). The window's own webPreferences are
// in window.ts, the protocol and CSP in protocol.ts, the IPC sender check in ipc.ts, the preload's
// narrow bridge in electron/preload and the fuses in electron-builder.yml.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/api/bridge.js';

const APP = new URL(APP_ORIGIN);

/**
 * Pages `shell.openExternal` may hand to the user's browser (item 15), as URL prefixes. Empty:
 * HostLedger links nowhere yet. An entry must be https; a link matches when its origin is the
 * entry's and its path starts with the entry's path.
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [];

/**
 * The URL if it is the app's own origin (app://hostledger), else null. Parsed rather than
 * compared as text, so `app://hostledger.evil/` or `app://x@hostledger/` do not pass. Node's URL
 * gives custom schemes an opaque origin ("null"), hence the scheme and host are compared.
 */
export function parseAppUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ours = parsed.protocol === APP.protocol && parsed.host === APP.host && !parsed.username && !parsed.password;
  return ours ? parsed : null;
}

export const isAppUrl = (url: string): boolean => parseAppUrl(url) !== null;

export function isAllowedExternal(url: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowList.some((entry) => {
    const allowed = new URL(entry);
    return allowed.protocol === 'https:' && parsed.origin === allowed.origin && parsed.pathname.startsWith(allowed.pathname);
  });
}

/**
 * Every session permission is refused (item 5): a bookkeeping screen needs no camera, location,
 * notifications permission prompt, USB or serial device. Electron grants them all by default.
 * Remote content is cancelled outright (items 1 and 2): the renderer is local files only, and
 * the backend talks to panels and mail servers from Node, not through this session.
 */
export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
}

/** Navigation, redirects, new windows and <webview> for one web contents (items 11–15). */
export function guardWebContents(contents: WebContents, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  // Also covers subframes, which 'will-navigate' does not.
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url, allowList)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Applies guardWebContents to every web contents the app ever creates, before the first window. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
