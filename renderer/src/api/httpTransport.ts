// Browser mode's transport: the same calls and events as the desktop app's IPC bridge, over HTTP
// to the server on 127.0.0.1 (DESIGN §2). It never throws: a network failure is an `unavailable`
// envelope, so a screen shows a sentence and a retry button instead of breaking.
import type { HostLedgerBridge } from '../../../shared/api/bridge.js';
import type { Envelope } from '../../../shared/api/envelope.js';
import { eventSchemas, type BackendEvent } from '../../../shared/api/events.js';
import { unavailable } from './apiClient.js';
import { createEventStreamParser } from './serverSentEvents.js';

export interface HttpTransportOptions {
  token: string;
  /** The server refused the token: this tab must be opened again from the printed link. */
  onUnauthorized: () => void;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

const transportError = (status: number): Envelope<never> => {
  const message = `The HostLedger server answered HTTP ${status}.`;
  if (status === 401 || status === 403) return { ok: false, error: { code: 'forbidden', message } };
  if (status === 413) return { ok: false, error: { code: 'invalid_input', message: 'The request is larger than HostLedger accepts (1 MiB).' } };
  return { ok: false, error: { code: 'unavailable', message } };
};

/** A pushed event, if the text is one of the events this renderer knows; anything else is dropped. */
function parseEvent(data: string): BackendEvent | null {
  try {
    const event = JSON.parse(data) as { name?: unknown; payload?: unknown } | null;
    if (typeof event?.name !== 'string' || !Object.hasOwn(eventSchemas, event.name)) return null;
    if (typeof event.payload !== 'object' || event.payload === null) return null;
    return event as BackendEvent;
  } catch {
    return null;
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export function createHttpTransport({ token, onUnauthorized }: HttpTransportOptions): HostLedgerBridge {
  const authorization = `Bearer ${token}`;
  const listeners = new Set<(event: BackendEvent) => void>();
  let stream: AbortController | null = null;

  const deliver = (data: string) => {
    const event = parseEvent(data);
    if (event) for (const listener of listeners) listener(event);
  };

  /** Reads `GET /api/events` (fetch, because EventSource cannot send the header) until aborted, reconnecting with backoff. */
  async function readEvents(signal: AbortSignal) {
    let retryIn = FIRST_RETRY_MS;
    while (!signal.aborted) {
      try {
        const response = await fetch('/api/events', { headers: { Authorization: authorization }, signal, cache: 'no-store' });
        if (response.status === 401) return onUnauthorized();
        if (response.ok && response.body) {
          retryIn = FIRST_RETRY_MS;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          const feed = createEventStreamParser(deliver);
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) feed(chunk.value);
        }
      } catch {
        // The server stopped or the network dropped; try again after the pause below.
      }
      await pause(retryIn, signal);
      retryIn = Math.min(retryIn * 2, LONGEST_RETRY_MS);
    }
  }

  return {
    async call(method, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        if (response.status === 401) onUnauthorized();
        if (!response.ok) return transportError(response.status);
        return (await response.json()) as Envelope<unknown>;
      } catch (error) {
        return unavailable(error);
      }
    },

    on(listener) {
      listeners.add(listener);
      // One stream per window, open only while someone listens.
      if (!stream) {
        stream = new AbortController();
        void readEvents(stream.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}
