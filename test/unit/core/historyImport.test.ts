import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database.js';
import type { BackendEvent } from '../../../shared/api/events.js';
import { bookFingerprint, openTestBook, type TestBook } from '../../fixtures/book.js';

const HEADER = 'customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed,amount_paid,payment_method,payment_reference';
const UCI_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data', 'risk', 'uci-credit-invoices.csv');

let book: TestBook;
afterEach(() => book?.close());

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

async function importBook() {
  book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
  const acme = await book.call('clients.create', { name: 'Acme Web', currency: 'USD' });
  const zhang = await book.call('clients.create', { name: 'Zhang Wei', currency: 'CNY' });
  const tokyo = await book.call('clients.create', { name: 'Tokyo Sites', currency: 'JPY' });
  return { acme, zhang, tokyo };
}

async function dispatch(method: Parameters<TestBook['call']>[0], input: unknown) {
  return book.backend.dispatch(method, input);
}

const ledgerOk = async () => expect((await book.call('books.check', {})).checks.filter((c) => !c.ok)).toEqual([]);

/**
 * The book's fingerprint less what an import leaves behind on purpose: the audit log (append-only)
 * and the import's own record (kept, marked undone). Taken on an in-memory copy.
 */
function fingerprintBesidesHistory(db: Db): string {
  const image = db.serialize();
  // Bytes 18 and 19 of the header say WAL (2); an in-memory copy must be a rollback-journal file (1).
  image[18] = 1;
  image[19] = 1;
  const copy = new Database(image);
  copy.pragma('foreign_keys = OFF');
  copy.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log; DELETE FROM import_batches;');
  const fingerprint = bookFingerprint(copy);
  copy.close();
  return fingerprint;
}

