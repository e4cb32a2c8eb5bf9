// The built renderer, served read-only from one folder. Paths are resolved and checked against
// the folder (after following symlinks), so neither `..` nor its encodings reach other files.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { refuse, send } from './responses.js';

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
};

const isInside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** The file a URL path names inside `root`, or null when it names nothing servable there. */
async function locate(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (!isInside(root, wanted)) return null;
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(wanted)]);
    if (!isInside(realRoot, realTarget) || !(await stat(realTarget)).isFile()) return null;
    return realTarget;
  } catch {
    return null; // missing file or folder
  }
}

/** Answers a GET or HEAD for `urlPath` (already stripped of its query) from `root`. */
export async function serveStatic(res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = await locate(root, urlPath);
  if (!file) {
    const hint = urlPath === '/' ? ' The screens are not built yet: run `npm run build`.' : '';
    refuse(res, 404, `Not found.${hint}`);
    return;
  }
  send(res, 200, CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', await readFile(file));
}

