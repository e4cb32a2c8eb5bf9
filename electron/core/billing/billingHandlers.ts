import type { billingMethods } from '../../../shared/api/billing.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import type { Context, HandlersOf } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { checkLedger, journalDigest } from './ledgerCheck.js';
import { invoiceDetail } from './invoiceDetail.js';
import { formatNumber } from './numbering.js';
import { settleArrangements } from './arrangements/settle.js';
import { liftRestrictionsWhenCleared } from '../panels/queue/paymentRestores.js';
import { announceActions } from '../panels/queue/announce.js';

function detail(ctx: Context, id: string): InvoiceDetail {
  const invoice = ctx.invoices.get(id);
  if (!invoice) throw notFound('Invoice', id);
  return invoiceDetail(ctx, invoice);
}

function requirePayment(ctx: Context, id: string) {
  const payment = ctx.payments.get(id);
  if (!payment) throw notFound('Payment', id);
  return payment;
}

function requireClientOf(ctx: Context, clientId: string) {
  const client = ctx.clients.get(clientId);
  if (!client) throw notFound('Client', clientId);
  return client;
}

/** Runs a money change in one transaction, then tells every window the client's account changed. */
function write<T>(ctx: Context, clientId: () => string, work: () => T): T {
  const { result, actionIds } = ctx.transaction(() => liftRestrictionsWhenCleared(ctx, clientId, work));
  ctx.events.emit('accounts.changed', { clientId: clientId() });
  announceActions(ctx, actionIds);
  return result;
}

const rateOut = (rate: { id: string; name: string; rateBp: number; country: string | null; archived: boolean }) => rate;

function numberSeries(ctx: Context, series?: string) {
  const rows = ctx.db
    .prepare<[], { series: 'invoice' | 'credit_note' | 'proforma'; format: string; next_number: number }>('SELECT series, format, next_number FROM number_series ORDER BY series')
    .all()
    .filter((row) => !series || row.series === series);
  return rows.map((row) => ({ series: row.series, format: row.format, nextNumber: row.next_number, example: formatNumber(row.format, row.next_number, ctx.today()) }));
}

