import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/client.js';
import { describeEntry } from '../../../renderer/src/clients/timelineEntries.js';

const entry = (action: string, entity: string, data: unknown): TimelineEntry => ({ seq: 1, at: '2026-11-26T09:00:00.000Z', actor: 'tester', action, entity, entityId: 'x', subject: null, data });

describe('timeline entries', () => {
  it('names the fields an update changed, with the catalog label where there is one', () => {
    expect(describeEntry(entry('contract.updated', 'contract', { priceMinor: { from: 1500, to: 1800 }, termReviewDate: { from: null, to: '2027-01-01' }, newField: {} })).changed).toEqual([
      { key: 'contractField.price' },
      { key: 'contractField.termReviewDate' },
      { name: 'newField' },
    ]);
    expect(describeEntry(entry('client.updated', 'client', { phone: {}, address: {} })).changed).toEqual([{ key: 'field.phone' }, { key: 'clientForm.section.address' }]);
  });

  it('keeps how and why a contract ended, and why a client was archived', () => {
    expect(describeEntry(entry('contract.ended', 'contract', { when: 'term_end', reason: 'Moving in-house', endDate: '2026-12-05' }))).toEqual({
      action: 'contract.ended',
      changed: [],
      reason: 'Moving in-house',
      ended: 'term_end',
      endDate: '2026-12-05',
      period: null,
      document: null,
    });
    expect(describeEntry(entry('client.archived', 'client', { reason: null })).reason).toBeNull();
    expect(describeEntry(entry('client.archived', 'client', { reason: 'Closed' })).reason).toBe('Closed');
  });

  it('keeps the period a renewal billed and why credit was refunded', () => {
    expect(describeEntry(entry('contract.renewed', 'contract', { periodStart: '2026-12-01', periodEnd: '2026-12-31', invoiceId: 'in_1' })).period).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(describeEntry(entry('credit.refunded', 'client', { amountMinor: 500, reason: 'Overpaid twice' })).reason).toBe('Overpaid twice');
  });

  it('lists a created record without a field list, and an unknown action as recorded', () => {
    expect(describeEntry(entry('contract.created', 'contract', { label: 'a.example' })).changed).toEqual([]);
    expect(describeEntry(entry('invoice.issued', 'invoice', null)).action).toBeNull();
    expect(describeEntry(entry('client.restored', 'client', null)).action).toBe('client.restored');
    expect(describeEntry(entry('document.issued', 'client', { title: 'Final notice – Lotus', sha256: 'ab' }))).toMatchObject({ action: 'document.issued', document: 'Final notice – Lotus' });
    expect(describeEntry(entry('client.restored', 'client', { title: 'x' })).document).toBeNull();
  });
});