describe('previewing a history import', () => {
  it('reports every bad row by row and column, and writes nothing', async () => {
    const { acme, tokyo } = await importBook();
    await book.call('books.lock', { lockDate: '2026-01-31' });
    const file = csv(
      'Acme Web,H-1,2026-03-01,2026-03-15,120.00,2026-03-10,0,,,', // 2: fine
      'Acme Web,H-2,2026-02-30,2026-03-15,10.00,,0,,,', // 3: malformed date
      'Acme Web,H-3,2026-03-10,2026-03-01,10.00,,0,,,', // 4: due before invoice date
      'Tokyo Sites,H-4,2026-03-01,2026-03-15,10.50,,0,,,', // 5: JPY has no decimals
      'Nobody Ltd,H-5,2026-03-01,2026-03-15,10.00,,0,,,', // 6: unknown client
      'Acme Web,H-1,2026-03-01,2026-03-15,10.00,,0,,,', // 7: duplicate invoice_id
      'Acme Web,H-7,2026-03-01,2026-03-15,10.00,2026-03-10,0,12.00,,', // 8: paid more than the amount
      'Acme Web,H-8,2026-03-01,2026-03-15,10.00,,0,5.00,,', // 9: paid without a settled date
      'Acme Web,H-9,2026-03-01,2026-03-15,10.00,2026-03-10,0,,cheque,', // 10: unknown method
      'Acme Web,H-10,2026-03-01,2026-03-15,10.00,,2,,,', // 11: disputed not 0/1
      'Acme Web,H-11,2026-12-01,2026-12-15,10.00,,0,,,', // 12: in the future
      'Acme Web,H-12,2026-03-10,2026-03-20,10.00,2026-03-01,0,,,', // 13: settled before invoiced
      'Acme Web,H-13,2026-01-15,2026-02-15,10.00,,0,,,', // 14: inside the locked period
      'Acme Web,H-14,2026-03-01,2026-03-15,-5,,0,,,', // 15: negative amount
      'Acme Web,H-15,2026-03-01', // 16: too few fields
      `${tokyo.id},H-16,2026-03-01,2026-03-15,1050,,0,,,`, // 17: fine, client by id
    );
    const before = bookFingerprint(book.backend.db);
    const preview = await book.call('imports.preview', { csv: file });
    expect(preview.errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual([
      '3:invoice_date:invalid_date',
      '4:due_date:date_order',
      '5:amount:invalid',
      '6:customer_id:unknown_reference',
      '7:invoice_id:duplicate',
      '8:amount_paid:too_large',
      '9:amount_paid:not_allowed',
      '10:payment_method:invalid_choice',
      '11:disputed:invalid_choice',
      '12:invoice_date:not_allowed',
      '12:due_date:not_allowed',
      '13:settled_date:date_order',
      '14:invoice_date:not_allowed',
      '15:amount:too_small',
      '16:null:invalid',
    ]);
    expect(preview.errors.find((e) => e.row === 7)?.message).toMatch(/also on row 2/);
    expect(preview).toMatchObject({ rowCount: 16, errorCount: 15, payments: 1, newClients: { count: 0 } });
    expect(preview.totals).toEqual([
      { currency: 'JPY', invoices: 1, invoicedMinor: 1050, paidMinor: 0, openMinor: 1050 },
      { currency: 'USD', invoices: 1, invoicedMinor: 12000, paidMinor: 12000, openMinor: 0 },
    ]);
    expect(bookFingerprint(book.backend.db)).toBe(before);

    const refused = await dispatch('imports.commit', { csv: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'csv' }], errorCount: 15 } } });
    if (!refused.ok) expect((refused.error.details?.rows as unknown[]).length).toBe(15);
    expect(bookFingerprint(book.backend.db)).toBe(before);
    expect((await book.call('imports.list', {})).items).toEqual([]);
    expect(acme.id).toBeTruthy();
  });

  it('reports a bad header or broken CSV as errors on their row', async () => {
    await importBook();
    const errors = async (text: string) => (await book.call('imports.preview', { csv: text })).errors.map((e) => `${e.row}:${e.column}:${e.code}`);
    expect(await errors('customer_id,invoice_id,invoice_date,amount,settled_date,disputed,colour\nx')).toEqual(['1:colour:unknown_field', '1:due_date:required']);
    expect(await errors(`${HEADER}\nAcme Web,"H-1,2026-03-01`)).toEqual(['2:null:invalid']);
    expect(await errors(HEADER)).toEqual(['2:null:required']);
    expect((await dispatch('imports.commit', { csv: HEADER })).ok).toBe(false);
  });

  it('shows the clients it would create, in the book\'s default currency', async () => {
    await importBook();
    const preview = await book.call('imports.preview', { csv: csv('C-1,H-1,2026-03-01,2026-03-15,10.00,,0,,,', 'C-2,H-2,2026-03-01,2026-03-15,10.00,,0,,,', 'C-1,H-3,2026-04-01,2026-04-15,10.00,,0,,,'), createMissingClients: true });
    // Acme (USD), Zhang (CNY) and Tokyo (JPY) tie; the earliest client's currency wins.
    expect(preview).toMatchObject({ errorCount: 0, newClients: { count: 2, currency: 'USD', sample: ['C-1', 'C-2'] } });
  });
});

