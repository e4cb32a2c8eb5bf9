// The ladder's run (dunning.run, and the daily run after billing): evaluates the ladder as of
// today, records what catch-up decided (reminders not sent late, notices overtaken), and carries
// out every runnable line — messages, the late fee, panel work through the action queue, a review
// opened. Each rung is written `running` and committed before anything happens; each action has
// its own idempotency (the message key, late_fees' (invoice, n), the panel action ids kept with the
// rung, the call task key), so a crash or a retry never does anything twice. The outcome is
// written afterwards: done, or failed with the reason — failed stays retryable, never marked sent.
import type { ActionOutcome, RunSummary } from '../../../shared/api/dunning.js';
import { evaluateLadder } from '../../../shared/ladder/evaluate.js';
import type { LadderAction, LadderLetter } from '../../../shared/ladder/policy.js';
import { RUNNABLE_STATUSES, type LadderInvoice, type LadderLine, type LadderState } from '../../../shared/ladder/state.js';
import type { Delivery, DeliveryChannel, DeliveryResult } from '../channels/deliver.js';
import type { Context } from '../context.js';
import { ApiError, conflict } from '../errors.js';
import { newId } from '../ids.js';
import { announceActions } from '../panels/queue/announce.js';
import { connectionIdOf, requestAction } from '../panels/queue/requestActions.js';
import { actionFees } from './ladderFees.js';
import { sendChannels } from './lineViews.js';
import { loadLadderState } from './loadLadderState.js';
import { rungStore, type RungKeys, type RunCounts } from './rungStore.js';

export interface RunHooks {
  progress(done: number, total: number): void;
}

type SendAction = Extract<LadderAction, { kind: 'send' }>;

/** One line being carried out: its outcomes by action, filled as the actions happen. */
interface Work {
  line: LadderLine;
  invoice: LadderInvoice;
  keys: RungKeys;
  /** Who approved it on the desk (null: an automatic step). */
  approvedBy: string | null;
  outcomes: ActionOutcome[][];
}

const running = new WeakSet<Context>();

/** Due (automatic), approved on the desk, or failed before: the lines a run carries out. */
const isRunnable = (line: LadderLine) => RUNNABLE_STATUSES.includes(line.status);

const messageSlot = (letter: LadderLetter, channel: DeliveryChannel) => `${letter}:${channel}`;

export async function runLadder(ctx: Context, startedBy: string, hooks: RunHooks): Promise<RunSummary> {
  if (running.has(ctx)) throw conflict('The ladder is running already; wait for it to finish.');
  running.add(ctx);
  try {
    return await run(ctx, startedBy, hooks);
  } finally {
    running.delete(ctx);
  }
}

