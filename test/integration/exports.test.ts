// The accountant's exports against a real book: every dataset parsed back with csv-parse in both
// delimiters and decimal separators, a Chinese client name through the BOM, the totals tied to the
// journal, the account code mapping, bad input refused naming the field, the package ZIP, and a
// cancelled export leaving no file.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_DATASETS, headersOf, type ExportDataset } from '../../shared/exports/columns.js';
import { openBillingBook, type BillingBook } from '../fixtures/billingBook.js';
import { tempDir } from '../fixtures/book.js';
import { COMPANY } from '../fixtures/documents.js';
import { createAuditLog } from '../../electron/core/audit/auditLog.js';
import { createHistoryWriter } from '../../electron/core/billing/import/historyWriter.js';
import { WORKER_ROWS } from '../../electron/core/exports/exportRunner.js';
import { openTestBook } from '../fixtures/book.js';

const FROM = '2026-10-01';
const TO = '2026-10-31';
const CHINESE_NAME = '卡尔云测试, "北京"; 有限公司';

type Options = { delimiter: ',' | ';'; decimal: '.' | ','; bom: boolean; dateFormat: 'iso' };
const STANDARD: Options = { delimiter: ',', decimal: '.', bom: true, dateFormat: 'iso' };
const EUROPEAN: Options = { delimiter: ';', decimal: ',', bom: true, dateFormat: 'iso' };

/** "1234.56" or "1234,56" → 123456 (two-digit currencies), read digit by digit. */
function minor(text: string, decimal: '.' | ','): number {
  if (text === '') return 0;
  const match = new RegExp(`^(-?)(\\d+)(?:\\${decimal}(\\d{2}))?$`).exec(text);
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3] ?? '0'));
}

let book: BillingBook;
let folder: string;
const ids: Record<string, string> = {};

async function invoice(clientId: string, date: string, lines: { description: string; unitPriceMinor: number; taxRateId: string; quantityMilli?: number }[]) {
  book.day(date);
  const draft = await book.call('invoices.createDraft', { clientId, lines });
  return (await book.call('invoices.issue', { id: draft.id, issueDate: date })).id;
}

beforeAll(async () => {
  book = await openBillingBook('2026-09-10');
  folder = tempDir('hostledger-exports-');
  const low = (await book.call('taxRates.create', { name: 'VAT 6%', rateBp: 600 })).id;
  const high = (await book.call('taxRates.create', { name: 'VAT 13%', rateBp: 1300 })).id;
  const acme = await book.client({ name: 'Acme Web', currency: 'USD' });
  const kaer = await book.client({ name: CHINESE_NAME, currency: 'CNY', language: 'zh-CN' });
  ids.acme = acme;
  // Outside the period: September.
  await invoice(acme, '2026-09-15', [{ description: 'Hosting September', unitPriceMinor: 5000, taxRateId: low }]);
  await book.call('payments.record', { clientId: acme, date: '2026-09-20', amountMinor: 5300, method: 'bank_transfer', reference: 'SEP-1' });
  // In the period.
  const first = await invoice(acme, '2026-10-02', [
    { description: 'Hosting October', unitPriceMinor: 5000, taxRateId: low },
    { description: 'VPS "large"; 2 cores, 4 GB', unitPriceMinor: 12345, taxRateId: high, quantityMilli: 2500 },
  ]);
  await invoice(kaer, '2026-10-05', [{ description: '主机 十月', unitPriceMinor: 88800, taxRateId: low }]);
  const voided = await invoice(kaer, '2026-10-06', [{ description: '域名', unitPriceMinor: 6000, taxRateId: high }]);
  book.day('2026-10-07');
  await book.call('invoices.void', { id: voided, reason: 'issued twice' });
  book.day('2026-10-10');
  await book.call('invoices.creditNote', { invoiceId: first, reason: 'outage discount', amountMinor: 1000, date: '2026-10-10' });
  await book.call('payments.record', { clientId: acme, date: '2026-10-12', amountMinor: 20000, method: 'card', reference: 'CARD-77' });
  await book.call('payments.record', { clientId: kaer, date: '2026-10-20', amountMinor: 50000, method: 'alipay', reference: '支付宝 2026102000' });
  // After the period.
  await invoice(kaer, '2026-11-03', [{ description: '主机 十一月', unitPriceMinor: 88800, taxRateId: low }]);
  book.day('2026-11-26');
  await book.ledgerOk();
});

