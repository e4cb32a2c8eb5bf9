// The actions.* operations: the queue as the actions page and scripts see it.
import type { actionMethods } from '../../../../shared/api/actions.js';
import type { Context, HandlersOf } from '../../context.js';
import { ApiError, conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { getActionRow, insertAction, listActions, readQueueSettings, updateAction, viewAction, writeQueueSettings, type ActionRow } from './actionStore.js';
import { announceActions } from './announce.js';
import { linkedAccount, requestAction } from './requestActions.js';
import { processQueue } from './runActions.js';

function requireAction(ctx: Context, id: string): ActionRow {
  const row = getActionRow(ctx.db, id);
  if (!row) throw notFound('Action', id);
  return row;
}

/** One change of an action's state with its audit row, then the event. */
function change(ctx: Context, row: ActionRow, audit: string, fields: Parameters<typeof updateAction>[3]) {
  const at = ctx.clock.now().toISOString();
  ctx.transaction(() => {
    updateAction(ctx.db, row.id, at, fields);
    ctx.audit.append({ action: audit, entity: 'contract', entityId: row.contract_id, data: { id: row.id, kind: row.kind, ...fields } });
  });
  announceActions(ctx, [row.id]);
  return viewAction(ctx.db, row.id);
}

export const actionHandlers: HandlersOf<typeof actionMethods> = {
  'actions.list'(input, ctx) {
    let beforeSeq: number | undefined;
    if (input.cursor !== undefined) {
      beforeSeq = Number(input.cursor);
      if (!Number.isSafeInteger(beforeSeq) || beforeSeq < 1) {
        throw new ApiError('invalid_input', 'The page cursor is not one HostLedger handed out.', { fields: [{ field: 'cursor', code: 'invalid', message: 'The page cursor is not one HostLedger handed out.' }] });
      }
    }
    return listActions(ctx.db, { states: input.states, contractId: input.contractId, beforeSeq, limit: input.limit });
  },

  'actions.request'(input, ctx) {
    const ids = ctx.transaction(() =>
      requestAction(ctx, {
        contractId: input.contractId,
        kind: input.kind,
        reason: input.reason ?? null,
        bandwidth: input.bandwidth,
        packageName: input.packageName,
        withBackup: input.withBackup,
        requestedBy: ctx.actor,
      }),
    );
    announceActions(ctx, ids);
    return { actions: ids.map((id) => viewAction(ctx.db, id)) };
  },

  'actions.approve'(input, ctx) {
    const row = requireAction(ctx, input.id);
    if (row.state !== 'pending_approval') throw conflict(`This action is ${row.state.replace('_', ' ')}, not waiting for approval.`, { state: row.state });
    if (row.approved_by !== null) throw conflict('This termination is approved and waits for its confirmation: type the account name.');
    const at = ctx.clock.now().toISOString();
    // Termination asks twice: approval here, then the account name typed in actions.confirmTermination.
    if (row.kind === 'terminate') return change(ctx, row, 'panelAction.approved', { approved_by: ctx.actor, approved_at: at });
    return change(ctx, row, 'panelAction.approved', { approved_by: ctx.actor, approved_at: at, state: 'queued', next_attempt_at: null });
  },

  'actions.confirmTermination'(input, ctx) {
    const row = requireAction(ctx, input.id);
    if (row.kind !== 'terminate') throw conflict('Only a termination is confirmed by typing the account name.');
    if (row.state !== 'pending_approval' || row.approved_by === null) throw conflict('Approve the termination first, then confirm it.', { state: row.state });
    if (input.accountName !== row.account) {
      throw invalidField({ field: 'accountName', code: 'invalid', message: `Type the account name exactly as it is on the panel (${row.account}) to confirm.` });
    }
    return change(ctx, row, 'panelAction.confirmed', { confirmed_by: ctx.actor, confirmed_at: ctx.clock.now().toISOString(), state: 'queued', next_attempt_at: null });
  },

  'actions.retry'(input, ctx) {
    const row = requireAction(ctx, input.id);
    if (row.state !== 'failed') throw conflict(`Only a failed action can be retried; this one is ${row.state.replace('_', ' ')}.`, { state: row.state });
    // A failed backup starts a new one; the old reference is of a backup that did not finish.
    return change(ctx, row, 'panelAction.retried', { state: 'queued', next_attempt_at: null, finished_at: null, backup_ref: null, attempts: 0 });
  },

  'actions.cancel'(input, ctx) {
    const row = requireAction(ctx, input.id);
    if (!['pending_approval', 'queued', 'failed'].includes(row.state)) {
      throw conflict(row.state === 'running' ? 'This action is running on the panel now and cannot be stopped halfway.' : `This action has ${row.state} already.`, { state: row.state });
    }
    const at = ctx.clock.now().toISOString();
    return change(ctx, row, 'panelAction.cancelled', { state: 'cancelled', finished_at: at, next_attempt_at: null });
  },

  'actions.recordManualBackup'(input, ctx) {
    const { contract, connection, account } = linkedAccount(ctx, input.contractId);
    const id = newId('pa');
    ctx.transaction(() => {
      insertAction(ctx.db, {
        id,
        contractId: contract.id,
        connectionId: connection.id,
        account,
        kind: 'manual_backup',
        state: 'succeeded',
        requestedBy: ctx.actor,
        reason: input.note,
        params: {},
        dependsOn: null,
        noBackup: false,
        dryRun: false,
        at: ctx.clock.now().toISOString(),
      });
      ctx.audit.append({ action: 'panelAction.manualBackup', entity: 'contract', entityId: contract.id, data: { id, note: input.note } });
    });
    announceActions(ctx, [id]);
    return viewAction(ctx.db, id);
  },

  'actions.settings.get'(_input, ctx) {
    return readQueueSettings(ctx.db);
  },

  'actions.settings.update'(input, ctx) {
    const current = readQueueSettings(ctx.db);
    const approvals = { ...current.approvals };
    for (const [kind, value] of Object.entries(input.approvals ?? {})) if (value !== undefined) approvals[kind as keyof typeof approvals] = value;
    const next = { approvals, dryRun: input.dryRun ?? current.dryRun };
    ctx.transaction(() => {
      writeQueueSettings(ctx.db, next);
      ctx.audit.append({ action: 'panelQueue.settingsChanged', entity: 'settings', entityId: 'panelQueue', data: next });
    });
    return next;
  },

  'actions.process'(input, ctx) {
    return processQueue(ctx, { wait: input.wait });
  },
};
