// The transport checks of DESIGN §2 that come before any route: who may talk to the server at all.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A page on another site can make the browser send requests here, and with DNS rebinding its
 * own host name can even point at 127.0.0.1. So the Host must name this server, and an Origin,
 * when the browser sends one, must be this server's. Scripts send no Origin and are let through
 * (the token still guards the API).
 */
export function isOwnRequest(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** `Authorization: Bearer TOKEN`, compared in constant time (hashing first makes the lengths equal). */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]), digest(token));
}
