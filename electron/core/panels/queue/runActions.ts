// The queue's engine. For each due action: record the intent (state `running`, attempt counted)
// and commit, call the panel through its adapter, then record the outcome in a second
// transaction — and update the contract's status in the book when the panel changed. One action
// at a time per account; retryable failures (timeouts, network, HTTP 5xx) come back with
// exponential backoff up to a cap; auth and certificate failures never retry by themselves.
// An action found `running` that this process did not start was cut off by a crash or a quit:
// it is reconciled by reading the account on the panel, never sent again blindly.
import type { ContractStatus } from '../../../../shared/domain/contract.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { PanelError, type BandwidthSetting, type PanelAccountState, type PanelAdapter, type PanelOutcome } from '../adapter.js';
import { adapterFor, getConnection } from '../connections.js';
import { getActionRow, lastSucceeded, paramsOf, updateAction, type ActionRow } from './actionStore.js';

/** How many accounts are worked on at once (across all panels). */
const PARALLEL = 8;
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 30 * 60_000;

/** How often an asynchronous backup is polled, and how long it may take; tests shorten them. */
export const queueTiming = { backupPollMs: 5_000, backupTimeoutMs: 6 * 60 * 60_000 };

/** Wait before attempt n+1 after n failed attempts: 30 s, 1 min, 2 min, … at most 30 min. */
export const backoffMs = (attempts: number) => Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

interface QueueState {
  inFlight: Map<string, Promise<void>>;
  accounts: Set<string>;
  started: number;
}
const queues = new WeakMap<Db, QueueState>();

function stateOf(db: Db): QueueState {
  let state = queues.get(db);
  if (!state) queues.set(db, (state = { inFlight: new Map(), accounts: new Set(), started: 0 }));
  return state;
}

const accountKey = (row: Pick<ActionRow, 'connection_id' | 'account'>) => `${row.connection_id}\n${row.account.toLowerCase()}`;
const nowIso = (ctx: Context) => ctx.clock.now().toISOString();

function emit(ctx: Context, row: Pick<ActionRow, 'id' | 'contract_id'>, state: string) {
  ctx.events.emit('actions.updated', { id: row.id, contractId: row.contract_id, state });
}

export async function processQueue(ctx: Context, options: { wait: boolean }): Promise<{ started: number; reconciled: number }> {
  const state = stateOf(ctx.db);
  const before = state.started;
  const reconciled = await reconcileOrphans(ctx, state);
  pump(ctx, state);
  if (options.wait) {
    while (state.inFlight.size > 0) await Promise.all([...state.inFlight.values()]);
  }
  return { started: state.started - before, reconciled };
}

/** Actions that may start now: queued, due, their dependency succeeded (the account check is the caller's). */
function dueActions(ctx: Context): ActionRow[] {
  return ctx.db
    .prepare<{ now: string }, ActionRow>(
      `SELECT a.* FROM panel_actions a LEFT JOIN panel_actions d ON d.id = a.depends_on
       WHERE a.state = 'queued' AND (a.next_attempt_at IS NULL OR a.next_attempt_at <= @now)
         AND (a.depends_on IS NULL OR d.state = 'succeeded')
       ORDER BY a.seq LIMIT 200`,
    )
    .all({ now: nowIso(ctx) });
}

/** Accounts with an action running, in this process or left running by one that stopped. */
function busyAccounts(ctx: Context, state: QueueState): Set<string> {
  const running = ctx.db.prepare<[], Pick<ActionRow, 'connection_id' | 'account'>>("SELECT connection_id, account FROM panel_actions WHERE state = 'running'").all();
  return new Set([...state.accounts, ...running.map(accountKey)]);
}

