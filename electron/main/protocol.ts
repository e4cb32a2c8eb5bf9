// The renderer is served from app://hostledger/ instead of file:// (security checklist item 18):
// a file:// page may read any file on the machine, while this handler serves only the files of
// the built renderer folder, each with a strict Content-Security-Policy (item 7).
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, contentTypeOf, rendererFile } from '../core/rendererAssets.js';
import { APP_SCHEME } from '../../shared/api/bridge.js';
import { RENDERER_DIR } from './paths.js';
import { parseAppUrl } from './security.js';

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
  return parsed === null ? null : rendererFile(rendererDir, parsed.pathname);
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
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) } });
}

/** Serves the built renderer on app://hostledger/ (after ready, before the window loads). */
export function registerAppProtocol(rendererDir: string = RENDERER_DIR): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