describe('committing a history import', () => {
  it('issues each invoice under its external number and dates, applies its payment, and keeps the ledger right', async () => {
    const { acme, zhang } = await importBook();
    const file = csv(
      'Acme Web,OLD-1001,2025-01-01,2025-01-21,120.00,2025-01-18,0,,card,ch_123', // paid in full
      'Acme Web,OLD-1002,2025-02-01,2025-02-21,120.00,2025-03-05,1,50.00,Bank transfer,', // partly paid late, disputed
      'Acme Web,OLD-1003,2025-03-01,2025-03-21,80.00,,0,,,', // never paid
      `${zhang.id},CN-7,2025-03-01,2025-03-21,300.00,2025-03-02,0,,alipay,`,
      'C-900,X-1,2025-04-01,2025-04-21,99.00,,0,,,', // a client the book does not have
    );
    const batch = await book.call('imports.commit', { csv: file, fileName: 'old-system.csv', createMissingClients: true });
    expect(batch).toMatchObject({ status: 'imported', rowCount: 5, invoices: 5, payments: 3, clientsCreated: 1, fileName: 'old-system.csv' });
    await ledgerOk();

    const invoices = (await book.call('invoices.search', { clientId: acme.id })).items.sort((a, b) => a.issueDate!.localeCompare(b.issueDate!));
    expect(invoices.map((i) => [i.number, i.issueDate, i.dueDate, i.totalMinor, i.openMinor, i.disputed, i.source])).toEqual([
      ['OLD-1001', '2025-01-01', '2025-01-21', 12000, 0, false, 'import'],
      ['OLD-1002', '2025-02-01', '2025-02-21', 12000, 7000, true, 'import'],
      ['OLD-1003', '2025-03-01', '2025-03-21', 8000, 8000, false, 'import'],
    ]);
    // A series of their own: no number of ours is taken, the external one is kept.
    const stored = book.backend.db.prepare('SELECT DISTINCT series, number, external_number IS NOT NULL AS external FROM invoices').all();
    expect(stored).toEqual([{ series: null, number: null, external: 1 }]);
    const payments = await book.call('payments.listByClient', { clientId: acme.id });
    expect(payments.items.map((p) => [p.date, p.amountMinor, p.method, p.reference, p.unallocatedMinor, p.allocations.map((a) => a.invoiceNumber)])).toEqual([
      ['2025-03-05', 5000, 'bank_transfer', null, 0, ['OLD-1002']],
      ['2025-01-18', 12000, 'card', 'ch_123', 0, ['OLD-1001']],
    ]);
    expect(await book.call('accounts.summary', { clientId: acme.id })).toMatchObject({ balanceMinor: 15000, openMinor: 15000, creditMinor: 0, overdueMinor: 15000, openInvoices: 2 });
    expect(await book.call('accounts.summary', { clientId: zhang.id })).toMatchObject({ balanceMinor: 0, currency: 'CNY' });
    const journal = await book.call('accounts.ledger', { clientId: acme.id });
    expect(journal.items[0]).toMatchObject({ date: '2025-01-01', entryKind: 'invoice.issued', memo: 'Invoice OLD-1001' });

    const created = (await book.call('clients.search', { query: 'C-900' })).items;
    expect(created.map((c) => [c.name, c.currency])).toEqual([['C-900', 'USD']]);
    expect((await book.call('imports.list', {})).items).toEqual([expect.objectContaining({ id: batch.id, status: 'imported', rowCount: 5 })]);
    // Our own numbering is untouched by the import.
    const draft = await book.call('invoices.createDraft', { clientId: acme.id, lines: [{ description: 'Hosting', unitPriceMinor: 1000 }] });
    expect((await book.call('invoices.issue', { id: draft.id })).number).toBe('INV-2026-00001');
    await ledgerOk();

    // The same file again: every invoice is already in the book.
    const again = await book.call('imports.preview', { csv: file, createMissingClients: true });
    expect(again.errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual(['2:invoice_id:duplicate', '3:invoice_id:duplicate', '4:invoice_id:duplicate', '5:invoice_id:duplicate', '6:invoice_id:duplicate']);
  });

  it('undoes an import exactly, clients it created included', async () => {
    const { acme } = await importBook();
    await book.call('invoices.issue', { id: (await book.call('invoices.createDraft', { clientId: acme.id, lines: [{ description: 'Hosting', unitPriceMinor: 1000 }] })).id });
    const before = fingerprintBesidesHistory(book.backend.db);
    const batch = await book.call('imports.commit', {
      csv: csv('Acme Web,OLD-1,2025-01-01,2025-01-21,120.00,2025-01-10,0,,,', 'Acme Web,OLD-2,2025-02-01,2025-02-21,120.00,2025-02-10,0,60.00,,', 'C-1,OLD-3,2025-02-01,2025-02-21,5.00,,1,,,'),
      createMissingClients: true,
    });
    expect(fingerprintBesidesHistory(book.backend.db)).not.toBe(before);
    const undone = await book.call('imports.undo', { batchId: batch.id });
    expect(undone).toMatchObject({ status: 'undone', invoicesRemoved: 3, paymentsRemoved: 2, clientsRemoved: 1, clientsKept: 0 });
    expect(fingerprintBesidesHistory(book.backend.db)).toBe(before);
    await ledgerOk();
    expect(await dispatch('imports.undo', { batchId: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch('imports.undo', { batchId: 'ib_0000000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = book.backend.db.prepare("SELECT action FROM audit_log WHERE entity = 'import_batch' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['import.started', 'import.rows_written', 'import.committed', 'import.undone']);
  });

  it('refuses to undo once a later payment was applied to an imported invoice, naming it', async () => {
    const { acme } = await importBook();
    const batch = await book.call('imports.commit', { csv: csv('Acme Web,OLD-77,2025-01-01,2025-01-21,120.00,,0,,,') });
    await book.call('payments.record', { clientId: acme.id, date: '2026-11-20', amountMinor: 5000, method: 'cash' });
    const before = bookFingerprint(book.backend.db);
    const refused = await dispatch('imports.undo', { batchId: batch.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('OLD-77') } });
    expect(bookFingerprint(book.backend.db)).toBe(before);
  });

  it('keeps a created client that has since been given a contract or an invoice of its own', async () => {
    await importBook();
    const batch = await book.call('imports.commit', { csv: csv('C-5,OLD-1,2025-01-01,2025-01-21,10.00,,0,,,'), createMissingClients: true });
    const client = (await book.call('clients.search', { query: 'C-5' })).items[0]!;
    await book.call('invoices.createDraft', { clientId: client.id, lines: [{ description: 'Setup', unitPriceMinor: 500 }] });
    expect(await book.call('imports.undo', { batchId: batch.id })).toMatchObject({ invoicesRemoved: 1, clientsRemoved: 0, clientsKept: 1 });
    await ledgerOk();
  });

  it('refuses to undo an import whose dates have since been locked', async () => {
    await importBook();
    const batch = await book.call('imports.commit', { csv: csv('Acme Web,OLD-1,2025-01-01,2025-01-21,10.00,,0,,,') });
    await book.call('books.lock', { lockDate: '2025-12-31' });
    expect(await dispatch('imports.undo', { batchId: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('locked') } });
  });
});

describe('the real UCI payment history', () => {
  it('imports its first 2,000 invoices cleanly in a worker, with progress, and the ledger agrees', async () => {
    if (!existsSync(UCI_FILE)) {
      throw new Error(`The UCI history is missing: expected ${UCI_FILE} (the shared/ folder beside the repository, as CI lays it out).`);
    }
    const lines = readFileSync(UCI_FILE, 'utf8').split('\n');
    const sample = lines.slice(0, 2001).join('\n');
    book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
    const events: BackendEvent[] = [];
    book.backend.subscribe((event) => events.push(event));
    const batch = await book.call('imports.commit', { csv: sample, fileName: 'uci-credit-invoices.csv', createMissingClients: true });
    expect(batch).toMatchObject({ rowCount: 2000, invoices: 2000, status: 'imported' });
    const progress = events.filter((e) => e.name === 'job.progress').map((e) => e.payload as { done: number; total: number | null; finished: boolean });
    expect(progress.at(-1)).toMatchObject({ done: 2000, total: 2000, finished: true });
    const open = book.backend.db.prepare("SELECT count(*) FROM invoices WHERE open_minor > 0").pluck().get();
    const unsettled = lines.slice(1, 2001).filter((line) => line.split(',')[5] === '').length;
    expect(open).toBe(unsettled);
    await ledgerOk();
  });
});
