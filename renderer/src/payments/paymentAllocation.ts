// A payment shared out by hand over a client's open invoices: an amount typed against each (empty
// means none), the sum at most the payment, the rest left as the client's credit. Pure: the record
// payment dialog shows what it says as the reseller types, and sends what it reads.
import { readAmount } from '../ui/amountText.js';

export interface AllocationRow {
  invoiceId: string;
  amount: string;
}

export interface AllocationReading {
  /** What is sent, in the order of the rows that have an amount. */
  allocations: { invoiceId: string; amountMinor: number }[];
  /** The row each sent allocation came from, so an error about `allocations.N` finds its box. */
  rowOf: number[];
  /** Rows whose text is not an amount in the currency. */
  invalidRows: number[];
  allocatedMinor: number;
}

export function readAllocations(rows: readonly AllocationRow[], currency: string): AllocationReading {
  const reading: AllocationReading = { allocations: [], rowOf: [], invalidRows: [], allocatedMinor: 0 };
  rows.forEach((row, index) => {
    const amount = readAmount(row.amount, currency);
    if (amount.state === 'empty') return;
    if (amount.state === 'invalid' || amount.minor < 0) return void reading.invalidRows.push(index);
    if (amount.minor === 0) return;
    reading.allocations.push({ invoiceId: row.invoiceId, amountMinor: amount.minor });
    reading.rowOf.push(index);
    reading.allocatedMinor += amount.minor;
  });
  return reading;
}

/** How the payment splits: what pays invoices, what becomes credit, and how much too much is allocated. */
export function splitOf(paymentMinor: number | null, allocatedMinor: number): { creditMinor: number; overMinor: number } {
  if (paymentMinor === null) return { creditMinor: 0, overMinor: 0 };
  return { creditMinor: Math.max(0, paymentMinor - allocatedMinor), overMinor: Math.max(0, allocatedMinor - paymentMinor) };
}

interface OpenDocument {
  kind: 'invoice' | 'proforma' | 'credit_note';
  openMinor: number;
  totalMinor: number;
  dueDate: string | null;
}

/**
 * What automatic allocation will do with a payment, as the backend does it: the open invoices are
 * paid first; then each proforma (by due date) that what is left covers in full becomes an invoice
 * and is paid; the rest stays as credit.
 */
export function autoSplit(paymentMinor: number, open: readonly OpenDocument[]): { appliedMinor: number; creditMinor: number } {
  const owed = open.filter((document) => document.kind === 'invoice').reduce((sum, invoice) => sum + invoice.openMinor, 0);
  let left = paymentMinor - Math.min(paymentMinor, owed);
  const proformas = open.filter((document) => document.kind === 'proforma').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  for (const proforma of proformas) {
    if (proforma.totalMinor > left) break;
    left -= proforma.totalMinor;
  }
  return { appliedMinor: paymentMinor - left, creditMinor: left };
}
