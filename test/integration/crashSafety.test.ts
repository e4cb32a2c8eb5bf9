// Crash safety: a child process works a book as fast as it can and is killed with SIGKILL at
// random moments, again and again. After every kill the book must hold every payment and invoice
// the API acknowledged, no invoice number may be missing or doubled, no renewal or late fee may be
// charged twice, no ladder rung or its message may be carried out twice, no panel action may be
// asked for twice or reach the panel twice, integrity_check must pass — and at the end the ledger
// must balance. The panel is a fake cPanel here in the parent, which outlives every kill.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.js';
import { DEFAULT_POLICY } from '../../shared/ladder/policy.js';
import { defaultSecretStore } from '../../electron/core/backend.js';
import { secretName } from '../../electron/core/panels/connections.js';
import { seededRandom } from '../../electron/core/demo/random.js';
import { openBillingBook } from '../fixtures/billingBook.js';
import { openTestBook } from '../fixtures/book.js';
import { startSmtpPeer, type SmtpPeer } from '../fixtures/smtpPeer.js';
import { startFakeCpanel } from '../fixtures/panels/fakes/cpanel.js';
import type { FakeChange, FakePanel } from '../fixtures/panels/fakes/index.js';

const KILLS = 60;
const START = '2026-01-05';
const child = fileURLToPath(new URL('../fixtures/crash/busyBook.ts', import.meta.url));

interface Acknowledged {
  payments: Map<string, number>;
  invoices: Map<string, string>;
}

/**
 * Starts the busy child, lets it work for a random while once it is ready, then SIGKILLs it. With
 * `afterLadder` the child runs the ladder first and the while starts once that run finished: so
 * rungs get done, escalations fall due and the queue is cut off mid-way through their panel work.
 */
function runAndKill(dataDir: string, date: string, seed: number, workMs: number, acked: Acknowledged, afterLadder: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, date, String(seed), afterLadder ? 'ladder-first' : 'any'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let errors = '';
    let lines = 0;
    let armed = false;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      for (const line of complete) {
        const [what, id, value] = line.split(' ');
        if (what === (afterLadder ? 'LADDER' : 'READY') && !armed) {
          armed = true;
          setTimeout(() => proc.kill('SIGKILL'), workMs);
        }
        if (what === 'PAYMENT') acked.payments.set(id, Number(value));
        if (what === 'INVOICE') acked.invoices.set(id, value);
        lines += 1;
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`The busy book stopped by itself (code ${code}): ${errors.slice(0, 2000)}`));
    });
  });
}

function checkSurvivors(dbFile: string, acked: Acknowledged, panel: FakePanel) {
  const db = new Database(dbFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const payment = db.prepare<[string], { amount_minor: number }>('SELECT amount_minor FROM payments WHERE id = ?');
    for (const [id, amount] of acked.payments) expect(payment.get(id)?.amount_minor, `payment ${id}`).toBe(amount);
    const invoice = db.prepare<[string], { number_text: string; status: string }>('SELECT number_text, status FROM invoices WHERE id = ?');
    for (const [id, number] of acked.invoices) expect(invoice.get(id), `invoice ${id}`).toEqual({ number_text: number, status: 'issued' });
    // Gapless and unique per series (UNIQUE(series, number) forbids doubles; a gap would be a lost or rolled-back number).
    const series = db.prepare<[], { series: string; n: number; lo: number; hi: number }>(
      'SELECT series, count(*) AS n, min(number) AS lo, max(number) AS hi FROM invoices WHERE number IS NOT NULL GROUP BY series',
    ).all();
    for (const s of series) expect({ series: s.series, count: s.n }).toEqual({ series: s.series, count: s.hi - s.lo + 1 });
    // Each contract period renewed once, each renewal invoice made for one period, each late fee charged once.
    expect(db.prepare('SELECT count(*) AS n FROM (SELECT invoice_id FROM renewals GROUP BY invoice_id, contract_id HAVING count(*) > 1)').get()).toEqual({ n: 0 });
    const renewalLines = db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM (SELECT contract_id, period_start FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.source = 'renewal' AND i.status = 'issued' AND l.kind = 'service' GROUP BY contract_id, period_start HAVING count(*) > 1)",
    ).get();
    expect(renewalLines?.n).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM (SELECT fee_invoice_id FROM late_fees GROUP BY fee_invoice_id HAVING count(*) > 1)').get()).toEqual({ n: 0 });
    // No fee was issued without its (invoice, n) record: a fee charged twice would leave one behind.
    expect(db.prepare("SELECT count(*) AS n FROM invoices WHERE source = 'late_fee' AND status = 'issued' AND id NOT IN (SELECT fee_invoice_id FROM late_fees)").get()).toEqual({ n: 0 });
    checkLadder(db);
    checkPanelActions(db, panel);
  } finally {
    db.close();
  }
}

