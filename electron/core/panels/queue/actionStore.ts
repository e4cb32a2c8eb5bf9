// Panel actions in SQLite: the rows the queue writes (intent, then outcome) and the view the
// actions page reads. Plain functions over the book.
import type { PanelActionView } from '../../../../shared/api/actions.js';
import { APPROVAL_SETTING_KINDS, DEFAULT_APPROVALS, OPEN_ACTION_STATES, type ApprovalSettingKind, type PanelActionKind, type PanelActionState } from '../../../../shared/domain/panelAction.js';
import type { ConnectablePanelKind } from '../../../../shared/domain/panelCapabilities.js';
import type { Db } from '../../db/database.js';
import type { BandwidthSetting } from '../adapter.js';

export interface ActionParams {
  bandwidth?: BandwidthSetting | null;
  packageName?: string | null;
}

export interface ActionRow {
  seq: number;
  id: string;
  contract_id: string;
  connection_id: string;
  account: string;
  kind: PanelActionKind;
  state: PanelActionState;
  requested_by: string;
  reason: string | null;
  params_json: string;
  depends_on: string | null;
  no_backup: 0 | 1;
  approved_by: string | null;
  approved_at: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  dry_run: 0 | 1;
  attempts: number;
  next_attempt_at: string | null;
  backup_ref: string | null;
  previous_json: string | null;
  answer: string | null;
  error_kind: string | null;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

interface ViewRow extends ActionRow {
  contract_label: string;
  client_id: string;
  client_name: string;
  connection_name: string;
  panel_kind: ConnectablePanelKind;
  dep_kind: PanelActionKind | null;
  dep_state: PanelActionState | null;
}

const VIEW = `SELECT a.*, k.label AS contract_label, k.client_id, c.name AS client_name, p.name AS connection_name, p.kind AS panel_kind,
  d.kind AS dep_kind, d.state AS dep_state
  FROM panel_actions a JOIN contracts k ON k.id = a.contract_id JOIN clients c ON c.id = k.client_id
  JOIN panel_connections p ON p.id = a.connection_id LEFT JOIN panel_actions d ON d.id = a.depends_on`;

export const paramsOf = (row: Pick<ActionRow, 'params_json'>) => JSON.parse(row.params_json) as ActionParams;

function toView(row: ViewRow): PanelActionView {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractLabel: row.contract_label,
    clientId: row.client_id,
    clientName: row.client_name,
    connectionId: row.connection_id,
    connectionName: row.connection_name,
    panelKind: row.panel_kind,
    account: row.account,
    kind: row.kind,
    state: row.state,
    requestedBy: row.requested_by,
    reason: row.reason,
    params: paramsOf(row),
    dependsOn: row.depends_on && row.dep_kind && row.dep_state ? { id: row.depends_on, kind: row.dep_kind, state: row.dep_state } : null,
    noBackupPossible: row.no_backup === 1,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    awaitingConfirmation: row.kind === 'terminate' && row.state === 'pending_approval' && row.approved_by !== null,
    confirmedBy: row.confirmed_by,
    dryRun: row.dry_run === 1,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    answer: row.answer,
    error: row.error_kind ? { kind: row.error_kind, message: row.error_message ?? '' } : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function getActionRow(db: Db, id: string): ActionRow | undefined {
  return db.prepare<[string], ActionRow>('SELECT * FROM panel_actions WHERE id = ?').get(id);
}

export function viewAction(db: Db, id: string): PanelActionView {
  return toView(db.prepare<[string], ViewRow>(`${VIEW} WHERE a.id = ?`).get(id)!);
}

export function listActions(db: Db, filter: { states?: PanelActionState[]; contractId?: string; beforeSeq?: number; limit: number }) {
  const where = ['(@before IS NULL OR a.seq < @before)'];
  if (filter.states?.length) where.push('a.state IN (SELECT value FROM json_each(@states))');
  if (filter.contractId) where.push('a.contract_id = @contractId');
  const rows = db
    .prepare<Record<string, unknown>, ViewRow>(`${VIEW} WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT @limit`)
    .all({ before: filter.beforeSeq ?? null, states: JSON.stringify(filter.states ?? []), contractId: filter.contractId ?? null, limit: filter.limit + 1 });
  const items = rows.slice(0, filter.limit);
  const counts = Object.fromEntries(
    db
      .prepare<Record<string, unknown>, { state: string; n: number }>(`SELECT state, count(*) AS n FROM panel_actions WHERE (@contractId IS NULL OR contract_id = @contractId) GROUP BY state`)
      .all({ contractId: filter.contractId ?? null })
      .map((r) => [r.state, r.n]),
  );
  return { items: items.map(toView), nextCursor: rows.length > filter.limit ? String(items.at(-1)!.seq) : null, counts };
}

export interface NewAction {
  id: string;
  contractId: string;
  connectionId: string;
  account: string;
  kind: PanelActionKind;
  state: PanelActionState;
  requestedBy: string;
  reason: string | null;
  params: ActionParams;
  dependsOn: string | null;
  noBackup: boolean;
  dryRun: boolean;
  at: string;
}

export function insertAction(db: Db, a: NewAction): void {
  db.prepare(
    `INSERT INTO panel_actions (id, contract_id, connection_id, account, kind, state, requested_by, reason, params_json, depends_on, no_backup, dry_run, created_at, updated_at, finished_at)
     VALUES (@id, @contractId, @connectionId, @account, @kind, @state, @requestedBy, @reason, @params, @dependsOn, @noBackup, @dryRun, @at, @at, @finished)`,
  ).run({
    ...a,
    params: JSON.stringify(a.params),
    noBackup: a.noBackup ? 1 : 0,
    dryRun: a.dryRun ? 1 : 0,
    finished: a.state === 'succeeded' ? a.at : null,
  });
}

/** Sets columns of one action; `updated_at` always. */
export function updateAction(db: Db, id: string, at: string, fields: Partial<Omit<ActionRow, 'seq' | 'id' | 'updated_at'>>): void {
  const names = Object.keys(fields);
  db.prepare(`UPDATE panel_actions SET ${[...names.map((n) => `${n} = @${n}`), 'updated_at = @updated_at'].join(', ')} WHERE id = @id`).run({ ...fields, id, updated_at: at });
}

/** An open action of this kind on the contract already (asking twice queues nothing new). */
export function openActionOf(db: Db, contractId: string, kind: PanelActionKind): ActionRow | undefined {
  return db
    .prepare<[string, string], ActionRow>(`SELECT * FROM panel_actions WHERE contract_id = ? AND kind = ? AND state IN (${OPEN_ACTION_STATES.map((s) => `'${s}'`).join(', ')}) ORDER BY seq DESC LIMIT 1`)
    .get(contractId, kind);
}

/** The last action of a kind that really changed the panel (dry runs change nothing). */
export function lastSucceeded(db: Db, contractId: string, kinds: readonly PanelActionKind[]): ActionRow | undefined {
  return db
    .prepare<[string, string], ActionRow>(
      `SELECT * FROM panel_actions WHERE contract_id = ? AND kind IN (SELECT value FROM json_each(?)) AND state = 'succeeded' AND dry_run = 0 ORDER BY seq DESC LIMIT 1`,
    )
    .get(contractId, JSON.stringify(kinds));
}

export interface QueueSettings {
  approvals: Record<ApprovalSettingKind, boolean>;
  dryRun: boolean;
}

export function readQueueSettings(db: Db): QueueSettings {
  const row = db.prepare<[], { approvals_json: string; dry_run: 0 | 1 }>('SELECT approvals_json, dry_run FROM panel_queue_settings WHERE id = 1').get()!;
  const stored = JSON.parse(row.approvals_json) as Partial<Record<ApprovalSettingKind, boolean>>;
  const approvals = Object.fromEntries(APPROVAL_SETTING_KINDS.map((k) => [k, stored[k] ?? DEFAULT_APPROVALS[k]])) as Record<ApprovalSettingKind, boolean>;
  return { approvals, dryRun: row.dry_run === 1 };
}

export function writeQueueSettings(db: Db, settings: QueueSettings): void {
  db.prepare('UPDATE panel_queue_settings SET approvals_json = ?, dry_run = ? WHERE id = 1').run(JSON.stringify(settings.approvals), settings.dryRun ? 1 : 0);
}
