// What both transports need to serve the built renderer — the desktop app's app:// protocol and
// browser mode's HTTP server: the one Content-Security-Policy, the content types, and the rule
// that a URL path names a file inside the renderer folder or nothing.
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Only our own files run, load styles, fetch or show images; no plugins, no <base>, no framing,
 * no form posts. React sets styles through the CSSOM, which style-src does not restrict, so
 * 'unsafe-inline' is not needed.
 *
 * One exception, `frame-src blob:`: Print loads a document's PDF — bytes this page itself received
 * from the API and turned into a Blob URL of its own origin — into a hidden frame and prints it
 * (renderer/src/documents/pdfFile.ts). Only blob: frames are allowed, so no other page can be
 * framed. Opening the PDF in a tab is a top-level navigation and needs nothing here, and
 * object-src stays 'none': Chromium shows a PDF in a frame with its own viewer, not an <object>.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** `target` lies strictly inside `root` (both absolute). */
export function isInsideFolder(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The file a URL path names inside the renderer folder (`/` is index.html), or null when it
 * escapes the folder — also when the dots or slashes are percent-encoded — or holds a NUL byte.
 */
export function rendererFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const folder = resolve(root);
  const file = resolve(join(folder, decoded === '/' ? 'index.html' : decoded));
  return isInsideFolder(folder, file) ? file : null;
}
