// Promises to pay: an amount by a date. Kept when the payments received from the day it was made
// through the promised date reach the amount; broken when that date passes without them.
import { addDays } from '../../../../shared/dates.js';
import type { PromiseStatus, PromiseToPay } from '../../../../shared/domain/promiseToPay.js';
import type { Context } from '../../context.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { perBook } from './perBook.js';

interface PromiseRow {
  id: string;
  client_id: string;
  client_name: string;
  made_date: string;
  promised_date: string;
  amount_minor: number;
  currency: string;
  status: PromiseStatus;
  note: string | null;
  resolved_date: string | null;
}

const SELECT = 'SELECT p.*, c.name AS client_name FROM promises p JOIN clients c ON c.id = p.client_id';

const statements = perBook((db) => ({
  byId: db.prepare<[string], PromiseRow>(`${SELECT} WHERE p.id = ?`),
  list: db.prepare<{ clientId: string | null; status: string | null }, PromiseRow>(
    `${SELECT} WHERE (@clientId IS NULL OR p.client_id = @clientId) AND (@status IS NULL OR p.status = @status) ORDER BY p.seq DESC`,
  ),
  open: db.prepare<{ clientId: string | null }, PromiseRow>(`${SELECT} WHERE p.status = 'open' AND (@clientId IS NULL OR p.client_id = @clientId) ORDER BY p.seq`),
  // Bounced payments never arrived, so they keep no promise.
  payments: db.prepare<[string, string, string], { date: string; amount_minor: number }>(
    `SELECT date, amount_minor FROM payments WHERE client_id = ? AND status = 'received' AND date BETWEEN ? AND ? ORDER BY date, seq`,
  ),
  insert: db.prepare(
    `INSERT INTO promises (id, client_id, made_date, promised_date, amount_minor, currency, status, note) VALUES (@id, @clientId, @madeDate, @promisedDate, @amountMinor, @currency, 'open', @note)`,
  ),
  resolve: db.prepare(`UPDATE promises SET status = @status, resolved_date = @date WHERE id = @id AND status = 'open'`),
}));

/** Payments that count toward a promise up to `asOf`, and the day their running total reached its amount. */
function received(ctx: Context, row: PromiseRow, asOf: string): { receivedMinor: number; keptOn: string | null } {
  const through = asOf < row.promised_date ? asOf : row.promised_date;
  let receivedMinor = 0;
  let keptOn: string | null = null;
  for (const payment of statements(ctx.db).payments.all(row.client_id, row.made_date, through)) {
    receivedMinor += payment.amount_minor;
    if (keptOn === null && receivedMinor >= row.amount_minor) keptOn = payment.date;
  }
  return { receivedMinor, keptOn };
}

const toPromise = (ctx: Context, row: PromiseRow, asOf: string): PromiseToPay => ({
  id: row.id,
  clientId: row.client_id,
  clientName: row.client_name,
  currency: row.currency,
  madeDate: row.made_date,
  promisedDate: row.promised_date,
  amountMinor: row.amount_minor,
  receivedMinor: received(ctx, row, asOf).receivedMinor,
  status: row.status,
  note: row.note,
  resolvedDate: row.resolved_date,
});

export function getPromise(ctx: Context, id: string, asOf: string): PromiseToPay {
  const row = statements(ctx.db).byId.get(id);
  if (!row) throw notFound('Promise to pay', id);
  return toPromise(ctx, row, asOf);
}

export const listPromises = (ctx: Context, filters: { clientId?: string; status?: PromiseStatus }, asOf: string): PromiseToPay[] =>
  statements(ctx.db).list.all({ clientId: filters.clientId ?? null, status: filters.status ?? null }).map((row) => toPromise(ctx, row, asOf));

export interface PromiseOutcome {
  id: string;
  clientId: string;
  status: 'kept' | 'broken';
  on: string;
}

/**
 * Keeps or breaks the open promises (of one client, or all) as of `asOf`, recording each change
 * with an audit row. A payment dated within the promise counts even when recorded after its date.
 */
export function settlePromises(ctx: Context, asOf: string, clientId?: string): PromiseOutcome[] {
  const outcomes: PromiseOutcome[] = [];
  for (const row of statements(ctx.db).open.all({ clientId: clientId ?? null })) {
    if (row.made_date > asOf) continue;
    const { receivedMinor, keptOn } = received(ctx, row, asOf);
    const outcome = keptOn !== null ? { status: 'kept' as const, on: keptOn } : asOf > row.promised_date ? { status: 'broken' as const, on: addDays(row.promised_date, 1) } : null;
    if (!outcome) continue;
    statements(ctx.db).resolve.run({ id: row.id, status: outcome.status, date: outcome.on });
    ctx.audit.append({ action: `promise.${outcome.status}`, entity: 'promise', entityId: row.id, data: { date: outcome.on, receivedMinor, amountMinor: row.amount_minor } });
    outcomes.push({ id: row.id, clientId: row.client_id, ...outcome });
  }
  return outcomes;
}

/** Records a promise, inside the caller's transaction (which settles the client's promises first). */
export function createPromise(ctx: Context, input: { clientId: string; promisedDate: string; amountMinor: number; note?: string }): PromiseToPay {
  const client = ctx.clients.get(input.clientId);
  if (!client) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
  const today = ctx.today();
  if (input.promisedDate < today) throw invalidField({ field: 'promisedDate', code: 'not_allowed', message: `A promise is to pay today or later (from ${today}).` });
  // One at a time, so every payment counts toward exactly one promise.
  const open = statements(ctx.db).open.get({ clientId: client.id });
  if (open) throw conflict(`${client.name} already has an open promise to pay by ${open.promised_date}; cancel it before recording another.`, { id: open.id });
  const owed = ctx.accounts.summary(client.id, today).balanceMinor;
  if (input.amountMinor > owed) {
    const message = owed > 0 ? `${client.name} owes ${owed}; a promise can be for at most that.` : `${client.name} owes nothing at the moment.`;
    throw invalidField({ field: 'amountMinor', code: 'too_large', message, params: { max: Math.max(owed, 0) } });
  }
  const id = newId('pr');
  statements(ctx.db).insert.run({ id, clientId: client.id, madeDate: today, promisedDate: input.promisedDate, amountMinor: input.amountMinor, currency: client.currency, note: input.note ?? null });
  ctx.audit.append({ action: 'promise.created', entity: 'promise', entityId: id, data: { clientId: client.id, promisedDate: input.promisedDate, amountMinor: input.amountMinor, note: input.note ?? null } });
  return getPromise(ctx, id, today);
}

/** Cancels an open promise with the reseller's reason (after settling, so a promise kept meanwhile is not cancelled). */
export function cancelPromise(ctx: Context, id: string, reason: string): PromiseToPay {
  const today = ctx.today();
  const promise = getPromise(ctx, id, today);
  if (promise.status !== 'open') throw conflict(`This promise is already ${promise.status} (since ${promise.resolvedDate}).`);
  statements(ctx.db).resolve.run({ id, status: 'cancelled', date: today });
  ctx.audit.append({ action: 'promise.cancelled', entity: 'promise', entityId: id, data: { date: today, reason } });
  return getPromise(ctx, id, today);
}
