// Panel actions benchmark (the control panels issue):
//   actions.throughput  1,000 suspend + unsuspend pairs (2,000 actions) through the durable queue
//                       against the local fake panels — cPanel/WHM, DirectAdmin, HestiaCP and
//                       Virtualmin, 250 accounts each, all four worked on in parallel — in actions
//                       per second (DirectAdmin's suspensions, which cannot be backed up first,
//                       are approved as they are asked for). Each action writes its intent, reads the account, changes it,
//                       reads it back to confirm, and writes its outcome and the contract's status.
//                       Baseline: the same number of raw pinned HTTPS requests (a cheap read on each
//                       fake), as many at a time as the queue runs actions: the transport alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../electron/core/index.js';
import type { ConnectablePanelKind } from '../../shared/domain/panelCapabilities.js';
import { fakeAccount, fakePanelStarters, panelHttpFor, type FakePanel } from '../fixtures/panels/fakes/index.js';
import { progress, report, timeMs } from './benchReport.js';

const KINDS: ConnectablePanelKind[] = ['cpanel', 'directadmin', 'hestiacp', 'virtualmin'];
const PAIRS = Number(process.env.PAIRS ?? 1_000);
const PER_PANEL = PAIRS / KINDS.length;
/** What the queue runs at once (runActions.ts PARALLEL). */
const AT_ONCE = 8;

const accountName = (kind: ConnectablePanelKind, i: number) => (kind === 'virtualmin' ? `site${i}.example.com` : `user${i}`);

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-panels-'));
const fakes: FakePanel[] = [];
const backend = await createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00Z'), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
const call = async (method: string, input: unknown) => {
  const answer = await backend.dispatch(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as Record<string, unknown>;
};
try {
  progress(`panels: starting ${KINDS.length} fake panels and ${PAIRS} linked contracts`);
  const client = await call('clients.create', { name: 'Bench Hosting', currency: 'USD' });
  await call('actions.settings.update', { approvals: { suspend: false, unsuspend: false } });
  const contracts: string[] = [];
  for (const kind of KINDS) {
    const fake = await fakePanelStarters[kind]!();
    fakes.push(fake);
    const connection = await call('panels.connections.create', { kind, name: `Bench ${kind}`, host: '127.0.0.1', port: fake.port, options: fake.options, credentials: fake.credentials });
    await call('panels.pin', { id: connection.id, sha256: fake.fingerprint });
    for (let i = 0; i < PER_PANEL; i += 1) {
      const account = accountName(kind, i);
      fake.accounts.set(account, fakeAccount());
      const contract = await call('contracts.create', { clientId: client.id, label: `${kind}-${i}.example.com`, kind: 'shared_hosting', panelKind: kind, panelAccount: account, cycle: 'monthly', priceMinor: 1000, startDate: '2026-01-01' });
      contracts.push(contract.id as string);
    }
    const linked = await call('panels.link', { connectionId: connection.id });
    if (linked.linked !== PER_PANEL) throw new Error(`${kind}: linked ${String(linked.linked)} of ${PER_PANEL}`);
  }

  progress(`panels: ${PAIRS} suspensions, then ${PAIRS} unsuspensions through the queue`);
  const queueMs = await timeMs(async () => {
    for (const kind of ['suspend', 'unsuspend'] as const) {
      for (const contractId of contracts) {
        const asked = (await call('actions.request', { contractId, kind, withBackup: false })) as { actions: { id: string; state: string }[] };
        // DirectAdmin cannot back up, so its suspensions always wait for a person: approved here.
        for (const action of asked.actions) if (action.state === 'pending_approval') await call('actions.approve', { id: action.id });
      }
      const ran = await timeMs(() => call('actions.process', { wait: true }));
      progress(`panels: ${kind} ×${contracts.length} ran in ${Math.round(ran)} ms`);
    }
  });
  const states = backend.db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM panel_actions GROUP BY state').all();
  if (states.length !== 1 || states[0]!.state !== 'succeeded' || states[0]!.n !== 2 * PAIRS) throw new Error(`not every action succeeded: ${JSON.stringify(states)}`);
  const left = fakes.flatMap((fake) => Array.from({ length: PER_PANEL }, (_, i) => fake.accounts.get(accountName(fake.kind, i))!).filter((a) => a.suspended));
  if (left.length > 0) throw new Error(`${left.length} accounts were left suspended`);

  progress(`panels: baseline, ${2 * PAIRS} raw pinned requests`);
  const https = fakes.map((fake) => panelHttpFor(fake));
  const paths: Record<string, { method: 'GET' | 'POST'; path: string; form?: Record<string, string>; query?: Record<string, string> }> = {
    cpanel: { method: 'GET', path: '/json-api/version', query: { 'api.version': '1' } },
    directadmin: { method: 'GET', path: '/CMD_API_LOGIN_TEST' },
    hestiacp: { method: 'POST', path: '/api/', form: { cmd: 'v-list-sys-info', arg1: 'json' } },
    virtualmin: { method: 'GET', path: '/virtual-server/remote.cgi', query: { program: 'list-domains', json: '1', multiline: '' } },
  };
  let next = 0;
  const rawMs = await timeMs(() =>
    Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (next < 2 * PAIRS) {
          const i = next++;
          const which = i % fakes.length;
          await https[which]!.request(paths[fakes[which]!.kind]!);
        }
      }),
    ),
  );
  report('actions.throughput', 'actions/s', (2 * PAIRS) / (queueMs / 1000), (2 * PAIRS) / (rawMs / 1000));
} finally {
  backend.close();
  await Promise.all(fakes.map((fake) => fake.close()));
  rmSync(dataDir, { recursive: true, force: true });
}
