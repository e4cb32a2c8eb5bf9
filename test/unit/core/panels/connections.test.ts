// Panel connections: credentials only in the secret store (never the book, an answer or the log),
// probe and pin, a changed certificate refused before anything is sent, linking contracts; the
// payment hook that lifts restrictions; the drift report and its fixes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore } from '../../../../electron/core/index.js';
import { createFileLogger } from '../../../../electron/core/log/logger.js';
import { adapterFactories } from '../../../../electron/core/panels/registry.js';
import { queueTiming } from '../../../../electron/core/panels/queue/runActions.js';
import { memoryPanel } from '../../../fixtures/panels/memoryAdapter.js';
import { openPanelBook, PANEL_TOKEN, type PanelBook } from '../../../fixtures/panels/panelBook.js';
import { startTlsServer } from '../../../fixtures/panels/tlsServer.js';
import { tempDir } from '../../../fixtures/book.js';

let book: PanelBook;
const saved = { ...queueTiming };
beforeEach(async () => {
  queueTiming.backupPollMs = 1;
  book = await openPanelBook();
});
afterEach(() => {
  Object.assign(queueTiming, saved);
  book.close();
});

const refusal = async (method: Parameters<typeof book.backend.dispatch>[0], input: unknown) => {
  const answer = await book.backend.dispatch(method, input);
  if (answer.ok) throw new Error(`${method} should have been refused`);
  return answer.error;
};

/** Every value of every row of every table, as one text. */
const wholeBook = () =>
  book.backend.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
    .all()
    .map(({ name }) => JSON.stringify(book.backend.db.prepare(`SELECT * FROM "${name}"`).raw().all()))
    .join('\n');