async function run(ctx: Context, startedBy: string, hooks: RunHooks): Promise<RunSummary> {
  const today = ctx.today();
  const state = loadLadderState(ctx, today);
  const { lines } = evaluateLadder(state);
  const rungs = rungStore(ctx.db);
  const fees = actionFees(ctx);
  const invoices = new Map(state.invoices.map((i) => [i.id, i]));
  const runId = newId('dr');
  const startedAt = ctx.clock.now().toISOString();
  const counts: RunCounts = { done: 0, failed: 0, missed: 0, superseded: 0, waiting: lines.filter((l) => l.status === 'waiting_notice').length };

  // Catch-up first, in the transaction that opens the run: what it decided not to send is recorded
  // (final). An overtaken notice whose step charges a fee is a runnable line of its own (the fee only).
  ctx.transaction(() => {
    rungs.startRun(runId, today, startedBy, startedAt);
    for (const line of lines) {
      if (line.status !== 'missed' && line.status !== 'superseded') continue;
      rungs.record(line, line.status, startedAt, { runId });
      counts[line.status] += 1;
    }
  });

  // The intent: every line to carry out is written `running`, with the keys its actions will use.
  const work: Work[] = lines.filter(isRunnable).map((line) => ({ line, invoice: invoices.get(line.invoiceId)!, keys: {}, approvedBy: null, outcomes: line.actions.map(() => []) }));
  ctx.transaction(() => {
    const groups = new Map<string, string>();
    for (const item of work) {
      rungs.markRunning(item.line, runId, startedAt);
      item.approvedBy = item.line.needsApproval ? rungs.decidedBy(item.line) : null;
      item.keys = rungs.keys(item.line);
      const messages = { ...item.keys.messages };
      for (const action of item.line.actions) {
        if (action.kind !== 'send') continue;
        for (const channel of deliveryChannels(action, state, item.line)) {
          const slot = messageSlot(action.letter, channel);
          // A key an earlier attempt wrote is kept (that message may have gone out, about its own
          // invoices only); the client's other lines with the same letter share one new message.
          if (messages[slot] !== undefined) continue;
          const group = `${item.line.clientId}|${slot}`;
          messages[slot] = groups.get(group) ?? `rung:${item.line.invoiceId}:${item.line.stepKey}:${channel}`;
          groups.set(group, messages[slot]);
        }
      }
      item.keys = { ...item.keys, messages };
      rungs.setKeys(item.line, item.keys);
    }
  });

  // Messages: one delivery per key, about every invoice whose rung shares it.
  const deliveries = new Map<string, { delivery: Delivery; targets: { item: Work; index: number }[] }>();
  for (const item of work) {
    item.line.actions.forEach((action, index) => {
      if (action.kind !== 'send') return;
      for (const channel of deliveryChannels(action, state, item.line)) {
        const key = item.keys.messages![messageSlot(action.letter, channel)]!;
        const entry = deliveries.get(key) ?? deliveries.set(key, { delivery: { key, clientId: item.line.clientId, letter: action.letter, channel, invoiceIds: [] }, targets: [] }).get(key)!;
        if (!entry.delivery.invoiceIds.includes(item.line.invoiceId)) (entry.delivery.invoiceIds as string[]).push(item.line.invoiceId);
        if (item.line.suspensionDate && (!entry.delivery.suspensionDate || item.line.suspensionDate > entry.delivery.suspensionDate)) entry.delivery.suspensionDate = item.line.suspensionDate;
        entry.targets.push({ item, index });
      }
    });
  }
  const total = work.length + deliveries.size;
  let done = 0;
  hooks.progress(0, total);

  // What stays inside the book (fees, panel requests, reviews, call tasks), line by line.
  for (const item of work) {
    item.line.actions.forEach((action, index) => {
      if (action.kind === 'send') item.outcomes[index]!.push(...callTask(ctx, item, action, state));
      else item.outcomes[index]!.push(...carryOut(ctx, item, action, fees));
    });
    hooks.progress((done += 1), total);
  }
  for (const { delivery, targets } of deliveries.values()) {
    const outcome = sendOutcome(delivery.channel, await deliverSafely(ctx, delivery));
    for (const { item, index } of targets) item.outcomes[index]!.push(outcome);
    hooks.progress((done += 1), total);
  }

  // The outcome of each rung, in one transaction.
  const finishedAt = ctx.clock.now().toISOString();
  ctx.transaction(() => {
    for (const item of work) {
      const outcomes = item.outcomes.flat();
      const failures = outcomes.filter((o) => o.result === 'failed');
      if (failures.length > 0) {
        rungs.finish(item.line, 'failed', outcomes, null, failures.map((f) => `${f.kind}: ${f.detail ?? 'failed'}`).join('; '), finishedAt);
        counts.failed += 1;
      } else if (item.line.noticeSuperseded) {
        // Its fee is charged, but the notice never went out: no escalation may count on it.
        rungs.finish(item.line, 'superseded', outcomes, null, null, finishedAt);
        counts.superseded += 1;
      } else {
        rungs.finish(item.line, 'done', outcomes, today, null, finishedAt);
        counts.done += 1;
      }
    }
    rungs.endRun(runId, finishedAt, false, counts);
  });

  ctx.events.emit('dunning.ran', { runId, done: counts.done, failed: counts.failed });
  const needsApproval = lines.filter((l) => l.status === 'needs_approval').length;
  const callsDue = ctx.db.prepare<[string], number>("SELECT count(*) FROM call_tasks WHERE state = 'open' AND due_on <= ?").pluck().get(today)!;
  if (needsApproval + counts.failed + callsDue > 0) ctx.events.emit('dunning.attention', { needsApproval, failed: counts.failed, callsDue });
  return rungs.runs(1)[0]!;
}

/** The channels a send goes out on through deliver() (a call is a task, not a delivery). */
function deliveryChannels(action: SendAction, state: LadderState, line: LadderLine): DeliveryChannel[] {
  return sendChannels(action, state.clients.get(line.clientId)?.channels ?? []).filter((c): c is DeliveryChannel => c !== 'call');
}

async function deliverSafely(ctx: Context, delivery: Delivery): Promise<DeliveryResult> {
  try {
    return await ctx.deliver(ctx, delivery);
  } catch (error) {
    // A delivery that broke is a failed one: the rung stays retryable, never marked sent.
    ctx.logger.error('a ladder message could not be delivered', error);
    return { status: 'failed', communicationId: null, documentId: null, detail: error instanceof Error ? error.message : String(error), problem: null };
  }
}

/** A channel the client has no address for: the desk's warning for it. */
const NO_ADDRESS = { email: 'no_email_address', sms: 'no_phone', letter: 'no_postal_address' } as const;

function sendOutcome(channel: DeliveryChannel, result: DeliveryResult): ActionOutcome {
  const refs = [result.communicationId, result.documentId].filter((r): r is string => r !== null);
  const kind = `send:${channel}`;
  switch (result.status) {
    case 'queued_for_print':
      return { kind, result: 'done', detail: result.detail ?? 'queued for printing', refs, note: 'queued_for_print' };
    case 'not_applicable':
      return { kind, result: 'not_applicable', detail: result.detail, refs, note: NO_ADDRESS[channel] };
    case 'failed':
      return { kind, result: 'failed', detail: result.detail, refs, ...(result.problem ? { problem: result.problem } : {}) };
    case 'sent':
      return { kind, result: 'done', detail: result.detail, refs };
  }
}

