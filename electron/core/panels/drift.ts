// The drift report: linked, live contracts whose status in the book and state on the panel
// disagree, read live from each panel, and the one-click fixes — queue the action that makes the
// panel match the book, or change the book to match the panel.
import type { z } from 'zod';
import type { driftItemSchema } from '../../../shared/api/panels.js';
import { LIVE_STATUSES, type Contract, type ContractStatus } from '../../../shared/domain/contract.js';
import { PANEL_CAPABILITIES } from '../../../shared/domain/panelCapabilities.js';
import type { Context } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { PanelError, type PanelAccountState } from './adapter.js';
import { adapterFor, getConnection } from './connections.js';
import { announceActions } from './queue/announce.js';
import { requestAction } from './queue/requestActions.js';
import { restrictionsInPlace } from './queue/runActions.js';

type DriftItem = z.infer<typeof driftItemSchema>;
type Problem = DriftItem['problem'];

/** Panels read at once while drawing up the report. */
const PARALLEL_READS = 8;

function problemOf(status: ContractStatus, state: PanelAccountState): Problem | null {
  if (!state.exists) return 'missing_on_panel';
  if (state.suspended && (status === 'active' || status === 'restricted')) return 'suspended_on_panel';
  if (!state.suspended && status === 'suspended') return 'active_on_panel';
  return null;
}

const FIXES: Record<Problem, DriftItem['fixes']> = {
  suspended_on_panel: ['panel_to_book', 'book_to_panel'],
  active_on_panel: ['panel_to_book', 'book_to_panel'],
  // HostLedger cannot create an account; the book can record that it is gone.
  missing_on_panel: ['book_to_panel'],
  unreadable: [],
};

async function readAccount(ctx: Context, contract: Contract, connectionId: string): Promise<{ state: PanelAccountState | null; summary: string }> {
  try {
    const { adapter, redact } = await adapterFor(ctx, connectionId);
    const state = await adapter.getState(contract.panelAccount!);
    return { state, summary: redact(state.summary) };
  } catch (error) {
    if (!(error instanceof PanelError)) throw error;
    return { state: null, summary: error.message };
  }
}

export async function driftReport(ctx: Context, connectionId: string | undefined) {
  const rows = ctx.db
    .prepare<Record<string, unknown>, { id: string; connection_id: string }>(
      `SELECT id, panel_connection_id AS connection_id FROM contracts
       WHERE panel_connection_id IS NOT NULL AND panel_account IS NOT NULL AND status IN (SELECT value FROM json_each(@live))
         AND (@connection IS NULL OR panel_connection_id = @connection) ORDER BY seq`,
    )
    .all({ live: JSON.stringify(LIVE_STATUSES), connection: connectionId ?? null })
    .filter((row) => PANEL_CAPABILITIES[getConnection(ctx.db, row.connection_id).kind].readState !== 'none');
  const jobId = newId('job');
  const label = 'Comparing the book with the panels';
  const items: DriftItem[] = [];
  let done = 0;
  ctx.events.emit('job.progress', { jobId, label, done, total: rows.length, finished: rows.length === 0 });
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const contract = ctx.contracts.get(row.id)!;
      const connection = getConnection(ctx.db, row.connection_id);
      const { state, summary } = await readAccount(ctx, contract, row.connection_id);
      const problem = state ? problemOf(contract.status, state) : 'unreadable';
      if (problem) {
        items.push({
          contractId: contract.id,
          label: contract.label,
          clientName: contract.clientName,
          account: contract.panelAccount!,
          connectionId: connection.id,
          connectionName: connection.name,
          bookStatus: contract.status,
          problem,
          panelSummary: summary,
          fixes: FIXES[problem],
        });
      }
      done += 1;
      ctx.events.emit('job.progress', { jobId, label, done, total: rows.length, finished: done === rows.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, rows.length) }, worker));
  items.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.label.localeCompare(b.label));
  return { jobId, checked: rows.length, items };
}

export async function fixDrift(ctx: Context, contractId: string, fix: 'panel_to_book' | 'book_to_panel') {
  const contract = ctx.contracts.get(contractId);
  if (!contract) throw notFound('Contract', contractId);
  const connectionId = ctx.db.prepare<[string], string | null>('SELECT panel_connection_id FROM contracts WHERE id = ?').pluck().get(contractId);
  if (!connectionId || !contract.panelAccount) throw conflict(`${contract.label} is not linked to a panel.`);
  const { state, summary } = await readAccount(ctx, contract, connectionId);
  if (!state) throw conflict(`The panel could not be read: ${summary}`);
  // Read again after the await: the book may have moved meanwhile.
  const current = ctx.contracts.get(contractId)!;
  const problem = problemOf(current.status, state);
  if (!problem || !LIVE_STATUSES.includes(current.status)) throw conflict(`${current.label} no longer disagrees with its panel.`);
  if (!FIXES[problem].includes(fix)) throw conflict('That fix does not apply to this difference.');

  if (fix === 'panel_to_book') {
    const kind = problem === 'suspended_on_panel' ? 'unsuspend' : 'suspend';
    const ids = ctx.transaction(() => requestAction(ctx, { contractId, kind, requestedBy: ctx.actor, reason: 'Drift report: make the panel match the book.' }));
    announceActions(ctx, ids);
    return { actionId: ids.at(-1) ?? null, bookStatus: current.status };
  }
  const status: ContractStatus = problem === 'suspended_on_panel' ? 'suspended' : problem === 'missing_on_panel' ? 'terminated' : restrictionsInPlace(ctx.db, contractId) ? 'restricted' : 'active';
  const reason = `Drift report: the panel shows ${summary}`.slice(0, 500);
  ctx.transaction(() => {
    ctx.contracts.update({ ...current, status, ...(status === 'terminated' ? { autoRenew: false, endReason: reason } : {}) }, current.status, ctx.clock.now().toISOString(), ctx.actor, reason);
    ctx.audit.append({ action: 'contract.statusFromPanel', entity: 'contract', entityId: contractId, data: { from: current.status, to: status, drift: problem } });
  });
  ctx.events.emit('contracts.changed', { id: contractId, clientId: current.clientId });
  return { actionId: null, bookStatus: status };
}
