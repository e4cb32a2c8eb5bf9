// How an invoice stands today, in the reseller's words: a draft, open, partly paid, overdue, paid
// or void — and for the other kinds of document, an issued credit note or a proforma that was paid
// and became an invoice. Whether it is disputed is told apart (a disputed invoice is still open or
// overdue). Pure: derived from what the backend hands out and the book's today.
import type { Invoice } from '../../../shared/domain/invoice.js';
import { daysBetween } from '../../../shared/dates.js';

export const INVOICE_STANDINGS = ['draft', 'open', 'partlyPaid', 'overdue', 'paid', 'void', 'issued', 'converted'] as const;
export type InvoiceStanding = (typeof INVOICE_STANDINGS)[number];

type Standing = Pick<Invoice, 'kind' | 'status' | 'openMinor' | 'totalMinor' | 'dueDate' | 'convertedInvoiceId'>;

export function standingOf(invoice: Standing, today: string): InvoiceStanding {
  if (invoice.status === 'draft') return 'draft';
  if (invoice.status === 'void') return 'void';
  if (invoice.kind === 'credit_note') return 'issued';
  if (invoice.kind === 'proforma') return invoice.convertedInvoiceId ? 'converted' : 'open';
  if (invoice.openMinor <= 0) return 'paid';
  // As the backend counts it: overdue from the day after the due date.
  if (invoice.dueDate !== null && invoice.dueDate < today) return 'overdue';
  return invoice.openMinor < invoice.totalMinor ? 'partlyPaid' : 'open';
}

/** Days past the due date of an overdue invoice; null when it is not overdue. */
export function daysOverdue(invoice: Standing, today: string): number | null {
  return standingOf(invoice, today) === 'overdue' ? daysBetween(invoice.dueDate!, today) : null;
}
