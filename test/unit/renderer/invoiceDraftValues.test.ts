import { describe, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import {
  clientTaxRate,
  createInputOf,
  draftTotals,
  draftValues,
  emptyLine,
  inputOfPath,
  newDraftValues,
  updateInputOf,
  type LineValues,
  type TaxRate,
} from '../../../renderer/src/invoices/invoiceDraftValues.js';

const VAT: TaxRate = { id: 'tx_vat00001', name: 'VAT', rateBp: 600, country: 'CN', archived: false };
const REDUCED: TaxRate = { id: 'tx_red00001', name: 'Reduced', rateBp: 300, country: null, archived: false };
const OLD: TaxRate = { id: 'tx_old00001', name: 'Old VAT', rateBp: 1700, country: 'CN', archived: true };
const RATES = [VAT, REDUCED, OLD];
const line = (changes: Partial<LineValues>): LineValues => ({ ...emptyLine(), ...changes });

describe('the client’s tax rate', () => {
  it('is the client’s own, else their country’s, else the book’s default; none when exempt', () => {
    expect(clientTaxRate({ taxExemptReason: null, taxRateId: REDUCED.id, country: 'CN' }, RATES, null)).toBe(REDUCED);
    expect(clientTaxRate({ taxExemptReason: null, taxRateId: null, country: 'CN' }, RATES, REDUCED.id)).toBe(VAT);
    expect(clientTaxRate({ taxExemptReason: null, taxRateId: null, country: 'US' }, RATES, REDUCED.id)).toBe(REDUCED);
    expect(clientTaxRate({ taxExemptReason: null, taxRateId: null, country: null }, RATES, null)).toBeNull();
    expect(clientTaxRate({ taxExemptReason: 'Export of services', taxRateId: VAT.id, country: 'CN' }, RATES, VAT.id)).toBeNull();
  });
});

describe('a draft as the API takes it', () => {
  it('turns typed quantities and prices into thousandths and minor units', () => {
    const values = { ...newDraftValues('2026-11-26'), dueDate: '2026-12-31', notes: ' Thanks ', lines: [line({ description: ' Hosting ', quantity: '12.5', unitPrice: '1,000.10' }), line({ description: 'Setup', unitPrice: '5', taxRateId: REDUCED.id })] };
    const conversion = createInputOf('cl_12345678', values, 'USD');
    expect(conversion).toEqual({
      ok: true,
      input: {
        clientId: 'cl_12345678',
        kind: 'invoice',
        dueDate: '2026-12-31',
        notes: 'Thanks',
        lines: [
          { description: 'Hosting', quantityMilli: 12_500, unitPriceMinor: 100_010 },
          { description: 'Setup', quantityMilli: 1000, unitPriceMinor: 500, taxRateId: REDUCED.id },
        ],
      },
    });
  });

  it('refuses text that is not a quantity or an amount, beside its box, before anything is sent', () => {
    const values = { ...newDraftValues('2026-11-26'), lines: [line({ description: 'A', quantity: '1.2345', unitPrice: '12.345' }), line({ description: 'B', quantity: '', unitPrice: '' })] };
    expect(createInputOf('cl_12345678', values, 'USD')).toEqual({
      ok: false,
      errors: [
        { field: 'lines.0.quantity', code: 'invalid_quantity' },
        { field: 'lines.0.unitPrice', code: 'invalid_amount' },
        { field: 'lines.1.quantity', code: 'required' },
        { field: 'lines.1.unitPrice', code: 'required' },
      ],
    });
    // Yen have no minor unit: 1.5 is not an amount in JPY.
    expect(createInputOf('cl_12345678', { ...values, lines: [line({ description: 'A', unitPrice: '1.5' })] }, 'JPY')).toMatchObject({ ok: false });
  });

  it('sends a whole draft back with its version, and an emptied due date or note as cleared', () => {
    const draft = {
      id: 'in_12345678',
      version: 3,
      currency: 'CNY',
      kind: 'proforma',
      dueDate: '2026-12-01',
      notes: 'Old note',
      lines: [{ position: 1, kind: 'service', description: 'VPS', contractId: 'co_12345678', periodStart: '2026-12-01', periodEnd: '2026-12-31', quantityMilli: 2000, unitPriceMinor: 9900, taxRateBp: 300, netMinor: 19800, taxMinor: 594, totalMinor: 20394 }],
    } as unknown as InvoiceDetail;
    const values = draftValues(draft, RATES, VAT, '2026-11-26');
    expect(values).toMatchObject({ kind: 'proforma', issueDate: '2026-11-26', dueDate: '2026-12-01', notes: 'Old note' });
    // 3 % is not the client's 6 %: the line names the rate of that percentage.
    expect(values.lines).toEqual([{ description: 'VPS', quantity: '2', unitPrice: '99.00', taxRateId: REDUCED.id, carried: { kind: 'service', contractId: 'co_12345678', periodStart: '2026-12-01', periodEnd: '2026-12-31' } }]);
    expect(updateInputOf(draft, { ...values, dueDate: '', notes: '  ' })).toEqual({
      ok: true,
      input: {
        id: 'in_12345678',
        expectedVersion: 3,
        dueDate: null,
        notes: null,
        lines: [{ kind: 'service', contractId: 'co_12345678', periodStart: '2026-12-01', periodEnd: '2026-12-31', description: 'VPS', quantityMilli: 2000, unitPriceMinor: 9900, taxRateId: REDUCED.id }],
      },
    });
    // A line at the client's own percentage keeps "the client's rate".
    expect(draftValues({ ...draft, lines: [{ ...draft.lines[0]!, taxRateBp: 600 }] }, RATES, VAT, '2026-11-26').lines[0]!.taxRateId).toBe('');
  });

  it('puts the backend’s field errors beside their boxes', () => {
    expect(inputOfPath('lines.0.unitPriceMinor')).toBe('lines.0.unitPrice');
    expect(inputOfPath('lines.12.quantityMilli')).toBe('lines.12.quantity');
    expect(inputOfPath('lines.2.description')).toBe('lines.2.description');
    expect(inputOfPath('lines.2.taxRateId')).toBe('lines.2.taxRateId');
    expect(inputOfPath('lines.1.contractId')).toBe('lines.1.description');
    expect(inputOfPath('lines')).toBe('lines');
    expect(inputOfPath('issueDate')).toBe('issueDate');
    expect(inputOfPath('dueDate')).toBe('dueDate');
    expect(inputOfPath('clientId')).toBeUndefined();
    expect(inputOfPath('constructor')).toBeUndefined();
  });
});

describe('what a draft comes to', () => {
  const rateOf = (item: LineValues) => (item.taxRateId === REDUCED.id ? 300 : 600);

  it('adds tax per rate on top of tax-exclusive prices, rounding each line once', () => {
    const totals = draftTotals([line({ quantity: '1', unitPrice: '100' }), line({ quantity: '3', unitPrice: '0.333', taxRateId: REDUCED.id }), line({ quantity: '2', unitPrice: '10.05' })], 'CNY', rateOf, 'exclusive');
    expect(totals.lines[1]).toBeNull();
    expect(totals.lines[2]).toEqual({ net: 2010, tax: 121, total: 2131 });
    expect(totals.byRate).toEqual([{ rateBp: 600, netMinor: 12_010, taxMinor: 721 }]);
    expect(totals).toMatchObject({ netMinor: 12_010, totalMinor: 12_731 });
  });

  it('takes the tax out of tax-inclusive prices', () => {
    const totals = draftTotals([line({ quantity: '1', unitPrice: '106' }), line({ quantity: '1', unitPrice: '103', taxRateId: REDUCED.id })], 'USD', rateOf, 'inclusive');
    expect(totals.byRate).toEqual([
      { rateBp: 300, netMinor: 10_000, taxMinor: 300 },
      { rateBp: 600, netMinor: 10_000, taxMinor: 600 },
    ]);
    expect(totals).toMatchObject({ netMinor: 20_000, totalMinor: 20_900 });
  });
});
