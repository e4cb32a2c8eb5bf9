// Payment plans: a client's overdue invoices split into installments on agreed dates, with an
// optional fee charged as its own invoice. Each installment is tracked against what the client
// pays toward the plan's invoices after it starts, oldest installment first.
import { installmentProgress, installmentState, planStanding } from '../../../../shared/billing/planStanding.js';
import type { PaymentPlan, PlanStatus } from '../../../../shared/domain/paymentPlan.js';
import type { Context } from '../../context.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { planInvoices, settledPoints } from './installments.js';
import { perBook } from './perBook.js';

export interface PlanRow {
  id: string;
  client_id: string;
  client_name: string;
  created_date: string;
  total_minor: number;
  fee_minor: number;
  currency: string;
  status: PlanStatus;
  note: string | null;
  closed_date: string | null;
}

const SELECT = 'SELECT p.*, c.name AS client_name FROM payment_plans p JOIN clients c ON c.id = p.client_id';

const statements = perBook((db) => ({
  byId: db.prepare<[string], PlanRow>(`${SELECT} WHERE p.id = ?`),
  list: db.prepare<{ clientId: string | null; status: string | null }, PlanRow>(
    `${SELECT} WHERE (@clientId IS NULL OR p.client_id = @clientId) AND (@status IS NULL OR p.status = @status) ORDER BY p.seq DESC`,
  ),
  active: db.prepare<{ clientId: string | null }, PlanRow>(`${SELECT} WHERE p.status = 'active' AND (@clientId IS NULL OR p.client_id = @clientId) ORDER BY p.seq`),
  installments: db.prepare<[string], { due_date: string; amount_minor: number }>('SELECT due_date, amount_minor FROM plan_installments WHERE plan_id = ? ORDER BY due_date, seq'),
  insert: db.prepare(
    `INSERT INTO payment_plans (id, client_id, created_date, total_minor, fee_minor, currency, status, note) VALUES (@id, @clientId, @createdDate, @totalMinor, @feeMinor, @currency, 'active', @note)`,
  ),
  insertInstallment: db.prepare('INSERT INTO plan_installments (plan_id, due_date, amount_minor) VALUES (?, ?, ?)'),
  insertInvoice: db.prepare('INSERT INTO plan_invoices (plan_id, invoice_id) VALUES (?, ?)'),
  close: db.prepare(`UPDATE payment_plans SET status = @status, closed_date = @date WHERE id = @id AND status = 'active'`),
}));

/** The plan as the screens show it, its installments filled from what was paid up to `asOf`. */
function toPlan(ctx: Context, row: PlanRow, asOf: string): PaymentPlan {
  const schedule = statements(ctx.db).installments.all(row.id).map((i) => ({ dueDate: i.due_date, amountMinor: i.amount_minor }));
  const points = settledPoints(ctx.db, { id: row.id, createdDate: row.created_date, totalMinor: row.total_minor }, asOf);
  const progress = installmentProgress(schedule, points);
  const installments = schedule.map((installment, i) => {
    const tracked = { ...installment, ...progress[i]! };
    return { ...tracked, state: installmentState(tracked, asOf) };
  });
  const standing = planStanding({ status: row.status, closedDate: row.closed_date, installments }, asOf);
  const invoices = planInvoices(ctx.db, row.id);
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    currency: row.currency,
    createdDate: row.created_date,
    totalMinor: row.total_minor,
    feeMinor: row.fee_minor,
    // The fee invoice is issued with the plan, after every invoice it covers: the newest of them.
    feeInvoiceId: row.fee_minor > 0 ? invoices.at(-1)!.id : null,
    note: row.note,
    status: row.status,
    standing: standing.standing,
    graceUntil: standing.graceUntil,
    closedDate: row.closed_date,
    paidMinor: points.at(-1)?.settledMinor ?? 0,
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, openMinor: i.open_minor })),
    installments,
  };
}

export function getPaymentPlan(ctx: Context, id: string, asOf: string): PaymentPlan {
  const row = statements(ctx.db).byId.get(id);
  if (!row) throw notFound('Payment plan', id);
  return toPlan(ctx, row, asOf);
}

export const listPaymentPlans = (ctx: Context, filters: { clientId?: string; status?: PlanStatus }, asOf: string): PaymentPlan[] =>
  statements(ctx.db).list.all({ clientId: filters.clientId ?? null, status: filters.status ?? null }).map((row) => toPlan(ctx, row, asOf));

/** Active plans (of one client, or all), as of `asOf`: what settling looks at. */
export const activePaymentPlans = (ctx: Context, asOf: string, clientId?: string): PaymentPlan[] =>
  statements(ctx.db).active.all({ clientId: clientId ?? null }).map((row) => toPlan(ctx, row, asOf));