/** A phone call the policy asks for: a task for a person, once per rung (its key). */
function callTask(ctx: Context, item: Work, action: SendAction, state: LadderState): ActionOutcome[] {
  if (!sendChannels(action, state.clients.get(item.line.clientId)?.channels ?? []).includes('call')) return [];
  const key = `rung:${item.line.invoiceId}:${item.line.stepKey}:call`;
  const phone = ctx.db.prepare<[string], string | null>('SELECT phone FROM clients WHERE id = ?').pluck().get(item.line.clientId) ?? null;
  const id = ctx.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO call_tasks (id, key, client_id, invoice_id, kind, phone, due_on, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?) ON CONFLICT (key) DO NOTHING`,
      )
      .run(newId('ct'), key, item.line.clientId, item.line.invoiceId, action.letter, phone, ctx.today(), ctx.clock.now().toISOString());
    return ctx.db.prepare<[string], string>('SELECT id FROM call_tasks WHERE key = ?').pluck().get(key)!;
  });
  return [
    phone
      ? { kind: 'call', result: 'done', detail: 'call task opened', refs: [id], note: 'call_task_opened' }
      : { kind: 'call', result: 'done', detail: 'call task opened; the client has no phone number', refs: [id], note: 'call_task_no_phone' },
  ];
}

function carryOut(ctx: Context, item: Work, action: Exclude<LadderAction, SendAction>, fees: ReturnType<typeof actionFees>): ActionOutcome[] {
  switch (action.kind) {
    case 'late_fee':
      return [ctx.transaction(() => fees.charge(item.line))];
    case 'restrict':
      return [panelWork(ctx, item, action.how, action.how)];
    case 'backup_suspend':
      return [panelWork(ctx, item, action.kind, 'suspend')];
    case 'termination_review':
    case 'collections': {
      const review = action.kind === 'termination_review';
      ctx.transaction(() =>
        ctx.audit.append({
          action: review ? 'dunning.terminationReview' : 'dunning.collections',
          entity: 'client',
          entityId: item.line.clientId,
          data: { invoiceId: item.line.invoiceId, stepKey: item.line.stepKey, approvedBy: item.approvedBy },
        }),
      );
      return [
        review
          ? { kind: action.kind, result: 'done', detail: 'review opened', refs: [item.line.invoiceId], note: 'review_opened' }
          : { kind: action.kind, result: 'done', detail: 'handed to collections', refs: [item.line.invoiceId], note: 'handed_to_collections' },
      ];
    }
  }
}

/**
 * Restriction or suspension of every contract on the invoice that is linked to a panel, through the
 * action queue. The ids asked for are written with the rung in the same transaction, so a retry
 * finds them instead of asking again. `outcomeKind` names the step's action as the screens word it:
 * the restriction's kind, or backup_suspend.
 */
function panelWork(ctx: Context, item: Work, outcomeKind: 'limit_bandwidth' | 'downgrade' | 'backup_suspend', kind: 'limit_bandwidth' | 'downgrade' | 'suspend'): ActionOutcome {
  const rungs = rungStore(ctx.db);
  const linked = item.invoice.contractIds.filter((id) => connectionIdOf(ctx, id) !== null);
  if (linked.length === 0) return { kind: outcomeKind, result: 'not_applicable', detail: 'no_panel_link', refs: [] };
  const refs: string[] = [];
  const problems: { result: 'failed' | 'not_applicable'; detail: string }[] = [];
  for (const contractId of linked) {
    const asked = item.keys.panel?.[contractId];
    if (asked) {
      refs.push(...asked);
      continue;
    }
    try {
      const ids = ctx.transaction(() => {
        const made = requestAction(ctx, { contractId, kind, requestedBy: 'ladder', reason: `${item.invoice.number}: ${item.line.stepKey}`, approvedOnDesk: item.approvedBy, withBackup: true });
        item.keys = { ...item.keys, panel: { ...item.keys.panel, [contractId]: made } };
        rungs.setKeys(item.line, item.keys);
        return made;
      });
      announceActions(ctx, ids);
      refs.push(...ids);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const open = typeof error.details?.actionId === 'string' ? error.details.actionId : null;
      // Already asked for (by a person, or an earlier ladder step): that action is the one.
      if (open) refs.push(open);
      else problems.push({ result: error.code === 'conflict' ? 'not_applicable' : 'failed', detail: error.message });
    }
  }
  const failed = problems.find((p) => p.result === 'failed');
  if (failed) return { kind: outcomeKind, result: 'failed', detail: failed.detail, refs };
  if (refs.length === 0) return { kind: outcomeKind, result: 'not_applicable', detail: problems.map((p) => p.detail).join(' '), refs };
  return { kind: outcomeKind, result: 'done', detail: problems.length > 0 ? problems.map((p) => p.detail).join(' ') : null, refs };
}