function pump(ctx: Context, state: QueueState): void {
  if (state.inFlight.size >= PARALLEL) return;
  const busy = busyAccounts(ctx, state);
  for (const row of dueActions(ctx)) {
    if (state.inFlight.size >= PARALLEL) return;
    const key = accountKey(row);
    if (busy.has(key)) continue;
    busy.add(key);
    // The intent, committed before anything is sent.
    const at = nowIso(ctx);
    ctx.transaction(() => {
      updateAction(ctx.db, row.id, at, { state: 'running', attempts: row.attempts + 1, started_at: at, next_attempt_at: null });
      ctx.audit.append({ action: 'panelAction.started', entity: 'contract', entityId: row.contract_id, data: { id: row.id, kind: row.kind, attempt: row.attempts + 1 } });
    });
    emit(ctx, row, 'running');
    state.accounts.add(key);
    state.started += 1;
    const running = execute(ctx, { ...row, state: 'running', attempts: row.attempts + 1 })
      .catch((error: unknown) => ctx.logger.error('a panel action could not record its outcome', error, { id: row.id }))
      .finally(() => {
        state.inFlight.delete(row.id);
        state.accounts.delete(key);
        // The next action of this account, or one that waited for this one, may start now.
        try {
          pump(ctx, state);
        } catch (error) {
          ctx.logger.error('the action queue could not look for the next action', error);
        }
      });
    state.inFlight.set(row.id, running);
  }
}

interface Done {
  answer: string;
  /** What was there before, for a later restore. */
  previous?: { bandwidth?: BandwidthSetting | null; packageName?: string | null };
}

async function execute(ctx: Context, row: ActionRow): Promise<void> {
  let redact = (text: string) => text;
  try {
    if (row.dry_run === 1) {
      succeed(ctx, row, { answer: `Dry run: would ${describeAction(row)} on ${getConnection(ctx.db, row.connection_id).name}. Nothing was sent.` }, false);
      return;
    }
    const connection = await adapterFor(ctx, row.connection_id);
    redact = connection.redact;
    const done = await perform(ctx, connection.adapter, row);
    succeed(ctx, row, { ...done, answer: redact(done.answer) }, true);
  } catch (error) {
    fail(ctx, row, error, redact);
  }
}

