import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/domain/language.js';
import { translate } from '../../../shared/i18n/index.js';
import { FACTOR_CODES, featuresOf, type FactorCode } from '../../../shared/risk/features.js';
import { scoreHistory } from '../../../shared/risk/model.js';
import { byContribution, contributionText, factorName, factorSentence } from '../../../renderer/src/risk/factorWording.js';

const en = { language: 'en', currency: 'USD' } as const;
const zh = { language: 'zh-CN', currency: 'CNY' } as const;

/** Parameters as the engine stores them for a client with a troubled history (shared/risk/features.ts). */
const TROUBLED: Record<FactorCode, Record<string, number | string | null>> = {
  late_rate: { late: 3, of: 6, rate: 48 },
  last_late: { late: 1 },
  deteriorating: { recentPercent: 67, overallPercent: 20 },
  lateness: { averageDays: 12 },
  past_due_days: { days: 41 },
  past_due_count: { count: 2 },
  past_due_amount: { amountMinor: 125_000, usualMinor: 4_900 },
  partial: { count: 1 },
  bounced: { count: 2, lastDate: '2026-09-14' },
  broken_promises: { count: 1, lastDate: '2026-10-02' },
  broken_plans: { count: 3, lastDate: '2026-08-30' },
  disputes: { count: 2 },
  tenure: { days: 800 },
  new_client: { invoices: 0 },
  amount_vs_usual: { ratioPercent: 250 },
};

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('factor wording', () => {
  it('has a sentence and a name for every factor code in both languages, with every placeholder filled', () => {
    for (const code of FACTOR_CODES) {
      for (const context of [en, zh]) {
        const sentence = factorSentence({ code, params: TROUBLED[code] }, context);
        const name = factorName(code, context.language);
        for (const text of [sentence, name]) {
          expect(text, `${code} ${context.language}`).not.toMatch(/[{}]|undefined|NaN/);
          expect(hasChinese(text), `${code} ${context.language}: ${text}`).toBe(context.language === 'zh-CN');
        }
      }
    }
  });

  it('reads the way a reseller would say it', () => {
    const say = (code: FactorCode, params: Record<string, number | string | null>, context: typeof en | typeof zh = en) => factorSentence({ code, params }, context);
    expect(say('late_rate', TROUBLED.late_rate)).toBe('3 of 6 invoices due in the last year paid late');
    expect(say('late_rate', TROUBLED.late_rate, zh)).toBe('过去一年到期的 6 张账单中有 3 张逾期付款');
    expect(say('past_due_days', { days: 41 })).toBe('41 days past due now');
    expect(say('past_due_days', { days: 41 }, zh)).toBe('目前已逾期 41 天');
    expect(say('broken_promises', TROUBLED.broken_promises)).toBe('Broke a promise to pay on Oct 2, 2026');
    expect(say('broken_promises', TROUBLED.broken_promises, zh)).toBe('2026年10月2日 未履行承诺付款');
    expect(say('broken_promises', { count: 2, lastDate: '2026-10-02' })).toBe('Broke 2 promises to pay in the last year, the latest on Oct 2, 2026');
    expect(say('past_due_amount', TROUBLED.past_due_amount)).toBe('$1,250.00 past due, against an average bill of $49.00');
    expect(say('past_due_count', { count: 1 })).toBe('1 invoice past due now');
    expect(say('late_rate', { late: 0, of: 0, rate: 20 })).toBe('No invoice due in the last year: a 20% chance of paying late, from older invoices or a neutral start');
    expect(say('late_rate', { late: 0, of: 6, rate: 5 })).toBe('None of 6 invoices due in the last year paid late');
    expect(say('deteriorating', { recentPercent: 67, overallPercent: 20 })).toBe('Paying later than before: 67% of the invoices of the last 3 months late, against 20% overall');
    expect(say('deteriorating', { recentPercent: 67, overallPercent: 20 }, zh)).toBe('付款情况变差：近 3 个月的账单 67% 逾期，总体为 20%');
    // When they usually pay, early counting below zero.
    expect(say('lateness', { averageDays: 12 })).toBe('Pays 12 days after the due date on average');
    expect(say('lateness', { averageDays: -6 })).toBe('Pays 6 days before the due date on average');
    expect(say('lateness', { averageDays: -1 }, zh)).toBe('平均提前 1 天付款');
    expect(say('lateness', { averageDays: 0 })).toBe('Pays on the due date on average');
    expect(say('tenure', { days: 45 })).toBe('A client for 45 days');
    expect(say('tenure', { days: 400 })).toBe('A client for 13 months');
    expect(say('tenure', { days: 800 }, zh)).toBe('成为客户 2 年');
  });

  it('words what the engine actually produces, and lists it by contribution', () => {
    const history = {
      asOf: '2026-11-01',
      invoices: ['03', '04', '05', '06', '07', '08', '09', '10'].map((month, i) => ({
        issueDate: `2026-${month}-01`,
        dueDate: `2026-${month}-15`,
        totalMinor: 10_000,
        disputed: i === 2,
        payments: i >= 6 ? [] : [{ date: `2026-${month}-${i % 2 ? '28' : '10'}`, amountMinor: 10_000, reversedDate: null }],
      })),
      bouncedDates: ['2026-09-01'],
      brokenPromiseDates: ['2026-10-02'],
      brokenPlanDates: [],
      newInvoiceMinor: null,
    };
    const factors = scoreHistory(history).factors;
    expect(factors.length).toBeGreaterThan(4);
    const shuffled = [...factors].reverse();
    const ordered = byContribution(shuffled).map((f) => f.contribution);
    expect(ordered).toEqual(factors.map((f) => f.contribution));
    expect(ordered[0]).toBeGreaterThan(ordered.at(-1)!);
    const sentences = factors.map((factor) => factorSentence(factor, en));
    expect(featuresOf(history).params.late_rate).toMatchObject({ late: 5, of: 8 });
    expect(sentences).toContain('5 of 8 invoices due in the last year paid late');
    expect(sentences).toContain('Broke a promise to pay on Oct 2, 2026');
    expect(sentences.join(' ')).not.toMatch(/[{}]/);
    expect(featuresOf(history).params.past_due_days).toEqual({ days: 47 });
    expect(sentences).toContain('47 days past due now');
  });

  it('shows a contribution signed, so its direction does not depend on colour', () => {
    expect(contributionText(0.4234)).toBe('+0.42');
    expect(contributionText(-0.1299)).toBe('−0.13');
    for (const language of LANGUAGES) expect(translate(language, 'risk.raises', { amount: '0.42' })).toContain('0.42');
  });
});
