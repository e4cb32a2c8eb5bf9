// Contracts in SQLite, with their status history and the words the contracts view searches.
import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import { LIVE_STATUSES, type Contract, type ContractStatus } from '../../../shared/domain/contract.js';
import { indexTerms, matchExpression } from '../search/searchTerms.js';

interface ContractRow {
  seq: number;
  id: string;
  client_id: string;
  client_name: string;
  plan_id: string | null;
  plan_name: string | null;
  kind: Contract['kind'];
  label: string;
  panel_kind: Contract['panelKind'];
  panel_account: string | null;
  price_minor: number;
  currency: string;
  cycle: Contract['cycle'];
  pricing_model: Contract['pricingModel'];
  tiers_json: string | null;
  unit_label: string | null;
  start_date: string;
  next_due_date: string;
  end_date: string | null;
  expires_on: string | null;
  auto_renew: 0 | 1;
  terms_text: string | null;
  terms_version: string | null;
  signed_date: string | null;
  term_review_date: string | null;
  notes: string | null;
  status: ContractStatus;
  end_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What a handler decides; the names of client and plan are looked up, the bookkeeping fields are set here. */
export type ContractRecord = Omit<Contract, 'clientName' | 'planName' | 'version' | 'createdAt' | 'updatedAt'>;

/** What of a contract is written back: the contract without what the view adds. */
export function recordOf(contract: Contract): ContractRecord {
  const { clientName: _c, planName: _p, version: _v, createdAt: _a, updatedAt: _u, ...record } = contract;
  return record;
}

const toContract = (row: ContractRow): Contract => ({
  id: row.id,
  clientId: row.client_id,
  clientName: row.client_name,
  planId: row.plan_id,
  planName: row.plan_name,
  kind: row.kind,
  label: row.label,
  panelKind: row.panel_kind,
  panelAccount: row.panel_account,
  priceMinor: row.price_minor,
  currency: row.currency,
  cycle: row.cycle,
  pricingModel: row.pricing_model,
  tiers: row.tiers_json ? (JSON.parse(row.tiers_json) as Contract['tiers']) : null,
  unitLabel: row.unit_label,
  startDate: row.start_date,
  nextDueDate: row.next_due_date,
  endDate: row.end_date,
  expiresOn: row.expires_on,
  autoRenew: row.auto_renew === 1,
  termsText: row.terms_text,
  termsVersion: row.terms_version,
  signedDate: row.signed_date,
  termReviewDate: row.term_review_date,
  notes: row.notes,
  status: row.status,
  endReason: row.end_reason,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRow = (c: ContractRecord) => ({
  id: c.id,
  client_id: c.clientId,
  plan_id: c.planId,
  kind: c.kind,
  label: c.label,
  panel_kind: c.panelKind,
  panel_account: c.panelAccount,
  price_minor: c.priceMinor,
  currency: c.currency,
  cycle: c.cycle,
  pricing_model: c.pricingModel,
  tiers_json: c.tiers ? JSON.stringify(c.tiers) : null,
  unit_label: c.unitLabel,
  start_date: c.startDate,
  next_due_date: c.nextDueDate,
  end_date: c.endDate,
  expires_on: c.expiresOn,
  auto_renew: c.autoRenew ? 1 : 0,
  terms_text: c.termsText,
  terms_version: c.termsVersion,
  signed_date: c.signedDate,
  term_review_date: c.termReviewDate,
  notes: c.notes,
  status: c.status,
  end_reason: c.endReason,
});

export interface ContractFilters {
  query: string;
  clientId?: string;
  status?: ContractStatus[];
  kind?: Contract['kind'][];
  panelKind?: Contract['panelKind'][];
  /** Live contracts due on or before this date. */
  dueBy?: string;
  /** Contracts whose term review is due on or before this date. */
  reviewBy?: string;
}

/** The live statuses as an SQL list, for `status IN …`. */
export const LIVE_SQL = `(${LIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const SELECT = `SELECT k.*, c.name AS client_name, p.name AS plan_name FROM contracts k JOIN clients c ON c.id = k.client_id LEFT JOIN plans p ON p.id = k.plan_id`;

const encodeCursor = (row: { nextDueDate: string; id: string }) => Buffer.from(JSON.stringify([row.nextDueDate, row.id])).toString('base64url');

export function decodeContractCursor(text: string): { due: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { due: value[0], id: value[1] };
  } catch {
    // not a cursor we handed out
  }
  return null;
}

export type ContractRepository = ReturnType<typeof createContractRepository>;

export function createContractRepository(db: Db) {
  // The column list follows toRow, so a field added there is written everywhere.
  const COLUMNS = Object.keys(toRow({} as ContractRecord));
  const insert = db.prepare(
    `INSERT INTO contracts (${COLUMNS.join(', ')}, created_at, updated_at) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE contracts SET ${COLUMNS.filter((c) => c !== 'id' && c !== 'client_id').map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @at WHERE id = @id`,
  );
  const byId = db.prepare<[string], ContractRow>(`${SELECT} WHERE k.id = ?`);
  const byClient = db.prepare<[string], ContractRow>(
    `${SELECT} WHERE k.client_id = ? ORDER BY k.status NOT IN ${LIVE_SQL}, k.next_due_date, k.id`,
  );
  const liveCount = db.prepare<[string], number>(`SELECT count(*) FROM contracts WHERE client_id = ? AND status IN ${LIVE_SQL}`).pluck();
  const livePanelAccount = db.prepare<[string, string, string], ContractRow>(
    `${SELECT} WHERE k.panel_kind = ? AND lower(k.panel_account) = lower(?) AND k.status IN ${LIVE_SQL} AND k.id <> ? LIMIT 1`,
  );
  const insertHistory = db.prepare(
    'INSERT INTO contract_status_history (contract_id, from_status, to_status, at, reason, actor) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const history = db.prepare<[string], { from_status: ContractStatus | null; to_status: ContractStatus; at: string; reason: string | null; actor: string }>(
    'SELECT from_status, to_status, at, reason, actor FROM contract_status_history WHERE contract_id = ? ORDER BY seq',
  );
  const seqOf = db.prepare<[string], number>('SELECT seq FROM contracts WHERE id = ?').pluck();
  const idsOfClient = db.prepare<[string], string>('SELECT id FROM contracts WHERE client_id = ?').pluck();
  const deleteTerms = db.prepare('DELETE FROM contract_search WHERE rowid = ?');
  const insertTerms = db.prepare('INSERT INTO contract_search (rowid, terms) VALUES (?, ?)');

  const termsOf = (row: { label: string; panel_account: string | null; client_name: string; plan_name: string | null }) =>
    indexTerms([row.label, row.panel_account, row.client_name, row.plan_name]);
  const writeTerms = (id: string) => {
    const row = byId.get(id)!;
    deleteTerms.run(row.seq);
    insertTerms.run(row.seq, termsOf(row));
  };

  const statements = new Map<string, Database.Statement<Record<string, unknown>, ContractRow>>();
  const listing = (filters: ContractFilters, match: boolean) => {
    const where = ['(@due IS NULL OR (k.next_due_date, k.id) > (@due, @id))'];
    if (match) where.push('k.seq IN (SELECT rowid FROM contract_search WHERE contract_search MATCH @match)');
    if (filters.clientId) where.push('k.client_id = @clientId');
    // Lists of enum values are checked by the schema; bound as one JSON array.
    if (filters.status?.length) where.push('k.status IN (SELECT value FROM json_each(@status))');
    if (filters.kind?.length) where.push('k.kind IN (SELECT value FROM json_each(@kind))');
    if (filters.panelKind?.length) where.push('k.panel_kind IN (SELECT value FROM json_each(@panelKind))');
    if (filters.dueBy) where.push(`k.next_due_date <= @dueBy AND k.status IN ${LIVE_SQL}`);
    if (filters.reviewBy) where.push('k.term_review_date <= @reviewBy');
    const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY k.next_due_date, k.id LIMIT @limit`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<Record<string, unknown>, ContractRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    get(id: string): Contract | null {
      const row = byId.get(id);
      return row ? toContract(row) : null;
    },
    statusHistory(id: string) {
      return history.all(id).map((h) => ({ from: h.from_status, to: h.to_status, at: h.at, reason: h.reason, actor: h.actor }));
    },
    listByClient: (clientId: string): Contract[] => byClient.all(clientId).map(toContract),
    countLive: (clientId: string): number => liveCount.get(clientId) ?? 0,
    /** Another live contract holding this panel account, if any. */
    findLiveByPanelAccount(panelKind: string, account: string, exceptId = ''): Contract | null {
      const row = livePanelAccount.get(panelKind, account, exceptId);
      return row ? toContract(row) : null;
    },
    /** `names` are the client's and the plan's, which the caller has in hand: contracts are found by them. */
    insert(contract: ContractRecord, names: { clientName: string; planName: string | null }, at: string, actor: string): Contract {
      const row = toRow(contract);
      const { lastInsertRowid } = insert.run({ ...row, at });
      insertHistory.run(contract.id, null, contract.status, at, null, actor);
      insertTerms.run(lastInsertRowid, termsOf({ ...row, client_name: names.clientName, plan_name: names.planName }));
      return { ...contract, ...names, version: 1, createdAt: at, updatedAt: at };
    },
    /** Saves a changed contract; a status change is added to its history with the reason. */
    update(contract: ContractRecord, previousStatus: ContractStatus, at: string, actor: string, reason: string | null = null): Contract {
      update.run({ ...toRow(contract), at });
      if (contract.status !== previousStatus) insertHistory.run(contract.id, previousStatus, contract.status, at, reason, actor);
      writeTerms(contract.id);
      return this.get(contract.id)!;
    },
    /** After a client is renamed: the contracts view finds contracts by their client's name. */
    refreshTermsOfClient(clientId: string): void {
      for (const id of idsOfClient.all(clientId)) writeTerms(id);
    },
    search(filters: ContractFilters, limit: number, cursorText?: string) {
      const cursor = cursorText ? decodeContractCursor(cursorText) : null;
      const match = matchExpression(filters.query);
      const rows = listing(filters, match !== null).all({
        due: cursor?.due ?? null,
        id: cursor?.id ?? '',
        match,
        clientId: filters.clientId ?? null,
        status: JSON.stringify(filters.status ?? []),
        kind: JSON.stringify(filters.kind ?? []),
        panelKind: JSON.stringify(filters.panelKind ?? []),
        dueBy: filters.dueBy ?? null,
        reviewBy: filters.reviewBy ?? null,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(toContract);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },
    exists: (id: string) => seqOf.get(id) !== undefined,
  };
}
