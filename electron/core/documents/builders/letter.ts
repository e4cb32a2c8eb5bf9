// A letter as printed: the facts gathered from the book (open invoices, the plan, the payment,
// the dates the caller gives), the template's placeholders filled with them in the client's
// language, and the table put where the template's table placeholder stands.
import type { ParsedInput } from '../../../../shared/api/methods.js';
import type { Client } from '../../../../shared/domain/client.js';
import type { Language } from '../../../../shared/domain/language.js';
import type { LetterKind } from '../../../../shared/documents/kinds.js';
import { fillLetter } from '../../../../shared/documents/templates.js';
import { documentTitle, formatAmount, formatDate, formatShortDate, word } from '../../../../shared/documents/wording.js';
import { addDays, daysBetween } from '../../../../shared/dates.js';
import { activePaymentPlans, getPaymentPlan } from '../../billing/arrangements/paymentPlans.js';
import type { Context } from '../../context.js';
import { invalidField } from '../../errors.js';
import type { LetterDocument } from '../model.js';
import { base, type Letterhead } from './common.js';

export type LetterParams = ParsedInput<'documents.letter'>['params'];

/** What a letter states, independent of its wording. */
export interface LetterFacts {
  today: string;
  currency: string;
  invoices: Array<{ id: string; number: string; issueDate: string; dueDate: string; openMinor: number; lateFee: boolean }>;
  suspensionDate: string;
  terminationDate: string;
  restriction: string | null;
  plan: { totalMinor: number; feeMinor: number; installments: Array<{ dueDate: string; amountMinor: number }> } | null;
  payment: { amountMinor: number; date: string; reference: string | null } | null;
}

/** Gathers a letter's facts from the book; refuses what the kind needs and the book does not have, naming the parameter. */
export function gatherFacts(ctx: Context, client: Client, kind: LetterKind, params: LetterParams): LetterFacts {
  const today = ctx.today();
  // Named ones may be proformas too: the arrears ladder reminds of an unpaid proforma (a critical
  // client's renewal) as of any invoice. Unnamed, a letter is about what is owed.
  const open = params.invoiceIds
    ? params.invoiceIds.map((id, i) => {
        const invoice = ctx.invoices.get(id);
        const isOpen = invoice && invoice.clientId === client.id && invoice.status === 'issued' && invoice.openMinor > 0 && (invoice.kind === 'invoice' || invoice.kind === 'proforma');
        if (!isOpen) throw invalidField({ field: `params.invoiceIds.${i}`, code: 'unknown_reference', message: "That is not one of this client's open invoices or proformas." });
        return invoice;
      })
    : ctx.invoices.openInvoices(client.id);
  // A letter about arrears with nothing owed would tell the client they owe 0.00.
  if (open.length === 0 && !['payment_plan_agreement', 'receipt'].includes(kind)) {
    throw invalidField({ field: 'clientId', code: 'not_allowed', message: `${client.name} has no open invoices: there is nothing to write to them about.` });
  }
  if (kind === 'final_notice' && !params.suspensionDate) {
    throw invalidField({ field: 'params.suspensionDate', code: 'required', message: 'A final notice names the day service will be suspended: give the suspension date.' });
  }
  if (params.suspensionDate && kind === 'final_notice' && params.suspensionDate <= today) {
    throw invalidField({ field: 'params.suspensionDate', code: 'date_order', message: 'The suspension date of a final notice must be after today, so the client has time to pay.' });
  }

  let plan: LetterFacts['plan'] = null;
  if (kind === 'payment_plan_agreement') {
    const found = params.paymentPlanId ? planOf(ctx, params.paymentPlanId, client.id, today) : activePaymentPlans(ctx, today, client.id)[0];
    if (!found) throw invalidField({ field: 'params.paymentPlanId', code: 'required', message: `${client.name} has no active payment plan: agree one first, or name the plan.` });
    plan = { totalMinor: found.totalMinor, feeMinor: found.feeMinor, installments: found.installments.map((i) => ({ dueDate: i.dueDate, amountMinor: i.amountMinor })) };
  }

  let payment: LetterFacts['payment'] = null;
  if (kind === 'receipt') {
    const found = params.paymentId ? ctx.payments.get(params.paymentId) : ctx.payments.listByClient(client.id).find((p) => p.status === 'received');
    if (!found || found.clientId !== client.id || found.status !== 'received') {
      throw invalidField({
        field: 'params.paymentId',
        code: params.paymentId ? 'unknown_reference' : 'required',
        message: params.paymentId ? "That is not a payment received from this client." : `${client.name} has no payment to confirm yet.`,
      });
    }
    payment = { amountMinor: found.amountMinor, date: found.date, reference: found.reference };
  }

  return {
    today,
    currency: client.currency,
    invoices: open.map((invoice) => ({
      id: invoice.id,
      number: invoice.number ?? '—',
      issueDate: invoice.issueDate ?? today,
      dueDate: invoice.dueDate ?? today,
      openMinor: invoice.openMinor,
      lateFee: invoice.source === 'late_fee',
    })),
    suspensionDate: params.suspensionDate ?? today,
    terminationDate: params.terminationDate ?? addDays(today, 14),
    restriction: params.restriction ?? null,
    plan,
    payment,
  };
}

function planOf(ctx: Context, id: string, clientId: string, today: string) {
  try {
    const plan = getPaymentPlan(ctx, id, today);
    if (plan.clientId === clientId) return plan;
  } catch {
    // Unknown plan: refused below like a plan of another client.
  }
  throw invalidField({ field: 'params.paymentPlanId', code: 'unknown_reference', message: "That is not one of this client's payment plans." });
}

