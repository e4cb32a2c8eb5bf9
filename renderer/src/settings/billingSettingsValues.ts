// The billing settings as their form holds them — days and percentages as typed, late-fee amounts
// as rows of currency and amount — and the update the API takes. Pure, unit-tested.
import type { Input } from '../../../shared/api/methods.js';
import type { BillingSettings } from '../../../shared/billing/settings.js';
import { amountText, readAmount } from '../ui/amountText.js';
import { percentText, readPercent, readWholeNumber } from '../ui/numberText.js';

export interface CurrencyAmount {
  currency: string;
  amount: string;
}

export interface BillingSettingsValues {
  renewalLeadDays: string;
  paymentTermsDays: string;
  shareInvoicePerClient: boolean;
  applyCreditAutomatically: boolean;
  taxMode: BillingSettings['taxMode'];
  /** '' for no default rate. */
  defaultTaxRateId: string;
  lateFeeEnabled: boolean;
  lateFeeKind: BillingSettings['lateFee']['kind'];
  lateFeeFixed: CurrencyAmount[];
  lateFeePercent: string;
  lateFeeAfterDays: string;
  lateFeeRepeat: BillingSettings['lateFee']['repeat'];
  lateFeeCap: CurrencyAmount[];
}

export type AmountList = 'lateFeeFixed' | 'lateFeeCap';
export type SettingsField =
  | 'renewalLeadDays'
  | 'paymentTermsDays'
  | 'defaultTaxRateId'
  | 'taxMode'
  | 'lateFeePercent'
  | 'lateFeeAfterDays'
  | 'lateFeeRepeat'
  | 'lateFeeKind'
  | AmountList
  | `${AmountList}.${number}.${'currency' | 'amount'}`;

export interface SettingsError {
  field: SettingsField;
  code: 'invalid_number' | 'invalid_percent' | 'invalid_amount' | 'invalid_currency' | 'duplicate';
}

const rowsOf = (amounts: Record<string, number>): CurrencyAmount[] =>
  Object.entries(amounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, amount: amountText(minor, currency) }));

export function settingsValues(settings: BillingSettings): BillingSettingsValues {
  const fee = settings.lateFee;
  return {
    renewalLeadDays: String(settings.renewalLeadDays),
    paymentTermsDays: String(settings.paymentTermsDays),
    shareInvoicePerClient: settings.shareInvoicePerClient,
    applyCreditAutomatically: settings.applyCreditAutomatically,
    taxMode: settings.taxMode,
    defaultTaxRateId: settings.defaultTaxRateId ?? '',
    lateFeeEnabled: fee.enabled,
    lateFeeKind: fee.kind,
    lateFeeFixed: rowsOf(fee.fixedMinorByCurrency),
    lateFeePercent: percentText(fee.percentBp),
    lateFeeAfterDays: String(fee.afterDays),
    lateFeeRepeat: fee.repeat,
    lateFeeCap: rowsOf(fee.capMinorByCurrency),
  };
}

/** Rows of currency and amount as a record; empty rows are left out. */
function amountsOf(list: AmountList, rows: readonly CurrencyAmount[], errors: SettingsError[]): Record<string, number> {
  const amounts: Record<string, number> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const currency = row.currency.trim().toUpperCase();
    if (currency === '' && row.amount.trim() === '') return;
    if (!/^[A-Z]{3}$/.test(currency)) return void errors.push({ field: `${list}.${index}.currency`, code: 'invalid_currency' });
    if (seen.has(currency)) return void errors.push({ field: `${list}.${index}.currency`, code: 'duplicate' });
    seen.add(currency);
    const amount = readAmount(row.amount, currency);
    if (amount.state !== 'amount' || amount.minor < 0) return void errors.push({ field: `${list}.${index}.amount`, code: 'invalid_amount' });
    amounts[currency] = amount.minor;
  });
  return amounts;
}

export type SettingsConversion = { ok: true; input: Input<'billingSettings.update'> } | { ok: false; errors: SettingsError[] };

export function updateInputOf(values: BillingSettingsValues): SettingsConversion {
  const errors: SettingsError[] = [];
  const whole = (field: SettingsField, text: string) => {
    const reading = readWholeNumber(text);
    if (reading.state === 'value') return reading.value;
    errors.push({ field, code: 'invalid_number' });
    return 0;
  };
  const percent = readPercent(values.lateFeePercent);
  if (percent.state === 'invalid') errors.push({ field: 'lateFeePercent', code: 'invalid_percent' });
  const input: Input<'billingSettings.update'> = {
    renewalLeadDays: whole('renewalLeadDays', values.renewalLeadDays),
    paymentTermsDays: whole('paymentTermsDays', values.paymentTermsDays),
    shareInvoicePerClient: values.shareInvoicePerClient,
    applyCreditAutomatically: values.applyCreditAutomatically,
    taxMode: values.taxMode,
    defaultTaxRateId: values.defaultTaxRateId || null,
    lateFee: {
      enabled: values.lateFeeEnabled,
      kind: values.lateFeeKind,
      fixedMinorByCurrency: amountsOf('lateFeeFixed', values.lateFeeFixed, errors),
      percentBp: percent.state === 'value' ? percent.value : 0,
      afterDays: whole('lateFeeAfterDays', values.lateFeeAfterDays),
      repeat: values.lateFeeRepeat,
      capMinorByCurrency: amountsOf('lateFeeCap', values.lateFeeCap, errors),
    },
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

const API_FIELDS: Record<string, SettingsField> = {
  renewalLeadDays: 'renewalLeadDays',
  paymentTermsDays: 'paymentTermsDays',
  defaultTaxRateId: 'defaultTaxRateId',
  taxMode: 'taxMode',
  'lateFee.percentBp': 'lateFeePercent',
  'lateFee.afterDays': 'lateFeeAfterDays',
  'lateFee.repeat': 'lateFeeRepeat',
  'lateFee.kind': 'lateFeeKind',
  'lateFee.fixedMinorByCurrency': 'lateFeeFixed',
  'lateFee.capMinorByCurrency': 'lateFeeCap',
};

/**
 * Which box shows an error the backend reported: `lateFee.capMinorByCurrency.USD` belongs to the
 * amount of the cap row in US dollars. Undefined for paths no box holds.
 */
export function inputOfPath(path: string, values: BillingSettingsValues): SettingsField | undefined {
  const perCurrency = /^lateFee\.(fixedMinorByCurrency|capMinorByCurrency)\.(\w+)$/.exec(path);
  if (perCurrency) {
    const list: AmountList = perCurrency[1] === 'fixedMinorByCurrency' ? 'lateFeeFixed' : 'lateFeeCap';
    const index = values[list].findIndex((row) => row.currency.trim().toUpperCase() === perCurrency[2]);
    return index < 0 ? list : `${list}.${index}.amount`;
  }
  return Object.hasOwn(API_FIELDS, path) ? API_FIELDS[path] : undefined;
}