/** Records a plan as complete, broken or cancelled from `date` on. */
export function closePaymentPlan(ctx: Context, id: string, status: Exclude<PlanStatus, 'active'>, date: string, data: Record<string, unknown>): void {
  statements(ctx.db).close.run({ id, status, date });
  ctx.audit.append({ action: `payment_plan.${status}`, entity: 'payment_plan', entityId: id, data: { date, ...data } });
}

export interface NewPaymentPlan {
  clientId: string;
  invoiceIds: readonly string[];
  installments: readonly { dueDate: string; amountMinor: number }[];
  feeMinor?: number;
  note?: string;
}

/**
 * Agrees a plan, inside the caller's transaction. One active plan per client: new arrears join by
 * cancelling the plan and agreeing a new one that covers them all. A disputed invoice cannot be
 * in a plan until the dispute is resolved (a plan means the client accepts what it covers).
 */
export function createPaymentPlan(ctx: Context, input: NewPaymentPlan): PaymentPlan {
  const client = ctx.clients.get(input.clientId);
  if (!client) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
  const today = ctx.today();
  const current = statements(ctx.db).active.get({ clientId: client.id });
  if (current) throw conflict(`${client.name} already has an active payment plan (agreed ${current.created_date}); cancel it before agreeing a new one.`, { id: current.id });

  let coveredMinor = 0;
  input.invoiceIds.forEach((invoiceId, i) => {
    const field = `invoiceIds.${i}`;
    const invoice = ctx.invoices.get(invoiceId);
    if (!invoice || invoice.clientId !== client.id) throw invalidField({ field, code: 'unknown_reference', message: "That is not one of this client's invoices." });
    if (invoice.kind !== 'invoice' || invoice.status !== 'issued' || invoice.openMinor === 0) {
      throw invalidField({ field, code: 'not_allowed', message: `${invoice.number ?? 'A draft'} has nothing open to pay: a plan covers issued invoices still owed.` });
    }
    if (invoice.disputed) throw invalidField({ field, code: 'not_allowed', message: `${invoice.number} is disputed; resolve the dispute before it goes into a plan.` });
    coveredMinor += invoice.openMinor;
  });

  // Dates are in order (the schema checks); none may be in the past. A locked period always ends
  // before today, so no installment can fall inside one either.
  input.installments.forEach((installment, i) => {
    if (installment.dueDate < today) {
      throw invalidField({ field: `installments.${i}.dueDate`, code: 'not_allowed', message: `An installment cannot be due before today (${today}).` });
    }
  });

  const feeLine = { kind: 'plan_fee' as const, description: 'Payment plan fee', quantityMilli: 1000, unitPriceMinor: input.feeMinor ?? 0 };
  const feeMinor = feeLine.unitPriceMinor > 0 ? ctx.ledger.priceLines(client, [feeLine])[0]!.totalMinor : 0;
  const totalMinor = coveredMinor + feeMinor;
  const scheduled = input.installments.reduce((sum, i) => sum + i.amountMinor, 0);
  if (scheduled !== totalMinor) {
    throw invalidField({
      field: 'installments',
      code: 'invalid',
      message: `The installments add up to ${scheduled}; they must add up to ${totalMinor} (${coveredMinor} open on the invoices covered${feeMinor > 0 ? ` plus the fee of ${feeMinor}` : ''}).`,
      params: { expected: totalMinor, actual: scheduled },
    });
  }

  const id = newId('pp');
  const invoiceIds = [...input.invoiceIds];
  if (feeMinor > 0) {
    // Due with the first installment, so automatic allocation reaches it before later renewals.
    const draft = ctx.ledger.createDraft({ clientId: client.id, kind: 'invoice', source: 'plan', dueDate: input.installments[0]!.dueDate, lines: [feeLine], notes: null });
    invoiceIds.push(ctx.ledger.issue(draft.id, today).id);
  }
  statements(ctx.db).insert.run({ id, clientId: client.id, createdDate: today, totalMinor, feeMinor, currency: client.currency, note: input.note ?? null });
  for (const installment of input.installments) statements(ctx.db).insertInstallment.run(id, installment.dueDate, installment.amountMinor);
  for (const invoiceId of invoiceIds) statements(ctx.db).insertInvoice.run(id, invoiceId);
  ctx.audit.append({
    action: 'payment_plan.created',
    entity: 'payment_plan',
    entityId: id,
    data: { clientId: client.id, invoiceIds, installments: input.installments, totalMinor, feeMinor, note: input.note ?? null },
  });
  return getPaymentPlan(ctx, id, today);
}

/** Cancels an active plan with the reseller's reason; it counts as broken from today. Settle first, so a plan completed meanwhile is not cancelled. */
export function cancelPaymentPlan(ctx: Context, id: string, reason: string): PaymentPlan {
  const today = ctx.today();
  const plan = getPaymentPlan(ctx, id, today);
  if (plan.status !== 'active') throw conflict(`This payment plan is already ${plan.status} (since ${plan.closedDate}).`);
  closePaymentPlan(ctx, id, 'cancelled', today, { reason });
  return getPaymentPlan(ctx, id, today);
}
