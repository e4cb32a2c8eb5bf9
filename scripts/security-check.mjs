// `npm run security`: Electronegativity over electron/ for the pinned Electron version, offline
// check excluded. Its command line always exits 0, and its CSV writer races its own header (the
// first finding is sometimes overwritten), so this calls its runner directly and reads the
// findings it returns. Any finding above INFORMATIONAL fails unless its check is accepted, with
// the reason, in electronegativity.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const { accepted } = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const run = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');
const { severity, confidence } = createRequire(import.meta.url)('@doyensec/electronegativity/dist/finder/attributes.js');

const { issues, errors } = await run({
  input: join(root, 'electron'),
  output: undefined,
  isSarif: false,
  customScan: [],
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  severitySet: severity.INFORMATIONAL.name,
  confidenceSet: confidence.TENTATIVE.name,
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

if (errors.length > 0) {
  // A file it could not parse is a file it did not check.
  for (const error of errors) process.stderr.write(`Electronegativity could not check ${error.file}: ${error.message ?? error.error ?? ''}\n`);
  process.exit(1);
}
let blocking = 0;
for (const issue of issues) {
  const isAccepted = Object.hasOwn(accepted, issue.id);
  const informational = issue.severity.value <= severity.INFORMATIONAL.value;
  if (!isAccepted && !informational) blocking += 1;
  const verdict = isAccepted ? 'accepted' : informational ? 'informational' : 'FAIL';
  process.stdout.write(`${verdict.padEnd(13)} ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line}:${issue.location.column}\n`);
}
if (blocking > 0) {
  process.stderr.write(`Electronegativity: ${blocking} finding(s) to fix, or to accept with a reason in electronegativity.json.\n`);
  process.exit(1);
}
process.stdout.write(`Electronegativity: ${issues.length} finding(s), none blocking (Electron ${electronVersion}).\n`);
