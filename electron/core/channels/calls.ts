// Phone calls as tasks: the ladder or a person asks for one, someone rings the client and records
// how it went. The outcome is appended to the client's communication log (channel 'call') with a
// hash of what was recorded, and the task is closed.
import type { CallOutcome, CallTask } from '../../../shared/api/channels.js';
import type { Context } from '../context.js';
import { sha256, createArchive } from '../documents/archive.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';

interface CallRow extends Omit<CallTask, 'outcome'> {
  outcome: CallOutcome | null;
}

const SELECT = `SELECT t.id, t.client_id AS clientId, c.name AS clientName, t.invoice_id AS invoiceId, i.number_text AS invoiceNumber, t.kind, t.phone,
  t.due_on AS dueOn, t.state, t.outcome, t.note, t.communication_id AS communicationId, t.created_at AS createdAt, t.done_at AS doneAt, t.done_by AS doneBy
  FROM call_tasks t JOIN clients c ON c.id = t.client_id LEFT JOIN invoices i ON i.id = t.invoice_id`;

export function getCall(ctx: Context, id: string): CallTask {
  const row = ctx.db.prepare<[string], CallRow>(`${SELECT} WHERE t.id = ?`).get(id);
  if (!row) throw notFound('Call', id);
  return row;
}

export function listCalls(ctx: Context, state: 'open' | 'done' | 'all'): CallTask[] {
  const where = state === 'all' ? '' : state === 'open' ? "WHERE t.state = 'open'" : "WHERE t.state = 'done'";
  const order = state === 'open' ? 'ORDER BY t.due_on, t.created_at' : 'ORDER BY coalesce(t.done_at, t.created_at) DESC';
  return ctx.db.prepare<[], CallRow>(`${SELECT} ${where} ${order} LIMIT 1000`).all();
}

export interface CallRequest {
  clientId: string;
  invoiceId: string | null;
  /** 'requested' (a person), or the ladder step asking. */
  kind: string;
  note: string | null;
  /** The ladder's idempotency key: asking twice with one key gives the same task. */
  key: string | null;
}

/** Opens a call task due today (inside the caller's transaction); the ladder uses this for a step's 'call' channel. */
export function requestCall(ctx: Context, request: CallRequest): CallTask {
  if (request.key) {
    const earlier = ctx.db.prepare<[string], string>('SELECT id FROM call_tasks WHERE key = ?').pluck().get(request.key);
    if (earlier) return getCall(ctx, earlier);
  }
  const client = ctx.clients.get(request.clientId);
  if (!client) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
  if (request.invoiceId) {
    const invoice = ctx.invoices.get(request.invoiceId);
    if (!invoice || invoice.clientId !== client.id) throw invalidField({ field: 'invoiceId', code: 'unknown_reference', message: "That is not one of this client's invoices." });
  }
  const id = newId('call');
  ctx.db
    .prepare(
      `INSERT INTO call_tasks (id, key, client_id, invoice_id, kind, phone, due_on, state, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
    )
    .run(id, request.key, client.id, request.invoiceId, request.kind, client.phone ?? null, ctx.today(), request.note, ctx.clock.now().toISOString());
  ctx.audit.append({ action: 'call.requested', entity: 'client', entityId: client.id, data: { callId: id, invoiceId: request.invoiceId, kind: request.kind } });
  return getCall(ctx, id);
}

/** Records how a call went: one communication log entry, and the task done (inside the caller's transaction). */
export function recordCall(ctx: Context, id: string, outcome: CallOutcome, note: string | null): CallTask {
  const task = getCall(ctx, id);
  if (task.state !== 'open') throw conflict(`This call was already recorded (${task.outcome ?? task.state}).`, { id });
  const at = ctx.clock.now().toISOString();
  const entry = createArchive(ctx.db).logCommunication(
    {
      clientId: task.clientId,
      channel: 'call',
      status: outcome,
      recipient: task.phone ?? task.clientName,
      kind: task.kind,
      subject: task.invoiceNumber ?? '',
      documentId: null,
      contentSha256: sha256(JSON.stringify([task.id, outcome, note, ctx.actor, at])),
      detail: note,
    },
    at,
  );
  ctx.db
    .prepare("UPDATE call_tasks SET state = 'done', outcome = ?, note = coalesce(?, note), communication_id = ?, done_at = ?, done_by = ? WHERE id = ?")
    .run(outcome, note, entry.id, at, ctx.actor, id);
  ctx.audit.append({ action: 'call.recorded', entity: 'client', entityId: task.clientId, data: { callId: id, outcome, communicationId: entry.id } });
  return getCall(ctx, id);
}
