// Clients in SQLite: plain functions over an explicit db handle. Rows are mapped to the contract's
// Client shape here and nowhere else.
import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Address, Client, ClientListItem, ClientSearchOrder } from '../../../shared/domain/client.js';
import { BAND_SCORES, type RiskBand } from '../../../shared/risk/model.js';
import { indexTerms, matchExpression, sortKey } from '../search/searchTerms.js';

interface ClientRow {
  seq: number;
  id: string;
  name: string;
  company: string | null;
  contact_name: string | null;
  email: string | null;
  billing_email: string | null;
  phone: string | null;
  address_json: string | null;
  country: string | null;
  tax_id: string | null;
  language: Client['language'];
  currency: string;
  channels_json: string;
  notes: string | null;
  tags_json: string;
  tax_rate_id: string | null;
  tax_exempt_reason: string | null;
  prepay: 0 | 1;
  status: Client['status'];
  version: number;
  created_at: string;
  updated_at: string;
}

export type ClientRecord = Omit<Client, 'version' | 'createdAt' | 'updatedAt' | 'status'>;

function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    contactName: row.contact_name,
    email: row.email,
    billingEmail: row.billing_email,
    phone: row.phone,
    address: row.address_json ? (JSON.parse(row.address_json) as Address) : null,
    country: row.country,
    taxId: row.tax_id,
    language: row.language,
    currency: row.currency,
    channels: JSON.parse(row.channels_json) as Client['channels'],
    notes: row.notes,
    tags: JSON.parse(row.tags_json) as string[],
    taxRateId: row.tax_rate_id,
    taxExemptReason: row.tax_exempt_reason,
    prepay: row.prepay === 1,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface ClientListRow extends ClientRow {
  risk_score: number | null;
  risk_band: RiskBand | null;
  risk_current: 0 | 1 | null;
}

function toListItem(row: ClientListRow): ClientListItem {
  const risk = row.risk_score === null || row.risk_band === null ? null : { score: row.risk_score, band: row.risk_band, current: row.risk_current === 1 };
  return { ...toClient(row), risk };
}

function toRow(client: ClientRecord) {
  return {
    id: client.id,
    name: client.name,
    sort_name: sortKey(client.name),
    company: client.company,
    contact_name: client.contactName,
    email: client.email,
    billing_email: client.billingEmail,
    phone: client.phone,
    address_json: client.address ? JSON.stringify(client.address) : null,
    country: client.country,
    tax_id: client.taxId,
    language: client.language,
    currency: client.currency,
    channels_json: JSON.stringify(client.channels),
    notes: client.notes,
    tags_json: JSON.stringify(client.tags),
    tax_rate_id: client.taxRateId,
    tax_exempt_reason: client.taxExemptReason,
    prepay: client.prepay ? 1 : 0,
  };
}

/** Where a page ended: the last client's place in the name order, or in the risk order. */
type Cursor = { order: 'name'; sortName: string; id: string } | { order: 'risk'; score: number; id: string };

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor.order === 'name' ? [cursor.sortName, cursor.id] : [cursor.score, cursor.id])).toString('base64url');

function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      if (typeof value[0] === 'string') return { order: 'name', sortName: value[0], id: value[1] };
      if (Number.isInteger(value[0]) && value[0] >= 0 && value[0] <= 100) return { order: 'risk', score: value[0] as number, id: value[1] };
    }
  } catch {
    // fall through: a cursor we did not hand out
  }
  return null;
}

export interface ClientPage {
  items: ClientListItem[];
  nextCursor: string | null;
}

export interface ClientFilters {
  query: string;
  status: Client['status'] | 'all';
  tag?: string;
  currency?: string;
  country?: string;
  band?: RiskBand;
  order: ClientSearchOrder;
}

export type ClientRepository = ReturnType<typeof createClientRepository>;

export interface ClientRepositoryOptions {
  /** Above this many index matches a search walks the name order instead (tests lower it). */
  denseMatches?: number;
}

