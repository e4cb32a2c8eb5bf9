// `npm run bench`: runs every test/bench/*.bench.ts in its own process, one after the other (so
// they do not compete for the CPU), through tsx. Each prints one JSON object a line on stdout
// (DESIGN §6); progress goes to stderr. Exits non-zero if any benchmark failed.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, 'test', 'bench');

const files = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

let failed = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, file)], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
  if (code !== 0) {
    failed += 1;
    process.stderr.write(`bench: ${file} failed (${code})\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
