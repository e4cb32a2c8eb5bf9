// Invoices and their lines in SQLite: plain functions over the db handle; rows become the
// contract's shapes here and nowhere else.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Invoice, InvoiceLine } from '../../../shared/domain/invoice.js';
import type { Db } from '../db/database.js';

interface InvoiceRow {
  id: string;
  client_id: string;
  client_name: string;
  kind: Invoice['kind'];
  status: Invoice['status'];
  series: string | null;
  number: number | null;
  number_text: string | null;
  issue_date: string | null;
  due_date: string | null;
  currency: string;
  tax_mode: Invoice['taxMode'];
  net_minor: number;
  tax_minor: number;
  total_minor: number;
  open_minor: number;
  source: Invoice['source'];
  credited_invoice_id: string | null;
  converted_invoice_id: string | null;
  reason: string | null;
  approved_by: string | null;
  void_reason: string | null;
  disputed: 0 | 1;
  external_number: string | null;
  notes: string | null;
  issued_hash: string | null;
  version: number;
  created_at: string;
}

interface LineRow {
  position: number;
  kind: InvoiceLine['kind'];
  description: string;
  contract_id: string | null;
  period_start: string | null;
  period_end: string | null;
  quantity_milli: number;
  unit_price_minor: number;
  tax_rate_bp: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
}

const toInvoice = (row: InvoiceRow): Invoice => ({
  id: row.id,
  clientId: row.client_id,
  clientName: row.client_name,
  kind: row.kind,
  status: row.status,
  number: row.number_text ?? row.external_number,
  issueDate: row.issue_date,
  dueDate: row.due_date,
  currency: row.currency,
  taxMode: row.tax_mode,
  netMinor: row.net_minor,
  taxMinor: row.tax_minor,
  totalMinor: row.total_minor,
  openMinor: row.open_minor,
  source: row.source,
  creditedInvoiceId: row.credited_invoice_id,
  convertedInvoiceId: row.converted_invoice_id,
  reason: row.reason,
  approvedBy: row.approved_by,
  voidReason: row.void_reason,
  disputed: row.disputed === 1,
  notes: row.notes,
  version: row.version,
  createdAt: row.created_at,
});

const toLine = (row: LineRow): InvoiceLine => ({
  position: row.position,
  kind: row.kind,
  description: row.description,
  contractId: row.contract_id,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  quantityMilli: row.quantity_milli,
  unitPriceMinor: row.unit_price_minor,
  taxRateBp: row.tax_rate_bp,
  netMinor: row.net_minor,
  taxMinor: row.tax_minor,
  totalMinor: row.total_minor,
});

/** The fingerprint of an invoice as issued: identity, dates, money and every line. */
export function issuedHash(invoice: Invoice, lines: readonly InvoiceLine[]): string {
  const frozen = [invoice.id, invoice.clientId, invoice.kind, invoice.number, invoice.issueDate, invoice.dueDate, invoice.currency, invoice.taxMode, invoice.netMinor, invoice.taxMinor, invoice.totalMinor, invoice.creditedInvoiceId, lines];
  return createHash('sha256').update(JSON.stringify(frozen)).digest('hex');
}

export interface NewInvoice {
  id: string;
  clientId: string;
  kind: Invoice['kind'];
  currency: string;
  taxMode: Invoice['taxMode'];
  dueDate: string | null;
  source: Invoice['source'];
  creditedInvoiceId?: string | null;
  reason?: string | null;
  approvedBy?: string | null;
  notes?: string | null;
  externalNumber?: string | null;
  importBatchId?: string | null;
}

const SELECT = 'SELECT i.*, c.name AS client_name FROM invoices i JOIN clients c ON c.id = i.client_id';

export interface InvoiceFilters {
  clientId?: string;
  kind?: Invoice['kind'];
  filter: 'draft' | 'open' | 'overdue' | 'paid' | 'void' | 'disputed' | 'all';
  query: string;
}

/** Lists run newest first; a page ends at an invoice's row number. */
export interface InvoiceCursor {
  seq: number;
}

