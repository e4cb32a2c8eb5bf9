// `npm run build [-- --force]`: the renderer with Vite into build/renderer, and electron/ plus
// shared/ with tsc into build/. A step whose output is newer than all of its sources is skipped,
// so `npm run web` starts quickly after the first time. Everything it says goes to stderr: stdout
// belongs to whoever runs it (browser mode prints its address there).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = join(ROOT, 'build', '.stamps');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const say = (text) => process.stderr.write(`${text}\n`);

const tsconfigs = () => readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name));

const STEPS = [
  {
    name: 'renderer',
    sources: () => ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'],
    output: 'build/renderer/index.html',
    run: buildRenderer,
  },
  {
    name: 'electron',
    sources: () => ['electron', 'shared', ...tsconfigs(), 'package-lock.json'],
    output: 'build/electron/server/cli.js',
    run: compileElectron,
  },
];

/** The newest modification time among files under `paths` (files or folders). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const path of paths) visit(join(ROOT, path));
  return newest;
}

// A stamp per step, dated when the step started: a source saved during a build is newer, so the
// next run builds again. The stamp alone is not trusted: the output itself must exist too.
const stampFile = (step) => join(STAMPS, step.name);

function isFresh(step) {
  if (!existsSync(join(ROOT, step.output))) return false;
  const stamp = statSync(stampFile(step), { throwIfNoEntry: false });
  return stamp !== undefined && newestMtime(step.sources()) < stamp.mtimeMs;
}

function writeStamp(step, startedAt) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampFile(step), '');
  utimesSync(stampFile(step), startedAt, startedAt);
}

async function buildRenderer() {
  if (!existsSync(join(ROOT, 'vite.config.ts'))) {
    throw new Error('vite.config.ts is missing at the repository root, so the renderer cannot be built yet.');
  }
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

async function compileElectron(force) {
  // tsc's incremental state would skip emitting files that were deleted from build/ by hand.
  if (force || !existsSync(join(ROOT, 'build', 'electron'))) rmSync(join(ROOT, 'build', '.tsbuildinfo'), { force: true });
  // tsc's own output (error listings) goes to stderr like everything else here.
  const child = spawn(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
  if (code !== 0) throw new Error(`tsc -p tsconfig.build.json failed (${code}); see the errors above.`);
}

async function main() {
  const force = process.argv.includes('--force');
  // vite.config.ts names its root relative to the working directory.
  process.chdir(ROOT);
  for (const step of STEPS) {
    if (!force && isFresh(step)) {
      say(`build: ${step.name} is up to date.`);
      continue;
    }
    const startedAt = new Date();
    say(`build: ${step.name}…`);
    await step.run(force);
    writeStamp(step, startedAt);
    say(`build: ${step.name} done in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s.`);
  }
}

main().catch((error) => {
  say(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