/**
 * The ladder after a kill: each rung at most once, and each of its actions at most once — every
 * message a rung asked for under the key it wrote with its intent (so a retry reuses it), each key
 * sent in one message, and a done rung's messages sent.
 */
function checkLadder(db: Database.Database) {
  const rungs = db.prepare<[], { invoice_id: string; step_key: string; state: string; keys_json: string }>('SELECT invoice_id, step_key, state, keys_json FROM dunning_rungs').all();
  expect(new Set(rungs.map((r) => `${r.invoice_id}|${r.step_key}`)).size).toBe(rungs.length);
  const messages = db.prepare<[], { key: string; state: string }>('SELECT key, state FROM outgoing_messages').all();
  const byKey = new Map(messages.map((m) => [m.key, m.state]));
  expect(byKey.size, 'a message key was written twice').toBe(messages.length);
  const keysOfRungs = new Set<string>();
  for (const rung of rungs) {
    const keys = JSON.parse(rung.keys_json) as { messages?: Record<string, string> };
    for (const key of Object.values(keys.messages ?? {})) {
      keysOfRungs.add(key);
      if (rung.state === 'done' && key.endsWith(':email')) expect(byKey.get(key), `done rung ${rung.invoice_id} ${rung.step_key}`).toBe('sent');
    }
  }
  // Every ladder message was written under a key some rung holds: none was sent under a second key.
  for (const { key } of messages) if (key.startsWith('rung:')) expect(keysOfRungs.has(key), `message ${key} belongs to no rung`).toBe(true);
}

/** What a change on the fake panel was, in the action families that ask for it. */
function kindsOf(change: FakeChange): string[] {
  const { before, after } = change;
  if (!before) return ['created'];
  const kinds: string[] = [];
  if (!before.suspended && after.suspended) kinds.push('suspend');
  if (before.suspended && !after.suspended) kinds.push('unsuspend');
  if (before.bandwidthMb !== after.bandwidthMb) kinds.push('bandwidth');
  if (before.package !== after.package) kinds.push('package');
  if (after.backups > before.backups) kinds.push('backup');
  if (after.deleted !== before.deleted) kinds.push('terminate');
  return kinds;
}

/** The WHM functions that change an account, by the action family that sends them. */
const WHM_CHANGES: Record<string, string> = {
  suspendacct: 'suspend',
  unsuspendacct: 'unsuspend',
  limitbw: 'bandwidth',
  changepackage: 'package',
  start_background_pkgacct: 'backup',
  removeacct: 'terminate',
};
const familyOf = (kind: string) => (kind.endsWith('_bandwidth') ? 'bandwidth' : kind === 'downgrade' || kind === 'restore_package' ? 'package' : kind);

const tally = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());

/**
 * The panel after a kill: each rung asked for each contract's action once (the ids it kept are its
 * own, none shared with another rung), no contract has two open actions of one kind, and the fake
 * panel was sent each account's change, and changed it, no more often than actions that got as far
 * as sending it were asked for — a queue that sent an action again after a restart, or a ladder that
 * asked again, would show up as one change request too many.
 */
