import { describe, expect, it } from 'vitest';
import { accountName, entryKindKey } from '../../../renderer/src/accounts/entryKinds.js';
import { fieldErrorText } from '../../../renderer/src/ui/fieldErrorText.js';
import { noticeText, refusalText } from '../../../renderer/src/ui/refusalText.js';

describe('field errors of money forms', () => {
  it('shows limits on amounts as money in the form’s currency', () => {
    const error = { field: 'amountMinor', code: 'too_large' as const, message: 'x', params: { max: 15000 } };
    expect(fieldErrorText('en', error, 'USD')).toBe('Must be at most $150.00');
    expect(fieldErrorText('zh-CN', { ...error, field: 'allocations.0.amountMinor' }, 'CNY')).toContain('¥150.00');
    // Days are not money.
    expect(fieldErrorText('en', { field: 'renewalLeadDays', code: 'too_large', message: 'x', params: { max: 120 } }, 'USD')).toBe('Must be at most 120');
  });

  it('names the lock date when a date falls inside a locked period', () => {
    const error = { field: 'date', code: 'not_allowed' as const, message: 'The books are locked up to 2026-10-31; use a date after it.' };
    expect(fieldErrorText('en', error)).toBe('The books are locked up to Oct 31, 2026; use a later date');
    expect(fieldErrorText('zh-CN', error)).toBe('账目已锁定至 2026年10月31日；请使用之后的日期');
    expect(fieldErrorText('en', { ...error, message: 'Something else.' })).toBe('Not allowed here');
  });

  it('says why the books refused a change, in the backend’s words for a conflict', () => {
    expect(refusalText('en', { code: 'conflict', message: 'Invoice INV-1 has payments applied.' })).toBe('HostLedger did not make this change: Invoice INV-1 has payments applied.');
    expect(refusalText('en', { code: 'unavailable', message: 'x' })).toContain('cannot be reached');
    const refused = { code: 'invalid_input' as const, message: 'x', details: { fields: [{ field: 'reason', code: 'required' as const, message: 'x' }, { field: 'invoiceId', code: 'not_allowed' as const, message: 'x' }] } };
    expect(noticeText('en', refused, ['reason'])).toBe('Not allowed here');
    expect(noticeText('en', refused, ['reason', 'invoiceId'])).toBeNull();
    expect(noticeText('en', null, [])).toBeNull();
  });
});

describe('the journal in words', () => {
  it('names entry kinds and accounts, and does not show codes it has no words for', () => {
    expect(entryKindKey('payment.bounced')).toBe('entryKind.payment.bounced');
    expect(entryKindKey('fee.waived')).toBe('entryKind.other');
    expect(accountName('1100', 'en')).toBe('1100 Accounts receivable');
    expect(accountName('2200', 'zh-CN')).toBe('2200 客户账户余额');
    expect(accountName('9999', 'en')).toBe('9999');
  });
});
