// GET /api/events: the backend's push events as a text/event-stream that `fetch` reads (the
// renderer cannot use EventSource, which sends no Authorization header).
import type { ServerResponse } from 'node:http';
import type { EventListener } from '../core/events.js';
import { SECURITY_HEADERS } from './responses.js';

/** Proxies and idle timers drop a silent connection; a comment every 15 s keeps it open. */
export const KEEP_ALIVE_MS = 15_000;

/** A client that stops reading must not make the server buffer events for it forever. */
const MAX_UNSENT_BYTES = 1024 * 1024;

export type Subscribe = (listener: EventListener) => () => void;

/** Starts the stream; the function returned ends it from the server's side (at shutdown). */
export function streamEvents(res: ServerResponse, subscribe: Subscribe): () => void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  const write = (text: string) => {
    if (res.writableLength > MAX_UNSENT_BYTES) res.destroy();
    else res.write(text);
  };
  // JSON.stringify escapes newlines, so each event is exactly one `data:` line.
  const unsubscribe = subscribe((event) => write(`data: ${JSON.stringify(event)}\n\n`));
  const timer = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  let open = true;
  const stop = () => {
    if (!open) return;
    open = false;
    clearInterval(timer);
    unsubscribe();
  };
  res.on('close', stop);
  // Send the headers now, so the client's fetch resolves before the first event.
  res.flushHeaders();
  return () => {
    stop();
    res.end();
  };
}
