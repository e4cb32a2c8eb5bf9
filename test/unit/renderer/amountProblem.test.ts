import { describe, expect, it } from 'vitest';
import { amountProblem } from '../../../renderer/src/ui/amountProblem.js';
import { readAmount } from '../../../renderer/src/ui/amountText.js';

describe('what an amount box says', () => {
  it('names an empty box and an unreadable amount, in both languages, and nothing for an amount', () => {
    expect(amountProblem(readAmount('12.50', 'USD'), 'USD', 'en')).toBeUndefined();
    expect(amountProblem(readAmount('1.5', 'JPY'), 'JPY', 'en')).toMatch(/1250/);
    expect(amountProblem(readAmount('abc', 'USD'), 'USD', 'zh-CN')).toMatch(/12\.50/);
    expect(amountProblem(readAmount('  ', 'USD'), 'USD', 'en')).toBeTruthy();
    expect(amountProblem(readAmount('', 'CNY'), 'CNY', 'zh-CN')).not.toBe(amountProblem(readAmount('', 'CNY'), 'CNY', 'en'));
  });
});
