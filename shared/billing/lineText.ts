// The words on the lines the billing run writes, in the client's language: an invoice is read by
// the client, so it speaks as their letters do. Dates stay YYYY-MM-DD, which both languages read.
import type { Language } from '../domain/language.js';
import { toDecimalString } from '../money.js';

const quantity = (milli: number) => String(milli / 1000);

export const lineText = {
  service(language: Language, label: string, start: string, end: string): string {
    return language === 'zh-CN' ? `${label}，${start} 至 ${end}` : `${label}, ${start} – ${end}`;
  },

  /** (a) A final period cut at the contract's end date. */
  finalPeriod(language: Language, label: string, start: string, end: string, days: number, fullDays: number): string {
    return language === 'zh-CN'
      ? `${label}，${start} 至 ${end}（合同终止，按 ${fullDays} 天中的 ${days} 天计）`
      : `${label}, ${start} – ${end} (contract ends: ${days} of ${fullDays} days)`;
  },

  /** (b) A price change during a period already invoiced at the old price. */
  priceChange(language: Language, label: string, currency: string, change: { fromMinor: number; toMinor: number }, from: string, end: string, days: number, fullDays: number): string {
    const was = toDecimalString(change.fromMinor, currency);
    const now = toDecimalString(change.toMinor, currency);
    return language === 'zh-CN'
      ? `${label}：价格自 ${from} 起由 ${was} 调整为 ${now} ${currency}，${from} 至 ${end}（按 ${fullDays} 天中的 ${days} 天计）`
      : `${label}: price ${was} → ${now} ${currency} from ${from}, ${from} – ${end} (${days} of ${fullDays} days)`;
  },

  usage(language: Language, label: string, unit: string | null, start: string, end: string, charge: { quantityMilli: number; tier: number }, tierCount: number): string {
    const amount = `${quantity(charge.quantityMilli)}${unit ? ` ${unit}` : ''}`;
    const tier = tierCount > 1 ? (language === 'zh-CN' ? `，第 ${charge.tier} 档` : `, tier ${charge.tier}`) : '';
    return language === 'zh-CN' ? `${label} 用量，${start} 至 ${end}：${amount}${tier}` : `${label} usage, ${start} – ${end}: ${amount}${tier}`;
  },

  lateFee(language: Language, invoiceNumber: string, n: number, redatedFrom: string | null): string {
    const month = n > 1 ? (language === 'zh-CN' ? `（第 ${n} 个月）` : ` (month ${n})`) : '';
    const due = redatedFrom ? (language === 'zh-CN' ? `（原应于 ${redatedFrom} 收取）` : ` (due ${redatedFrom})`) : '';
    return language === 'zh-CN' ? `逾期费：${invoiceNumber}${month}${due}` : `Late fee for ${invoiceNumber}${month}${due}`;
  },

  /** The reason on the credit note a downgrade becomes. */
  downgradeCredit(language: Language, label: string, date: string): string {
    return language === 'zh-CN' ? `${label} 自 ${date} 降价，已开票期间的差额按天退还` : `Price of ${label} lowered on ${date}: the difference for days already invoiced`;
  },
};
