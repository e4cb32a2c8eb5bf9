import { describe, expect, it } from 'vitest';
import { daysOverdue, standingOf } from '../../../renderer/src/invoices/invoiceStanding.js';

const TODAY = '2026-11-26';
const issued = { kind: 'invoice' as const, status: 'issued' as const, openMinor: 10_000, totalMinor: 10_000, dueDate: '2026-12-10', convertedInvoiceId: null };

describe('how an invoice stands', () => {
  it('tells open, partly paid, paid and overdue apart', () => {
    expect(standingOf(issued, TODAY)).toBe('open');
    expect(standingOf({ ...issued, openMinor: 4_000 }, TODAY)).toBe('partlyPaid');
    expect(standingOf({ ...issued, openMinor: 0 }, TODAY)).toBe('paid');
    expect(standingOf({ ...issued, dueDate: '2026-11-25' }, TODAY)).toBe('overdue');
    expect(standingOf({ ...issued, dueDate: '2026-11-25', openMinor: 4_000 }, TODAY)).toBe('overdue');
  });

  it('counts an invoice due today as not yet overdue, as the backend does', () => {
    expect(standingOf({ ...issued, dueDate: TODAY }, TODAY)).toBe('open');
    expect(daysOverdue({ ...issued, dueDate: TODAY }, TODAY)).toBeNull();
    expect(daysOverdue({ ...issued, dueDate: '2026-10-27' }, TODAY)).toBe(30);
    expect(daysOverdue({ ...issued, dueDate: '2026-10-27', openMinor: 0 }, TODAY)).toBeNull();
  });

  it('names drafts, voids, credit notes and proformas for what they are', () => {
    expect(standingOf({ ...issued, status: 'draft', dueDate: null }, TODAY)).toBe('draft');
    expect(standingOf({ ...issued, status: 'void', openMinor: 0 }, TODAY)).toBe('void');
    expect(standingOf({ ...issued, kind: 'credit_note' }, TODAY)).toBe('issued');
    // A proforma is a request, never overdue; once paid it became an invoice.
    expect(standingOf({ ...issued, kind: 'proforma', dueDate: '2026-01-01' }, TODAY)).toBe('open');
    expect(standingOf({ ...issued, kind: 'proforma', openMinor: 0, convertedInvoiceId: 'in_12345678' }, TODAY)).toBe('converted');
  });
});
