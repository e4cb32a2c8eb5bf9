// What a printed document says besides the reseller's own texts: titles, labels, notes, dates and
// amounts, in the client's language. Kept apart from the UI catalogs: this wording is on paper the
// client files for years, and changing it never changes an archived document.
import type { Language } from '../domain/language.js';
import { formatMoney } from '../money.js';
import type { DocumentKind } from './kinds.js';

const en = {
  'title.invoice': 'Invoice',
  'title.proforma': 'Proforma invoice',
  'title.credit_note': 'Credit note',
  'title.statement': 'Statement of account',
  'title.reminder': 'Payment reminder',
  'title.first_notice': 'Overdue notice',
  'title.second_notice': 'Second overdue notice',
  'title.restriction_notice': 'Restriction notice',
  'title.final_notice': 'Final notice',
  'title.suspension_notice': 'Suspension notice',
  'title.termination_letter': 'Termination notice',
  'title.payment_plan_agreement': 'Payment plan agreement',
  'title.receipt': 'Receipt',
  'title.batch': 'Batch of {count} documents',
  'title.batch_register': 'Register of batch printed {date}',
  'title.evidence_bundle': 'Evidence bundle – {client}',
  // Labels the PDF layer prints (electron/core/documents/pdf/labels.ts).
  page: 'Page {page} of {pages}',
  date: 'Date',
  taxId: 'Tax ID',
  paymentDetails: 'How to pay',
  noPaymentDetails: 'Payment details: please contact us.',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  taxRate: 'Tax',
  amount: 'Amount',
  entryDate: 'Date',
  debit: 'Charges',
  credit: 'Payments',
  balance: 'Balance',
  signatureName: 'Name',
  signatureDate: 'Date',
  // Facts and totals.
  dueDate: 'Due date',
  clientTaxId: 'Your tax ID',
  originalInvoice: 'Credits invoice',
  reason: 'Reason',
  period: 'Period',
  subtotal: 'Subtotal',
  taxAt: 'Tax {rate}',
  total: 'Total',
  paid: 'Paid',
  credited: 'Credited',
  balanceDue: 'Balance due',
  creditTotal: 'Total credited',
  openingBalance: 'Opening balance',
  closingBalance: 'Closing balance',
  owedAtClose: 'You owe',
  creditAtClose: 'In your favour',
  'note.paidInFull': 'Paid in full. Thank you.',
  'note.void': 'This invoice was voided: {reason}',
  'note.proforma': 'This is a request for prepayment, not a tax invoice. Once paid, it becomes an invoice.',
  'note.creditNote': 'This credit note reduces what you owe on invoice {number}.',
  'note.taxExempt': 'No tax charged: {reason}',
  'note.payBy': 'Please pay by {date}, quoting {number}.',
  'note.statementCredit': 'A balance in your favour is used for your next invoices.',
  'note.lateFee': 'Under the payment terms of your contract a late fee of {fee} has been charged.',
  // Letters.
  closing: 'Kind regards,',
  'signature.company': 'For {company}',
  'signature.client': 'For {client}',
  'table.number': 'Invoice',
  'table.issueDate': 'Issued',
  'table.dueDate': 'Due',
  'table.daysOverdue': 'Days overdue',
  'table.open': 'Open',
  'table.installment': 'Instalment',
  'table.amount': 'Amount',
  'table.noInvoices': 'No open invoices.',
  or: ' or ',
  none: '—',
  'restriction.default': 'access to your service is limited until the balance is paid.',
  // Statement line kinds (journal entry kinds).
  'entry.invoice.issued': 'Invoice',
  'entry.credit_note.issued': 'Credit note',
  'entry.invoice.voided': 'Invoice voided',
  'entry.payment.received': 'Payment received',
  'entry.payment.bounced': 'Payment returned',
  'entry.credit.refunded': 'Refund',
  // The register of a batch.
  'register.position': 'position',
  'register.client': 'client',
  'register.document': 'document',
  'register.title': 'title',
  'register.firstPage': 'first page',
  'register.pages': 'pages',
  'register.sha256': 'sha256',
};

type WordKey = keyof typeof en;

