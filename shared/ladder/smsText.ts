// The short text a ladder letter becomes on SMS: the company, the amount, the invoice number, the
// due (or suspension) date and how to pay, courteous in both languages (GLOSSARY.md's tone), and
// never longer than two SMS segments — gateways bill per segment and some drop longer texts.
import type { Language } from '../domain/language.js';
import { formatAmount, formatShortDate } from '../documents/wording.js';
import type { LadderLetter } from './policy.js';

export interface SmsFacts {
  language: Language;
  letter: LadderLetter;
  company: string;
  currency: string;
  invoices: ReadonlyArray<{ number: string; dueDate: string; openMinor: number }>;
  /** How to pay: a payment line (bank account, Alipay) or how to reach the company. */
  payHow: string;
  suspensionDate: string | null;
}

type Fill = Record<'company' | 'number' | 'amount' | 'due' | 'suspension' | 'pay', string>;

const EN: Record<LadderLetter, (f: Fill) => string> = {
  reminder: (f) => `${f.company}: invoice ${f.number} for ${f.amount} is due on ${f.due}. Pay: ${f.pay}. Thank you!`,
  first_notice: (f) => `${f.company}: invoice ${f.number} (${f.amount}) was due on ${f.due} and is still open. Please pay: ${f.pay}. Thank you.`,
  second_notice: (f) => `${f.company}: second notice - invoice ${f.number} (${f.amount}) is overdue since ${f.due}; a late fee may apply. Pay: ${f.pay}. Need a plan? Reply or call us.`,
  restriction_notice: (f) => `${f.company}: your service is limited while invoice ${f.number} (${f.amount}) is overdue. Paying restores it: ${f.pay}.`,
  final_notice: (f) => `${f.company}: final notice - invoice ${f.number} (${f.amount}) is overdue. Service is suspended on ${f.suspension} unless paid: ${f.pay}. A payment plan is possible.`,
  suspension_notice: (f) => `${f.company}: your service was suspended on ${f.suspension} for invoice ${f.number} (${f.amount}). Paying restores it: ${f.pay}.`,
  termination_letter: (f) => `${f.company}: invoice ${f.number} (${f.amount}) is unpaid and your service will be ended. Please contact us: ${f.pay}.`,
};

const ZH: Record<LadderLetter, (f: Fill) => string> = {
  reminder: (f) => `【${f.company}】温馨提示：账单${f.number}（${f.amount}）将于${f.due}到期。付款：${f.pay}。感谢支持！`,
  first_notice: (f) => `【${f.company}】温馨提示：账单${f.number}（${f.amount}）已于${f.due}逾期，请尽快付款：${f.pay}。感谢支持！`,
  second_notice: (f) => `【${f.company}】第二次催缴通知：账单${f.number}（${f.amount}）自${f.due}逾期，可能产生滞纳金。付款：${f.pay}。可商议还款计划。`,
  restriction_notice: (f) => `【${f.company}】账单${f.number}（${f.amount}）逾期，服务已临时限制，付款后恢复：${f.pay}。`,
  final_notice: (f) => `【${f.company}】最后催缴通知：账单${f.number}（${f.amount}）逾期，如未付款将于${f.suspension}暂停服务。付款：${f.pay}。可商议还款计划。`,
  suspension_notice: (f) => `【${f.company}】因账单${f.number}（${f.amount}）未付，服务已于${f.suspension}暂停，付款后恢复：${f.pay}。`,
  termination_letter: (f) => `【${f.company}】账单${f.number}（${f.amount}）未付，服务将被终止。请联系：${f.pay}。`,
};

// GSM 03.38's basic set (plus the extension characters, which count twice): anything else makes the text UCS-2.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set('^{}\\[~]|€');

/** How many SMS segments a text takes: 160/153 GSM-7 septets, or 70/67 UCS-2 characters. */
export function smsSegments(text: string): number {
  const chars = [...text];
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));
  if (gsm) {
    const septets = chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  // UCS-2 counts UTF-16 code units.
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

export const SMS_MAX_SEGMENTS = 2;

// '…' is not in the GSM set: an English text cut with it would cost UCS-2's shorter segments.
const shorten = (text: string, max: number, ellipsis: string) =>
  [...text].length <= max ? text : `${[...text].slice(0, Math.max(1, max - ellipsis.length)).join('')}${ellipsis}`;

/** The SMS for a letter; shortens the company name and how-to-pay (never the amount, number or date) to fit two segments. */
export function smsText(facts: SmsFacts): string {
  const lang = facts.language;
  const first = facts.invoices[0];
  const more = facts.invoices.length - 1;
  const number = first ? (more > 0 ? `${first.number} +${more}` : first.number) : '—';
  const amount = formatAmount(lang, facts.invoices.reduce((sum, i) => sum + i.openMinor, 0), facts.currency);
  const due = first ? formatShortDate(lang, [...facts.invoices].map((i) => i.dueDate).sort()[0]!) : '';
  const suspension = facts.suspensionDate ? formatShortDate(lang, facts.suspensionDate) : due;
  const cut = lang === 'zh-CN' ? '…' : '...';
  const build = lang === 'zh-CN' ? ZH[facts.letter] : EN[facts.letter];
  // Full wording first, then ever shorter company name and payment details until it fits.
  const attempts: Array<[number, number]> = [[200, 200], [30, 80], [20, 50], [12, 30], [8, 0]];
  let text = '';
  for (const [companyMax, payMax] of attempts) {
    const pay = payMax === 0 ? (lang === 'zh-CN' ? '详见邮件' : 'see our email') : shorten(facts.payHow.replace(/\s+/g, ' ').trim(), payMax, cut);
    text = build({ company: shorten(facts.company, companyMax, cut), number, amount, due, suspension, pay });
    if (smsSegments(text) <= SMS_MAX_SEGMENTS) return text;
  }
  return text;
}
