import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/domain/language.js';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index.js';
import { DEFAULT_POLICY } from '../../../shared/ladder/policy.js';
import { actionText, failuresText, offsetText, outcomeDetailText, outcomeKindText, overdueText, pauseReasonText, statusText, stepLabel, stepName, warningText } from '../../../renderer/src/ladder/ladderText.js';

const tIn = (language: Language) => (key: MessageKey, params?: MessageParams) => translate(language, key, params);
const t = tIn('en');
const zh = tIn('zh-CN');
const day = (date: string) => `[${date}]`;
const step = (key: string) => DEFAULT_POLICY.steps.find((s) => s.key === key)!;

describe('step names', () => {
  it('names each default step after what it does, with its day', () => {
    expect(DEFAULT_POLICY.steps.map((s) => stepLabel(t, s.actions, [s.offsetDays]))).toEqual([
      'Payment reminder (−7)',
      'Payment reminder (−1)',
      'First overdue notice (+1)',
      'Second overdue notice (+5)',
      'Restriction (+7)',
      'Final notice (+10)',
      'Backup, then suspend (+14)',
      'Termination review (+30)',
    ]);
    expect(stepLabel(zh, step('final_notice').actions, [10])).toBe('最后催缴通知（+10）');
    expect(stepLabel(zh, step('restriction').actions, [7])).toBe('临时服务限制（+7）');
  });

  it('shows a span when risk bands moved some lines earlier, and names a fee-only line by its fee', () => {
    expect(stepLabel(t, step('restriction').actions, [3, 7])).toBe('Restriction (+3…+7)');
    expect(stepName(t, [{ kind: 'late_fee' }])).toBe('Late fee');
    expect(offsetText(0)).toBe('0');
  });
});

describe('line status', () => {
  const line: Parameters<typeof statusText>[2] = { status: 'due', waitsUntil: null, failures: [], pauseReasons: [] };
  const failure = (kind: string, detail: string, problem?: 'company_profile_missing') => ({ kind, result: 'failed' as const, detail, refs: [], ...(problem ? { problem } : {}) });
  it('says the date or the reason where there is one', () => {
    expect(statusText(t, day, { ...line, status: 'postponed', waitsUntil: '2026-12-03' }, ', ')).toBe('Postponed until [2026-12-03]');
    expect(statusText(t, day, { ...line, status: 'waiting_notice', waitsUntil: '2026-12-03' }, ', ')).toBe('Waits for the notice until [2026-12-03]');
    expect(statusText(t, day, { ...line, status: 'failed', failures: [failure('send:email', 'SMTP refused')] }, ', ')).toBe('Failed: email (SMTP refused)');
    expect(statusText(t, day, { ...line, status: 'failed' }, ', ')).toBe('Failed');
    expect(statusText(t, day, { ...line, status: 'paused', pauseReasons: ['promise_until:2026-12-01', 'open_dispute'] }, ', ')).toBe(
      'Paused because of a promise to pay until [2026-12-01], an open dispute',
    );
    expect(statusText(zh, day, { ...line, status: 'needs_approval' }, '、')).toBe('待批准');
  });

  it('names the actions that failed for one reason together, in the reader’s language when it is a missing setting', () => {
    const setup = 'Set up the company profile (at least its name) before issuing documents.';
    const failures = [failure('send:email', setup, 'company_profile_missing'), failure('send:letter', setup, 'company_profile_missing'), failure('limit_bandwidth', 'panel said 503')];
    expect(failuresText(t, day, failures, ', ')).toBe('email, letter (the company profile has no name yet); Bandwidth limit (panel said 503)');
    expect(statusText(zh, day, { ...line, status: 'failed', failures: failures.slice(0, 2) }, '、')).toBe('失败：邮件、信函（公司资料尚未填写名称）');
    expect(failuresText(zh, day, failures, '、')).toMatch(/^邮件、信函（公司资料尚未填写名称）；.+（panel said 503）$/);
  });

  it('words every pause reason, and keeps an unknown one readable', () => {
    expect(pauseReasonText(t, day, 'plan_in_good_standing')).toBe('a payment plan in good standing');
    expect(pauseReasonText(t, day, 'plan_in_grace_until:2026-12-05')).toBe('a payment plan installment in its grace days until [2026-12-05]');
    expect(pauseReasonText(t, day, 'something_new')).toBe('something_new');
  });
});

describe('actions, warnings, days', () => {
  it('lists the channels a letter goes out on', () => {
    expect(actionText(t, step('final_notice').actions[0]!, ', ')).toBe('Final notice by email, SMS if preferred, letter');
    expect(actionText(t, { kind: 'send', letter: 'reminder', channels: { email: 'never', sms: 'never', letter: 'never', call: 'never' } }, ', ')).toBe('Payment reminder (no channel)');
    expect(actionText(t, { kind: 'restrict', how: 'downgrade' }, ', ')).toBe('Downgrade');
    expect(actionText(zh, step('suspension').actions[0]!, '、')).toBe('暂停前数据备份，然后暂停服务');
  });

  it('makes a sentence of each warning the desk knows, and shows an unknown code', () => {
    expect(warningText(t, 'no_backup_possible')).toMatch(/cannot take a backup/);
    expect(warningText(zh, 'no_email_address')).toBe('客户没有邮箱地址：无法发送邮件。');
    expect(warningText(t, 'gateway_down')).toBe('Check before approving: gateway_down');
    expect(warningText(t, 'no_phone')).toMatch(/no phone number/);
    expect(outcomeDetailText(t, day, { detail: 'no_panel_link' })).toBe(warningText(t, 'no_panel_link'));
    expect(outcomeDetailText(t, day, { detail: 'SMTP said 550' })).toBe('SMTP said 550');
    expect(outcomeDetailText(zh, day, { detail: 'Set up the company profile', problem: 'company_profile_missing' })).toBe('公司资料尚未填写名称');
    // What a step did, in the reader's language with its dates; the English detail is the record's.
    expect(outcomeDetailText(zh, day, { detail: 'dated 2026-11-23: 2026-11-20 is in the locked period', note: 'fee_redated', noteParams: { date: '2026-11-23', feeDate: '2026-11-20' } })).toBe(
      '日期为 [2026-11-23]：[2026-11-20] 在账期锁定范围内',
    );
    expect(outcomeDetailText(zh, day, { detail: 'Late fees are off (Settings → Billing → Late fee).', note: 'late_fees_off' })).toBe('滞纳金未启用（设置 → 计费 → 滞纳金）');
    expect(outcomeDetailText(t, day, { detail: 'Ann has no phone number.', note: 'no_phone' })).toBe('the client has no phone number');
  });

  it('counts days overdue, and days to go before the due date', () => {
    expect(overdueText(t, 12)).toBe('12 days');
    expect(overdueText(t, -7)).toBe('due in 7 days');
    expect(overdueText(zh, 0)).toBe('今天到期');
  });

  it('names what an outcome of a run was about', () => {
    expect(outcomeKindText(t, 'send:email')).toBe('email');
    expect(outcomeKindText(t, 'suspend')).toBe('Suspension');
    expect(outcomeKindText(t, 'backup_suspend')).toBe('Backup, then suspend');
    expect(outcomeKindText(t, 'limit_bandwidth')).toBe('Bandwidth limit');
    expect(outcomeKindText(t, 'mystery')).toBe('mystery');
  });
});
