// What the preload script puts on `window.hostledger` in the desktop app. Browser mode has no
// bridge; the renderer then speaks HTTP to the same dispatch (DESIGN §2).
import type { Envelope } from './envelope.js';
import type { BackendEvent } from './events.js';

export interface HostLedgerBridge {
  call(method: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  on(listener: (event: BackendEvent) => void): () => void;
}

/** IPC channel names; electron/preload repeats them (it may only import types) and a test checks they agree. */
export const IPC_CALL_CHANNEL = 'api:call';
export const IPC_EVENT_CHANNEL = 'api:event';

/** The origin the desktop app's renderer is served from (a custom protocol, never file://). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://hostledger';
