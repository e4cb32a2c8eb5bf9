// `npm run security`: Electronegativity over electron/ for the pinned Electron version, offline
// check excluded. It always exits 0, so this reads its CSV and fails on any finding above
// INFORMATIONAL whose check is not accepted, with its reason, in electronegativity.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const { accepted } = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');

const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(out, 'findings.csv');
const run = spawnSync(process.execPath, [cli, '-i', join(root, 'electron'), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', csv], { encoding: 'utf8' });
let text;
try {
  text = readFileSync(csv, 'utf8');
} catch {
  process.stderr.write(`Electronegativity wrote no findings file (exit ${run.status}):\n${run.stdout}\n${run.stderr}\n`);
  process.exit(1);
} finally {
  rmSync(out, { recursive: true, force: true });
}

// One finding a line: issue,"SEVERITY","CONFIDENCE","file","line:col",sample,"description",url
const findings = text
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [issue, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    return { issue, severity, confidence, file, location };
  });
const blocking = findings.filter((f) => f.severity !== 'INFORMATIONAL' && !Object.hasOwn(accepted, f.issue));
for (const f of findings) {
  const verdict = Object.hasOwn(accepted, f.issue) ? 'accepted' : f.severity === 'INFORMATIONAL' ? 'informational' : 'FAIL';
  process.stdout.write(`${verdict.padEnd(13)} ${f.issue} (${f.severity}, ${f.confidence}) ${f.file}:${f.location}\n`);
}
if (blocking.length > 0) {
  process.stderr.write(`Electronegativity: ${blocking.length} finding(s) to fix, or to accept with a reason in electronegativity.json.\n`);
  process.exit(1);
}
process.stdout.write(`Electronegativity: ${findings.length} finding(s), none blocking (Electron ${electronVersion}).\n`);
