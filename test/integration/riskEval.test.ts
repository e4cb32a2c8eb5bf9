// `npm run risk:eval`, run as a reseller runs it: a separate process reads an invoice CSV in the
// documented format (customer_id, invoice_id, invoice_date, due_date, amount, settled_date,
// disputed), imports it into a temporary book, and ends stdout with one JSON line of the metrics.
// The synthetic book's segments are far apart, so a working score ranks them well.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/book.js';
import { REPO_ROOT } from '../fixtures/browserMode.js';
import { syntheticClients } from '../fixtures/riskBook.js';

const CUTOFF = '2026-01-01';

function syntheticCsv(): { file: string; testInvoices: number } {
  const lines = ['customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed'];
  let testInvoices = 0;
  syntheticClients(20, 11).forEach((client, c) => {
    client.history.invoices.forEach((invoice, i) => {
      const settled = invoice.payments[0]?.date ?? '';
      lines.push([`C${c}`, `C${c}-${i}`, invoice.issueDate, invoice.dueDate, (invoice.totalMinor / 100).toFixed(2), settled, '0'].join(','));
      if (invoice.issueDate >= CUTOFF) testInvoices += 1;
    });
  });
  const file = join(tempDir(), 'invoices.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, testInvoices };
}

const riskEval = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/risk-eval.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });

describe('npm run risk:eval', { timeout: 120_000 }, () => {
  it('scores every invoice from the cutoff on and ends with the metrics as one JSON line, ahead of the late rate alone', () => {
    const { file, testInvoices } = syntheticCsv();
    const run = riskEval('--csv', file, '--cutoff', CUTOFF);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const metrics = JSON.parse(lines.at(-1)!) as { auc: number; ks: number; brier: number; n: number };
    expect(Object.keys(metrics)).toEqual(['auc', 'ks', 'brier', 'n']);
    expect(metrics.n).toBe(testInvoices);
    expect(metrics.auc).toBeGreaterThan(0.8);
    expect(metrics.brier).toBeLessThan(0.25);
    const baseline = Number(/^late rate alone: AUC (\d\.\d+)/m.exec(run.stdout)![1]);
    expect(metrics.auc).toBeGreaterThan(baseline);
  });

  it('refuses a cutoff that is not a date, with its usage, and imports nothing', () => {
    const run = riskEval('--csv', 'nowhere.csv', '--cutoff', '2026-1-1');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: npm run risk:eval -- --csv FILE --cutoff YYYY-MM-DD');
    expect(run.stdout).toBe('');
  });
});
