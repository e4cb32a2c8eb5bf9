import { describe, expect, it } from 'vitest';
import { amountText, exampleAmount, readAmount, readUnits } from '../../../renderer/src/ui/amountText.js';

describe('amounts typed into a form', () => {
  it('reads decimals into integer minor units of the currency', () => {
    expect(readAmount('15', 'USD')).toEqual({ state: 'amount', minor: 1500 });
    expect(readAmount(' 1,234.5 ', 'USD')).toEqual({ state: 'amount', minor: 123450 });
    expect(readAmount('0.10', 'CNY')).toEqual({ state: 'amount', minor: 10 });
    expect(readAmount('1500', 'JPY')).toEqual({ state: 'amount', minor: 1500 });
    // 0.1 + 0.2 is not 0.3 in floating point; digit by digit it is exact.
    expect(readAmount('0.30', 'USD')).toEqual({ state: 'amount', minor: 30 });
  });

  it('tells an empty box from text that is not an amount', () => {
    expect(readAmount('', 'USD')).toEqual({ state: 'empty' });
    expect(readAmount('   ', 'USD')).toEqual({ state: 'empty' });
    for (const text of ['12.345', '1.5', 'abc', '12,34', '$5', '1e3']) {
      expect(readAmount(text, text === '1.5' ? 'JPY' : 'USD'), text).toEqual({ state: 'invalid' });
    }
  });

  it('shows stored amounts in the box with the currency’s decimals', () => {
    expect(amountText(1500, 'USD')).toBe('15.00');
    expect(amountText(5, 'CNY')).toBe('0.05');
    expect(amountText(1500, 'JPY')).toBe('1500');
    expect(amountText(null, 'USD')).toBe('');
    expect(amountText(undefined, 'USD')).toBe('');
    expect(exampleAmount('USD')).toBe('12.50');
    expect(exampleAmount('JPY')).toBe('1250');
  });

  it('reads whole units for a tier, empty meaning no limit', () => {
    expect(readUnits('10')).toEqual({ state: 'units', units: 10 });
    expect(readUnits('')).toEqual({ state: 'empty' });
    for (const text of ['0', '-1', '1.5', 'ten']) expect(readUnits(text), text).toEqual({ state: 'invalid' });
  });
});
