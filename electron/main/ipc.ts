// The IPC transport of the one API (DESIGN §2): one channel in, one channel out. Every frame of
// every web contents can send IPC, so the sender's URL is checked before anything runs
// (security checklist item 17).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge.js';
import type { Envelope } from '../../shared/api/envelope.js';
import type { Backend } from '../core/index.js';
import { isAppUrl } from './security.js';

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Only HostLedger’s own window may use its API.' },
};

/** Answers `api:call` with dispatch's envelope, or `forbidden` for a frame that is not the app's. */
export function registerIpc(backend: Pick<Backend, 'dispatch'>): void {
  // method and input come straight from a renderer: dispatch checks both (unknown names,
  // non-strings and bad input all become envelopes), so they are passed on untouched.
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: string, input: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return FORBIDDEN;
    return backend.dispatch(method, input);
  });
}

/** Pushes the backend's events to one window until it closes; returns the unsubscribe function. */
export function forwardEvents(backend: Pick<Backend, 'subscribe'>, win: BrowserWindow): () => void {
  const unsubscribe = backend.subscribe((event) => {
    // Only to the app's page: should the window ever show anything else, it hears nothing.
    if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  win.on('closed', unsubscribe);
  return unsubscribe;
}
