// The panels.* operations: connections with their secrets, first contact and pinning, the
// authenticated test, linking contracts, an account's live state and the drift report.
import type { panelMethods } from '../../../shared/api/panels.js';
import { LIVE_STATUSES } from '../../../shared/domain/contract.js';
import { PANEL_CONNECTION_FIELDS, type ConnectablePanelKind } from '../../../shared/domain/panelCapabilities.js';
import type { Context, HandlersOf } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { PanelError } from './adapter.js';
import { adapterFor, checkAccountFor, connectionRows, describeConnection, describeRow, getConnection, secretName } from './connections.js';
import { driftReport, fixDrift } from './drift.js';
import { normalizeFingerprint, probeCertificate } from './transport.js';
import { connectionIdOf, linkedAccount } from './queue/requestActions.js';

/** A panel failure as the API reports it: code panel_error, the panel's sentence, its kind. */
export const panelFailure = (error: unknown): never => {
  if (error instanceof PanelError) throw new ApiError('panel_error', error.message, { kind: error.kind });
  throw error;
};

function checkFields(kind: ConnectablePanelKind, options: Record<string, string> | undefined, credentials: Record<string, string> | undefined) {
  const fields = PANEL_CONNECTION_FIELDS[kind];
  for (const name of Object.keys(options ?? {})) {
    if (!fields.options.includes(name)) throw invalidField({ field: `options.${name}`, code: 'unknown_field', message: `A ${kind} connection has no option ${name}.` });
  }
  for (const name of Object.keys(credentials ?? {})) {
    if (!fields.credentials.includes(name)) throw invalidField({ field: `credentials.${name}`, code: 'unknown_field', message: `A ${kind} connection has no credential ${name}.` });
  }
  if (options?.protocol !== undefined && !['http', 'https', ''].includes(options.protocol)) {
    throw invalidField({ field: 'options.protocol', code: 'invalid_choice', message: 'The protocol is https or http.' });
  }
}

function checkNameFree(ctx: Context, name: string, exceptId: string) {
  const holder = ctx.db.prepare<[string, string], string>('SELECT id FROM panel_connections WHERE lower(name) = lower(?) AND id <> ?').pluck().get(name, exceptId);
  if (holder) throw invalidField({ field: 'name', code: 'in_use', message: `Another panel connection is called ${name}.` });
}

async function storeCredentials(ctx: Context, id: string, credentials: Record<string, string> | undefined) {
  for (const [field, value] of Object.entries(credentials ?? {})) {
    if (value !== '') await ctx.secrets.set(secretName(id, field), value);
  }
}

const withoutEmpty = (options: Record<string, string>) => Object.fromEntries(Object.entries(options).filter(([, v]) => v !== ''));