const zhCN: Record<WordKey, string> = {
  'title.invoice': '账单',
  'title.proforma': '预付款账单',
  'title.credit_note': '贷项通知单',
  'title.statement': '对账单',
  'title.reminder': '缴费提醒',
  'title.first_notice': '催缴通知',
  'title.second_notice': '第二次催缴通知',
  'title.restriction_notice': '临时服务限制通知',
  'title.final_notice': '最后催缴通知',
  'title.suspension_notice': '暂停服务通知',
  'title.termination_letter': '终止服务通知',
  'title.payment_plan_agreement': '还款计划协议',
  'title.receipt': '收款确认函',
  'title.batch': '批量打印（{count} 份）',
  'title.batch_register': '批量打印清单 {date}',
  'title.evidence_bundle': '证据包 – {client}',
  page: '第 {page} 页，共 {pages} 页',
  date: '日期',
  taxId: '税号',
  paymentDetails: '付款方式',
  noPaymentDetails: '付款方式：请与我们联系。',
  description: '项目',
  quantity: '数量',
  unitPrice: '单价',
  taxRate: '税率',
  amount: '金额',
  entryDate: '日期',
  debit: '应付',
  credit: '已付',
  balance: '余额',
  signatureName: '签字',
  signatureDate: '日期',
  dueDate: '到期日',
  clientTaxId: '贵方税号',
  originalInvoice: '对应账单',
  reason: '原因',
  period: '期间',
  subtotal: '小计',
  taxAt: '税费 {rate}',
  total: '合计',
  paid: '已付款',
  credited: '已冲减',
  balanceDue: '应付余额',
  creditTotal: '冲减合计',
  openingBalance: '期初余额',
  closingBalance: '期末余额',
  owedAtClose: '应付金额',
  creditAtClose: '账户余额',
  'note.paidInFull': '已全额付款，谢谢！',
  'note.void': '本账单已作废：{reason}',
  'note.proforma': '本单为预付款账单，付款后将转为正式账单。',
  'note.creditNote': '本贷项通知单冲减账单 {number} 的应付金额。',
  'note.taxExempt': '免收税费：{reason}',
  'note.payBy': '请于 {date} 前付款，并注明账单编号 {number}。',
  'note.statementCredit': '账户余额将用于抵扣您今后的账单。',
  'note.lateFee': '根据合同的付款条款，已产生滞纳金 {fee}。',
  closing: '顺颂商祺',
  'signature.company': '{company}（盖章）',
  'signature.client': '{client}（签字）',
  'table.number': '账单编号',
  'table.issueDate': '开具日期',
  'table.dueDate': '到期日',
  'table.daysOverdue': '逾期天数',
  'table.open': '未付金额',
  'table.installment': '期数',
  'table.amount': '金额',
  'table.noInvoices': '没有未付账单。',
  or: ' 或 ',
  none: '—',
  'restriction.default': '在欠费结清之前，您的服务访问受到限制。',
  'entry.invoice.issued': '账单',
  'entry.credit_note.issued': '贷项通知单',
  'entry.invoice.voided': '账单作废',
  'entry.payment.received': '收款',
  'entry.payment.bounced': '付款被退回',
  'entry.credit.refunded': '退款',
  'register.position': '序号',
  'register.client': '客户',
  'register.document': '文档',
  'register.title': '标题',
  'register.firstPage': '起始页',
  'register.pages': '页数',
  'register.sha256': 'sha256',
};

const catalogs: Record<Language, Record<WordKey, string>> = { en, 'zh-CN': zhCN };

export type { WordKey };

/** A document word in a language, with `{name}` filled from params. */
export function word(language: Language, key: WordKey, params: Record<string, string | number> = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Whether a journal entry kind has a printed name. */
export function isWordKey(key: string): key is WordKey {
  return Object.hasOwn(en, key);
}

export const documentTitle = (language: Language, kind: DocumentKind, params: Record<string, string | number> = {}) =>
  word(language, `title.${kind}` as WordKey, params);

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A business date as a client reads it: "26 November 2026" / "2026年11月26日". */
export function formatDate(language: Language, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

const MONTHS_SHORT_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A business date for a narrow table column: "26 Nov 2026" / "2026-11-26". */
export function formatShortDate(language: Language, date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return language === 'zh-CN' ? date : `${day} ${MONTHS_SHORT_EN[month - 1]} ${year}`;
}

export const formatAmount = (language: Language, minor: number, currency: string) => formatMoney(minor, currency, language === 'zh-CN' ? 'zh-CN' : 'en-GB');

/** Basis points as a percentage: 600 → "6%", 1250 → "12.5%". */
export function formatRate(rateBp: number): string {
  return `${(rateBp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** Thousandths as a quantity: 1000 → "1", 12500 → "12.5". */
export function formatQuantity(quantityMilli: number): string {
  return (quantityMilli / 1000).toFixed(3).replace(/\.?0+$/, '');
}