export const billingHandlers: HandlersOf<typeof billingMethods> = {
  'numberSeries.list'(_input, ctx) {
    return { items: numberSeries(ctx) };
  },
  'numberSeries.update'(input, ctx) {
    return ctx.transaction(() => {
      ctx.db.prepare('UPDATE number_series SET format = ? WHERE series = ?').run(input.format, input.series);
      ctx.audit.append({ action: 'settings.number_format_changed', entity: 'settings', entityId: input.series, data: { format: input.format } });
      return numberSeries(ctx, input.series)[0]!;
    });
  },
  'billingSettings.get'(_input, ctx) {
    return ctx.settings.get('billing');
  },
  'billingSettings.update'(input, ctx) {
    return ctx.transaction(() => {
      const current = ctx.settings.get('billing');
      if (input.defaultTaxRateId && !ctx.taxRates.get(input.defaultTaxRateId)) {
        throw invalidField({ field: 'defaultTaxRateId', code: 'unknown_reference', message: 'That tax rate does not exist.' });
      }
      // A field sent as undefined (JSON drops it, IPC keeps it) means "unchanged", like one left out.
      const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const next = { ...current, ...changes };
      ctx.settings.set('billing', next);
      ctx.audit.append({ action: 'settings.billing_changed', entity: 'settings', entityId: 'billing', data: input });
      return next;
    });
  },

  'taxRates.list'(_input, ctx) {
    return { items: ctx.taxRates.list().map(rateOut) };
  },
  'taxRates.create'(input, ctx) {
    return ctx.transaction(() => {
      const id = newId('tx');
      ctx.taxRates.insert({ id, name: input.name, rateBp: input.rateBp, country: input.country ?? null }, ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'tax_rate.created', entity: 'tax_rate', entityId: id, data: input });
      return rateOut(ctx.taxRates.get(id)!);
    });
  },
  'taxRates.update'(input, ctx) {
    return ctx.transaction(() => {
      const current = ctx.taxRates.get(input.id);
      if (!current) throw notFound('Tax rate', input.id);
      const next = { ...current, name: input.name ?? current.name, country: input.country === undefined ? current.country : input.country, archived: input.archived ?? current.archived };
      ctx.taxRates.update(next);
      ctx.audit.append({ action: 'tax_rate.updated', entity: 'tax_rate', entityId: input.id, data: input });
      return rateOut(ctx.taxRates.get(input.id)!);
    });
  },

  'invoices.createDraft'(input, ctx) {
    return write(ctx, () => input.clientId, () => {
      if (input.dueDate) ctx.ledger.requireOpenPeriod(input.dueDate, 'dueDate');
      input.lines.forEach((line, i) => {
        if (line.contractId && ctx.contracts.get(line.contractId)?.clientId !== input.clientId) {
          throw invalidField({ field: `lines.${i}.contractId`, code: 'unknown_reference', message: "That is not one of this client's contracts." });
        }
      });
      return detail(ctx, ctx.ledger.createDraft({ ...input, notes: input.notes ?? null }).id);
    });
  },
  'invoices.updateDraft'(input, ctx) {
    const current = ctx.invoices.get(input.id);
    if (!current) throw notFound('Invoice', input.id);
    return write(ctx, () => current.clientId, () => {
      if (input.expectedVersion !== undefined && input.expectedVersion !== ctx.invoices.get(input.id)!.version) {
        throw conflict('This draft was changed elsewhere. Reload it and make your change again.');
      }
      ctx.ledger.updateDraft(input.id, { dueDate: input.dueDate, notes: input.notes, lines: input.lines });
      return detail(ctx, input.id);
    });
  },
  'invoices.deleteDraft'(input, ctx) {
    const current = ctx.invoices.get(input.id);
    if (!current) throw notFound('Invoice', input.id);
    return write(ctx, () => current.clientId, () => {
      ctx.ledger.deleteDraft(input.id);
      return { deleted: true as const };
    });
  },
  'invoices.issue'(input, ctx) {
    const current = ctx.invoices.get(input.id);
    if (!current) throw notFound('Invoice', input.id);
    return write(ctx, () => current.clientId, () => detail(ctx, ctx.ledger.issue(input.id, input.issueDate ?? ctx.today()).id));
  },
  'invoices.void'(input, ctx) {
    const current = ctx.invoices.get(input.id);
    if (!current) throw notFound('Invoice', input.id);
    return write(ctx, () => current.clientId, () => detail(ctx, ctx.ledger.void(input.id, input.reason, ctx.today()).id));
  },
  'invoices.creditNote'(input, ctx) {
    const current = ctx.invoices.get(input.invoiceId);
    if (!current) throw notFound('Invoice', input.invoiceId);
    return write(ctx, () => current.clientId, () => detail(ctx, ctx.ledger.creditNote({ ...input, date: input.date ?? ctx.today() }).id));
  },
  'invoices.get'(input, ctx) {
    return detail(ctx, input.id);
  },
  'invoices.search'(input, ctx) {
    let after: { seq: number } | null = null;
    if (input.cursor !== undefined) {
      const seq = ctx.invoices.seqOf(input.cursor);
      if (seq === undefined) {
        throw new ApiError('invalid_input', 'The page cursor is not one HostLedger handed out.', { fields: [{ field: 'cursor', code: 'invalid', message: 'The page cursor is not one HostLedger handed out.' }] });
      }
      after = { seq };
    }
    const rows = ctx.invoices.search(input, ctx.today(), input.limit + 1, after);
    const items = rows.slice(0, input.limit);
    return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
  },

  'payments.record'(input, ctx) {
    return write(ctx, () => input.clientId, () => {
      requireClientOf(ctx, input.clientId);
      const id = ctx.ledger.recordPayment(input);
      settleArrangements(ctx, ctx.today(), input.clientId);
      return requirePayment(ctx, id);
    });
  },
  'payments.allocate'(input, ctx) {
    const payment = requirePayment(ctx, input.paymentId);
    return write(ctx, () => payment.clientId, () => {
      ctx.ledger.allocate(input.paymentId, input.allocations);
      return requirePayment(ctx, input.paymentId);
    });
  },
  'payments.bounce'(input, ctx) {
    const payment = requirePayment(ctx, input.id);
    return write(ctx, () => payment.clientId, () => {
      ctx.ledger.bounce(input.id, input.reason, input.date ?? ctx.today());
      return requirePayment(ctx, input.id);
    });
  },
  'payments.refund'(input, ctx) {
    return write(ctx, () => input.clientId, () => {
      requireClientOf(ctx, input.clientId);
      ctx.ledger.refund({ ...input, date: input.date ?? ctx.today() });
      return ctx.accounts.summary(input.clientId, ctx.today());
    });
  },
  'payments.get'(input, ctx) {
    return requirePayment(ctx, input.id);
  },
  'payments.listByClient'(input, ctx) {
    requireClientOf(ctx, input.clientId);
    return { items: ctx.payments.listByClient(input.clientId) };
  },

  'accounts.summary'(input, ctx) {
    requireClientOf(ctx, input.clientId);
    return ctx.accounts.summary(input.clientId, ctx.today());
  },
  'accounts.statement'(input, ctx) {
    requireClientOf(ctx, input.clientId);
    if (input.to < input.from) throw invalidField({ field: 'to', code: 'date_order', message: 'The statement must end on or after its first day.' });
    return ctx.accounts.statement(input.clientId, input.from, input.to);
  },
  'accounts.ledger'(input, ctx) {
    requireClientOf(ctx, input.clientId);
    return { items: ctx.accounts.ledger(input.clientId) };
  },
  'reports.aging'(input, ctx) {
    return ctx.accounts.aging(input.asOf ?? ctx.today(), ctx.today(), input.limit);
  },

  'books.lock'(input, ctx) {
    return ctx.transaction(() => {
      const billing = ctx.settings.get('billing');
      if (billing.lockDate && input.lockDate < billing.lockDate) {
        throw invalidField({ field: 'lockDate', code: 'not_allowed', message: `The books are already locked up to ${billing.lockDate}; a lock is never moved back.` });
      }
      if (input.lockDate >= ctx.today()) throw invalidField({ field: 'lockDate', code: 'not_allowed', message: 'Only a period that has ended can be locked: choose a date before today.' });
      const next = { ...billing, lockDate: input.lockDate };
      ctx.settings.set('billing', next);
      ctx.db
        .prepare('INSERT INTO period_locks (lock_date, locked_at, actor, journal_digest) VALUES (?, ?, ?, ?)')
        .run(input.lockDate, ctx.clock.now().toISOString(), ctx.actor, journalDigest(ctx.db, input.lockDate));
      ctx.audit.append({ action: 'books.locked', entity: 'settings', entityId: 'billing', data: { lockDate: input.lockDate } });
      return next;
    });
  },
  'books.check'(_input, ctx) {
    const checks = checkLedger(ctx.db, ctx.invoices);
    return { ok: checks.every((c) => c.ok), checks };
  },
};
