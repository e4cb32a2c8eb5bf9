// The bookkeeping operations every part of HostLedger uses — issuing, crediting and voiding
// invoices, receiving, allocating, bouncing and refunding payments — each keeping the invoices'
// open amounts and the double-entry journal in step. Callers run them inside a transaction.
import { ACCOUNTS } from '../../../shared/billing/accounts.js';
import { lineAmounts, splitProportionally } from '../../../shared/billing/lineAmounts.js';
import { divideRounded } from '../../../shared/billing/rounding.js';
import type { Client } from '../../../shared/domain/client.js';
import type { Invoice, InvoiceLine, PaymentMethod } from '../../../shared/domain/invoice.js';
import { addDays } from '../../../shared/dates.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { Db } from '../db/database.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Settings } from '../settings.js';
import type { InvoiceStore, NewInvoice } from './invoiceStore.js';
import type { Journal } from './journal.js';
import { createNumbering } from './numbering.js';
import { PAYMENT_REMAINING_SQL } from './paymentQueries.js';
import type { TaxRates } from './taxRates.js';

export interface LineDraft {
  description: string;
  kind: InvoiceLine['kind'];
  quantityMilli: number;
  unitPriceMinor: number;
  taxRateId?: string;
  contractId?: string;
  periodStart?: string;
  periodEnd?: string;
}

interface Deps {
  db: Db;
  invoices: InvoiceStore;
  journal: Journal;
  taxRates: TaxRates;
  settings: Settings;
  audit: AuditLog;
  now: () => string;
  today: () => string;
  client: (id: string) => Client | null;
}

interface PaymentRow {
  id: string;
  client_id: string;
  date: string;
  amount_minor: number;
  currency: string;
  status: 'received' | 'bounced';
  remaining: number;
}

export type Ledger = ReturnType<typeof createLedger>;

