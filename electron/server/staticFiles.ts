// The built renderer, served read-only from one folder. Paths are resolved and checked against
// the folder (after following symlinks), so neither `..` nor its encodings reach other files.
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeOf, isInsideFolder, rendererFile } from '../core/rendererAssets.js';
import { refuse, send } from './responses.js';

/** The file a URL path names inside `root`, or null when it names nothing servable there. */
async function locate(root: string, urlPath: string): Promise<string | null> {
  const wanted = rendererFile(root, urlPath);
  if (wanted === null) return null;
  try {
    // A symlink inside the folder must not lead out of it either.
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(wanted)]);
    if (!isInsideFolder(realRoot, realTarget) || !(await stat(realTarget)).isFile()) return null;
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
  send(res, 200, contentTypeOf(file), await readFile(file));
}