describe('connections', () => {
  it('keeps credentials in the secret store only and answers which fields are set, never their values', async () => {
    const list = await book.call('panels.connections.list', {});
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'cpanel', name: 'Panel one', host: '127.0.0.1', credentialsSet: ['username', 'token'], protocol: 'https' });
    expect(JSON.stringify(list)).not.toContain(PANEL_TOKEN);
    expect(wholeBook()).not.toContain(PANEL_TOKEN);
    // An update that leaves the token empty keeps it.
    await book.call('panels.connections.update', { id: book.connectionId, name: 'WHM Hong Kong', credentials: { token: '' } });
    const test = await book.call('panels.test', { id: book.connectionId });
    expect(test).toMatchObject({ ok: true, connection: { lastTest: { ok: true }, name: 'WHM Hong Kong' } });
    expect(book.panel.built.at(-1)!.credentials).toEqual({ username: 'root', token: PANEL_TOKEN });
    expect(JSON.stringify(test)).not.toContain(PANEL_TOKEN);
  });

  it('refuses fields the kind does not have, a taken name, and a host with a scheme', async () => {
    const base = { kind: 'cpanel', name: 'Another', host: 'whm.example.com' };
    expect((await refusal('panels.connections.create', { ...base, credentials: { password: 'x' } })).details?.fields?.[0]?.field).toBe('credentials.password');
    expect((await refusal('panels.connections.create', { ...base, options: { node: 'pve1' } })).details?.fields?.[0]?.field).toBe('options.node');
    expect((await refusal('panels.connections.create', { ...base, name: 'panel ONE' })).details?.fields?.[0]).toMatchObject({ field: 'name', code: 'in_use' });
    expect((await refusal('panels.connections.create', { ...base, host: 'https://whm.example.com/' })).details?.fields?.[0]?.field).toBe('host');
    const created = await book.call('panels.connections.create', { ...base, kind: 'proxmox', options: { backupStorage: 'local' } });
    expect(created).toMatchObject({ port: 8006, pinned: null, credentialsSet: [] });
  });

  it('probes without credentials, pins, and refuses a different certificate later without sending anything', async () => {
    const connection = (await book.call('panels.connections.list', {})).items[0]!;
    expect(connection.pinned?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const probe = await book.call('panels.probe', { id: book.connectionId });
    expect(probe.matchesPin).toBe(true);

    // The panel now answers with another certificate.
    const requests: string[] = [];
    const impostor = await startTlsServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('ok');
    }, 'other');
    try {
      book.backend.db.prepare('UPDATE panel_connections SET port = ?, version = version + 1').run(impostor.port);
      const test = await book.call('panels.test', { id: book.connectionId });
      expect(test.ok).toBe(false);
      expect(test.message).toContain('different certificate');
      expect(requests).toEqual([]);
      expect((await book.call('panels.probe', { id: book.connectionId })).matchesPin).toBe(false);
      // Pinning a fingerprint that is not the one presented is refused.
      expect((await refusal('panels.pin', { id: book.connectionId, sha256: connection.pinned!.sha256 })).code).toBe('conflict');
    } finally {
      await impostor.close();
    }
    // A new address drops the pin: nothing is sent until one is accepted again.
    const moved = await book.call('panels.connections.update', { id: book.connectionId, host: 'localhost' });
    expect(moved.pinned).toBeNull();
    expect((await book.call('panels.test', { id: book.connectionId })).message).toContain('no pinned certificate');
  });

  it('links contracts in bulk by kind (checking each account), one by one, and refuses deleting a connection in use', async () => {
    const make = (label: string, account: string | undefined, panelKind: 'cpanel' | 'plesk' = 'cpanel') =>
      book.call('contracts.create', { clientId: book.clientId, label, kind: 'shared_hosting', panelKind, panelAccount: account, cycle: 'monthly', priceMinor: 100, startDate: '2026-11-01' });
    const a = await make('hk1.example.com', 'alice');
    await make('hk2.example.com', 'Not Valid!');
    await make('sg.example.com', 'sgone');
    await make('plesk.example.com', 'pleskuser', 'plesk');
    const result = await book.call('panels.link', { connectionId: book.connectionId, query: 'hk' });
    expect(result.linked).toBe(1);
    expect(result.skipped.map((s) => s.label)).toEqual(['hk2.example.com']);
    expect((await book.call('panels.contractLink', { contractId: a.id })).connectionId).toBe(book.connectionId);
    expect((await book.call('panels.link', { connectionId: book.connectionId })).linked).toBe(1); // sg only; plesk is another kind
    expect((await book.call('panels.connections.list', {})).items[0]!.linkedContracts).toBe(2);
    expect((await refusal('panels.connections.delete', { id: book.connectionId })).code).toBe('conflict');
    await book.call('panels.linkContract', { contractId: a.id, connectionId: null });
    expect((await book.call('panels.contractLink', { contractId: a.id })).connectionId).toBeNull();
  });

  it('never writes a credential to the log, even when the panel fails', async () => {
    const dataDir = tempDir();
    const panel = memoryPanel();
    const previous = adapterFactories.cpanel;
    adapterFactories.cpanel = panel.factory;
    const clock = fixedClock('2026-11-26T09:00:00Z');
    const backend = await createBackend({ dataDir, clock, prefs: memoryPreferences(), secrets: memorySecretStore(), logger: createFileLogger(join(dataDir, 'logs'), clock), actor: 'tester' });
    try {
      const call = async (method: string, input: unknown) => {
        const answer = await backend.dispatch(method, input);
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value as Record<string, unknown>;
      };
      const connection = await call('panels.connections.create', { kind: 'cpanel', name: 'Logged', host: '127.0.0.1', port: book.tls.port, credentials: { username: 'root', token: PANEL_TOKEN } });
      const probe = (await call('panels.probe', { id: connection.id })) as { certificate: { sha256: string } };
      await call('panels.pin', { id: connection.id, sha256: probe.certificate.sha256 });
      await call('panels.test', { id: connection.id });
      panel.failNext('auth');
      await call('panels.test', { id: connection.id });
      const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('\n');
      expect(logs).toContain('Panel request answered');
      expect(logs).not.toContain(PANEL_TOKEN);
    } finally {
      adapterFactories.cpanel = previous;
      backend.close();
    }
  });
});

