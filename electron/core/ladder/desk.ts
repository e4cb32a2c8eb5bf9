// The arrears desk (催缴工作台): what the ladder will do today, line by line, and a person's
// decisions on those lines — approve, skip with a reason, postpone to a day. A decision is only
// taken on a line that is on today's desk and not already final, and it records who took it.
import type { LadderLineView, RunSummary } from '../../../shared/api/dunning.js';
import { evaluateLadder } from '../../../shared/ladder/evaluate.js';
import type { LadderLine, LineStatus } from '../../../shared/ladder/state.js';
import type { Context } from '../context.js';
import { conflict, invalidField } from '../errors.js';
import { lineViews } from './lineViews.js';
import { loadLadderState } from './loadLadderState.js';
import { rungStore } from './rungStore.js';

export interface Desk {
  asOf: string;
  lines: LadderLineView[];
  counts: Record<string, number>;
  lastRun: RunSummary | null;
}

export function deskFor(ctx: Context, asOf: string, clientId?: string): Desk {
  const state = loadLadderState(ctx, asOf, { clientId });
  const lines = lineViews(ctx, state, evaluateLadder(state).lines);
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line.status] = (counts[line.status] ?? 0) + 1;
  counts.warnings = lines.filter((l) => l.warnings.length > 0).length;
  return { asOf, lines, counts, lastRun: rungStore(ctx.db).runs(1)[0] ?? null };
}

export type Decision = { kind: 'approve' } | { kind: 'skip'; reason: string } | { kind: 'postpone'; until: string; reason: string | null };

/** The line statuses each decision may be taken on. */
const ALLOWED: Record<Decision['kind'], readonly LineStatus[]> = {
  approve: ['needs_approval'],
  skip: ['due', 'needs_approval', 'approved', 'failed', 'waiting_notice', 'postponed', 'paused', 'below_minimum'],
  postpone: ['due', 'needs_approval', 'approved', 'failed', 'waiting_notice', 'postponed'],
};

const STATE_OF = { approve: 'approved', skip: 'skipped', postpone: 'postponed' } as const;

/** Takes one decision on several lines of today's desk: all of them, or (naming the first line refused) none. */
export function decide(ctx: Context, refs: readonly { invoiceId: string; stepKey: string }[], decision: Decision): number {
  const today = ctx.today();
  if (decision.kind === 'postpone' && decision.until <= today) {
    throw invalidField({ field: 'until', code: 'date_order', message: `Postpone to a day after today (${today}).` });
  }
  // Today's desk for the clients concerned only (a client's lines depend on nothing but their own invoices).
  const clientOf = ctx.db.prepare<[string], string>('SELECT client_id FROM invoices WHERE id = ?').pluck();
  const clientIds = new Set(refs.map((r) => clientOf.get(r.invoiceId)).filter((id): id is string => id !== undefined));
  const onDesk = new Map<string, LadderLine>();
  for (const clientId of clientIds) {
    for (const line of evaluateLadder(loadLadderState(ctx, today, { clientId })).lines) onDesk.set(`${line.invoiceId}|${line.stepKey}`, line);
  }
  const rungs = rungStore(ctx.db);
  const at = ctx.clock.now().toISOString();
  return ctx.transaction(() => {
    const seen = new Set<string>();
    for (const [i, ref] of refs.entries()) {
      const key = `${ref.invoiceId}|${ref.stepKey}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = onDesk.get(key);
      if (!line) {
        const number = ctx.db.prepare<[string], string | null>('SELECT coalesce(number_text, external_number) FROM invoices WHERE id = ?').pluck().get(ref.invoiceId);
        throw conflict(`Step ${ref.stepKey} of ${number ? `invoice ${number}` : `invoice ${ref.invoiceId}`} is not on today's desk (it is done, decided, or not due).`, { line: i, ...ref });
      }
      if (!ALLOWED[decision.kind].includes(line.status)) {
        throw conflict(`Step ${line.stepKey} of ${line.invoiceNumber} is ${line.status.replace('_', ' ')}: it cannot be ${STATE_OF[decision.kind]}.`, { line: i, ...ref, status: line.status });
      }
      rungs.record(line, STATE_OF[decision.kind], at, {
        decidedBy: ctx.actor,
        reason: decision.kind === 'approve' ? null : decision.reason,
        postponedUntil: decision.kind === 'postpone' ? decision.until : null,
      });
      ctx.audit.append({
        action: `dunning.${STATE_OF[decision.kind]}`,
        entity: 'invoice',
        entityId: line.invoiceId,
        data: { stepKey: line.stepKey, policyId: line.policyId, ...(decision.kind === 'approve' ? {} : { reason: decision.reason }), ...(decision.kind === 'postpone' ? { until: decision.until } : {}) },
      });
    }
    return seen.size;
  });
}