const FILTER_SQL: Record<InvoiceFilters['filter'], string> = {
  all: '1',
  draft: "i.status = 'draft'",
  open: "i.status = 'issued' AND i.open_minor > 0 AND i.kind <> 'credit_note' AND i.converted_invoice_id IS NULL",
  overdue: "i.status = 'issued' AND i.open_minor > 0 AND i.kind = 'invoice' AND i.due_date < @today",
  paid: "i.status = 'issued' AND i.open_minor = 0 AND i.kind = 'invoice'",
  void: "i.status = 'void'",
  disputed: 'i.disputed = 1',
};

export type InvoiceStore = ReturnType<typeof createInvoiceStore>;

export function createInvoiceStore(db: Db) {
  const byId = db.prepare<[string], InvoiceRow>(`${SELECT} WHERE i.id = ?`);
  const linesOf = db.prepare<[string], LineRow>('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position');
  const insert = db.prepare(
    `INSERT INTO invoices (id, client_id, kind, status, currency, tax_mode, due_date, source, credited_invoice_id, reason, approved_by, notes, external_number, import_batch_id, created_at, updated_at)
     VALUES (@id, @clientId, @kind, 'draft', @currency, @taxMode, @dueDate, @source, @creditedInvoiceId, @reason, @approvedBy, @notes, @externalNumber, @importBatchId, @at, @at)`,
  );
  const deleteLines = db.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?');
  const insertLine = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, kind, description, contract_id, period_start, period_end, quantity_milli, unit_price_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
     VALUES (@invoiceId, @position, @kind, @description, @contractId, @periodStart, @periodEnd, @quantityMilli, @unitPriceMinor, @taxRateBp, @netMinor, @taxMinor, @totalMinor)`,
  );
  const setTotals = db.prepare(
    `UPDATE invoices SET net_minor = @net, tax_minor = @tax, total_minor = @total, open_minor = @total, due_date = @dueDate, notes = @notes, version = version + 1, updated_at = @at WHERE id = @id AND status = 'draft'`,
  );
  const issue = db.prepare(
    `UPDATE invoices SET status = 'issued', series = @series, number = @number, number_text = @text, issue_date = @issueDate, due_date = @dueDate, issued_hash = @hash, version = version + 1, updated_at = @at WHERE id = @id AND status = 'draft'`,
  );
  const issueImported = db.prepare(
    `UPDATE invoices SET status = 'issued', issue_date = @issueDate, due_date = @dueDate, issued_hash = @hash, version = version + 1, updated_at = @at WHERE id = @id AND status = 'draft'`,
  );
  const adjustOpen = db.prepare('UPDATE invoices SET open_minor = open_minor + @delta, version = version + 1, updated_at = @at WHERE id = @id');
  const setVoid = db.prepare(`UPDATE invoices SET status = 'void', open_minor = 0, void_reason = ?, version = version + 1, updated_at = ? WHERE id = ?`);
  const setConverted = db.prepare('UPDATE invoices SET converted_invoice_id = ?, open_minor = 0, version = version + 1, updated_at = ? WHERE id = ?');
  const setDisputed = db.prepare('UPDATE invoices SET disputed = ?, version = version + 1, updated_at = ? WHERE id = ?');
  const deleteDraft = db.prepare(`DELETE FROM invoices WHERE id = ? AND status = 'draft'`);
  const creditNotesOf = db.prepare<[string], InvoiceRow>(`${SELECT} WHERE i.credited_invoice_id = ? AND i.status = 'issued' ORDER BY i.seq`);
  const openOfClient = db.prepare<[string], InvoiceRow>(
    `${SELECT} WHERE i.client_id = ? AND i.kind = 'invoice' AND i.status = 'issued' AND i.open_minor > 0 ORDER BY i.due_date, i.issue_date, i.seq`,
  );

  const statements = new Map<string, Database.Statement<Record<string, unknown>, InvoiceRow>>();
  const listing = (filters: InvoiceFilters) => {
    const where = [FILTER_SQL[filters.filter], '(@afterSeq IS NULL OR i.seq < @afterSeq)'];
    if (filters.clientId) where.push('i.client_id = @clientId');
    if (filters.kind) where.push('i.kind = @kind');
    if (filters.query) where.push('(lower(i.number_text) LIKE @query OR lower(i.external_number) LIKE @query OR lower(c.name) LIKE @query)');
    const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.seq DESC LIMIT @limit`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<Record<string, unknown>, InvoiceRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    /** The row number behind a cursor (the invoices list pages by it). */
    seqOf: (id: string) => db.prepare<[string], number>('SELECT seq FROM invoices WHERE id = ?').pluck().get(id),
    get(id: string): Invoice | null {
      const row = byId.get(id);
      return row ? toInvoice(row) : null;
    },
    lines: (id: string): InvoiceLine[] => linesOf.all(id).map(toLine),
    creditNotes: (id: string): Invoice[] => creditNotesOf.all(id).map(toInvoice),
    /** Issued, unpaid invoices of a client, the oldest due first: the order payments pay them in. */
    openInvoices: (clientId: string): Invoice[] => openOfClient.all(clientId).map(toInvoice),
    insertDraft(invoice: NewInvoice, at: string): void {
      insert.run({
        creditedInvoiceId: null,
        reason: null,
        approvedBy: null,
        notes: null,
        externalNumber: null,
        importBatchId: null,
        ...invoice,
        at,
      });
    },
    /** Replaces a draft's lines and totals. */
    writeDraft(id: string, lines: readonly InvoiceLine[], fields: { dueDate: string | null; notes: string | null }, at: string): void {
      deleteLines.run(id);
      for (const line of lines) insertLine.run({ invoiceId: id, ...line });
      const net = lines.reduce((sum, l) => sum + l.netMinor, 0);
      const tax = lines.reduce((sum, l) => sum + l.taxMinor, 0);
      setTotals.run({ id, net, tax, total: net + tax, dueDate: fields.dueDate, notes: fields.notes, at });
    },
    issue(id: string, number: { series: string; number: number; text: string } | null, dates: { issueDate: string; dueDate: string }, at: string): Invoice {
      const draft = this.get(id)!;
      const issued: Invoice = { ...draft, number: number?.text ?? draft.number, issueDate: dates.issueDate, dueDate: dates.dueDate };
      const hash = issuedHash(issued, this.lines(id));
      if (number) issue.run({ id, series: number.series, number: number.number, text: number.text, ...dates, hash, at });
      else issueImported.run({ id, ...dates, hash, at });
      return this.get(id)!;
    },
    adjustOpen: (id: string, delta: number, at: string) => adjustOpen.run({ id, delta, at }),
    void: (id: string, reason: string, at: string) => setVoid.run(reason, at, id),
    markConverted: (proformaId: string, invoiceId: string, at: string) => setConverted.run(invoiceId, at, proformaId),
    setDisputed: (id: string, disputed: boolean, at: string) => setDisputed.run(disputed ? 1 : 0, at, id),
    deleteDraft: (id: string) => deleteDraft.run(id).changes === 1,
    /** Rows for the ledger check: the stored hash beside what the invoice holds now. */
    issuedFingerprints(): { id: string; stored: string | null; now: string }[] {
      const rows = db.prepare<[], InvoiceRow>(`${SELECT} WHERE i.status <> 'draft'`).all();
      return rows.map((row) => ({ id: row.id, stored: row.issued_hash, now: issuedHash(toInvoice(row), linesOf.all(row.id).map(toLine)) }));
    },
    search(filters: InvoiceFilters, today: string, limit: number, cursor: InvoiceCursor | null): Invoice[] {
      return listing(filters).all({
        clientId: filters.clientId ?? null,
        kind: filters.kind ?? null,
        query: filters.query ? `${filters.query.toLowerCase()}%` : null,
        today,
        afterSeq: cursor?.seq ?? null,
        limit,
      }).map(toInvoice);
    },
  };
}