export function createLedger(deps: Deps) {
  const { db, invoices, journal, audit } = deps;
  const numbering = createNumbering(db);
  const insertPayment = db.prepare(
    `INSERT INTO payments (id, client_id, date, amount_minor, currency, method, reference, note, status, import_batch_id, created_at)
     VALUES (@id, @clientId, @date, @amountMinor, @currency, @method, @reference, @note, 'received', @importBatchId, @at)`,
  );
  const insertAllocation = db.prepare('INSERT INTO allocations (payment_id, invoice_id, amount_minor, date) VALUES (?, ?, ?, ?)');
  const paymentById = db.prepare<[string], PaymentRow>(`SELECT p.*, ${PAYMENT_REMAINING_SQL} AS remaining FROM payments p WHERE p.id = ?`);
  const paymentsWithCredit = db.prepare<[string], PaymentRow>(
    `SELECT * FROM (SELECT p.*, ${PAYMENT_REMAINING_SQL} AS remaining FROM payments p WHERE p.client_id = ? AND p.status = 'received') WHERE remaining > 0 ORDER BY date, seq`,
  );
  const activeAllocationsOf = db.prepare<[string], { seq: number; invoice_id: string; amount_minor: number }>(
    'SELECT seq, invoice_id, amount_minor FROM allocations WHERE payment_id = ? AND reversed_date IS NULL',
  );
  const reverseAllocation = db.prepare('UPDATE allocations SET reversed_date = ? WHERE seq = ?');
  const allocationsToInvoice = db.prepare<[string], number>('SELECT count(*) FROM allocations WHERE invoice_id = ? AND reversed_date IS NULL').pluck();
  const markBounced = db.prepare(`UPDATE payments SET status = 'bounced', bounce_reason = ?, bounced_date = ? WHERE id = ?`);
  const refundsOf = db.prepare<[string], number>('SELECT count(*) FROM refunds WHERE payment_id = ?').pluck();
  const insertRefund = db.prepare(
    'INSERT INTO refunds (id, client_id, payment_id, date, amount_minor, method, reference, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const billing = () => deps.settings.get('billing');

  /** Nothing may be dated on or before the lock date (DESIGN §3: corrections go into the open period). */
  function requireOpenPeriod(date: string, field: string): void {
    const { lockDate } = billing();
    if (lockDate && date <= lockDate) {
      throw invalidField({ field, code: 'not_allowed', message: `The books are locked up to ${lockDate}; use a date after it.` });
    }
  }

  function requireClient(id: string): Client {
    const client = deps.client(id);
    if (!client) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
    return client;
  }

  /** Prices lines for a client: the tax rate each line carries is fixed here, so later rate changes never touch it. */
  function priceLines(client: Client, drafts: readonly LineDraft[]): InvoiceLine[] {
    const { taxMode, defaultTaxRateId } = billing();
    const clientRate = deps.taxRates.forClient(client, defaultTaxRateId);
    return drafts.map((draft, index) => {
      let rateBp = clientRate?.rateBp ?? 0;
      if (draft.taxRateId && !client.taxExemptReason) {
        const rate = deps.taxRates.get(draft.taxRateId);
        if (!rate) throw invalidField({ field: `lines.${index}.taxRateId`, code: 'unknown_reference', message: 'That tax rate does not exist.' });
        rateBp = rate.rateBp;
      }
      const amounts = lineAmounts(draft.quantityMilli, draft.unitPriceMinor, rateBp, taxMode);
      return {
        position: index + 1,
        kind: draft.kind,
        description: draft.description,
        contractId: draft.contractId ?? null,
        periodStart: draft.periodStart ?? null,
        periodEnd: draft.periodEnd ?? null,
        quantityMilli: draft.quantityMilli,
        unitPriceMinor: draft.unitPriceMinor,
        taxRateBp: rateBp,
        netMinor: amounts.net,
        taxMinor: amounts.tax,
        totalMinor: amounts.total,
      };
    });
  }

  function requireInvoice(id: string): Invoice {
    const invoice = invoices.get(id);
    if (!invoice) throw notFound('Invoice', id);
    return invoice;
  }

  /** Posts what an issued invoice is owed: receivable against revenue (late fees apart) and tax. */
  function postInvoice(invoice: Invoice, importBatchId: string | null = null): void {
    const lines = invoices.lines(invoice.id);
    const lateFeeNet = lines.filter((l) => l.kind === 'late_fee').reduce((sum, l) => sum + l.netMinor, 0);
    journal.post({
      date: invoice.issueDate!,
      kind: 'invoice.issued',
      refType: 'invoice',
      refId: invoice.id,
      clientId: invoice.clientId,
      memo: `Invoice ${invoice.number}`,
      currency: invoice.currency,
      importBatchId,
      lines: [
        { account: ACCOUNTS.receivables, clientId: invoice.clientId, debit: invoice.totalMinor },
        { account: ACCOUNTS.revenue, credit: invoice.netMinor - lateFeeNet },
        { account: ACCOUNTS.lateFees, credit: lateFeeNet },
        { account: ACCOUNTS.taxPayable, credit: invoice.taxMinor },
      ],
    });
  }

  function allocate(paymentId: string, invoice: Invoice, amount: number, date: string, importBatchId: string | null = null): void {
    insertAllocation.run(paymentId, invoice.id, amount, date);
    invoices.adjustOpen(invoice.id, -amount, deps.now());
    journal.post({
      date,
      kind: 'payment.allocated',
      refType: 'payment',
      refId: paymentId,
      clientId: invoice.clientId,
      memo: `Payment applied to ${invoice.number}`,
      currency: invoice.currency,
      importBatchId,
      lines: [
        { account: ACCOUNTS.customerCredit, clientId: invoice.clientId, debit: amount },
        { account: ACCOUNTS.receivables, clientId: invoice.clientId, credit: amount },
      ],
    });
  }

  /**
   * A proforma that the client's credit now covers becomes a real invoice, dated `date`, and is
   * paid from that credit (a proforma itself is a request, not a receivable).
   */
  function convertProforma(proforma: Invoice, date: string): Invoice {
    const copy = newInvoiceId();
    invoices.insertDraft({ id: copy, clientId: proforma.clientId, kind: 'invoice', currency: proforma.currency, taxMode: proforma.taxMode, dueDate: date, source: proforma.source, notes: proforma.notes }, deps.now());
    invoices.writeDraft(copy, invoices.lines(proforma.id), { dueDate: date, notes: proforma.notes }, deps.now());
    const issued = issueDraft(copy, date, { applyCredit: true });
    invoices.markConverted(proforma.id, issued.id, deps.now());
    audit.append({ action: 'invoice.proforma_converted', entity: 'invoice', entityId: proforma.id, data: { invoiceId: issued.id, number: issued.number } });
    return issued;
  }

  const newInvoiceId = () => newId('in');

  /** Pays the client's open invoices (then whole proformas) from their unallocated payments, oldest first. */
  function applyCredit(clientId: string, date: string, onlyInvoiceId?: string): void {
    const credit = paymentsWithCredit.all(clientId);
    if (credit.length === 0) return;
    const open = invoices.openInvoices(clientId).filter((invoice) => !onlyInvoiceId || invoice.id === onlyInvoiceId);
    for (const invoice of open) {
      let owed = invoice.openMinor;
      for (const payment of credit) {
        if (owed === 0) break;
        const take = Math.min(owed, payment.remaining);
        if (take === 0) continue;
        allocate(payment.id, invoice, take, date > invoice.issueDate! ? date : invoice.issueDate!);
        payment.remaining -= take;
        owed -= take;
      }
    }
    if (onlyInvoiceId) return;
    const available = () => credit.reduce((sum, p) => sum + p.remaining, 0);
    const proformas = db
      .prepare<[string], { id: string }>(`SELECT id FROM invoices WHERE client_id = ? AND kind = 'proforma' AND status = 'issued' AND converted_invoice_id IS NULL ORDER BY due_date, seq`)
      .all(clientId);
    for (const { id } of proformas) {
      const proforma = invoices.get(id)!;
      if (proforma.totalMinor > available()) break;
      convertProforma(proforma, date);
      // convertProforma paid it from the same payments; re-read what is left of them.
      for (const payment of credit) payment.remaining = paymentById.get(payment.id)!.remaining;
    }
  }

  function issueDraft(id: string, issueDate: string, options: { applyCredit: boolean }): Invoice {
    const draft = requireInvoice(id);
    if (draft.status !== 'draft') throw conflict(`Invoice ${draft.number} is already ${draft.status}.`);
    if (invoices.lines(id).length === 0) throw invalidField({ field: 'lines', code: 'required', message: 'An invoice needs at least one line.' });
    requireOpenPeriod(issueDate, 'issueDate');
    const dueDate = draft.dueDate ?? addDays(issueDate, billing().paymentTermsDays);
    if (dueDate < issueDate) throw invalidField({ field: 'dueDate', code: 'date_order', message: 'The due date cannot be before the issue date.' });
    const series = draft.kind === 'credit_note' ? 'credit_note' : draft.kind === 'proforma' ? 'proforma' : 'invoice';
    const number = numbering.next(series, issueDate);
    const issued = invoices.issue(id, { series, ...number }, { issueDate, dueDate }, deps.now());
    if (issued.kind === 'invoice') postInvoice(issued);
    audit.append({ action: 'invoice.issued', entity: 'invoice', entityId: id, data: { number: issued.number, totalMinor: issued.totalMinor, kind: issued.kind } });
    if (options.applyCredit && issued.kind === 'invoice' && billing().applyCreditAutomatically) applyCredit(issued.clientId, issueDate, issued.id);
    return invoices.get(id)!;
  }

  return {
    requireOpenPeriod,
    priceLines,
    applyCredit,
    paymentCredit: (clientId: string) => paymentsWithCredit.all(clientId).reduce((sum, p) => sum + p.remaining, 0),

    /** A new draft; its lines priced with the client's tax rate now. */
    createDraft(input: { clientId: string; kind: Invoice['kind']; dueDate?: string | null; lines: readonly LineDraft[]; notes?: string | null; source?: Invoice['source'] } & Partial<Pick<NewInvoice, 'creditedInvoiceId' | 'reason' | 'approvedBy' | 'externalNumber' | 'importBatchId'>>): Invoice {
      const client = requireClient(input.clientId);
      const id = newInvoiceId();
      const { lines, source, dueDate, notes, ...rest } = input;
      invoices.insertDraft({ ...rest, id, currency: client.currency, taxMode: billing().taxMode, dueDate: dueDate ?? null, source: source ?? 'manual', notes: notes ?? null }, deps.now());
      invoices.writeDraft(id, priceLines(client, lines), { dueDate: dueDate ?? null, notes: notes ?? null }, deps.now());
      audit.append({ action: 'invoice.drafted', entity: 'invoice', entityId: id, data: { clientId: client.id, kind: input.kind, lines: lines.length } });
      return invoices.get(id)!;
    },

    updateDraft(id: string, change: { dueDate?: string | null; notes?: string | null; lines?: readonly LineDraft[] }): Invoice {
      const draft = requireInvoice(id);
      if (draft.status !== 'draft') throw conflict(`Invoice ${draft.number} has been issued and can no longer change; correct it with a credit note.`);
      const client = requireClient(draft.clientId);
      const lines = change.lines ? priceLines(client, change.lines) : invoices.lines(id);
      invoices.writeDraft(id, lines, { dueDate: change.dueDate === undefined ? draft.dueDate : change.dueDate, notes: change.notes === undefined ? draft.notes : change.notes }, deps.now());
      audit.append({ action: 'invoice.draft_changed', entity: 'invoice', entityId: id, data: { lines: lines.length } });
      return invoices.get(id)!;
    },

    deleteDraft(id: string): void {
      const draft = requireInvoice(id);
      if (draft.status !== 'draft' || !invoices.deleteDraft(id)) throw conflict('Only a draft can be deleted; an issued invoice is voided or credited.');
      audit.append({ action: 'invoice.draft_deleted', entity: 'invoice', entityId: id, data: { clientId: draft.clientId } });
    },

    issue: (id: string, issueDate: string) => issueDraft(id, issueDate, { applyCredit: true }),

    /** A credit note against an issued invoice, at most its open amount, split over its tax rates like the invoice. */
    creditNote(input: { invoiceId: string; reason: string; approvedBy?: string | null; amountMinor?: number; date: string }): Invoice {
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.kind !== 'invoice' || invoice.status !== 'issued') {
        throw invalidField({ field: 'invoiceId', code: 'not_allowed', message: 'A credit note corrects an issued invoice.' });
      }
      const amount = input.amountMinor ?? invoice.openMinor;
      if (amount <= 0) throw conflict(`Invoice ${invoice.number} has nothing left open to credit.`);
      if (amount > invoice.openMinor) {
        throw invalidField({ field: 'amountMinor', code: 'too_large', message: `A credit note can be at most the open amount of ${invoice.number}.`, params: { max: invoice.openMinor } });
      }
      requireOpenPeriod(input.date, 'date');
      // One credit line per tax rate of the invoice, in proportion to what each rate came to.
      const groups = new Map<number, number>();
      for (const line of invoices.lines(invoice.id)) groups.set(line.taxRateBp, (groups.get(line.taxRateBp) ?? 0) + line.totalMinor);
      const rates = [...groups.keys()];
      const shares = splitProportionally(amount, [...groups.values()]);
      const lines: InvoiceLine[] = rates
        .map((rateBp, i) => ({ rateBp, total: shares[i]! }))
        .filter(({ total }) => total > 0)
        .map(({ rateBp, total }, i) => {
        const net = divideRounded(BigInt(total) * 10_000n, BigInt(10_000 + rateBp));
        return {
          position: i + 1,
          kind: 'adjustment' as const,
          description: `Credit for ${invoice.number}: ${input.reason}`,
          contractId: null,
          periodStart: null,
          periodEnd: null,
          quantityMilli: 1000,
          unitPriceMinor: total,
          taxRateBp: rateBp,
          netMinor: net,
          taxMinor: total - net,
          totalMinor: total,
        };
      });
      const id = newInvoiceId();
      invoices.insertDraft({ id, clientId: invoice.clientId, kind: 'credit_note', currency: invoice.currency, taxMode: invoice.taxMode, dueDate: input.date, source: invoice.source === 'late_fee' ? 'late_fee' : 'manual', creditedInvoiceId: invoice.id, reason: input.reason, approvedBy: input.approvedBy ?? null }, deps.now());
      invoices.writeDraft(id, lines, { dueDate: input.date, notes: null }, deps.now());
      const note = issueDraft(id, input.date, { applyCredit: false });
      invoices.adjustOpen(invoice.id, -amount, deps.now());
      journal.post({
        date: input.date,
        kind: 'credit_note.issued',
        refType: 'invoice',
        refId: note.id,
        clientId: invoice.clientId,
        memo: `Credit note ${note.number} for ${invoice.number}`,
        currency: invoice.currency,
        lines: [
          { account: invoice.source === 'late_fee' ? ACCOUNTS.lateFees : ACCOUNTS.creditNotes, debit: note.netMinor },
          { account: ACCOUNTS.taxPayable, debit: note.taxMinor },
          { account: ACCOUNTS.receivables, clientId: invoice.clientId, credit: note.totalMinor },
        ],
      });
      audit.append({ action: 'invoice.credited', entity: 'invoice', entityId: invoice.id, data: { creditNote: note.number, amountMinor: amount, reason: input.reason, approvedBy: input.approvedBy ?? null } });
      return invoices.get(note.id)!;
    },

    /** Voids an issued invoice nobody has paid or credited; the number stays, shown void. */
    void(id: string, reason: string, date: string): Invoice {
      const invoice = requireInvoice(id);
      if (invoice.status === 'draft') throw conflict('A draft is deleted, not voided.');
      if (invoice.status === 'void') throw conflict(`Invoice ${invoice.number} is already void.`);
      if (invoice.kind === 'credit_note') throw conflict('A credit note cannot be voided; issue an invoice for the amount instead.');
      if (invoice.kind === 'invoice') {
        if (allocationsToInvoice.get(id)! > 0) throw conflict(`Invoice ${invoice.number} has payments applied. Credit it instead, or reverse the payment first.`);
        if (invoices.creditNotes(id).length > 0) throw conflict(`Invoice ${invoice.number} has credit notes. Credit the rest instead of voiding it.`);
        requireOpenPeriod(date, 'date');
        const lines = invoices.lines(id);
        const lateFeeNet = lines.filter((l) => l.kind === 'late_fee').reduce((sum, l) => sum + l.netMinor, 0);
        journal.post({
          date,
          kind: 'invoice.voided',
          refType: 'invoice',
          refId: id,
          clientId: invoice.clientId,
          memo: `Invoice ${invoice.number} voided: ${reason}`,
          currency: invoice.currency,
          lines: [
            { account: ACCOUNTS.revenue, debit: invoice.netMinor - lateFeeNet },
            { account: ACCOUNTS.lateFees, debit: lateFeeNet },
            { account: ACCOUNTS.taxPayable, debit: invoice.taxMinor },
            { account: ACCOUNTS.receivables, clientId: invoice.clientId, credit: invoice.totalMinor },
          ],
        });
      } else if (invoice.convertedInvoiceId) {
        throw conflict(`Proforma ${invoice.number} was paid and became an invoice; correct that invoice instead.`);
      }
      invoices.void(id, reason, deps.now());
      audit.append({ action: 'invoice.voided', entity: 'invoice', entityId: id, data: { number: invoice.number, reason } });
      return invoices.get(id)!;
    },

    /**
     * Records money received. It first counts as the client's credit, then pays invoices: the
     * ones named, or the oldest open ones; what is left stays as credit.
     */
    recordPayment(input: { clientId: string; date: string; amountMinor: number; method: PaymentMethod; reference?: string | null; note?: string | null; allocations?: readonly { invoiceId: string; amountMinor: number }[]; importBatchId?: string | null }): string {
      const client = requireClient(input.clientId);
      requireOpenPeriod(input.date, 'date');
      const id = newId('pm');
      insertPayment.run({ id, clientId: client.id, date: input.date, amountMinor: input.amountMinor, currency: client.currency, method: input.method, reference: input.reference ?? null, note: input.note ?? null, importBatchId: input.importBatchId ?? null, at: deps.now() });
      journal.post({
        date: input.date,
        kind: 'payment.received',
        refType: 'payment',
        refId: id,
        clientId: client.id,
        memo: `Payment ${input.method}${input.reference ? ` ${input.reference}` : ''}`,
        currency: client.currency,
        importBatchId: input.importBatchId ?? null,
        lines: [
          { account: ACCOUNTS.bank, debit: input.amountMinor },
          { account: ACCOUNTS.customerCredit, clientId: client.id, credit: input.amountMinor },
        ],
      });
      audit.append({ action: 'payment.recorded', entity: 'payment', entityId: id, data: { clientId: client.id, date: input.date, amountMinor: input.amountMinor, method: input.method, reference: input.reference ?? null } });
      if (input.allocations) this.allocate(id, input.allocations, input.importBatchId ?? null);
      else applyCredit(client.id, input.date);
      return id;
    },

    /** Applies an amount of a payment not yet allocated to named invoices of the same client. */
    allocate(paymentId: string, allocations: readonly { invoiceId: string; amountMinor: number }[], importBatchId: string | null = null): void {
      const payment = paymentById.get(paymentId);
      if (!payment) throw notFound('Payment', paymentId);
      if (payment.status !== 'received') throw conflict('A bounced payment cannot pay invoices.');
      const total = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
      if (total > payment.remaining) {
        throw invalidField({ field: 'allocations', code: 'too_large', message: `Only ${payment.remaining} of this payment is left to allocate.`, params: { max: payment.remaining } });
      }
      allocations.forEach((allocation, index) => {
        const invoice = invoices.get(allocation.invoiceId);
        const field = `allocations.${index}.invoiceId`;
        if (!invoice || invoice.clientId !== payment.client_id) throw invalidField({ field, code: 'unknown_reference', message: "That is not one of this client's invoices." });
        if (invoice.status !== 'issued' || invoice.kind === 'credit_note') throw invalidField({ field, code: 'not_allowed', message: `${invoice.number ?? 'A draft'} is ${invoice.status === 'void' ? 'void' : 'not an issued invoice'} and cannot be paid.` });
        if (invoice.kind === 'proforma') {
          if (allocation.amountMinor !== invoice.totalMinor) throw invalidField({ field: `allocations.${index}.amountMinor`, code: 'not_allowed', message: `Proforma ${invoice.number} becomes an invoice when paid in full (${invoice.totalMinor}).` });
          convertProforma(invoice, payment.date > invoice.issueDate! ? payment.date : invoice.issueDate!);
          return;
        }
        if (allocation.amountMinor > invoice.openMinor) {
          throw invalidField({ field: `allocations.${index}.amountMinor`, code: 'too_large', message: `${invoice.number} has only ${invoice.openMinor} open.`, params: { max: invoice.openMinor } });
        }
        const date = payment.date > invoice.issueDate! ? payment.date : invoice.issueDate!;
        requireOpenPeriod(date, 'date');
        allocate(paymentId, invoice, allocation.amountMinor, date, importBatchId);
      });
    },

    /** A payment that did not arrive after all: its invoices reopen and its credit is taken back. */
    bounce(paymentId: string, reason: string, date: string): void {
      const payment = paymentById.get(paymentId);
      if (!payment) throw notFound('Payment', paymentId);
      if (payment.status === 'bounced') throw conflict('That payment is already marked as bounced.');
      if (refundsOf.get(paymentId)! > 0) throw conflict('Part of this payment was refunded; record the bounce with your bank first, then correct the refund.');
      requireOpenPeriod(date, 'date');
      for (const allocation of activeAllocationsOf.all(paymentId)) {
        const invoice = invoices.get(allocation.invoice_id)!;
        reverseAllocation.run(date, allocation.seq);
        invoices.adjustOpen(invoice.id, allocation.amount_minor, deps.now());
        journal.post({
          date,
          kind: 'payment.allocation_reversed',
          refType: 'payment',
          refId: paymentId,
          clientId: payment.client_id,
          memo: `Bounced payment no longer pays ${invoice.number}`,
          currency: payment.currency,
          lines: [
            { account: ACCOUNTS.receivables, clientId: payment.client_id, debit: allocation.amount_minor },
            { account: ACCOUNTS.customerCredit, clientId: payment.client_id, credit: allocation.amount_minor },
          ],
        });
      }
      markBounced.run(reason, date, paymentId);
      journal.post({
        date,
        kind: 'payment.bounced',
        refType: 'payment',
        refId: paymentId,
        clientId: payment.client_id,
        memo: `Payment bounced: ${reason}`,
        currency: payment.currency,
        lines: [
          { account: ACCOUNTS.customerCredit, clientId: payment.client_id, debit: payment.amount_minor },
          { account: ACCOUNTS.bank, credit: payment.amount_minor },
        ],
      });
      audit.append({ action: 'payment.bounced', entity: 'payment', entityId: paymentId, data: { reason, date } });
    },

    /** Pays back part of a client's credit balance, from their oldest unallocated payments. */
    refund(input: { clientId: string; amountMinor: number; date: string; method: PaymentMethod; reference?: string | null; reason: string }): void {
      const client = requireClient(input.clientId);
      requireOpenPeriod(input.date, 'date');
      const credit = paymentsWithCredit.all(client.id);
      const available = credit.reduce((sum, p) => sum + p.remaining, 0);
      if (input.amountMinor > available) {
        throw invalidField({ field: 'amountMinor', code: 'too_large', message: `${client.name} has only ${available} of credit to refund.`, params: { max: available } });
      }
      let left = input.amountMinor;
      for (const payment of credit) {
        if (left === 0) break;
        const take = Math.min(left, payment.remaining);
        insertRefund.run(newId('rf'), client.id, payment.id, input.date, take, input.method, input.reference ?? null, input.reason, deps.now());
        left -= take;
      }
      journal.post({
        date: input.date,
        kind: 'credit.refunded',
        refType: 'client',
        refId: client.id,
        clientId: client.id,
        memo: `Refund of credit: ${input.reason}`,
        currency: client.currency,
        lines: [
          { account: ACCOUNTS.customerCredit, clientId: client.id, debit: input.amountMinor },
          { account: ACCOUNTS.bank, credit: input.amountMinor },
        ],
      });
      audit.append({ action: 'credit.refunded', entity: 'client', entityId: client.id, data: { amountMinor: input.amountMinor, reason: input.reason, method: input.method } });
    },

    postInvoice,
  };
}
