// What each accountant export holds, column by column: the one description of the CSV files. The
// exporter writes these headers in this order, the accountant package's README.txt is made from
// it, and so is the README table (a unit test keeps the README in step).
export const EXPORT_DATASETS = ['invoices', 'invoice_lines', 'credit_notes', 'payments', 'journal', 'tax_summary'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export interface ExportColumn {
  name: string;
  description: string;
}

export interface DatasetDescription {
  /** Which rows a period selects. */
  rows: string;
  columns: readonly ExportColumn[];
}

const col = (name: string, description: string): ExportColumn => ({ name, description });

const MONEY = 'decimal amount in the currency, with the chosen decimal separator';

export const EXPORT_COLUMNS: Record<ExportDataset, DatasetDescription> = {
  invoices: {
    rows: 'Invoices issued in the period (issue date), including those voided since; not drafts or proformas.',
    columns: [
      col('invoice_number', 'the invoice number (imported history keeps its external number)'),
      col('issue_date', 'YYYY-MM-DD'),
      col('due_date', 'YYYY-MM-DD'),
      col('client_id', 'the client in HostLedger'),
      col('client_name', 'the client as named in the book'),
      col('client_tax_id', 'the client’s tax id, if recorded'),
      col('currency', 'ISO 4217 code'),
      col('net', MONEY),
      col('tax', MONEY),
      col('total', MONEY),
      col('open', `what is still owed at the moment of the export; ${MONEY}`),
      col('status', 'issued or void'),
      col('void_reason', 'why it was voided (the reversal is in the journal on its own date)'),
    ],
  },
  invoice_lines: {
    rows: 'The lines of the invoices and credit notes issued in the period.',
    columns: [
      col('document_number', 'the invoice or credit note number'),
      col('document_kind', 'invoice or credit_note'),
      col('issue_date', 'YYYY-MM-DD'),
      col('line', 'position on the document, from 1'),
      col('description', 'the line’s text'),
      col('period_start', 'service period start, YYYY-MM-DD, if any'),
      col('period_end', 'service period end, YYYY-MM-DD, if any'),
      col('quantity', 'decimal, with the chosen decimal separator'),
      col('unit_price', MONEY),
      col('tax_rate_percent', 'decimal, with the chosen decimal separator'),
      col('net', MONEY),
      col('tax', MONEY),
      col('total', MONEY),
      col('currency', 'ISO 4217 code'),
    ],
  },
  credit_notes: {
    rows: 'Credit notes issued in the period (issue date).',
    columns: [
      col('credit_note_number', 'the credit note number'),
      col('issue_date', 'YYYY-MM-DD'),
      col('credited_invoice_number', 'the invoice it corrects'),
      col('client_id', 'the client in HostLedger'),
      col('client_name', 'the client as named in the book'),
      col('currency', 'ISO 4217 code'),
      col('net', MONEY),
      col('tax', MONEY),
      col('total', MONEY),
      col('reason', 'why it was issued'),
      col('approved_by', 'who approved it, if recorded'),
    ],
  },
  payments: {
    rows: 'Payments received in the period (payment date), including those that bounced since.',
    columns: [
      col('payment_id', 'the payment in HostLedger'),
      col('date', 'YYYY-MM-DD, the day the money arrived'),
      col('client_id', 'the client in HostLedger'),
      col('client_name', 'the client as named in the book'),
      col('currency', 'ISO 4217 code'),
      col('amount', MONEY),
      col('method', 'bank_transfer, card, paypal, alipay, wechat_pay, cash or other'),
      col('reference', 'the bank’s or wallet’s reference, if recorded'),
      col('status', 'received or bounced'),
      col('bounced_date', 'YYYY-MM-DD, if it bounced (the reversal is in the journal on that date)'),
    ],
  },
  journal: {
    rows: 'Every double-entry journal line of the entries dated in the period, in date order; each entry’s debits equal its credits.',
    columns: [
      col('date', 'YYYY-MM-DD, the entry’s date'),
      col('entry_id', 'the journal entry; its lines share it'),
      col('entry_kind', 'what happened: invoice.issued, payment.received, payment.allocated, credit_note.issued, …'),
      col('account_code', 'the account, mapped to the accountant’s code where a mapping is set'),
      col('account_name', 'the account’s name (the mapped name where one is set)'),
      col('debit', `${MONEY}; empty on a credit line`),
      col('credit', `${MONEY}; empty on a debit line`),
      col('currency', 'ISO 4217 code'),
      col('client_name', 'the client the entry concerns, if any'),
      col('description', 'the entry’s memo'),
      col('reference', 'the invoice or credit note number, or the payment’s reference (its id when it has none)'),
    ],
  },
  tax_summary: {
    rows: 'Tax per currency and rate over the invoices and the credit notes issued in the period (from their lines).',
    columns: [
      col('currency', 'ISO 4217 code'),
      col('tax_rate_percent', 'decimal, with the chosen decimal separator'),
      col('document_kind', 'invoice or credit_note'),
      col('documents', 'how many documents have lines at this rate'),
      col('net', MONEY),
      col('tax', MONEY),
      col('total', MONEY),
    ],
  },
};

export const headersOf = (dataset: ExportDataset): string[] => EXPORT_COLUMNS[dataset].columns.map((c) => c.name);

/** The file name of a dataset's CSV for a period, e.g. journal_2026-01-01_2026-03-31.csv. */
export const exportFileName = (dataset: ExportDataset, from: string, to: string): string => `${dataset}_${from}_${to}.csv`;

/** The accountant package's README.txt: what the files are and what each column means. */
export function packageReadme(from: string, to: string, options: { delimiter: string; decimal: string; bom: boolean }): string {
  const lines = [
    `HostLedger accountant package, ${from} to ${to}`,
    '',
    `CSV files: UTF-8${options.bom ? ' with a byte order mark (Excel reads Chinese correctly)' : ''}, fields separated by "${options.delimiter}", decimal separator "${options.decimal}", dates YYYY-MM-DD, one header row.`,
    'Amounts are in each row’s currency; there are no exchange rates. invoices/ holds the PDF of every invoice and credit note in the period.',
    '',
  ];
  for (const dataset of EXPORT_DATASETS) {
    const { rows, columns } = EXPORT_COLUMNS[dataset];
    lines.push(exportFileName(dataset, from, to), `  ${rows}`);
    for (const column of columns) lines.push(`  ${column.name.padEnd(24)}${column.description}`);
    lines.push('');
  }
  return lines.join('\r\n');
}

/** The same description as Markdown tables, for the README. */
export function columnsMarkdown(): string {
  const parts: string[] = [];
  for (const dataset of EXPORT_DATASETS) {
    const { rows, columns } = EXPORT_COLUMNS[dataset];
    parts.push(`*${dataset}* — ${rows}`, '', '| column | meaning |', '|---|---|', ...columns.map((c) => `| \`${c.name}\` | ${c.description} |`), '');
  }
  return parts.join('\n');
}