afterAll(() => book.close());

async function exportRecords(dataset: ExportDataset, options: Options) {
  const result = await book.call('exports.csv', { dataset, from: FROM, to: TO, options, folder });
  expect(result.cancelled).toBe(false);
  const bytes = readFileSync(result.path!);
  const records = parse(bytes, { bom: true, delimiter: options.delimiter, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  expect(records.length).toBe(result.rows);
  return { result, bytes, records };
}

describe('exports.csv', () => {
  it('writes every dataset with its documented header, in both delimiters and decimal separators', async () => {
    for (const options of [STANDARD, EUROPEAN]) {
      for (const dataset of EXPORT_DATASETS) {
        const { bytes } = await exportRecords(dataset, options);
        const rows = parse(bytes, { bom: true, delimiter: options.delimiter }) as string[][];
        expect(rows[0]).toEqual(headersOf(dataset));
        for (const row of rows) expect(row.length).toBe(headersOf(dataset).length);
      }
    }
  });

  it('keeps a Chinese client name with a comma, a quote and a semicolon intact through the BOM', async () => {
    for (const options of [STANDARD, EUROPEAN]) {
      const { bytes, records } = await exportRecords('invoices', options);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(records.map((r) => r.client_name)).toContain(CHINESE_NAME);
    }
    const withoutBom = await book.call('exports.csv', { dataset: 'payments', from: FROM, to: TO, options: { ...STANDARD, bom: false } });
    const text = Buffer.from(withoutBom.base64!, 'base64').toString('utf8');
    expect(text.startsWith('payment_id,')).toBe(true);
    expect(text).toContain('支付宝 2026102000');
  });

  it('selects the period only and writes amounts as decimals in the chosen separator', async () => {
    const { records } = await exportRecords('invoices', EUROPEAN);
    expect(records.map((r) => r.issue_date)).toEqual(['2026-10-02', '2026-10-05', '2026-10-06']);
    // 50.00 + 6 % and 2.5 × 123.45 + 13 %.
    expect(records[0]).toMatchObject({ currency: 'USD', net: '358,63', status: 'issued' });
    expect(records[2]).toMatchObject({ status: 'void', void_reason: 'issued twice' });
    const lines = (await exportRecords('invoice_lines', EUROPEAN)).records;
    expect(lines[1]).toMatchObject({ quantity: '2,5', unit_price: '123,45', tax_rate_percent: '13', description: 'VPS "large"; 2 cores, 4 GB' });
  });

  it('ties out to the journal: invoices, tax, credit notes and payments', async () => {
    for (const options of [STANDARD, EUROPEAN]) {
      const m = (text: string) => minor(text, options.decimal);
      const journal = (await exportRecords('journal', options)).records;
      const sumJournal = (kind: string, account: string, side: 'debit' | 'credit', currency: string) =>
        journal.filter((l) => l.entry_kind === kind && l.account_code === account && l.currency === currency).reduce((s, l) => s + m(l[side]), 0);
      const invoices = (await exportRecords('invoices', options)).records;
      const creditNotes = (await exportRecords('credit_notes', options)).records;
      const payments = (await exportRecords('payments', options)).records;
      const tax = (await exportRecords('tax_summary', options)).records;
      for (const currency of ['USD', 'CNY']) {
        const of = <T extends Record<string, string>>(rows: T[]) => rows.filter((r) => r.currency === currency);
        const sum = (rows: Record<string, string>[], column: string) => rows.reduce((s, r) => s + m(r[column]!), 0);
        expect(sum(of(invoices), 'total')).toBe(sumJournal('invoice.issued', '1100', 'debit', currency));
        expect(sum(of(invoices), 'tax')).toBe(sumJournal('invoice.issued', '2100', 'credit', currency));
        expect(sum(of(invoices), 'net')).toBe(sumJournal('invoice.issued', '4000', 'credit', currency));
        expect(sum(of(tax).filter((r) => r.document_kind === 'invoice'), 'tax')).toBe(sumJournal('invoice.issued', '2100', 'credit', currency));
        expect(sum(of(creditNotes), 'total')).toBe(sumJournal('credit_note.issued', '1100', 'credit', currency));
        expect(sum(of(tax).filter((r) => r.document_kind === 'credit_note'), 'tax')).toBe(sumJournal('credit_note.issued', '2100', 'debit', currency));
        expect(sum(of(payments), 'amount')).toBe(sumJournal('payment.received', '1000', 'debit', currency));
      }
      expect(payments.map((p) => p.amount)).toEqual(options.decimal === '.' ? ['200.00', '500.00'] : ['200,00', '500,00']);
      // Every entry balances, and the void's reversal is there on its own date.
      const byEntry = new Map<string, number>();
      for (const line of journal) byEntry.set(line.entry_id!, (byEntry.get(line.entry_id!) ?? 0) + m(line.debit!) - m(line.credit!));
      expect([...byEntry.values()].every((v) => v === 0)).toBe(true);
      expect(journal.some((l) => l.entry_kind === 'invoice.voided' && l.date === '2026-10-07')).toBe(true);
      expect(journal.every((l) => l.date! >= FROM && l.date! <= TO)).toBe(true);
    }
  });

  it("writes the accountant's account codes and names once mapped", async () => {
    await book.call('exports.accountCodes.update', { codes: [{ account: '1100', code: '1122', name: 'Debtors' }] });
    const mapped = (await exportRecords('journal', STANDARD)).records;
    expect(mapped.some((l) => l.account_code === '1122' && l.account_name === 'Debtors')).toBe(true);
    expect(mapped.some((l) => l.account_code === '1100')).toBe(false);
    expect((await book.call('exports.accountCodes.get', {})).accounts.find((a) => a.account === '1100')).toMatchObject({ code: '1122', name: 'Debtors' });
    expect(await book.refused('exports.accountCodes.update', { codes: [{ account: '1000', code: '1122' }] })).toEqual({ code: 'invalid_input', fields: ['codes:duplicate'] });
    await book.call('exports.accountCodes.update', { codes: [{ account: '1100', code: null }] });
    expect((await exportRecords('journal', STANDARD)).records.some((l) => l.account_code === '1100' && l.account_name === 'Accounts receivable')).toBe(true);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = readdirSync(folder).length;
    const refused = (input: unknown) => book.refused('exports.csv', input);
    expect(await refused({ dataset: 'journal', from: TO, to: FROM, folder })).toEqual({ code: 'invalid_input', fields: ['to:date_order'] });
    expect((await refused({ dataset: 'ledger', from: FROM, to: TO, folder })).fields.map((f) => f.split(':')[0])).toEqual(['dataset']);
    expect((await refused({ dataset: 'journal', from: FROM, to: TO, folder: '/etc' })).fields).toEqual(['folder:not_allowed']);
    expect((await refused({ dataset: 'journal', from: FROM, to: TO, folder: `${folder}/../../etc` })).fields).toEqual(['folder:invalid']);
    expect((await refused({ dataset: 'journal', from: FROM, to: TO, folder: join(folder, 'missing') })).fields).toEqual(['folder:unknown_reference']);
    expect((await refused({ dataset: 'journal', from: FROM, to: TO, folder: 'relative/folder' })).fields.map((f) => f.split(':')[0])).toEqual(['folder']);
    expect(readdirSync(folder).length).toBe(before);
  });
});

/** Entry names and bytes of a ZIP file. */
function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe('exports.package', () => {
  it('zips every CSV, the PDF of each invoice and credit note, and the README; then locks the period', async () => {
    const packageFolder = join(folder, 'package');
    mkdirSync(packageFolder);
    await book.call('company.update', COMPANY);
    const result = await book.call('exports.package', { from: FROM, to: TO, options: EUROPEAN, folder: packageFolder, lockPeriod: true });
    expect(result).toMatchObject({ cancelled: false, invoicePdfs: 4, lockedUntil: TO });
    expect(readdirSync(packageFolder)).toEqual([result.fileName]);
    const entries = await readZip(result.path!);
    const names = [...entries.keys()].sort();
    expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(EXPORT_DATASETS.length);
    expect(names.filter((n) => n.startsWith('invoices/') && n.endsWith('.pdf'))).toHaveLength(4);
    for (const name of names.filter((n) => n.endsWith('.pdf'))) expect(entries.get(name)!.subarray(0, 5).toString()).toBe('%PDF-');
    const readme = entries.get('README.txt')!.toString('utf8');
    for (const dataset of EXPORT_DATASETS) for (const column of headersOf(dataset)) expect(readme).toContain(column);
    const invoices = parse(entries.get(`invoices_${FROM}_${TO}.csv`)!, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(invoices.map((r) => r.client_name)).toContain(CHINESE_NAME);
    expect((await book.call('billingSettings.get', {})).lockDate).toBe(TO);
    const logged = book.backend.db.prepare<[], string>("SELECT data_json FROM audit_log WHERE action = 'exports.package_written'").pluck().all();
    expect(logged.map((d) => JSON.parse(d) as { from: string; to: string; invoicePdfs: number })).toEqual([expect.objectContaining({ from: FROM, to: TO, invoicePdfs: 4 })]);
    await book.ledgerOk();
  });

  it('refuses to lock a period that has not ended', async () => {
    expect(await book.refused('exports.package', { from: '2026-11-01', to: '2026-11-30', lockPeriod: true })).toEqual({ code: 'invalid_input', fields: ['lockPeriod:not_allowed'] });
  });
});

describe('a large export', () => {
  it('runs in a worker thread with progress, and cancelled leaves no file', async () => {
    const big = await openTestBook({ now: '2026-11-26T09:00:00Z' });
    const at = '2026-11-26T09:00:00.000Z';
    const db = big.backend.db;
    const writer = createHistoryWriter(db, { batchId: 'ib_exportsbigtest00', at, taxMode: 'exclusive', audit: createAuditLog(db, { actor: () => 'test', now: () => new Date(at) }) });
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare(`INSERT INTO import_batches (id, kind, row_count, status, created_at) VALUES ('ib_exportsbigtest00', 'history', 10000, 'imported', ?)`).run(at);
      const clients = writer.createClients(['C1', 'C2', 'C3'], 'USD');
      const rows = Array.from({ length: 10_000 }, (_, n) => {
        const date = `2026-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
        return { row: n + 2, customerId: `C${1 + (n % 3)}`, clientId: clients.get(`C${1 + (n % 3)}`)!, currency: 'USD', invoiceId: `H${n}`, invoiceDate: date, dueDate: date, amountMinor: 1000 + n, settledDate: date, paidMinor: 1000 + n, method: 'bank_transfer' as const, reference: null, disputed: false };
      });
      writer.writeRows(rows);
    })();
    const out = tempDir('hostledger-exports-big-');
    const input = { dataset: 'journal' as const, from: '2026-01-01', to: '2026-12-31', folder: out };
    try {
      const progress: number[] = [];
      const stop = big.backend.subscribe((event) => {
        if (event.name === 'job.progress' && !event.payload.finished) progress.push(event.payload.done);
      });
      const whole = await big.call('exports.csv', input);
      expect(whole.rows).toBeGreaterThan(2 * WORKER_ROWS);
      expect(progress.length).toBeGreaterThan(1);
      const records = parse(readFileSync(whole.path!), { bom: true, columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(whole.rows);
      stop();

      const cancelling = big.backend.subscribe((event) => {
        if (event.name === 'job.progress' && !event.payload.finished) void big.backend.dispatch('exports.cancel', { jobId: event.payload.jobId });
      });
      const cancelled = await big.call('exports.csv', { ...input, dataset: 'journal', options: EUROPEAN });
      cancelling();
      expect(cancelled).toMatchObject({ cancelled: true, path: null });
      expect(readdirSync(out)).toEqual([whole.fileName]);
      // The earlier complete file is untouched by the cancelled one of the same name.
      expect(readFileSync(whole.path!).subarray(0, 20).toString('utf8')).toContain('date,entry_id');
    } finally {
      big.close();
    }
  });
});
