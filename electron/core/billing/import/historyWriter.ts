// The bulk path of the history import: writes the rows the ledger would write for an imported
// invoice and its payment — the invoice (issued without a number of ours, its external number
// kept), its line, its journal entry; the payment, its entry, its allocation and that entry — with
// prepared statements and no read-backs. Through createDraft/issue/recordPayment an imported row
// costs several times as much (each step re-reads what it wrote, and hashes an audit row), which
// for a 190,000-row history is minutes instead of seconds. The ledger check proves the rows agree.
// Callers run it inside a transaction with defer_foreign_keys on (see writeRow).
import { ACCOUNTS, type AccountCode } from '../../../../shared/billing/accounts.js';
import type { Invoice, InvoiceLine } from '../../../../shared/domain/invoice.js';
import type { AuditLog } from '../../audit/auditLog.js';
import { createClientRepository } from '../../clients/clientRepository.js';
import type { Db } from '../../db/database.js';
import { issuedHash } from '../invoiceStore.js';
import type { HistoryRow } from './historyRows.js';
import { createIdSource } from './idSource.js';

/**
 * What an imported invoice's version is when the import leaves it (as if drafted, then issued). Any
 * later change through the invoice store (a payment, credit note, void, dispute) raises it: that
 * is how undo knows the invoice was touched.
 */
export const IMPORTED_INVOICE_VERSION = 2;

export interface WriterOptions {
  batchId: string;
  /** The moment the import was asked for: every row of the batch carries it. */
  at: string;
  taxMode: Invoice['taxMode'];
  audit: AuditLog;
}

export type WrittenRow = HistoryRow & { clientId: string };

/** The accounts whose journal lines name the client (journal.ts: receivables and customer credit). */
const CLIENT_ACCOUNTS = new Set<AccountCode>([ACCOUNTS.receivables, ACCOUNTS.customerCredit]);