export const panelHandlers: HandlersOf<typeof panelMethods> = {
  async 'panels.connections.list'(_input, ctx) {
    const names = await ctx.secrets.names();
    return { items: connectionRows(ctx.db).all().map((row) => describeRow(row, names)) };
  },

  async 'panels.connections.create'(input, ctx) {
    checkFields(input.kind, input.options, input.credentials);
    checkNameFree(ctx, input.name, '');
    const id = newId('pc');
    const at = ctx.clock.now().toISOString();
    // Secrets first: a failed store leaves no connection behind; a failed insert leaves only unused names.
    await storeCredentials(ctx, id, input.credentials);
    ctx.transaction(() => {
      ctx.db
        .prepare('INSERT INTO panel_connections (id, kind, name, host, port, options_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.kind, input.name, input.host, input.port ?? PANEL_CONNECTION_FIELDS[input.kind].defaultPort, JSON.stringify(withoutEmpty(input.options ?? {})), at, at);
      ctx.audit.append({ action: 'panelConnection.created', entity: 'panelConnection', entityId: id, data: { kind: input.kind, name: input.name, host: input.host, credentials: Object.keys(input.credentials ?? {}) } });
    });
    return describeConnection(ctx, id);
  },

  async 'panels.connections.update'(input, ctx) {
    const current = getConnection(ctx.db, input.id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw conflict('This panel connection was changed elsewhere since you opened it. Reload it and make your change again.', { version: current.version });
    }
    checkFields(current.kind, input.options, input.credentials);
    if (input.name !== undefined) checkNameFree(ctx, input.name, input.id);
    await storeCredentials(ctx, input.id, input.credentials);
    const host = input.host ?? current.host;
    const port = input.port ?? current.port;
    const options = input.options !== undefined ? withoutEmpty(input.options) : current.options;
    // A different address, or a switch between http and https, is a different certificate to accept.
    const repin = host !== current.host || port !== current.port || (options.protocol ?? 'https') !== (current.options.protocol ?? 'https');
    ctx.transaction(() => {
      ctx.db
        .prepare(
          `UPDATE panel_connections SET name = ?, host = ?, port = ?, options_json = ?, version = version + 1, updated_at = ?
           ${repin ? ', pinned_sha256 = NULL, pinned_subject = NULL, pinned_valid_to = NULL, last_test_at = NULL, last_test_ok = NULL, last_test_message = NULL' : ''} WHERE id = ?`,
        )
        .run(input.name ?? current.name, host, port, JSON.stringify(options), ctx.clock.now().toISOString(), input.id);
      ctx.audit.append({ action: 'panelConnection.updated', entity: 'panelConnection', entityId: input.id, data: { name: input.name, host: input.host, port: input.port, options: input.options, credentials: Object.keys(input.credentials ?? {}), unpinned: repin } });
    });
    return describeConnection(ctx, input.id);
  },

  async 'panels.connections.delete'(input, ctx) {
    const connection = getConnection(ctx.db, input.id);
    const linked = ctx.db.prepare<[string], number>('SELECT count(*) FROM contracts WHERE panel_connection_id = ?').pluck().get(input.id) ?? 0;
    if (linked > 0) throw conflict(`${linked} contract(s) are linked to ${connection.name}. Link them elsewhere or unlink them first.`, { linked });
    const actions = ctx.db.prepare<[string], number>('SELECT count(*) FROM panel_actions WHERE connection_id = ?').pluck().get(input.id) ?? 0;
    if (actions > 0) throw conflict(`${connection.name} has ${actions} action(s) in its history, which keep it on record.`, { actions });
    ctx.transaction(() => {
      ctx.db.prepare('DELETE FROM panel_connections WHERE id = ?').run(input.id);
      ctx.audit.append({ action: 'panelConnection.deleted', entity: 'panelConnection', entityId: input.id, data: { name: connection.name } });
    });
    for (const field of PANEL_CONNECTION_FIELDS[connection.kind].credentials) await ctx.secrets.delete(secretName(input.id, field));
    return { id: input.id };
  },

  async 'panels.probe'(input, ctx) {
    const connection = getConnection(ctx.db, input.id);
    if (connection.protocol === 'http') return { certificate: null, matchesPin: null };
    const certificate = await probeCertificate(connection.host, connection.port).catch(panelFailure);
    return { certificate, matchesPin: connection.pinnedSha256 ? connection.pinnedSha256 === certificate.sha256 : null };
  },

  async 'panels.pin'(input, ctx) {
    const connection = getConnection(ctx.db, input.id);
    if (connection.protocol === 'http') throw conflict(`${connection.name} is reached over plain HTTP: there is no certificate to pin.`);
    const wanted = normalizeFingerprint(input.sha256);
    const presented = await probeCertificate(connection.host, connection.port).catch(panelFailure);
    if (presented.sha256 !== wanted) {
      throw conflict(`The panel now presents a different certificate (SHA-256 ${presented.sha256}) from the one you accepted. Probe it again and compare.`, { presented: presented.sha256 });
    }
    ctx.transaction(() => {
      ctx.db
        .prepare('UPDATE panel_connections SET pinned_sha256 = ?, pinned_subject = ?, pinned_valid_to = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(wanted, presented.subject, presented.validTo, ctx.clock.now().toISOString(), input.id);
      ctx.audit.append({ action: 'panelConnection.pinned', entity: 'panelConnection', entityId: input.id, data: { sha256: wanted, subject: presented.subject, validTo: presented.validTo } });
    });
    return describeConnection(ctx, input.id);
  },

  async 'panels.test'(input, ctx) {
    getConnection(ctx.db, input.id);
    let ok = false;
    let message: string;
    try {
      const { adapter, redact } = await adapterFor(ctx, input.id);
      message = redact((await adapter.testConnection()).answer);
      ok = true;
    } catch (error) {
      if (!(error instanceof PanelError)) throw error;
      message = error.message;
    }
    ctx.transaction(() => {
      ctx.db.prepare('UPDATE panel_connections SET last_test_at = ?, last_test_ok = ?, last_test_message = ? WHERE id = ?').run(ctx.clock.now().toISOString(), ok ? 1 : 0, message.slice(0, 1000), input.id);
      ctx.audit.append({ action: 'panelConnection.tested', entity: 'panelConnection', entityId: input.id, data: { ok } });
    });
    return { ok, message, connection: await describeConnection(ctx, input.id) };
  },

  'panels.link'(input, ctx) {
    const connection = getConnection(ctx.db, input.connectionId);
    const pattern = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const candidates = ctx.db
      .prepare<Record<string, unknown>, { id: string; label: string; panel_account: string | null; panel_connection_id: string | null }>(
        `SELECT id, label, panel_account, panel_connection_id FROM contracts
         WHERE panel_kind = @kind AND status IN (SELECT value FROM json_each(@live))
           AND (@query = '' OR label LIKE @pattern ESCAPE '\\' OR panel_account LIKE @pattern ESCAPE '\\')
           AND (panel_connection_id IS NULL OR (@onlyUnlinked = 0 AND panel_connection_id <> @id))
         ORDER BY seq`,
      )
      .all({ kind: connection.kind, live: JSON.stringify(LIVE_STATUSES), query: input.query, pattern, onlyUnlinked: input.onlyUnlinked ? 1 : 0, id: connection.id });
    const skipped: { contractId: string; label: string; reason: string }[] = [];
    const link = ctx.db.prepare('UPDATE contracts SET panel_connection_id = ? WHERE id = ?');
    let linked = 0;
    ctx.transaction(() => {
      for (const contract of candidates) {
        const problem = contract.panel_account ? checkAccountFor(connection.kind, contract.panel_account) : 'The contract names no panel account.';
        if (problem) {
          skipped.push({ contractId: contract.id, label: contract.label, reason: problem });
          continue;
        }
        link.run(connection.id, contract.id);
        linked += 1;
      }
      ctx.audit.append({ action: 'panelConnection.linked', entity: 'panelConnection', entityId: connection.id, data: { linked, skipped: skipped.length, query: input.query } });
    });
    return { linked, skipped };
  },

  'panels.linkContract'(input, ctx) {
    const contract = ctx.contracts.get(input.contractId);
    if (!contract) throw notFound('Contract', input.contractId);
    if (input.connectionId !== null) {
      const connection = getConnection(ctx.db, input.connectionId);
      if (contract.panelKind !== connection.kind) {
        throw invalidField({ field: 'connectionId', code: 'not_allowed', message: `${contract.label} is on a ${contract.panelKind} panel; ${connection.name} is ${connection.kind}.` });
      }
      if (!contract.panelAccount) throw invalidField({ field: 'contractId', code: 'required', message: `${contract.label} names no panel account: add it to the contract first.` });
      const problem = checkAccountFor(connection.kind, contract.panelAccount);
      if (problem) throw invalidField({ field: 'contractId', code: 'invalid', message: problem });
    }
    ctx.transaction(() => {
      ctx.db.prepare('UPDATE contracts SET panel_connection_id = ? WHERE id = ?').run(input.connectionId, input.contractId);
      ctx.audit.append({ action: 'contract.panelLinked', entity: 'contract', entityId: input.contractId, data: { connectionId: input.connectionId } });
    });
    ctx.events.emit('contracts.changed', { id: contract.id, clientId: contract.clientId });
    return { contractId: input.contractId, connectionId: input.connectionId };
  },

  'panels.contractLink'(input, ctx) {
    if (!ctx.contracts.exists(input.contractId)) throw notFound('Contract', input.contractId);
    const id = connectionIdOf(ctx, input.contractId);
    if (!id) return { connectionId: null, connectionName: null, kind: null };
    const connection = getConnection(ctx.db, id);
    return { connectionId: id, connectionName: connection.name, kind: connection.kind };
  },

  async 'panels.accountState'(input, ctx) {
    const linked = linkedAccount(ctx, input.contractId);
    const { adapter, redact } = await adapterFor(ctx, linked.connection.id).catch(panelFailure);
    const state = await adapter.getState(linked.account).catch(panelFailure);
    return { connectionId: linked.connection.id, connectionName: linked.connection.name, kind: linked.connection.kind, state: { ...state, summary: redact(state.summary) }, readAt: ctx.clock.now().toISOString() };
  },

  'panels.drift'(input, ctx) {
    if (input.connectionId) getConnection(ctx.db, input.connectionId);
    return driftReport(ctx, input.connectionId);
  },

  'panels.fixDrift'(input, ctx) {
    return fixDrift(ctx, input.contractId, input.fix);
  },
};