/** The placeholder values for these facts, in one language. */
export function placeholderValues(facts: LetterFacts, client: Client, head: Letterhead, language: Language): Record<string, string> {
  const money = (minor: number) => formatAmount(language, minor, facts.currency);
  const date = (value: string) => formatDate(language, value);
  const overdue = facts.invoices.filter((invoice) => invoice.dueDate < facts.today);
  const dueMinor = facts.invoices.reduce((sum, invoice) => sum + invoice.openMinor, 0);
  const overdueMinor = overdue.reduce((sum, invoice) => sum + invoice.openMinor, 0);
  const firstDue = [...(overdue.length > 0 ? overdue : facts.invoices)].map((invoice) => invoice.dueDate).sort()[0] ?? facts.today;
  const lateFeeMinor = facts.invoices.filter((invoice) => invoice.lateFee).reduce((sum, invoice) => sum + invoice.openMinor, 0);
  const company = head.company;
  const contact = [company.email, company.phone].filter((part): part is string => Boolean(part)).join(word(language, 'or')) || company.website || company.name;
  const values: Record<string, string> = {
    'client.name': client.name,
    'client.contact': client.contactName ?? client.name,
    'company.name': company.name,
    'company.contact': contact,
    'payment.details': company.paymentLines.length > 0 ? company.paymentLines.join('\n') : word(language, 'noPaymentDetails'),
    'date.today': date(facts.today),
    'date.due': date(firstDue),
    'days.overdue': String(overdue.length > 0 ? daysBetween(firstDue, facts.today) : 0),
    'amount.due': money(dueMinor),
    'amount.overdue': money(overdueMinor),
    'invoices.count': String(facts.invoices.length),
    'amount.lateFee': money(lateFeeMinor),
    // A sentence, so a second notice to a client charged no fee does not announce a fee of 0.00.
    'lateFee.note': lateFeeMinor > 0 ? word(language, 'note.lateFee', { fee: money(lateFeeMinor) }) : '',
    'restriction.text': facts.restriction ?? word(language, 'restriction.default'),
    'date.suspension': date(facts.suspensionDate),
    'date.termination': date(facts.terminationDate),
  };
  if (facts.plan) {
    values['plan.total'] = money(facts.plan.totalMinor);
    values['plan.fee'] = money(facts.plan.feeMinor);
    values['plan.count'] = String(facts.plan.installments.length);
    values['plan.first'] = facts.plan.installments[0] ? date(facts.plan.installments[0].dueDate) : '—';
  }
  if (facts.payment) {
    values['payment.amount'] = money(facts.payment.amountMinor);
    values['payment.date'] = date(facts.payment.date);
    values['payment.reference'] = facts.payment.reference ?? word(language, 'none');
  }
  return values;
}

function tableOf(name: string, facts: LetterFacts, language: Language): LetterDocument['table'] {
  const money = (minor: number) => formatAmount(language, minor, facts.currency);
  const date = (value: string) => formatShortDate(language, value);
  if (name === 'plan.installments' && facts.plan) {
    return {
      columns: [word(language, 'table.installment'), word(language, 'table.dueDate'), word(language, 'table.amount')],
      rows: facts.plan.installments.map((installment, i) => [String(i + 1), date(installment.dueDate), money(installment.amountMinor)]),
    };
  }
  if (name === 'invoices.open' && facts.invoices.length > 0) {
    return {
      columns: [word(language, 'table.number'), word(language, 'table.issueDate'), word(language, 'table.dueDate'), word(language, 'table.daysOverdue'), word(language, 'table.open')],
      rows: facts.invoices.map((invoice) => [
        invoice.number,
        date(invoice.issueDate),
        date(invoice.dueDate),
        invoice.dueDate < facts.today ? String(daysBetween(invoice.dueDate, facts.today)) : '',
        money(invoice.openMinor),
      ]),
    };
  }
  return null;
}

export function composeLetter(
  ctx: Context,
  kind: LetterKind,
  template: { subject: string; body: string },
  facts: LetterFacts,
  client: Client,
  head: Letterhead,
): LetterDocument {
  const language = client.language;
  const filled = fillLetter(template, placeholderValues(facts, client, head, language));
  const table = filled.table ? tableOf(filled.table, facts, language) : null;
  const body = filled.table === 'invoices.open' && !table ? [filled.before, word(language, 'table.noInvoices')].filter(Boolean).join('\n\n') : filled.before;
  const signOff = `${word(language, 'closing')}\n${head.company.name}`;
  return {
    ...base(ctx, client, head, documentTitle(language, kind)),
    kind,
    subject: filled.subject,
    body,
    table,
    signatures:
      kind === 'payment_plan_agreement' ? [word(language, 'signature.company', { company: head.company.name }), word(language, 'signature.client', { client: client.name })] : [],
    closing: [filled.after, signOff].filter(Boolean).join('\n\n'),
  };
}

/** The letter as plain text (the template preview), in reading order. */
export function letterText(model: LetterDocument): string {
  const table = model.table ? [model.table.columns.join(' | '), ...model.table.rows.map((row) => row.join(' | '))].join('\n') : '';
  const payment = model.kind === 'receipt' ? '' : [model.labels.paymentDetails ?? '', ...model.company.paymentLines].join('\n');
  return [model.subject, model.body, table, payment, model.closing, ...model.signatures].filter((part) => part.trim() !== '').join('\n\n');
}
