// Asking for panel actions: who may ask for what on which panel, what each action will set (and
// what a restore puts back), and whether it waits for a person. Runs inside the caller's
// transaction; events go out after it commits.
import { LIVE_STATUSES, type Contract } from '../../../../shared/domain/contract.js';
import { panelCanDo, type RequestableActionKind } from '../../../../shared/domain/panelAction.js';
import { PANEL_CAPABILITIES, type PanelCapabilities } from '../../../../shared/domain/panelCapabilities.js';
import type { Context } from '../../context.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { BandwidthSetting } from '../adapter.js';
import { getConnection, type StoredConnection } from '../connections.js';
import { insertAction, lastSucceeded, openActionOf, readQueueSettings, updateAction, type ActionParams } from './actionStore.js';

export interface ActionRequest {
  contractId: string;
  kind: RequestableActionKind;
  reason?: string | null;
  bandwidth?: BandwidthSetting;
  packageName?: string;
  withBackup?: boolean;
  /** A user's name, 'ladder' or 'payment'. */
  requestedBy: string;
  /**
   * The ladder's line was approved on the arrears desk by this person: that approval counts, so
   * the action (and its backup) is queued, not asked again — except a suspension where the panel
   * cannot back up, which always waits on the actions page (DESIGN §4).
   */
  approvedOnDesk?: string | null;
}

export interface LinkedAccount {
  contract: Contract;
  connection: StoredConnection;
  account: string;
  caps: PanelCapabilities;
}

export function connectionIdOf(ctx: Context, contractId: string): string | null {
  return ctx.db.prepare<[string], string | null>('SELECT panel_connection_id FROM contracts WHERE id = ?').pluck().get(contractId) ?? null;
}

export function linkedAccount(ctx: Context, contractId: string): LinkedAccount {
  const contract = ctx.contracts.get(contractId);
  if (!contract) throw notFound('Contract', contractId);
  const connectionId = connectionIdOf(ctx, contractId);
  if (!connectionId) throw conflict(`The contract for ${contract.label} is not linked to a panel connection: link it first (Settings → Panels).`);
  if (!contract.panelAccount) throw conflict(`The contract for ${contract.label} names no panel account.`);
  const connection = getConnection(ctx.db, connectionId);
  return { contract, connection, account: contract.panelAccount, caps: PANEL_CAPABILITIES[connection.kind] };
}

/** A limit in the units the panel has, when the reseller gives none: 1 GB a month, 128 KB/s. */
function defaultLimit(caps: PanelCapabilities): BandwidthSetting {
  return { monthlyMb: caps.bandwidth === 'throttle' ? null : 1024, rateKBps: caps.bandwidth === 'quota' ? null : 128 };
}

function paramsFor(ctx: Context, request: ActionRequest, linked: LinkedAccount): ActionParams {
  const { contract, caps } = linked;
  switch (request.kind) {
    case 'limit_bandwidth': {
      const bandwidth = request.bandwidth ?? defaultLimit(caps);
      if (bandwidth.monthlyMb === null && bandwidth.rateKBps === null) {
        throw invalidField({ field: 'bandwidth', code: 'required', message: 'Give a monthly quota or a speed limit.' });
      }
      if (caps.bandwidth === 'quota' && bandwidth.rateKBps !== null) {
        throw invalidField({ field: 'bandwidth.rateKBps', code: 'not_allowed', message: `${linked.connection.kind} limits monthly transfer, not speed.` });
      }
      if (caps.bandwidth === 'throttle' && bandwidth.monthlyMb !== null) {
        throw invalidField({ field: 'bandwidth.monthlyMb', code: 'not_allowed', message: `${linked.connection.kind} limits speed, not monthly transfer.` });
      }
      return { bandwidth };
    }
    case 'restore_bandwidth': {
      const limited = lastSucceeded(ctx.db, contract.id, ['limit_bandwidth', 'restore_bandwidth']);
      if (!limited || limited.kind !== 'limit_bandwidth') throw conflict(`No bandwidth limit of ${contract.label} is in place to restore.`);
      return { bandwidth: limited.previous_json ? (JSON.parse(limited.previous_json) as { bandwidth: BandwidthSetting | null }).bandwidth : null };
    }
    case 'downgrade': {
      const packageName = request.packageName ?? restrictionPackage(ctx, contract);
      if (!packageName) {
        throw invalidField({ field: 'packageName', code: 'required', message: `Name the package to move ${contract.label} to: its plan has no restriction plan with a panel package.` });
      }
      return { packageName };
    }
    case 'restore_package': {
      const downgraded = lastSucceeded(ctx.db, contract.id, ['downgrade', 'restore_package']);
      if (!downgraded || downgraded.kind !== 'downgrade') throw conflict(`${contract.label} is not on a restriction package.`);
      const previous = downgraded.previous_json ? (JSON.parse(downgraded.previous_json) as { packageName: string | null }).packageName : null;
      const packageName = previous ?? (contract.planId ? ctx.plans.get(contract.planId)?.panelPackage : null) ?? null;
      if (!packageName) throw conflict(`The package ${contract.label} was on before is not known; change it back on the panel by hand.`);
      return { packageName };
    }
    default:
      return {};
  }
}

