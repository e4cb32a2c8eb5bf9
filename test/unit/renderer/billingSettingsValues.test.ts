import { describe, expect, it } from 'vitest';
import { DEFAULT_BILLING_SETTINGS } from '../../../shared/billing/settings.js';
import { inputOfPath, settingsValues, updateInputOf } from '../../../renderer/src/settings/billingSettingsValues.js';

const SETTINGS = {
  ...DEFAULT_BILLING_SETTINGS,
  defaultTaxRateId: 'tx_12345678',
  lockDate: '2026-10-31',
  lateFee: { enabled: true, kind: 'fixed' as const, fixedMinorByCurrency: { USD: 500, JPY: 800 }, percentBp: 150, afterDays: 5, repeat: 'monthly' as const, capMinorByCurrency: { USD: 2000 } },
};

describe('the billing settings form', () => {
  it('shows days, percentages and per-currency amounts as typed text', () => {
    const values = settingsValues(SETTINGS);
    expect(values).toMatchObject({ renewalLeadDays: '14', paymentTermsDays: '14', defaultTaxRateId: 'tx_12345678', lateFeePercent: '1.5', lateFeeAfterDays: '5' });
    expect(values.lateFeeFixed).toEqual([
      { currency: 'JPY', amount: '800' },
      { currency: 'USD', amount: '5.00' },
    ]);
  });

  it('turns them back into the update, the lock date left to books.lock', () => {
    const conversion = updateInputOf({ ...settingsValues(SETTINGS), lateFeeCap: [{ currency: 'usd', amount: '25' }, { currency: '', amount: '' }], defaultTaxRateId: '' });
    expect(conversion).toEqual({
      ok: true,
      input: {
        renewalLeadDays: 14,
        paymentTermsDays: 14,
        shareInvoicePerClient: false,
        applyCreditAutomatically: true,
        taxMode: 'exclusive',
        defaultTaxRateId: null,
        lateFee: { enabled: true, kind: 'fixed', fixedMinorByCurrency: { JPY: 800, USD: 500 }, percentBp: 150, afterDays: 5, repeat: 'monthly', capMinorByCurrency: { USD: 2500 } },
      },
    });
  });

  it('refuses what is not a number of days, a percentage, a currency or an amount in it', () => {
    const values = { ...settingsValues(SETTINGS), renewalLeadDays: '1.5', lateFeePercent: '101', lateFeeFixed: [{ currency: 'JPY', amount: '8.5' }, { currency: 'US', amount: '1' }, { currency: 'jpy', amount: '1' }] };
    expect(updateInputOf(values)).toEqual({
      ok: false,
      errors: [
        { field: 'lateFeePercent', code: 'invalid_percent' },
        { field: 'renewalLeadDays', code: 'invalid_number' },
        { field: 'lateFeeFixed.0.amount', code: 'invalid_amount' },
        { field: 'lateFeeFixed.1.currency', code: 'invalid_currency' },
        { field: 'lateFeeFixed.2.currency', code: 'duplicate' },
      ],
    });
  });

  it('puts the backend’s errors beside their boxes, a per-currency one beside that currency’s row', () => {
    const values = settingsValues(SETTINGS);
    expect(inputOfPath('lateFee.fixedMinorByCurrency.USD', values)).toBe('lateFeeFixed.1.amount');
    expect(inputOfPath('lateFee.capMinorByCurrency.EUR', values)).toBe('lateFeeCap');
    expect(inputOfPath('lateFee.percentBp', values)).toBe('lateFeePercent');
    expect(inputOfPath('defaultTaxRateId', values)).toBe('defaultTaxRateId');
    expect(inputOfPath('lockDate', values)).toBeUndefined();
    expect(inputOfPath('toString', values)).toBeUndefined();
  });
});