describe('a payment that clears the arrears', () => {
  const overdueInvoice = async () => {
    const draft = await book.call('invoices.createDraft', { clientId: book.clientId, dueDate: '2026-11-01', lines: [{ description: 'Hosting', unitPriceMinor: 5000 }] });
    await book.call('invoices.issue', { id: draft.id, issueDate: '2026-10-20' });
  };

  it('queues the unsuspension and the restores, asked for by payment with no approval; a part payment does not', async () => {
    await book.call('actions.settings.update', { approvals: { suspend: false, limit_bandwidth: false } });
    book.panel.addAccount('bob', { bandwidth: { monthlyMb: 8000, rateKBps: null } });
    const contractId = await book.contract('bob');
    const other = await book.contract('carol');
    await overdueInvoice();
    await book.call('actions.request', { contractId, kind: 'limit_bandwidth' });
    await book.run();
    await book.call('actions.request', { contractId, kind: 'suspend', withBackup: false });
    await book.run();
    expect((await book.call('contracts.get', { id: contractId })).status).toBe('suspended');
    // The ladder has also asked to restrict the other contract; a payment cancels that.
    book.backend.db.prepare("UPDATE panel_actions SET requested_by = 'ladder'").run();
    const ladder = (await book.call('actions.request', { contractId: other, kind: 'downgrade', packageName: 'bronze' })).actions[0]!;
    book.backend.db.prepare("UPDATE panel_actions SET requested_by = 'ladder' WHERE id = ?").run(ladder.id);

    await book.call('payments.record', { clientId: book.clientId, date: '2026-11-26', amountMinor: 2000, method: 'bank_transfer' });
    expect((await book.call('actions.list', { states: ['queued', 'pending_approval'] })).items.map((a) => a.kind)).toEqual(['downgrade']);

    await book.call('payments.record', { clientId: book.clientId, date: '2026-11-26', amountMinor: 3000, method: 'bank_transfer' });
    const queued = (await book.call('actions.list', { states: ['queued'] })).items;
    expect(queued.map((a) => [a.kind, a.requestedBy]).sort()).toEqual([
      ['restore_bandwidth', 'payment'],
      ['unsuspend', 'payment'],
    ]);
    expect((await book.call('actions.list', { contractId: other })).items[0]).toMatchObject({ id: ladder.id, state: 'cancelled' });
    await book.run();
    expect(book.panel.account('bob')).toMatchObject({ suspended: false, bandwidth: { monthlyMb: 8000, rateKBps: null } });
    expect((await book.call('contracts.get', { id: contractId })).status).toBe('active');
  });
});

describe('the drift report', () => {
  it('finds accounts suspended, active or missing against the book, and fixes each either way', async () => {
    await book.call('actions.settings.update', { approvals: { suspend: false } });
    const quiet = await book.contract('quiet');
    const susp = await book.contract('susp');
    const gone = await book.contract('gone');
    const back = await book.contract('back');
    book.panel.addAccount('susp', { suspended: true });
    book.panel.addAccount('gone', { exists: false });
    book.backend.db.prepare("UPDATE contracts SET status = 'suspended' WHERE id = ?").run(back);

    const report = await book.call('panels.drift', {});
    expect(report.checked).toBe(4);
    const byId = Object.fromEntries(report.items.map((i) => [i.contractId, i]));
    expect(byId[quiet]).toBeUndefined();
    expect(byId[susp]).toMatchObject({ problem: 'suspended_on_panel', bookStatus: 'active', fixes: ['panel_to_book', 'book_to_panel'] });
    expect(byId[gone]).toMatchObject({ problem: 'missing_on_panel', fixes: ['book_to_panel'] });
    expect(byId[back]).toMatchObject({ problem: 'active_on_panel', bookStatus: 'suspended' });

    expect(await book.call('panels.fixDrift', { contractId: susp, fix: 'book_to_panel' })).toEqual({ actionId: null, bookStatus: 'suspended' });
    expect((await book.call('panels.fixDrift', { contractId: gone, fix: 'book_to_panel' })).bookStatus).toBe('terminated');
    const fix = await book.call('panels.fixDrift', { contractId: back, fix: 'panel_to_book' });
    expect(fix.actionId).not.toBeNull();
    await book.run();
    expect(book.panel.account('back')!.suspended).toBe(true);
    expect((await book.call('panels.drift', {})).items).toEqual([]);
    expect((await refusal('panels.fixDrift', { contractId: quiet, fix: 'book_to_panel' })).code).toBe('conflict');
  });
});
