// A reseller usually bills most clients in one currency, so a new client starts with the currency
// of the last one saved. Kept in this window's localStorage: a convenience, not a setting.
const STORAGE_KEY = 'hostledger.lastCurrency';
const FALLBACK = 'USD';

export function lastCurrency(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? FALLBACK;
  } catch {
    return FALLBACK; // storage can be disabled; the fallback is fine
  }
}

export function rememberCurrency(currency: string) {
  try {
    localStorage.setItem(STORAGE_KEY, currency);
  } catch {
    // Not remembering it only costs typing it again.
  }
}

/** Offered as suggestions in the currency box; any ISO 4217 code may be typed. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'HKD', 'TWD', 'SGD', 'MYR', 'JPY', 'AUD', 'CAD', 'CHF'];
