// An invoice with what is shown and printed with it: its lines, the payments applied, its credit
// notes and the tax per rate. One definition for the screens (billing handlers) and the PDF.
import type { Invoice, InvoiceDetail } from '../../../shared/domain/invoice.js';
import type { Context } from '../context.js';

export function invoiceDetail(ctx: Context, invoice: Invoice): InvoiceDetail {
  const lines = ctx.invoices.lines(invoice.id);
  const byRate = new Map<number, { rateBp: number; netMinor: number; taxMinor: number }>();
  for (const line of lines) {
    const group = byRate.get(line.taxRateBp) ?? { rateBp: line.taxRateBp, netMinor: 0, taxMinor: 0 };
    group.netMinor += line.netMinor;
    group.taxMinor += line.taxMinor;
    byRate.set(line.taxRateBp, group);
  }
  return {
    ...invoice,
    lines,
    allocations: ctx.payments.allocationsToInvoice(invoice.id),
    creditNotes: ctx.invoices.creditNotes(invoice.id),
    taxByRate: [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp),
  };
}
