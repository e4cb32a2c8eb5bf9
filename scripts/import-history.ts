// npm run import:history -- --data-dir DIR --csv FILE [--create-missing-clients] [--preview]
// Imports past invoices and payments (the CSV format of shared/data/README.md) into a book,
// through the same imports.commit a window calls. Progress and problems go to stderr; the
// result, as one JSON object, to stdout.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, defaultUserDataDir } from '../electron/core/index.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    csv: { type: 'string' },
    'create-missing-clients': { type: 'boolean', default: false },
    preview: { type: 'boolean', default: false },
  },
});
if (!values.csv) {
  console.error('Usage: npm run import:history -- --data-dir DIR --csv FILE [--create-missing-clients] [--preview]');
  process.exit(2);
}

const dataDir = values['data-dir'] ?? defaultUserDataDir();
const backend = await createBackend({ dataDir });
backend.subscribe((event) => {
  if (event.name === 'job.progress' && !event.payload.finished) process.stderr.write(`${event.payload.label}: ${event.payload.done} of ${event.payload.total ?? '?'} rows\n`);
});
const input = { csv: readFileSync(values.csv, 'utf8'), fileName: basename(values.csv), createMissingClients: values['create-missing-clients'] };
const started = performance.now();
const answer = await backend.dispatch(values.preview ? 'imports.preview' : 'imports.commit', input);
backend.close();

if (!answer.ok) {
  console.error(answer.error.message);
  const rows = (answer.error.details?.rows ?? []) as { row: number; column: string | null; message: string }[];
  for (const row of rows.slice(0, 50)) console.error(`  row ${row.row}${row.column ? `, ${row.column}` : ''}: ${row.message}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(`${values.preview ? 'Checked' : 'Imported into'} ${dataDir} in ${seconds} s.\n`);
console.log(JSON.stringify(answer.value));
