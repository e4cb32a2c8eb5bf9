// The dunning.* operations: policies and where they apply, the arrears desk and its decisions, the
// run, the forecast and a client's ladder history.
import type { dunningMethods } from '../../../shared/api/dunning.js';
import { addDays } from '../../../shared/dates.js';
import { forecastLadder } from '../../../shared/ladder/evaluate.js';
import type { Context, HandlersOf } from '../context.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decide, deskFor } from './desk.js';
import { runLadder } from './ladderRun.js';
import { lineViews } from './lineViews.js';
import { loadLadderState } from './loadLadderState.js';
import { assignPolicy, deletePolicy, listPolicyViews, savePolicy, setManualOnly } from './policyStore.js';
import { rungStore } from './rungStore.js';

function requireClient(ctx: Context, clientId: string): void {
  if (!ctx.clients.get(clientId)) throw notFound('Client', clientId);
}

/** job.progress for a run: every 25 lines, and at the end. */
function progressOf(ctx: Context) {
  const jobId = newId('job');
  let last = { done: 0, total: null as number | null };
  return {
    progress(done: number, total: number) {
      last = { done, total };
      if (done === 0 || done === total || done % 25 === 0) ctx.events.emit('job.progress', { jobId, label: 'dunning.run', done, total, finished: false });
    },
    finished: () => ctx.events.emit('job.progress', { jobId, label: 'dunning.run', done: last.done, total: last.total, finished: true }),
  };
}

export const dunningHandlers: HandlersOf<typeof dunningMethods> = {
  'dunning.policies.list'(_input, ctx) {
    return { policies: listPolicyViews(ctx.db) };
  },
  'dunning.policies.save'(input, ctx) {
    return savePolicy(ctx, input);
  },
  'dunning.policies.delete'(input, ctx) {
    return deletePolicy(ctx, input.id);
  },
  'dunning.policies.assign'(input, ctx) {
    return assignPolicy(ctx, input);
  },
  'dunning.manualOnly.set'(input, ctx) {
    return setManualOnly(ctx, input.clientId, input.manualOnly);
  },

  'dunning.desk'(input, ctx) {
    if (input.clientId !== undefined) requireClient(ctx, input.clientId);
    return deskFor(ctx, input.asOf ?? ctx.today(), input.clientId);
  },
  'dunning.approve'(input, ctx) {
    return { approved: decide(ctx, input.lines, { kind: 'approve' }) };
  },
  'dunning.skip'(input, ctx) {
    return { skipped: decide(ctx, input.lines, { kind: 'skip', reason: input.reason }) };
  },
  'dunning.postpone'(input, ctx) {
    return { postponed: decide(ctx, input.lines, { kind: 'postpone', until: input.until, reason: input.reason ?? null }) };
  },

  async 'dunning.run'(input, ctx) {
    const job = progressOf(ctx);
    try {
      return await runLadder(ctx, input.daily ? 'daily' : ctx.actor, job);
    } finally {
      job.finished();
    }
  },
  'dunning.runs.list'(input, ctx) {
    return { runs: rungStore(ctx.db).runs(input.limit) };
  },

  'dunning.forecast'(input, ctx) {
    if (input.clientId !== undefined) requireClient(ctx, input.clientId);
    const from = ctx.today();
    const state = loadLadderState(ctx, from, { clientId: input.clientId });
    const entries = forecastLadder(state, input.days);
    const views = lineViews(ctx, state, entries.map((e) => e.line));
    return { from, through: addDays(from, input.days), entries: entries.map((entry, i) => ({ date: entry.date, line: views[i]! })) };
  },
  'dunning.history'(input, ctx) {
    const manualOnly = ctx.db.prepare<[string], number>('SELECT dunning_manual_only FROM clients WHERE id = ?').pluck().get(input.clientId);
    if (manualOnly === undefined) throw notFound('Client', input.clientId);
    return { rungs: rungStore(ctx.db).history(input.clientId), manualOnly: manualOnly === 1 };
  },
};