function checkPanelActions(db: Database.Database, panel: FakePanel) {
  const actions = db.prepare<[], { id: string; contract_id: string; kind: string; state: string; account: string; requested_by: string; backup_ref: string | null; error_kind: string | null }>(
    'SELECT id, contract_id, kind, state, account, requested_by, backup_ref, error_kind FROM panel_actions',
  ).all();
  const byId = new Map(actions.map((a) => [a.id, a]));
  const owner = new Map<string, string>();
  for (const rung of db.prepare<[], { invoice_id: string; step_key: string; keys_json: string }>('SELECT invoice_id, step_key, keys_json FROM dunning_rungs').all()) {
    const keys = JSON.parse(rung.keys_json) as { panel?: Record<string, string[]> };
    for (const [contractId, ids] of Object.entries(keys.panel ?? {})) {
      const kinds = ids.map((id) => byId.get(id)?.kind);
      expect(kinds.every((k) => k !== undefined), `rung ${rung.invoice_id} ${rung.step_key} keeps an action that is not in the book`).toBe(true);
      expect(new Set(kinds).size, `rung ${rung.invoice_id} ${rung.step_key} asked twice for ${contractId}`).toBe(kinds.length);
      for (const id of ids) {
        expect(owner.get(id), `action ${id} kept by two rungs`).toBeUndefined();
        owner.set(id, `${rung.invoice_id}|${rung.step_key}`);
        expect(byId.get(id)?.contract_id).toBe(contractId);
      }
    }
  }
  // Whatever the ladder asked for, a rung kept: an action it asked for again would be kept by none.
  for (const a of actions) if (a.requested_by === 'ladder') expect(owner.has(a.id), `ladder action ${a.kind} ${a.id} kept by no rung`).toBe(true);
  const open = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM (SELECT contract_id, kind FROM panel_actions WHERE state IN ('pending_approval', 'queued', 'running') GROUP BY contract_id, kind HAVING count(*) > 1)",
  ).get();
  expect(open?.n, 'two open actions of one kind on one contract').toBe(0);
  // What may have been sent: running or succeeded, a backup the panel named, or one cut off while it started.
  const sent = tally(
    actions
      .filter((a) => a.state === 'running' || a.state === 'succeeded' || (a.kind === 'backup' && (a.backup_ref !== null || a.error_kind === 'interrupted')))
      .map((a) => `${a.account}|${familyOf(a.kind)}`),
  );
  const requested = tally(
    panel.requests.flatMap((r) => {
      const family = WHM_CHANGES[r.path.replace(/^\/json-api\//, '')];
      return family ? [`${r.query.user ?? r.form.user ?? ''}|${family}`] : [];
    }),
  );
  for (const [key, n] of requested) expect(n, `change requests the panel received for ${key}`).toBeLessThanOrEqual(sent.get(key) ?? 0);
  const changed = tally(panel.changes.flatMap((change) => kindsOf(change).map((kind) => `${change.account}|${kind}`)));
  for (const [key, n] of changed) expect(n, `changes on the panel for ${key}`).toBeLessThanOrEqual(sent.get(key) ?? 0);
}

describe('crash safety', () => {
  let dataDir: string;
  let dbFile: string;
  let smtp: SmtpPeer;
  let panel: FakePanel;
  beforeAll(async () => {
    const book = await openBillingBook(START);
    // The book is built in the test's own folder, then the child processes take it over.
    await book.call('billingSettings.update', { lateFee: { enabled: true, kind: 'fixed', fixedMinorByCurrency: { USD: 500 }, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} } });
    // The ladder's email goes to a real SMTP server here, in the parent, which outlives every kill.
    smtp = await startSmtpPeer();
    await book.call('company.update', { name: 'Crash Hosting' });
    await book.call('channels.settings.update', { email: { host: '127.0.0.1', port: smtp.port, security: 'none', fromAddress: 'billing@crash.example', timeoutSeconds: 2 } });
    // Every contract's account is on a fake cPanel, also here in the parent, reached over pinned TLS.
    panel = await startFakeCpanel({ accounts: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`crash${i}`, { bandwidthMb: 10240 }])) });
    const connection = await book.call('panels.connections.create', { kind: 'cpanel', name: 'Crash WHM', host: '127.0.0.1', port: panel.port, credentials: panel.credentials });
    const probe = await book.call('panels.probe', { id: connection.id });
    await book.call('panels.pin', { id: connection.id, sha256: probe.certificate!.sha256 });
    // The ladder restricts and suspends by itself, and the queue runs what it asks without a person.
    const automatic = DEFAULT_POLICY.steps.map((step) => (step.key === 'restriction' || step.key === 'suspension' ? { ...step, approval: 'automatic' as const } : step));
    await book.call('dunning.policies.save', { policy: { ...DEFAULT_POLICY, name: 'Crash', steps: automatic }, makeDefault: true });
    await book.call('actions.settings.update', { approvals: { limit_bandwidth: false, backup: false, suspend: false, restore_bandwidth: false, unsuspend: false } });
    for (let i = 0; i < 12; i += 1) {
      const clientId = await book.client({ name: `Crash Client ${i}`, email: `client${i}@crash.example` });
      const contractId = await book.contract(clientId, { startDate: addDays(START, -20 + i), priceMinor: 1500 + 100 * i, panelKind: 'cpanel', panelAccount: `crash${i}` });
      await book.call('panels.linkContract', { contractId, connectionId: connection.id });
    }
    // Closed without deleting its folder: from here on the child processes own the book.
    ({ dataDir } = book);
    dbFile = book.backend.dbFile;
    book.backend.close();
    // The children keep secrets where the app does (an encrypted file in the book's folder), so the panel's credentials outlive every kill.
    const secrets = defaultSecretStore(dataDir);
    for (const [field, value] of Object.entries(panel.credentials)) if (value) await secrets.set(secretName(connection.id, field), value);
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await smtp.close();
    await panel.close();
  });

  it(`keeps every acknowledged payment and invoice through ${KILLS} SIGKILLs`, async () => {
    const random = seededRandom(20261126);
    const acked: Acknowledged = { payments: new Map(), invoices: new Map() };
    let survived = 0;
    let linesBeforeKills = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      // A new day every other start, so renewals and late fees fall due while the process is being killed;
      // every fifth start finishes a ladder run first, so restrictions and suspensions fall due too.
      const date = addDays(START, Math.floor(kill / 2));
      linesBeforeKills += await runAndKill(dataDir, date, random.int(1, 1e9), random.int(5, 400), acked, kill % 5 === 4);
      checkSurvivors(dbFile, acked, panel);
      survived += 1;
    }
    let ladder: string;
    const book = await openTestBook({ dataDir, now: `${addDays(START, KILLS)}T09:00:00Z` });
    try {
      const check = await book.call('books.check', {});
      expect(check.checks.filter((c) => !c.ok)).toEqual([]);
      // The daily runs renewed contracts and charged late fees between the kills.
      const count = (table: string) => (book.backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('renewals')).toBeGreaterThan(12);
      expect(count('late_fees')).toBeGreaterThan(0);
      // The ladder ran between the kills too: rungs carried out, notices sent.
      expect(count('dunning_rungs')).toBeGreaterThan(0);
      expect(count('outgoing_messages')).toBeGreaterThan(0);
      // The queue carried the ladder's panel work out on the fake panel between the kills.
      const actions = (state?: string) =>
        (book.backend.db.prepare(`SELECT count(*) AS n FROM panel_actions${state ? ' WHERE state = ?' : ''}`).get(...(state ? [state] : [])) as { n: number }).n;
      expect(actions('succeeded')).toBeGreaterThan(0);
      expect(panel.changes.length).toBeGreaterThan(0);
      const reconciled = (book.backend.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'panelAction.reconciled'").get() as { n: number }).n;
      ladder =
        `${count('dunning_rungs')} rungs, ${count('outgoing_messages')} messages, ${smtp.received.length} received by the SMTP server; ` +
        `panel actions: ${actions()} requested, ${actions('succeeded')} succeeded, ${reconciled} cut off and reconciled after a restart, ${panel.changes.length} changes on the panel`;
    } finally {
      book.backend.close();
    }
    // The work really happened between the kills, or the test proves nothing.
    expect(acked.payments.size).toBeGreaterThan(KILLS);
    expect(acked.invoices.size).toBeGreaterThan(KILLS / 2);
    console.info(`crash safety: survived ${survived} SIGKILLs; ${acked.payments.size} payments and ${acked.invoices.size} invoices acknowledged (${linesBeforeKills} acknowledgements); the ladder: ${ladder}`);
  }, 300_000);
});
