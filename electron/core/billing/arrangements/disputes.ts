// Disputes: an invoice the client contests is marked disputed until the reseller decides. Upheld,
// it is corrected by a credit note carrying the dispute's reason; rejected, it is owed as before.
import type { Dispute, DisputeStatus } from '../../../../shared/domain/dispute.js';
import type { Context } from '../../context.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { perBook } from './perBook.js';

interface DisputeRow {
  id: string;
  invoice_id: string;
  invoice_number: string | null;
  client_id: string;
  client_name: string;
  currency: string;
  invoice_open_minor: number;
  opened_date: string;
  reason: string;
  status: DisputeStatus;
  resolved_date: string | null;
  resolution: string | null;
  credit_note_id: string | null;
  credit_note_number: string | null;
}

const SELECT = `SELECT d.*, coalesce(i.number_text, i.external_number) AS invoice_number, i.client_id, c.name AS client_name, i.currency,
    i.open_minor AS invoice_open_minor, n.number_text AS credit_note_number
  FROM disputes d JOIN invoices i ON i.id = d.invoice_id JOIN clients c ON c.id = i.client_id LEFT JOIN invoices n ON n.id = d.credit_note_id`;

const statements = perBook((db) => ({
  byId: db.prepare<[string], DisputeRow>(`${SELECT} WHERE d.id = ?`),
  openFor: db.prepare<[string], { id: string }>(`SELECT id FROM disputes WHERE invoice_id = ? AND status = 'open'`),
  list: db.prepare<{ clientId: string | null; status: string | null }, DisputeRow>(
    `${SELECT} WHERE (@clientId IS NULL OR i.client_id = @clientId) AND (@status IS NULL OR d.status = @status)
     ORDER BY d.status = 'open' DESC, d.opened_date DESC, d.seq DESC`,
  ),
  insert: db.prepare(`INSERT INTO disputes (id, invoice_id, opened_date, reason, status) VALUES (?, ?, ?, ?, 'open')`),
  resolve: db.prepare(`UPDATE disputes SET status = @status, resolved_date = @date, resolution = @resolution, credit_note_id = @creditNoteId WHERE id = @id AND status = 'open'`),
}));

const toDispute = (row: DisputeRow): Dispute => ({
  id: row.id,
  invoiceId: row.invoice_id,
  invoiceNumber: row.invoice_number,
  clientId: row.client_id,
  clientName: row.client_name,
  currency: row.currency,
  invoiceOpenMinor: row.invoice_open_minor,
  openedDate: row.opened_date,
  reason: row.reason,
  status: row.status,
  resolvedDate: row.resolved_date,
  resolution: row.resolution,
  creditNoteId: row.credit_note_id,
  creditNoteNumber: row.credit_note_number,
});

export function getDispute(ctx: Context, id: string): Dispute {
  const row = statements(ctx.db).byId.get(id);
  if (!row) throw notFound('Dispute', id);
  return toDispute(row);
}

export const listDisputes = (ctx: Context, filters: { clientId?: string; status?: DisputeStatus }): Dispute[] =>
  statements(ctx.db).list.all({ clientId: filters.clientId ?? null, status: filters.status ?? null }).map(toDispute);

/** Opens a dispute on an issued invoice with something still owed on it. Runs inside the caller's transaction. */
export function openDispute(ctx: Context, input: { invoiceId: string; reason: string }): Dispute {
  const invoice = ctx.invoices.get(input.invoiceId);
  if (!invoice) throw invalidField({ field: 'invoiceId', code: 'unknown_reference', message: 'That invoice does not exist.' });
  if (invoice.kind !== 'invoice' || invoice.status !== 'issued') {
    throw invalidField({ field: 'invoiceId', code: 'not_allowed', message: 'Only an issued invoice can be disputed (not a draft, a void invoice, a proforma or a credit note).' });
  }
  if (invoice.openMinor === 0) {
    throw invalidField({ field: 'invoiceId', code: 'not_allowed', message: `Nothing is owed on ${invoice.number} any more, so there is nothing to hold back; if the client is owed money, record a refund.` });
  }
  const open = statements(ctx.db).openFor.get(invoice.id);
  if (open) throw conflict(`Invoice ${invoice.number} already has an open dispute; resolve it before opening another.`, { id: open.id });
  const id = newId('dp');
  statements(ctx.db).insert.run(id, invoice.id, ctx.today(), input.reason);
  ctx.invoices.setDisputed(invoice.id, true, ctx.clock.now().toISOString());
  ctx.audit.append({ action: 'invoice.disputed', entity: 'invoice', entityId: invoice.id, data: { disputeId: id, reason: input.reason } });
  return getDispute(ctx, id);
}

/**
 * Resolves an open dispute. Upheld: a credit note for `amountMinor` (what is open when left out)
 * with the dispute's reason, approved by whoever resolves it; nothing is credited when the
 * invoice has nothing left open (paid or voided meanwhile). Rejected: the invoice is owed as before.
 */
export function resolveDispute(ctx: Context, input: { id: string; outcome: 'upheld' | 'rejected'; resolution: string; amountMinor?: number }): Dispute {
  const dispute = getDispute(ctx, input.id);
  if (dispute.status !== 'open') throw conflict(`This dispute was already resolved (${dispute.status}) on ${dispute.resolvedDate}.`);
  const invoice = ctx.invoices.get(dispute.invoiceId)!;
  const today = ctx.today();
  let creditNoteId: string | null = null;
  if (input.outcome === 'upheld') {
    const creditable = invoice.status === 'issued' && invoice.openMinor > 0;
    if (!creditable && input.amountMinor !== undefined) {
      throw invalidField({ field: 'amountMinor', code: 'not_allowed', message: `Nothing is open on ${invoice.number} to credit; leave the amount out.` });
    }
    if (creditable) {
      creditNoteId = ctx.ledger.creditNote({ invoiceId: invoice.id, reason: `Dispute upheld: ${dispute.reason}`, approvedBy: ctx.actor, amountMinor: input.amountMinor, date: today }).id;
    }
  }
  statements(ctx.db).resolve.run({ id: dispute.id, status: input.outcome, date: today, resolution: input.resolution, creditNoteId });
  ctx.invoices.setDisputed(invoice.id, false, ctx.clock.now().toISOString());
  ctx.audit.append({
    action: 'invoice.dispute_resolved',
    entity: 'invoice',
    entityId: invoice.id,
    data: { disputeId: dispute.id, outcome: input.outcome, resolution: input.resolution, creditNoteId },
  });
  return getDispute(ctx, dispute.id);
}
