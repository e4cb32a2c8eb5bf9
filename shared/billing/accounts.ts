// The chart of accounts the journal posts to. Codes are the defaults; the accountant's export
// (a later issue) maps them to the reseller's own chart.
export const ACCOUNTS = {
  bank: '1000',
  receivables: '1100',
  taxPayable: '2100',
  customerCredit: '2200',
  revenue: '4000',
  creditNotes: '4090',
  lateFees: '4100',
} as const;

export type AccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

export const ACCOUNT_NAMES: Record<AccountCode, { en: string; 'zh-CN': string }> = {
  '1000': { en: 'Bank and cash', 'zh-CN': '银行及现金' },
  '1100': { en: 'Accounts receivable', 'zh-CN': '应收账款' },
  '2100': { en: 'Tax payable', 'zh-CN': '应交税费' },
  '2200': { en: 'Customer credit', 'zh-CN': '客户账户余额' },
  '4000': { en: 'Revenue', 'zh-CN': '营业收入' },
  '4090': { en: 'Credit notes and discounts', 'zh-CN': '贷项通知与折扣' },
  '4100': { en: 'Late fees', 'zh-CN': '滞纳金收入' },
};
