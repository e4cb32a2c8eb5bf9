// The renderer's only way to the backend. One typed `call` over whichever transport this window
// has (IPC in the desktop app, HTTP in browser mode); both have the shape of HostLedgerBridge.
import type { HostLedgerBridge } from '../../../shared/api/bridge.js';
import type { Envelope } from '../../../shared/api/envelope.js';
import type { BackendEvent } from '../../../shared/api/events.js';
import type { Input, MethodName, Output } from '../../../shared/api/methods.js';

export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Envelope<Output<M>>>;
  /** Listens to the backend's push events; returns the unsubscribe function. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
}

/** What a call answers when the backend cannot be reached: a value, so no screen has to catch. */
export function unavailable(cause: unknown): { ok: false; error: { code: 'unavailable'; message: string } } {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, error: { code: 'unavailable', message: `HostLedger could not be reached (${reason}).` } };
}

export function createApiClient(transport: HostLedgerBridge): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: Input<M>) {
      try {
        // The backend validates every answer against the same contract these types come from.
        return (await transport.call(method, input)) as Envelope<Output<M>>;
      } catch (error) {
        return unavailable(error);
      }
    },
    subscribe: (listener) => transport.on(listener),
  };
}
