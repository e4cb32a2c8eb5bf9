import { describe, expect, it } from 'vitest';
import { lineAmounts, splitProportionally } from '../../../shared/billing/lineAmounts.js';
import { divideRounded, mulDiv } from '../../../shared/billing/rounding.js';
import { formatMoney, parseAmount, toDecimalString } from '../../../shared/money.js';
import { addMonths, isIsoDate } from '../../../shared/dates.js';

describe('the rounding rule: once per line, half away from zero', () => {
  it.each([
    [5n, 2n, 3],
    [-5n, 2n, -3],
    [4n, 3n, 1],
    [-4n, 3n, -1],
    [7n, 2n, 4],
    [1n, 3n, 0],
    [2n, 3n, 1],
  ])('%s ÷ %s = %s', (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });

  it('keeps exact products beyond 2^53', () => {
    expect(mulDiv(9_007_199_254_740, 1_000_000, 1_000_000)).toBe(9_007_199_254_740);
    expect(mulDiv(1_000_000_000, 999_999_999, 1_000_000_000)).toBe(999_999_999);
  });

  it('prices a line tax-exclusive and tax-inclusive', () => {
    expect(lineAmounts(1000, 1999, 600, 'exclusive')).toEqual({ net: 1999, tax: 120, total: 2119 }); // 119.94 → 120
    expect(lineAmounts(1500, 333, 2000, 'exclusive')).toEqual({ net: 500, tax: 100, total: 600 }); // 499.5 → 500
    expect(lineAmounts(1000, 11300, 1300, 'inclusive')).toEqual({ net: 10000, tax: 1300, total: 11300 });
    expect(lineAmounts(1000, 100, 600, 'inclusive')).toEqual({ net: 94, tax: 6, total: 100 }); // 94.34 → 94
    expect(lineAmounts(12_500, 80, 0, 'exclusive')).toEqual({ net: 1000, tax: 0, total: 1000 }); // 12.5 GB × 0.80
  });

  it('splits an amount in proportion without losing a cent', () => {
    expect(splitProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitProportionally(1000, [600, 400])).toEqual([600, 400]);
    expect(splitProportionally(7, [0, 0])).toEqual([7, 0]);
    const shares = splitProportionally(9_999, [3, 7, 11, 13]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_999);
  });
});

describe('money as text', () => {
  it('parses amounts digit by digit in the currency\'s minor units', () => {
    expect(parseAmount('1,234.50', 'USD')).toBe(123_450);
    expect(parseAmount('0.1', 'USD')).toBe(10);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('1.5', 'JPY')).toBeNull();
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('12.345', 'USD')).toBeNull();
    expect(parseAmount('abc', 'USD')).toBeNull();
    expect(parseAmount('-3', 'USD')).toBe(-300);
  });

  it('writes and formats them back', () => {
    expect(toDecimalString(123_450, 'USD')).toBe('1234.50');
    expect(toDecimalString(-5, 'USD')).toBe('-0.05');
    expect(toDecimalString(1500, 'JPY')).toBe('1500');
    expect(formatMoney(123_450, 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney(123_450, 'CNY', 'zh-CN')).toBe('¥1,234.50');
  });
});

describe('calendar dates', () => {
  it('knows real dates and month ends', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-02-28', 1, 31)).toBe('2026-03-31');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
