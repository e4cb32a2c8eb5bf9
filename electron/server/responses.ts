// Every answer browser mode sends carries the same security headers, so no route can forget them.
import type { ServerResponse } from 'node:http';

import { CONTENT_SECURITY_POLICY } from '../core/rendererAssets.js';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Other sites may not even embed our files with <script> or <img> (which sends no Origin).
  'Cross-Origin-Resource-Policy': 'same-origin',
  // A local app serving a book: nothing is worth caching, and nothing stale survives an upgrade.
  'Cache-Control': 'no-store',
};

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extraHeaders: Record<string, string> = {}): void {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': String(payload.length), ...extraHeaders });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** A transport refusal: an HTTP status with a sentence a person reading a script's output understands. */
export function refuse(res: ServerResponse, status: number, sentence: string, extraHeaders: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', `${sentence}\n`, extraHeaders);
}
