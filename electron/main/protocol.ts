// The renderer is served from app://hostledger/ instead of file:// (security checklist item 18):
// a file:// page may read any file on the machine, while this handler serves only the files of
// the built renderer folder, each with a strict Content-Security-Policy (item 7).
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME } from '../../shared/api/bridge.js';
import { RENDERER_DIR } from './paths.js';
import { parseAppUrl } from './security.js';

/**
 * Only our own files run, load styles, fetch or show images; no plugins, no <base>, no framing,
 * no form posts. React sets styles through the CSSOM, which style-src does not restrict, so
 * 'unsafe-inline' is not needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The book changes under the app, the files only with an upgrade: never serve a stale copy.
  'Cache-Control': 'no-store',
};

/** Must run before the app is ready: Chromium fixes the schemes' privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origins and relative URLs; secure: counts as a secure context like https;
    // supportFetchAPI: the renderer may fetch its own files. Nothing else (no CORS bypass).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// URL names inside the renderer folder, or null when it is not ours: another
 * scheme or host, a path that escapes the folder (also when the dots or slashes are
 * percent-encoded), or a NUL byte.
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  const parsed = parseAppUrl(url);
  if (parsed === null) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one request of the app scheme; exported so tests can call it without Electron. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET') {
    return new Response('Method not allowed', { status: 405, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const file = resolveAppFile(rendererDir, request.url);
  if (file === null) return notFound();
  let body: Buffer;
  try {
    // fs reads inside app.asar too, so the packaged app needs no special case.
    body = await readFile(file);
  } catch {
    return notFound();
  }
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
}

/** Serves the built renderer on app://hostledger/ (after ready, before the window loads). */
export function registerAppProtocol(rendererDir: string = RENDERER_DIR): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