export function describeAction(row: Pick<ActionRow, 'kind' | 'account' | 'params_json' | 'reason'>): string {
  const params = paramsOf(row);
  const bw = params.bandwidth;
  const limit = bw ? [bw.monthlyMb !== null ? `${bw.monthlyMb} MB a month` : null, bw.rateKBps !== null ? `${bw.rateKBps} KB/s` : null].filter(Boolean).join(' and ') || 'no limit' : 'no limit';
  switch (row.kind) {
    case 'limit_bandwidth':
      return `limit ${row.account} to ${limit}`;
    case 'restore_bandwidth':
      return `set ${row.account}'s bandwidth back to ${limit}`;
    case 'downgrade':
    case 'restore_package':
      return `move ${row.account} to the package ${params.packageName ?? ''}`;
    case 'backup':
      return `back up ${row.account}`;
    case 'suspend':
      return `suspend ${row.account}${row.reason ? ` (${row.reason})` : ''}`;
    case 'unsuspend':
      return `unsuspend ${row.account}`;
    case 'terminate':
      return `terminate ${row.account}`;
    case 'manual_backup':
      return `record a backup of ${row.account} made by hand`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the state before a change whose old value must be kept; remembered from the first attempt on. */
async function rememberBefore(ctx: Context, adapter: PanelAdapter, row: ActionRow): Promise<PanelAccountState | null> {
  if (row.previous_json !== null || PANEL_CAPABILITIES[adapter.kind].readState === 'none') return null;
  const before = await adapter.getState(row.account);
  const previous = row.kind === 'limit_bandwidth' ? { bandwidth: before.bandwidth } : { packageName: before.package };
  updateAction(ctx.db, row.id, nowIso(ctx), { previous_json: JSON.stringify(previous) });
  row.previous_json = JSON.stringify(previous);
  return before;
}

async function perform(ctx: Context, adapter: PanelAdapter, row: ActionRow): Promise<Done> {
  const params = paramsOf(row);
  const stored = () => (row.previous_json ? (JSON.parse(row.previous_json) as Done['previous']) : undefined);
  switch (row.kind) {
    case 'suspend':
      return confirmed(adapter, row, await adapter.suspend(row.account, row.reason ?? 'Suspended by HostLedger'));
    case 'unsuspend':
      return confirmed(adapter, row, await adapter.unsuspend(row.account));
    case 'terminate':
      return confirmed(adapter, row, await adapter.terminate(row.account));
    case 'limit_bandwidth': {
      await rememberBefore(ctx, adapter, row);
      const out = await adapter.limitBandwidth(row.account, params.bandwidth ?? { monthlyMb: null, rateKBps: null });
      return { answer: out.answer, previous: stored() ?? { bandwidth: out.previous } };
    }
    case 'restore_bandwidth':
      return { answer: (await adapter.restoreBandwidth(row.account, params.bandwidth ?? null)).answer };
    case 'downgrade': {
      await rememberBefore(ctx, adapter, row);
      const out = await adapter.changePackage(row.account, params.packageName ?? '');
      return { answer: out.answer, previous: stored() ?? { packageName: out.previous } };
    }
    case 'restore_package':
      return { answer: (await adapter.changePackage(row.account, params.packageName ?? '')).answer };
    case 'backup':
      return backUp(ctx, adapter, row);
    case 'manual_backup':
      throw new PanelError('unsupported', 'A backup made by hand is a record; nothing is sent.');
  }
}

/** Never a false success: where the panel's state can be trusted, the state read back must show the change. */
function confirmed(adapter: PanelAdapter, row: ActionRow, outcome: PanelOutcome): Done {
  if (PANEL_CAPABILITIES[adapter.kind].readState === 'yes' && !reached(row, outcome.state)) {
    throw new PanelError('refused', `The panel answered success, but the account does not show it (${outcome.state.summary}).`, outcome.answer);
  }
  return { answer: outcome.answer };
}

async function backUp(ctx: Context, adapter: PanelAdapter, row: ActionRow): Promise<Done> {
  let ref = row.backup_ref;
  if (ref === null) {
    const start = await adapter.startBackup(row.account);
    if (start.done) return { answer: start.answer };
    ref = start.ref;
    // Kept, so a restart resumes polling this backup instead of starting another.
    updateAction(ctx.db, row.id, nowIso(ctx), { backup_ref: ref, answer: start.answer });
  }
  const deadline = Date.now() + queueTiming.backupTimeoutMs;
  while (Date.now() < deadline) {
    await sleep(queueTiming.backupPollMs);
    const progress = await adapter.backupStatus(row.account, ref);
    if (progress.status === 'succeeded') return { answer: progress.answer };
    if (progress.status === 'failed') throw new PanelError('refused', `The panel reports the backup failed: ${progress.answer}`, progress.answer);
  }
  throw new PanelError('timeout', `The backup was still running after ${Math.round(queueTiming.backupTimeoutMs / 60_000)} minutes; it is polled again later.`);
}

const sameBandwidth = (a: BandwidthSetting | null | undefined, b: BandwidthSetting | null | undefined) =>
  (a?.monthlyMb ?? null) === (b?.monthlyMb ?? null) && (a?.rateKBps ?? null) === (b?.rateKBps ?? null);

/** Whether the panel already shows what the action wanted (used to reconcile after a restart). */
function reached(row: ActionRow, state: PanelAccountState): boolean {
  const params = paramsOf(row);
  switch (row.kind) {
    case 'suspend':
      return state.exists && state.suspended;
    case 'unsuspend':
      return state.exists && !state.suspended;
    case 'terminate':
      return !state.exists;
    case 'limit_bandwidth':
      return state.bandwidth !== null && sameBandwidth(state.bandwidth, params.bandwidth);
    case 'restore_bandwidth':
      return state.bandwidth !== null && sameBandwidth(state.bandwidth, params.bandwidth);
    case 'downgrade':
    case 'restore_package':
      return state.package !== null && state.package === params.packageName;
    case 'backup':
    case 'manual_backup':
      return false;
  }
}

/** Whether a bandwidth limit or a restriction package is still in place on the contract. */
export function restrictionsInPlace(db: Db, contractId: string): boolean {
  return lastSucceeded(db, contractId, ['limit_bandwidth', 'restore_bandwidth'])?.kind === 'limit_bandwidth' || lastSucceeded(db, contractId, ['downgrade', 'restore_package'])?.kind === 'downgrade';
}

/** The contract's status in the book once the action has changed the panel. */
function bookStatusAfter(db: Db, row: ActionRow, current: ContractStatus): ContractStatus {
  const restricted = () => restrictionsInPlace(db, row.contract_id);
  switch (row.kind) {
    case 'suspend':
      return current === 'active' || current === 'restricted' ? 'suspended' : current;
    case 'unsuspend':
      return current === 'suspended' ? (restricted() ? 'restricted' : 'active') : current;
    case 'limit_bandwidth':
    case 'downgrade':
      return current === 'active' ? 'restricted' : current;
    case 'restore_bandwidth':
    case 'restore_package':
      return current === 'restricted' && !restricted() ? 'active' : current;
    case 'terminate':
      return current === 'active' || current === 'restricted' || current === 'suspended' ? 'terminated' : current;
    default:
      return current;
  }
}

function succeed(ctx: Context, row: ActionRow, done: Done, changesBook: boolean): void {
  const at = nowIso(ctx);
  let contractChanged = false;
  ctx.transaction(() => {
    updateAction(ctx.db, row.id, at, {
      state: 'succeeded',
      answer: done.answer,
      finished_at: at,
      error_kind: null,
      error_message: null,
      ...(done.previous ? { previous_json: JSON.stringify(done.previous) } : {}),
    });
    ctx.audit.append({ action: 'panelAction.succeeded', entity: 'contract', entityId: row.contract_id, data: { id: row.id, kind: row.kind, dryRun: row.dry_run === 1 } });
    if (!changesBook) return;
    const contract = ctx.contracts.get(row.contract_id);
    if (!contract) return;
    const status = bookStatusAfter(ctx.db, row, contract.status);
    if (status === contract.status) return;
    const reason = `${row.kind.replace('_', ' ')} on the panel${row.reason ? `: ${row.reason}` : ''}`;
    ctx.contracts.update({ ...contract, status, ...(status === 'terminated' ? { autoRenew: false, endReason: reason } : {}) }, contract.status, at, ctx.actor, reason);
    ctx.audit.append({ action: 'contract.statusFromPanel', entity: 'contract', entityId: contract.id, data: { from: contract.status, to: status, actionId: row.id } });
    contractChanged = true;
  });
  emit(ctx, row, 'succeeded');
  if (contractChanged) {
    const contract = ctx.contracts.get(row.contract_id)!;
    ctx.events.emit('contracts.changed', { id: contract.id, clientId: contract.clientId });
  }
}

function fail(ctx: Context, row: ActionRow, error: unknown, redact: (text: string) => string): void {
  const panelError = error instanceof PanelError ? error : null;
  if (!panelError) ctx.logger.error('a panel action failed unexpectedly', error, { id: row.id });
  const kind = panelError?.kind ?? 'internal';
  const message = redact(panelError?.message ?? 'HostLedger failed inside while doing this action; the log has the details.');
  const answer = panelError?.answer ? redact(panelError.answer) : null;
  const retry = panelError?.retryable === true && row.attempts < MAX_ATTEMPTS;
  const at = nowIso(ctx);
  ctx.transaction(() => {
    updateAction(ctx.db, row.id, at, {
      state: retry ? 'queued' : 'failed',
      error_kind: kind,
      error_message: message,
      ...(answer !== null ? { answer } : {}),
      next_attempt_at: retry ? new Date(ctx.clock.now().getTime() + backoffMs(row.attempts)).toISOString() : null,
      finished_at: retry ? null : at,
    });
    ctx.audit.append({ action: retry ? 'panelAction.willRetry' : 'panelAction.failed', entity: 'contract', entityId: row.contract_id, data: { id: row.id, kind: row.kind, failure: kind, attempt: row.attempts } });
  });
  emit(ctx, row, retry ? 'queued' : 'failed');
}

async function reconcileOrphans(ctx: Context, state: QueueState): Promise<number> {
  const orphans = ctx.db
    .prepare<[], ActionRow>("SELECT * FROM panel_actions WHERE state = 'running' ORDER BY seq")
    .all()
    .filter((row) => !state.inFlight.has(row.id));
  let reconciled = 0;
  for (const row of orphans) {
    const key = accountKey(row);
    if (state.accounts.has(key)) continue;
    state.accounts.add(key);
    try {
      if (await reconcile(ctx, row)) reconciled += 1;
    } catch (error) {
      // Unreadable now: left running (the account stays blocked) and tried again on the next pass.
      ctx.logger.log('warn', 'a panel action cut off by a restart could not be reconciled yet', { id: row.id, failure: error instanceof Error ? error.message : String(error) });
    } finally {
      state.accounts.delete(key);
    }
  }
  return reconciled;
}

async function reconcile(ctx: Context, row: ActionRow): Promise<boolean> {
  const at = nowIso(ctx);
  const requeue = (answer: string, extra: Partial<ActionRow> = {}) => {
    ctx.transaction(() => {
      updateAction(ctx.db, row.id, at, { state: 'queued', answer, next_attempt_at: null, ...extra });
      ctx.audit.append({ action: 'panelAction.reconciled', entity: 'contract', entityId: row.contract_id, data: { id: row.id, outcome: 'queued' } });
    });
    emit(ctx, row, 'queued');
    return true;
  };
  const failNow = (message: string) => {
    ctx.transaction(() => {
      updateAction(ctx.db, row.id, at, { state: 'failed', error_kind: 'interrupted', error_message: message, finished_at: at });
      ctx.audit.append({ action: 'panelAction.reconciled', entity: 'contract', entityId: row.contract_id, data: { id: row.id, outcome: 'failed' } });
    });
    emit(ctx, row, 'failed');
    return true;
  };
  // Nothing was sent for a dry run: run it again.
  if (row.dry_run === 1) return requeue('HostLedger stopped during this dry run; it runs again.');
  if (row.kind === 'backup') {
    if (row.backup_ref !== null) return requeue('HostLedger stopped while the backup ran; the same backup is polled again.');
    return failNow('HostLedger stopped while starting this backup, before the panel named it. Look for a new backup on the panel before retrying.');
  }
  const { adapter, redact } = await adapterFor(ctx, row.connection_id);
  if (PANEL_CAPABILITIES[adapter.kind].readState === 'none') {
    return failNow('HostLedger stopped during this action and this panel cannot be read back to confirm it. Check by hand, then retry or cancel.');
  }
  const found = await adapter.getState(row.account);
  if (reached(row, found)) {
    const previous = row.previous_json ? (JSON.parse(row.previous_json) as Done['previous']) : undefined;
    succeed(ctx, getActionRow(ctx.db, row.id)!, { answer: redact(`Found done on the panel after HostLedger restarted: ${found.summary}`), previous }, true);
    return true;
  }
  // Not done: queued again. Adapters read the state before acting, so running it again sends the change at most once.
  return requeue(redact(`Not done on the panel after HostLedger restarted (${found.summary}); queued again.`));
}
