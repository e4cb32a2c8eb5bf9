// Where the shell finds its own files. Compiled, this module is build/electron/main/paths.js
// (inside app.asar when packaged), so everything is resolved relative to it rather than to the
// working directory, which for a desktop app is wherever the user happened to start it from.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The renderer Vite built: build/renderer, next to build/electron. */
export const RENDERER_DIR = join(here, '..', '..', 'renderer');

/** The preload tsc emitted from electron/preload/index.cts. */
export const PRELOAD_FILE = join(here, '..', 'preload', 'index.cjs');
