// Payment lifts restrictions (DESIGN §4): when a money change takes a client from owing overdue
// invoices to owing none, their restricted and suspended contracts get restore and unsuspend
// actions, asked for by 'payment' (restores need no approval), and restrictions the ladder had
// asked for but not yet carried out are cancelled. Runs inside the money change's transaction.
import type { Context } from '../../context.js';
import { ApiError } from '../../errors.js';
import { lastSucceeded, openActionOf, updateAction } from './actionStore.js';
import { connectionIdOf, requestAction } from './requestActions.js';
import type { RequestableActionKind } from '../../../../shared/domain/panelAction.js';

const overdueOf = (ctx: Context, clientId: string) => ctx.accounts.summary(clientId, ctx.today()).overdueMinor;

/** Runs `work` (a money change of one client) and queues the restores it earns. Returns the new action ids too. */
export function liftRestrictionsWhenCleared<T>(ctx: Context, clientId: () => string, work: () => T): { result: T; actionIds: string[] } {
  const hadArrears = overdueOf(ctx, clientId()) > 0;
  const result = work();
  if (!hadArrears || overdueOf(ctx, clientId()) > 0) return { result, actionIds: [] };
  const actionIds: string[] = [];
  for (const contract of ctx.contracts.listByClient(clientId())) {
    if (!connectionIdOf(ctx, contract.id)) continue;
    cancelLadderRestrictions(ctx, contract.id);
    if (contract.status !== 'restricted' && contract.status !== 'suspended') continue;
    const wanted: RequestableActionKind[] = [];
    if (contract.status === 'suspended') wanted.push('unsuspend');
    if (lastSucceeded(ctx.db, contract.id, ['limit_bandwidth', 'restore_bandwidth'])?.kind === 'limit_bandwidth') wanted.push('restore_bandwidth');
    if (lastSucceeded(ctx.db, contract.id, ['downgrade', 'restore_package'])?.kind === 'downgrade') wanted.push('restore_package');
    for (const kind of wanted) {
      if (openActionOf(ctx.db, contract.id, kind)) continue;
      try {
        actionIds.push(...requestAction(ctx, { contractId: contract.id, kind, requestedBy: 'payment', reason: 'The client paid their overdue invoices.' }));
      } catch (error) {
        // A panel that cannot do it (or an account no longer named) is left to the drift report.
        if (!(error instanceof ApiError)) throw error;
      }
    }
  }
  return { result, actionIds };
}

function cancelLadderRestrictions(ctx: Context, contractId: string): void {
  const at = ctx.clock.now().toISOString();
  for (const kind of ['limit_bandwidth', 'downgrade', 'suspend'] as const) {
    const open = openActionOf(ctx.db, contractId, kind);
    if (!open || open.requested_by !== 'ladder' || open.state === 'running') continue;
    updateAction(ctx.db, open.id, at, { state: 'cancelled', finished_at: at, error_kind: 'cancelled', error_message: 'Cancelled: the client paid their overdue invoices.' });
    ctx.audit.append({ action: 'panelAction.cancelled', entity: 'contract', entityId: contractId, data: { id: open.id, by: 'payment' } });
  }
}
