// Statement benchmark (issue 9, bank statements):
//   statements.import_2k_s   a 2,000-line bank CSV imported and matched against a book of 1,000
//                            clients with 2,000 open invoices (half the lines name an invoice
//                            number, half only the client and amount), through dispatch.
//   statements.accept_2k_s   every exact match of it booked as payments, 500 lines a call.
// No baseline: nothing else in the app does this work; the numbers show the scale a person waits for.
import { rmSync } from 'node:fs';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../electron/core/index.js';
import { tempDir } from '../fixtures/book.js';
import { progress, report } from './benchReport.js';

const CLIENTS = 1000;
const LINES = 2000;

const dataDir = tempDir('hostledger-bench-statements-');
const backend = await createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00Z'), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = await backend.dispatch(method as never, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}

progress(`statements bench: ${CLIENTS} clients, ${CLIENTS * 2} open invoices…`);
const invoices: { number: string; client: string; amount: number }[] = [];
for (let i = 0; i < CLIENTS; i += 1) {
  const name = `Client ${String(i).padStart(4, '0')} Hosting`;
  const client = await call<{ id: string }>('clients.create', { name, currency: 'USD', email: `billing${i}@client${i}.example` });
  for (const amount of [1000 + i, 50_000 + i]) {
    const draft = await call<{ id: string }>('invoices.createDraft', { clientId: client.id, lines: [{ description: 'Hosting', unitPriceMinor: amount }] });
    const issued = await call<{ number: string }>('invoices.issue', { id: draft.id });
    invoices.push({ number: issued.number, client: name, amount });
  }
}

const rows = ['date,amount,currency,reference,counterparty'];
for (let i = 0; i < LINES; i += 1) {
  const invoice = invoices[i]!;
  const money = (invoice.amount / 100).toFixed(2);
  rows.push(i % 2 === 0 ? `2026-11-20,${money},USD,Payment ${invoice.number},Someone` : `2026-11-21,${money},USD,Transfer,${invoice.client}`);
}
const text = rows.join('\n');
const mapping = { date: 'date', amount: 'amount', currency: 'currency', reference: 'reference', counterparty: 'counterparty' };

let start = performance.now();
const imported = await call<{ id: string; newLines: number; matches: Record<string, number> }>('statements.import', { text, format: 'generic', mapping });
report('statements.import_2k_s', 's', (performance.now() - start) / 1000);
progress(`imported ${imported.newLines} lines: ${JSON.stringify(imported.matches)}`);

const ids: string[] = [];
for (let offset = 0; offset < LINES; offset += 500) {
  const page = await call<{ items: { id: string; suggestion: { kind: string } | null }[] }>('statements.lines', { statementId: imported.id, status: 'all', limit: 500, offset });
  ids.push(...page.items.filter((line) => line.suggestion?.kind === 'exact').map((line) => line.id));
}
start = performance.now();
for (let i = 0; i < ids.length; i += 500) await call('statements.accept', { lineIds: ids.slice(i, i + 500) });
report('statements.accept_2k_s', 's', (performance.now() - start) / 1000);
progress(`booked ${ids.length} lines`);
backend.close();
rmSync(dataDir, { recursive: true, force: true });
