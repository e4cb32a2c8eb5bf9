import { describe, expect, it } from 'vitest';
import { formatPercent, formatQuantity, percentText, quantityText, readPercent, readQuantity, readWholeNumber } from '../../../renderer/src/ui/numberText.js';

describe('quantities and percentages typed into a form', () => {
  it('reads quantities into thousandths, exactly', () => {
    expect(readQuantity('1')).toEqual({ state: 'value', value: 1000 });
    expect(readQuantity(' 12.5 ')).toEqual({ state: 'value', value: 12500 });
    expect(readQuantity('0.001')).toEqual({ state: 'value', value: 1 });
    expect(readQuantity('0.3')).toEqual({ state: 'value', value: 300 });
    expect(readQuantity('')).toEqual({ state: 'empty' });
    for (const text of ['0', '0.000', '1.2345', '-1', '1,5', 'two', '1e3']) expect(readQuantity(text), text).toEqual({ state: 'invalid' });
  });

  it('shows thousandths back without trailing zeros', () => {
    expect(quantityText(1000)).toBe('1');
    expect(quantityText(12500)).toBe('12.5');
    expect(quantityText(1)).toBe('0.001');
    expect(formatQuantity(1_250_000, 'en')).toBe('1,250');
    expect(formatQuantity(12500, 'zh-CN')).toBe('12.5');
  });

  it('reads percentages into basis points, at most 100 % and two decimals', () => {
    expect(readPercent('6')).toEqual({ state: 'value', value: 600 });
    expect(readPercent('13.5')).toEqual({ state: 'value', value: 1350 });
    expect(readPercent('0.25 %')).toEqual({ state: 'value', value: 25 });
    expect(readPercent('100')).toEqual({ state: 'value', value: 10_000 });
    expect(readPercent('0')).toEqual({ state: 'value', value: 0 });
    for (const text of ['100.01', '6.125', '-6', 'six']) expect(readPercent(text), text).toEqual({ state: 'invalid' });
    expect(percentText(1350)).toBe('13.5');
    expect(percentText(600)).toBe('6');
    expect(formatPercent(1350, 'en')).toBe('13.5%');
    expect(formatPercent(600, 'zh-CN')).toBe('6%');
  });

  it('reads whole days', () => {
    expect(readWholeNumber('14')).toEqual({ state: 'value', value: 14 });
    expect(readWholeNumber('1.5')).toEqual({ state: 'invalid' });
    expect(readWholeNumber('')).toEqual({ state: 'empty' });
  });
});
