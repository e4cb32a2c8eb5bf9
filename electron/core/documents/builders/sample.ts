// A sample client and their arrears, for previewing a template before any real client needs it.
import type { Client } from '../../../../shared/domain/client.js';
import type { Language } from '../../../../shared/domain/language.js';
import { addDays } from '../../../../shared/dates.js';
import { activePaymentPlans } from '../../billing/arrangements/paymentPlans.js';
import type { Context } from '../../context.js';
import type { LetterFacts } from './letter.js';

export function sampleClient(language: Language): Client {
  const zh = language === 'zh-CN';
  return {
    id: 'cl_sample000',
    name: zh ? '星辰网络科技有限公司' : 'Northwind Web Studio Ltd',
    company: null,
    contactName: zh ? '王丽' : 'Alex Morgan',
    email: null,
    billingEmail: null,
    phone: null,
    address: zh
      ? { lines: ['浦东新区世纪大道 100 号 8 楼'], city: '上海市', region: null, postalCode: '200120', country: null }
      : { lines: ['12 Harbour Street'], city: 'Bristol', region: null, postalCode: 'BS1 4RN', country: 'GB' },
    country: zh ? 'CN' : 'GB',
    taxId: null,
    language,
    currency: zh ? 'CNY' : 'GBP',
    channels: ['letter'],
    notes: null,
    tags: [],
    taxRateId: null,
    taxExemptReason: null,
    prepay: false,
    status: 'active',
    version: 1,
    createdAt: '',
    updatedAt: '',
  };
}

export function sampleFacts(today: string, currency: string): LetterFacts {
  return {
    today,
    currency,
    invoices: [
      { id: 'in_sample1', number: 'INV-2026-00041', issueDate: addDays(today, -40), dueDate: addDays(today, -26), openMinor: 29_900, lateFee: false },
      { id: 'in_sample2', number: 'INV-2026-00057', issueDate: addDays(today, -20), dueDate: addDays(today, -6), openMinor: 12_000, lateFee: false },
      { id: 'in_sample3', number: 'INV-2026-00063', issueDate: addDays(today, -1), dueDate: addDays(today, 13), openMinor: 1_500, lateFee: true },
    ],
    suspensionDate: addDays(today, 4),
    terminationDate: addDays(today, 14),
    restriction: null,
    plan: {
      totalMinor: 43_400,
      feeMinor: 0,
      installments: [
        { dueDate: addDays(today, 7), amountMinor: 14_500 },
        { dueDate: addDays(today, 37), amountMinor: 14_500 },
        { dueDate: addDays(today, 67), amountMinor: 14_400 },
      ],
    },
    payment: { amountMinor: 43_400, date: today, reference: 'TRX-58213' },
  };
}

/** A real client's facts where the book has them, the sample's where it does not (a preview never refuses). */
export function previewFacts(ctx: Context, client: Client): LetterFacts {
  const today = ctx.today();
  const sample = sampleFacts(today, client.currency);
  const plan = activePaymentPlans(ctx, today, client.id)[0];
  const payment = ctx.payments.listByClient(client.id).find((p) => p.status === 'received');
  return {
    ...sample,
    invoices: ctx.invoices.openInvoices(client.id).map((invoice) => ({
      id: invoice.id,
      number: invoice.number ?? '—',
      issueDate: invoice.issueDate ?? today,
      dueDate: invoice.dueDate ?? today,
      openMinor: invoice.openMinor,
      lateFee: invoice.source === 'late_fee',
    })),
    plan: plan ? { totalMinor: plan.totalMinor, feeMinor: plan.feeMinor, installments: plan.installments } : sample.plan,
    payment: payment ? { amountMinor: payment.amountMinor, date: payment.date, reference: payment.reference } : sample.payment,
  };
}