export function createClientRepository(db: Db, options: ClientRepositoryOptions = {}) {
  const COLUMNS = 'id, name, sort_name, company, contact_name, email, billing_email, phone, address_json, country, tax_id, language, currency, channels_json, notes, tags_json, tax_rate_id, tax_exempt_reason, prepay';
  const insertClient = db.prepare(
    `INSERT INTO clients (${COLUMNS}, created_at, updated_at) VALUES (@id, @name, @sort_name, @company, @contact_name, @email, @billing_email, @phone, @address_json, @country, @tax_id, @language, @currency, @channels_json, @notes, @tags_json, @tax_rate_id, @tax_exempt_reason, @prepay, @at, @at)`,
  );
  const updateClient = db.prepare(
    `UPDATE clients SET name = @name, sort_name = @sort_name, company = @company, contact_name = @contact_name, email = @email, billing_email = @billing_email,
       phone = @phone, address_json = @address_json, country = @country, tax_id = @tax_id, language = @language, currency = @currency,
       channels_json = @channels_json, notes = @notes, tags_json = @tags_json, tax_rate_id = @tax_rate_id,
       tax_exempt_reason = @tax_exempt_reason, prepay = @prepay, version = version + 1, updated_at = @at
     WHERE id = @id`,
  );
  const updateStatus = db.prepare('UPDATE clients SET status = ?, version = version + 1, updated_at = ? WHERE id = ?');
  const insertTerms = db.prepare('INSERT INTO client_search (rowid, terms) VALUES (?, ?)');
  const deleteTerms = db.prepare('DELETE FROM client_search WHERE rowid = ?');
  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ?');
  const moneyOrContracts = db.prepare<[string, string, string], number>(
    'SELECT 1 WHERE EXISTS (SELECT 1 FROM contracts WHERE client_id = ?) OR EXISTS (SELECT 1 FROM invoices WHERE client_id = ?) OR EXISTS (SELECT 1 FROM payments WHERE client_id = ?)',
  ).pluck();
  const contractLabels = db.prepare<[string], string>('SELECT label FROM contracts WHERE client_id = ? ORDER BY seq').pluck();

  /** The words a client is found by: name, company, emails, tags and the domains of their contracts. */
  const fieldsOf = (client: ClientRecord, labels: readonly string[]) => [client.name, client.company, client.email, client.billingEmail, ...client.tags, ...labels];
  const writeTerms = (seq: number | bigint, client: ClientRecord) => {
    deleteTerms.run(seq);
    insertTerms.run(seq, indexTerms(fieldsOf(client, contractLabels.all(client.id))));
  };

  // Filtered listings are built from a fixed set of clauses; only values are bound, never spliced.
  // A query matching few clients sorts just those. One matching many (a one-letter prefix,
  // "gmail") walks the name index — which holds status, name and row id, so no client row is
  // read — keeping the matches, and stops after a page: sorting 100,000 whole rows is what is slow.
  const denseMatches = options.denseMatches ?? 2000;
  const countMatches = db.prepare<[string, number], number>('SELECT count(*) FROM (SELECT rowid FROM client_search WHERE client_search MATCH ? LIMIT ?)').pluck();
  const statements = new Map<string, Database.Statement<Record<string, unknown>, ClientListRow>>();
  // The stored score rides along by primary key: a page reads at most `limit` of them.
  const RISK_COLUMNS = 'r.score AS risk_score, r.band AS risk_band, (r.stale = 0 AND r.scored_on >= @today) AS risk_current';
  const listing = (filters: ClientFilters, match: 'none' | 'few' | 'many') => {
    const byRisk = filters.order !== 'name';
    const riskiest = filters.order === 'riskiest';
    const where = [
      byRisk
        ? `(@score IS NULL OR (r.score, r.client_id) ${riskiest ? '<' : '>'} (@score, @id))`
        : '(@sortName IS NULL OR (c.sort_name, c.id) > (@sortName, @id))',
    ];
    // Walking the score index, the matches are a set each client is looked up in (the unary plus
    // keeps SQLite from instead looping over every match for every score it walks).
    const walksScores = byRisk && match !== 'few';
    if (match !== 'none') where.push(`${walksScores ? '+' : ''}c.seq IN (SELECT rowid FROM client_search WHERE client_search MATCH @match)`);
    if (filters.status !== 'all') where.push('c.status = @status');
    if (filters.tag) where.push('EXISTS (SELECT 1 FROM json_each(c.tags_json) t WHERE lower(t.value) = lower(@tag))');
    if (filters.currency) where.push('c.currency = @currency');
    if (filters.country) where.push('c.country = @country');
    if (filters.band) where.push('r.score BETWEEN @bandFrom AND @bandTo');
    let sql: string;
    if (byRisk) {
      // Few matches: sort just those. Otherwise walk the score index (within the band's scores when
      // filtered) from the riskiest or safest end, checking each client, and stop after a page — as
      // the name order does.
      const direction = riskiest ? 'DESC' : 'ASC';
      const walk = walksScores ? 'INDEXED BY risk_scores_by_score' : '';
      sql = `SELECT c.*, ${RISK_COLUMNS} FROM risk_scores r ${walk} JOIN clients c ON c.id = r.client_id WHERE ${where.join(' AND ')} ORDER BY r.score ${direction}, r.client_id ${direction} LIMIT @limit`;
    } else {
      const order = 'ORDER BY c.sort_name, c.id LIMIT @limit';
      const coveringIndex = filters.status === 'all' ? 'clients_by_name' : 'clients_by_status_name';
      const onlyIndexedFilters = !filters.tag && !filters.currency && !filters.country && !filters.band;
      const join = filters.band ? 'JOIN risk_scores r ON r.client_id = c.id' : 'LEFT JOIN risk_scores r ON r.client_id = c.id';
      sql =
        match === 'many' && onlyIndexedFilters
          ? `SELECT c.*, ${RISK_COLUMNS} FROM clients c ${join} WHERE c.seq IN (SELECT c.seq FROM clients c INDEXED BY ${coveringIndex} WHERE ${where.join(' AND ')} ${order}) ORDER BY c.sort_name, c.id`
          : `SELECT c.*, ${RISK_COLUMNS} FROM clients c ${join} WHERE ${where.join(' AND ')} ${order}`;
    }
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<Record<string, unknown>, ClientListRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    get(id: string): Client | null {
      const row = byId.get(id);
      return row ? toClient(row) : null;
    },

    insert(client: ClientRecord, at: string): Client {
      const { lastInsertRowid } = insertClient.run({ ...toRow(client), at });
      // A new client has no contracts and no index entry yet.
      insertTerms.run(lastInsertRowid, indexTerms(fieldsOf(client, [])));
      return { ...client, status: 'active', version: 1, createdAt: at, updatedAt: at };
    },

    update(client: ClientRecord, at: string): Client {
      updateClient.run({ ...toRow(client), at });
      const row = byId.get(client.id)!;
      writeTerms(row.seq, client);
      return toClient(row);
    },

    setStatus(id: string, status: Client['status'], at: string): Client {
      updateStatus.run(status, at, id);
      return this.get(id)!;
    },

    /** Whether anything in the book is priced in the client's currency: then it may not change. */
    hasMoneyOrContracts: (id: string): boolean => moneyOrContracts.get(id, id, id) !== undefined,

    /** Re-reads what a client is found by, after their contracts changed. */
    refreshTerms(id: string): void {
      const row = byId.get(id);
      if (row) writeTerms(row.seq, toClient(row));
    },

    /** One page of the list; `today` tells which stored risk scores are still current. */
    search(filters: ClientFilters, limit: number, today: string, cursorText?: string): ClientPage {
      const cursor = cursorText ? decodeCursor(cursorText) : null;
      const match = matchExpression(filters.query);
      const density = match === null ? 'none' : countMatches.get(match, denseMatches + 1)! > denseMatches ? 'many' : 'few';
      // One row more than asked tells whether there is a next page.
      const rows = listing(filters, density).all({
        sortName: cursor?.order === 'name' ? cursor.sortName : null,
        score: cursor?.order === 'risk' ? cursor.score : null,
        id: cursor?.id ?? '',
        match,
        status: filters.status,
        tag: filters.tag ?? null,
        currency: filters.currency ?? null,
        country: filters.country ?? null,
        bandFrom: filters.band ? BAND_SCORES[filters.band].from : null,
        bandTo: filters.band ? BAND_SCORES[filters.band].to : null,
        today,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(toListItem);
      const last = items.at(-1);
      if (!(rows.length > limit && last)) return { items, nextCursor: null };
      return { items, nextCursor: encodeCursor(filters.order === 'name' ? { order: 'name', sortName: sortKey(last.name), id: last.id } : { order: 'risk', score: last.risk!.score, id: last.id }) };
    },
  };
}

/** Whether a cursor was handed out by a page in this order (a name cursor cannot continue a risk order). */
export const isValidCursor = (text: string, order: ClientSearchOrder) => decodeCursor(text)?.order === (order === 'name' ? 'name' : 'risk');
