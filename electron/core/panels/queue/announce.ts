import type { Context } from '../../context.js';
import { getActionRow } from './actionStore.js';

/** Tells every window (and the queue runner) about actions written by a transaction that has committed. */
export function announceActions(ctx: Context, ids: readonly string[]): void {
  for (const id of ids) {
    const row = getActionRow(ctx.db, id);
    if (row) ctx.events.emit('actions.updated', { id, contractId: row.contract_id, state: row.state });
  }
}