export function createHistoryWriter(db: Db, options: WriterOptions) {
  const { batchId, at, taxMode, audit } = options;
  const clients = createClientRepository(db);
  const newId = createIdSource();
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, tax_minor, total_minor, open_minor, source, disputed, external_number, import_batch_id, issued_hash, version, created_at, updated_at)
     VALUES (@id, @clientId, 'invoice', 'issued', @issueDate, @dueDate, @currency, @taxMode, @total, 0, @total, @open, 'import', @disputed, @number, @batchId, @hash, @version, @at, @at)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity_milli, unit_price_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
     VALUES (?, 1, 'charge', ?, 1000, ?, 0, ?, 0, ?)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (id, client_id, date, amount_minor, currency, method, reference, status, import_batch_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`,
  );
  const insertAllocation = db.prepare('INSERT INTO allocations (payment_id, invoice_id, amount_minor, date) VALUES (?, ?, ?, ?)');
  const insertEntry = db.prepare(
    'INSERT INTO journal_entries (id, date, kind, ref_type, ref_id, client_id, memo, import_batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertJournalLine = db.prepare('INSERT INTO journal_lines (entry_id, account, client_id, currency, debit_minor, credit_minor) VALUES (?, ?, ?, ?, ?, ?)');

  /**
   * One balanced entry of two lines, as journal.post writes it: `amount` debited to one account
   * and credited to another (a line's client is set on receivables and customer credit only).
   */
  function post(date: string, kind: string, refType: string, refId: string, row: WrittenRow, memo: string, debit: AccountCode, credit: AccountCode, amount: number): void {
    const id = newId('je');
    insertEntry.run(id, date, kind, refType, refId, row.clientId, memo, batchId, at);
    insertJournalLine.run(id, debit, CLIENT_ACCOUNTS.has(debit) ? row.clientId : null, row.currency, amount, 0);
    insertJournalLine.run(id, credit, CLIENT_ACCOUNTS.has(credit) ? row.clientId : null, row.currency, 0, amount);
  }

  /** The invoice as the store would read it back, for the hash the ledger check compares. */
  function hashOf(id: string, row: WrittenRow, line: InvoiceLine): string {
    const invoice: Invoice = {
      id,
      clientId: row.clientId,
      clientName: row.customerId,
      kind: 'invoice',
      status: 'issued',
      number: row.invoiceId,
      issueDate: row.invoiceDate,
      dueDate: row.dueDate,
      currency: row.currency,
      taxMode,
      netMinor: row.amountMinor,
      taxMinor: 0,
      totalMinor: row.amountMinor,
      openMinor: row.amountMinor - row.paidMinor,
      source: 'import',
      creditedInvoiceId: null,
      convertedInvoiceId: null,
      reason: null,
      approvedBy: null,
      voidReason: null,
      disputed: row.disputed,
      notes: null,
      version: IMPORTED_INVOICE_VERSION,
      createdAt: at,
    };
    return issuedHash(invoice, [line]);
  }

  function writeRow(row: WrittenRow): boolean {
    const id = newId('in');
    const amount = row.amountMinor;
    const description = `Imported invoice ${row.invoiceId}`;
    // The old system's amount is what the client was billed; it carries no tax breakdown, so it
    // is one untaxed line (the tax on it was declared by the old system).
    const line: InvoiceLine = {
      position: 1,
      kind: 'charge',
      description,
      contractId: null,
      periodStart: null,
      periodEnd: null,
      quantityMilli: 1000,
      unitPriceMinor: amount,
      taxRateBp: 0,
      netMinor: amount,
      taxMinor: 0,
      totalMinor: amount,
    };
    // The line goes in first and the invoice is born issued: the trigger that freezes an issued
    // invoice's lines finds no invoice yet, and the line's foreign key waits for the end of the
    // transaction (defer_foreign_keys, set by the caller). Draft, line, then issue would be the
    // same rows for one more update of every index of the invoice.
    insertLine.run(id, description, amount, amount, amount);
    insertInvoice.run({
      id,
      clientId: row.clientId,
      issueDate: row.invoiceDate,
      dueDate: row.dueDate,
      currency: row.currency,
      taxMode,
      total: amount,
      open: amount - row.paidMinor,
      disputed: row.disputed ? 1 : 0,
      number: row.invoiceId,
      batchId,
      hash: hashOf(id, row, line),
      version: IMPORTED_INVOICE_VERSION,
      at,
    });
    post(row.invoiceDate, 'invoice.issued', 'invoice', id, row, `Invoice ${row.invoiceId}`, ACCOUNTS.receivables, ACCOUNTS.revenue, amount);
    if (row.paidMinor === 0 || row.settledDate === null) return false;

    const paymentId = newId('pm');
    const paid = row.paidMinor;
    insertPayment.run(paymentId, row.clientId, row.settledDate, paid, row.currency, row.method, row.reference, batchId, at);
    post(row.settledDate, 'payment.received', 'payment', paymentId, row, `Payment ${row.method}${row.reference ? ` ${row.reference}` : ''}`, ACCOUNTS.bank, ACCOUNTS.customerCredit, paid);
    insertAllocation.run(paymentId, id, paid, row.settledDate);
    post(row.settledDate, 'payment.allocated', 'payment', paymentId, row, `Payment applied to ${row.invoiceId}`, ACCOUNTS.customerCredit, ACCOUNTS.receivables, paid);
    return true;
  }

  return {
    /** New clients named by their customer id, each audited as created by this import. */
    createClients(customerIds: readonly string[], currency: string): Map<string, string> {
      const created = new Map<string, string>();
      for (const customerId of customerIds) {
        const id = newId('cl');
        clients.insert(
          {
            id,
            name: customerId,
            company: null,
            contactName: null,
            email: null,
            billingEmail: null,
            phone: null,
            address: null,
            country: null,
            taxId: null,
            language: 'en',
            currency,
            channels: ['email'],
            notes: null,
            tags: [],
            taxRateId: null,
            taxExemptReason: null,
            prepay: false,
          },
          at,
        );
        audit.append({ action: 'client.created', entity: 'client', entityId: id, data: { name: customerId, currency, importBatchId: batchId } });
        created.set(customerId, id);
      }
      return created;
    },

    /** Writes rows whose clients exist; returns how many invoices and payments it wrote. */
    writeRows(rows: readonly WrittenRow[]): { invoices: number; payments: number } {
      let payments = 0;
      for (const row of rows) if (writeRow(row)) payments += 1;
      return { invoices: rows.length, payments };
    },
  };
}
