// Panel connections in the book, their credentials in the secret store (`panel:<id>:<field>`),
// and the adapter for a connection, speaking through a transport pinned to the accepted certificate.
import { PANEL_CONNECTION_FIELDS, type ConnectablePanelKind } from '../../../shared/domain/panelCapabilities.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import type { Context } from '../context.js';
import type { Db } from '../db/database.js';
import { notFound } from '../errors.js';
import { PanelError, type PanelAdapter, type PanelCredentials } from './adapter.js';
import { adapterFactories } from './registry.js';
import { createPanelHttp, type PanelHttp } from './transport.js';

interface ConnectionRow {
  id: string;
  kind: ConnectablePanelKind;
  name: string;
  host: string;
  port: number;
  options_json: string;
  pinned_sha256: string | null;
  pinned_subject: string | null;
  pinned_valid_to: string | null;
  last_test_at: string | null;
  last_test_ok: 0 | 1 | null;
  last_test_message: string | null;
  version: number;
  linked: number;
}

export interface StoredConnection {
  id: string;
  kind: ConnectablePanelKind;
  name: string;
  host: string;
  port: number;
  options: Record<string, string>;
  protocol: 'https' | 'http';
  pinnedSha256: string | null;
  version: number;
}

/** A panel answers over plain HTTP only where its options say so (BT Panel's older installs, a webhook URL). */
const protocolOf = (options: Record<string, string>): 'https' | 'http' => (options.protocol === 'http' ? 'http' : 'https');

const SELECT = `SELECT p.*, (SELECT count(*) FROM contracts k WHERE k.panel_connection_id = p.id) AS linked FROM panel_connections p`;

export const secretName = (connectionId: string, field: string) => `panel:${connectionId}:${field}`;

const toStored = (row: ConnectionRow): StoredConnection => {
  const options = JSON.parse(row.options_json) as Record<string, string>;
  return { id: row.id, kind: row.kind, name: row.name, host: row.host, port: row.port, options, protocol: protocolOf(options), pinnedSha256: row.pinned_sha256, version: row.version };
};

export function connectionRows(db: Db) {
  return {
    all: () => db.prepare<[], ConnectionRow>(`${SELECT} ORDER BY p.name`).all(),
    get: (id: string) => db.prepare<[string], ConnectionRow>(`${SELECT} WHERE p.id = ?`).get(id),
  };
}

export function getConnection(db: Db, id: string): StoredConnection {
  const row = connectionRows(db).get(id);
  if (!row) throw notFound('Panel connection', id);
  return toStored(row);
}

/** The answer for the renderer: which credential fields are set, never a value. */
export async function describeConnection(ctx: Context, id: string): Promise<PanelConnection> {
  const row = connectionRows(ctx.db).get(id);
  if (!row) throw notFound('Panel connection', id);
  return describeRow(row, await ctx.secrets.names());
}

export function describeRow(row: ConnectionRow, secretNames: readonly string[]): PanelConnection {
  const stored = toStored(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    host: row.host,
    port: row.port,
    options: stored.options,
    protocol: stored.protocol,
    pinned: row.pinned_sha256 ? { sha256: row.pinned_sha256, subject: row.pinned_subject ?? '', validTo: row.pinned_valid_to ?? '' } : null,
    lastTest: row.last_test_at ? { at: row.last_test_at, ok: row.last_test_ok === 1, message: row.last_test_message ?? '' } : null,
    credentialsSet: PANEL_CONNECTION_FIELDS[row.kind].credentials.filter((field) => secretNames.includes(secretName(row.id, field))),
    linkedContracts: row.linked,
    version: row.version,
  };
}

export async function readCredentials(ctx: Context, connection: { id: string; kind: ConnectablePanelKind }): Promise<PanelCredentials> {
  const credentials: PanelCredentials = {};
  for (const field of PANEL_CONNECTION_FIELDS[connection.kind].credentials) {
    const value = await ctx.secrets.get(secretName(connection.id, field));
    if (value !== undefined) credentials[field] = value;
  }
  return credentials;
}

const PANEL_TIMEOUT_MS = 30_000;

/** The pinned transport of a connection; refuses an https connection that has no pin yet. */
export function pinnedHttp(ctx: Context, connection: StoredConnection, credentials: PanelCredentials): PanelHttp {
  if (connection.protocol === 'https' && !connection.pinnedSha256) {
    throw new PanelError('certificate', `${connection.name} has no pinned certificate yet: probe it and pin the fingerprint first. Nothing was sent.`);
  }
  return createPanelHttp({
    protocol: connection.protocol,
    host: connection.host,
    port: connection.port,
    pinnedSha256: connection.pinnedSha256,
    timeoutMs: PANEL_TIMEOUT_MS,
    secrets: Object.values(credentials),
    logger: ctx.logger,
    connectionId: connection.id,
  });
}

/** Adapters by connection and version: a changed or re-pinned connection gets a fresh one. */
const adapterCache = new WeakMap<Db, Map<string, { version: number; adapter: PanelAdapter; redact: (text: string) => string }>>();

/** The connection's adapter, and a redactor that removes its credentials from any text. */
export async function adapterFor(ctx: Context, connectionId: string): Promise<{ adapter: PanelAdapter; redact: (text: string) => string }> {
  const connection = getConnection(ctx.db, connectionId);
  let cache = adapterCache.get(ctx.db);
  if (!cache) adapterCache.set(ctx.db, (cache = new Map()));
  const cached = cache.get(connectionId);
  if (cached && cached.version === connection.version) return cached;
  const factory = adapterFactories[connection.kind];
  if (!factory) throw new PanelError('unsupported', `This version of HostLedger cannot talk to ${connection.kind} panels yet.`);
  const credentials = await readCredentials(ctx, connection);
  const http = pinnedHttp(ctx, connection, credentials);
  const adapter = factory({ config: { kind: connection.kind, host: connection.host, port: connection.port, options: connection.options }, credentials, http });
  const entry = { version: connection.version, adapter, redact: http.redact };
  cache.set(connectionId, entry);
  return entry;
}

/** The adapter's own check of an account reference, without credentials or a network call. */
export function checkAccountFor(kind: ConnectablePanelKind, account: string): string | null {
  const factory = adapterFactories[kind];
  if (!factory) return null;
  const idle: PanelHttp = {
    request: () => Promise.reject(new PanelError('unsupported', 'Not connected.')),
    redact: (text) => text,
  };
  return factory({ config: { kind, host: 'localhost', port: 1, options: {} }, credentials: {}, http: idle }).checkAccount(account);
}

/** Drops cached adapters of a connection (after an edit, a pin or a delete). */
export function forgetAdapter(db: Db, connectionId: string): void {
  adapterCache.get(db)?.delete(connectionId);
}
