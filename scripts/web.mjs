// `npm run web -- [--data-dir DIR] [--port N]`: build what is stale (its output to stderr), then
// run browser mode with the same arguments. The server's stdout is this process's stdout, so the
// one address line is the only thing printed there.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // Stay alive until the child has shut down (closing the book cleanly), then exit as it did.
  process.on(signal, () => current?.kill(signal));
}

function run(args, stdio) {
  current = spawn(process.execPath, args, { cwd: ROOT, stdio });
  return new Promise((resolve) => {
    current.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

const built = await run([join(ROOT, 'scripts', 'build.mjs')], ['ignore', 2, 2]);
if (built !== 0) {
  process.exitCode = built;
} else {
  process.exitCode = await run([join(ROOT, 'build', 'electron', 'server', 'cli.js'), ...process.argv.slice(2)], 'inherit');
}
