// One plain sentence per factor behind a risk score, in the screen's language, from the factor's
// code and the parameters the engine stored with it ("3 of the last 6 invoices paid late", "Broke
// a promise to pay on Oct 2, 2026"). The map is keyed by every FACTOR_CODES entry, so a factor the
// engine adds without a sentence here is a type error. Pure: unit-tested in Node.
import type { Language } from '../../../shared/domain/language.js';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { TREND_DAYS, type FactorCode, type FactorParams } from '../../../shared/risk/features.js';
import { formatDate } from '../ui/formatting.js';

export interface RiskFactor {
  code: FactorCode;
  params: FactorParams;
  contribution: number;
}

/** What a sentence may need besides the factor: the client's currency for amounts. */
export interface WordingContext {
  language: Language;
  currency: string;
}

type Sentence = { key: MessageKey; params?: MessageParams };

const num = (params: FactorParams, name: string): number => {
  const value = params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

const DAYS_PER_MONTH = 30.44;

/** A count of things dated, the latest on a day ("Broke a promise to pay on …" / "Broke 3 promises …"). */
const dated = (one: MessageKey, many: MessageKey) => (params: FactorParams, context: WordingContext): Sentence => {
  const count = num(params, 'count');
  const last = params.lastDate;
  const date = typeof last === 'string' ? formatDate(last, context.language) : '—';
  return count === 1 ? { key: one, params: { date } } : { key: many, params: { count, date } };
};

const counted = (one: MessageKey, many: MessageKey) => (params: FactorParams): Sentence => {
  const count = num(params, 'count');
  return count === 1 ? { key: one } : { key: many, params: { count } };
};

const SENTENCES: Record<FactorCode, (params: FactorParams, context: WordingContext) => Sentence> = {
  late_rate(params): Sentence {
    const late = num(params, 'late');
    const of = num(params, 'of');
    if (of === 0) return { key: 'risk.reason.late_rate.noneDue', params: { rate: num(params, 'rate') } };
    if (of === 1) return { key: late > 0 ? 'risk.reason.late_rate.onlyLate' : 'risk.reason.late_rate.onlyOnTime' };
    return late === 0 ? { key: 'risk.reason.late_rate.none', params: { of } } : { key: 'risk.reason.late_rate.some', params: { late, of } };
  },
  last_late: (params) => ({ key: num(params, 'late') > 0 ? 'risk.reason.last_late.late' : 'risk.reason.last_late.onTime' }),
  // Only ever a turn for the worse: the factor is 0, and not listed, otherwise (features.ts).
  deteriorating: (params) => ({
    key: 'risk.reason.deteriorating',
    params: { recent: num(params, 'recentPercent'), overall: num(params, 'overallPercent'), months: Math.round(TREND_DAYS / 30) },
  }),
  // Days after the due date, signed: an early payer's is below zero.
  lateness(params): Sentence {
    const days = num(params, 'averageDays');
    if (days === 0) return { key: 'risk.reason.lateness.onTime' };
    if (days < 0) return days === -1 ? { key: 'risk.reason.lateness.earlyDay' } : { key: 'risk.reason.lateness.earlyDays', params: { days: -days } };
    return days === 1 ? { key: 'risk.reason.lateness.day' } : { key: 'risk.reason.lateness.days', params: { days } };
  },
  past_due_days(params): Sentence {
    const days = num(params, 'days');
    return days === 1 ? { key: 'risk.reason.past_due_days.day' } : { key: 'risk.reason.past_due_days.days', params: { days } };
  },
  past_due_count: counted('risk.reason.past_due_count.one', 'risk.reason.past_due_count.many'),
  past_due_amount: (params, { language, currency }) => ({
    key: 'risk.reason.past_due_amount',
    params: { amount: formatMoney(num(params, 'amountMinor'), currency, language), usual: formatMoney(num(params, 'usualMinor'), currency, language) },
  }),
  partial: counted('risk.reason.partial.one', 'risk.reason.partial.many'),
  bounced: dated('risk.reason.bounced.one', 'risk.reason.bounced.many'),
  broken_promises: dated('risk.reason.broken_promises.one', 'risk.reason.broken_promises.many'),
  broken_plans: dated('risk.reason.broken_plans.one', 'risk.reason.broken_plans.many'),
  disputes: counted('risk.reason.disputes.one', 'risk.reason.disputes.many'),
  tenure(params): Sentence {
    const days = num(params, 'days');
    // Days for the first two months, months for the first two years, then years.
    if (days < 60) return { key: 'risk.reason.tenure.days', params: { days } };
    if (days < 730) return { key: 'risk.reason.tenure.months', params: { months: Math.floor(days / DAYS_PER_MONTH) } };
    return { key: 'risk.reason.tenure.years', params: { years: Math.floor(days / 365.25) } };
  },
  new_client: () => ({ key: 'risk.reason.new_client' }),
  amount_vs_usual: (params) => ({ key: 'risk.reason.amount_vs_usual', params: { ratio: num(params, 'ratioPercent') } }),
};

/** The factor as one sentence in `context.language`. */
export function factorSentence(factor: Pick<RiskFactor, 'code' | 'params'>, context: WordingContext): string {
  const sentence = SENTENCES[factor.code](factor.params, context);
  return translate(context.language, sentence.key, sentence.params);
}

/** The factor's short name, for the weights table. */
export const factorName = (code: FactorCode, language: Language): string => translate(language, `risk.factorName.${code}`);

/** Factors in the order the panel lists them: the largest push towards risk first, the largest pull away last. */
export const byContribution = <F extends Pick<RiskFactor, 'contribution'>>(factors: readonly F[]): F[] => [...factors].sort((a, b) => b.contribution - a.contribution);

/** Sentences side by side: a space between English ones, none between Chinese ones (they end in 。). */
export const sentences = (language: Language, ...parts: string[]): string => parts.join(language === 'zh-CN' ? '' : ' ');

/** A contribution as the panel prints it: signed, two decimals ("+0.42", "−0.13"). */
export const contributionText = (contribution: number): string => `${contribution >= 0 ? '+' : '−'}${Math.abs(contribution).toFixed(2)}`;
