// The SQL behind each accountant export and how one of its rows becomes the CSV record whose
// columns shared/exports/columns.ts describes. Rows come raw (arrays) from `.iterate()`, so a
// period of a million journal lines is read one row at a time in constant memory.
import type { ExportDataset } from '../../../shared/exports/columns.js';
import type { CsvFormat } from '../../../shared/exports/csvFormat.js';
import type { Db } from '../db/database.js';

type Cell = string | number | null;
type Row = Cell[];

export interface DatasetQuery {
  /** Selects the rows of the period @from … @to (inclusive), in the file's order. */
  sql: string;
  /** Counts them, for progress. */
  countSql: string;
  toRecord(row: Row, format: CsvFormat, accounts: Record<string, { code: string; name: string }>): (string | null)[];
}

const text = (value: Cell): string | null => (value === null ? null : String(value));
const DOCUMENT_NUMBER = 'coalesce(i.number_text, i.external_number)';

const QUERIES: Record<ExportDataset, DatasetQuery> = {
  invoices: {
    sql: `SELECT ${DOCUMENT_NUMBER}, i.issue_date, i.due_date, i.client_id, c.name, c.tax_id, i.currency, i.net_minor, i.tax_minor, i.total_minor, i.open_minor, i.status, i.void_reason
          FROM invoices i JOIN clients c ON c.id = i.client_id
          WHERE i.kind = 'invoice' AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to
          ORDER BY i.issue_date, i.seq`,
    countSql: `SELECT count(*) FROM invoices i WHERE i.kind = 'invoice' AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to`,
    toRecord: (r, f) => {
      const currency = r[6] as string;
      return [text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]), text(r[5]), currency, f.money(r[7] as number, currency), f.money(r[8] as number, currency), f.money(r[9] as number, currency), f.money(r[10] as number, currency), text(r[11]), text(r[12])];
    },
  },
  invoice_lines: {
    sql: `SELECT ${DOCUMENT_NUMBER}, i.kind, i.issue_date, l.position, l.description, l.period_start, l.period_end, l.quantity_milli, l.unit_price_minor, l.tax_rate_bp, l.net_minor, l.tax_minor, l.total_minor, i.currency
          FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
          WHERE i.kind IN ('invoice', 'credit_note') AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to
          ORDER BY i.issue_date, i.seq, l.position`,
    countSql: `SELECT count(*) FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.kind IN ('invoice', 'credit_note') AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to`,
    toRecord: (r, f) => {
      const currency = r[13] as string;
      return [text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]), text(r[5]), text(r[6]), f.scaled(r[7] as number, 3), f.money(r[8] as number, currency), f.scaled(r[9] as number, 2), f.money(r[10] as number, currency), f.money(r[11] as number, currency), f.money(r[12] as number, currency), currency];
    },
  },
  credit_notes: {
    sql: `SELECT ${DOCUMENT_NUMBER}, i.issue_date, coalesce(o.number_text, o.external_number), i.client_id, c.name, i.currency, i.net_minor, i.tax_minor, i.total_minor, i.reason, i.approved_by
          FROM invoices i JOIN clients c ON c.id = i.client_id LEFT JOIN invoices o ON o.id = i.credited_invoice_id
          WHERE i.kind = 'credit_note' AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to
          ORDER BY i.issue_date, i.seq`,
    countSql: `SELECT count(*) FROM invoices i WHERE i.kind = 'credit_note' AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to`,
    toRecord: (r, f) => {
      const currency = r[5] as string;
      return [text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]), currency, f.money(r[6] as number, currency), f.money(r[7] as number, currency), f.money(r[8] as number, currency), text(r[9]), text(r[10])];
    },
  },
  payments: {
    sql: `SELECT p.id, p.date, p.client_id, c.name, p.currency, p.amount_minor, p.method, p.reference, p.status, p.bounced_date
          FROM payments p JOIN clients c ON c.id = p.client_id
          WHERE p.date BETWEEN @from AND @to ORDER BY p.date, p.seq`,
    countSql: `SELECT count(*) FROM payments p WHERE p.date BETWEEN @from AND @to`,
    toRecord: (r, f) => {
      const currency = r[4] as string;
      return [text(r[0]), text(r[1]), text(r[2]), text(r[3]), currency, f.money(r[5] as number, currency), text(r[6]), text(r[7]), text(r[8]), text(r[9])];
    },
  },
  journal: {
    // In the journal's own order: date, then entry, then line (the date index carries the entry's seq).
    sql: `SELECT e.date, e.id, e.kind, l.account, l.debit_minor, l.credit_minor, l.currency, c.name, e.memo,
                 CASE e.ref_type WHEN 'invoice' THEN (SELECT coalesce(i.number_text, i.external_number) FROM invoices i WHERE i.id = e.ref_id)
                                 WHEN 'payment' THEN (SELECT coalesce(p.reference, p.id) FROM payments p WHERE p.id = e.ref_id)
                                 ELSE e.ref_id END
          FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id LEFT JOIN clients c ON c.id = e.client_id
          WHERE e.date BETWEEN @from AND @to ORDER BY e.date, e.seq, l.seq`,
    countSql: `SELECT count(*) FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.date BETWEEN @from AND @to`,
    toRecord: (r, f, accounts) => {
      const currency = r[6] as string;
      const account = accounts[r[3] as string] ?? { code: r[3] as string, name: '' };
      const debit = r[4] as number;
      const credit = r[5] as number;
      return [text(r[0]), text(r[1]), text(r[2]), account.code, account.name, debit === 0 ? null : f.money(debit, currency), credit === 0 ? null : f.money(credit, currency), currency, text(r[7]), text(r[8]), text(r[9])];
    },
  },
  tax_summary: {
    sql: `SELECT i.currency, l.tax_rate_bp, i.kind, count(DISTINCT i.id), sum(l.net_minor), sum(l.tax_minor), sum(l.total_minor)
          FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
          WHERE i.kind IN ('invoice', 'credit_note') AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to
          GROUP BY i.currency, l.tax_rate_bp, i.kind ORDER BY i.currency, l.tax_rate_bp, i.kind DESC`,
    countSql: `SELECT count(*) FROM (SELECT 1 FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
          WHERE i.kind IN ('invoice', 'credit_note') AND i.status <> 'draft' AND i.issue_date BETWEEN @from AND @to GROUP BY i.currency, l.tax_rate_bp, i.kind)`,
    toRecord: (r, f) => {
      const currency = r[0] as string;
      return [currency, f.scaled(r[1] as number, 2), text(r[2]), text(r[3]), f.money(r[4] as number, currency), f.money(r[5] as number, currency), f.money(r[6] as number, currency)];
    },
  },
};

export function datasetQuery(dataset: ExportDataset): DatasetQuery {
  return QUERIES[dataset];
}

/** Rows of a dataset in a period, counted in SQL. */
export function countRows(db: Db, dataset: ExportDataset, from: string, to: string): number {
  return db.prepare<{ from: string; to: string }, number>(QUERIES[dataset].countSql).pluck().get({ from, to })!;
}