function restrictionPackage(ctx: Context, contract: Contract): string | null {
  const plan = contract.planId ? ctx.plans.get(contract.planId) : null;
  const restriction = plan?.restrictionPlanId ? ctx.plans.get(plan.restrictionPlanId) : null;
  return restriction?.panelPackage ?? null;
}

const RESTORES: readonly RequestableActionKind[] = ['restore_bandwidth', 'restore_package', 'unsuspend'];

/** Writes the action(s) asked for and returns their ids (a backup first, then what waits for it). */
export function requestAction(ctx: Context, request: ActionRequest): string[] {
  const linked = linkedAccount(ctx, request.contractId);
  const { contract, connection, account, caps } = linked;
  if (!LIVE_STATUSES.includes(contract.status)) throw conflict(`The contract for ${contract.label} has ended (${contract.status}).`);
  if (!panelCanDo(request.kind, caps)) throw conflict(`${connection.kind} cannot ${request.kind.replace('_', ' ')} through its API.`, { kind: request.kind });
  const open = openActionOf(ctx.db, contract.id, request.kind);
  if (open) throw conflict(`A ${request.kind.replace('_', ' ')} of ${contract.label} is already ${open.state.replace('_', ' ')}.`, { actionId: open.id });

  const params = paramsFor(ctx, request, linked);
  const settings = readQueueSettings(ctx.db);
  const at = ctx.clock.now().toISOString();
  const base = { contractId: contract.id, connectionId: connection.id, account, requestedBy: request.requestedBy, reason: request.reason ?? null, dryRun: settings.dryRun, at };
  const ids: string[] = [];

  let dependsOn: string | null = null;
  const deskApproved = request.requestedBy === 'ladder' && Boolean(request.approvedOnDesk);
  const noBackup = request.kind === 'suspend' && caps.backup === null;
  if (request.kind === 'suspend' && caps.backup !== null && request.withBackup !== false) {
    dependsOn = newId('pa');
    const openBackup = openActionOf(ctx.db, contract.id, 'backup');
    if (openBackup) dependsOn = openBackup.id;
    else {
      insertAction(ctx.db, { ...base, id: dependsOn, kind: 'backup', state: settings.approvals.backup && !deskApproved ? 'pending_approval' : 'queued', params: {}, dependsOn: null, noBackup: false, reason: `Before suspending: ${request.reason ?? ''}`.trim() });
      ctx.audit.append({ action: 'panelAction.requested', entity: 'contract', entityId: contract.id, data: { id: dependsOn, kind: 'backup', requestedBy: request.requestedBy } });
      ids.push(dependsOn);
    }
  }

  const needsPerson =
    request.kind === 'terminate' ||
    noBackup ||
    (deskApproved || (request.requestedBy === 'payment' && RESTORES.includes(request.kind)) ? false : settings.approvals[request.kind as keyof typeof settings.approvals]);
  const id = newId('pa');
  insertAction(ctx.db, { ...base, id, kind: request.kind, state: needsPerson ? 'pending_approval' : 'queued', params, dependsOn, noBackup });
  if (deskApproved && !needsPerson) updateAction(ctx.db, id, at, { approved_by: request.approvedOnDesk!, approved_at: at });
  ctx.audit.append({ action: 'panelAction.requested', entity: 'contract', entityId: contract.id, data: { id, kind: request.kind, params, requestedBy: request.requestedBy, reason: request.reason ?? null } });
  ids.push(id);
  return ids;
}
