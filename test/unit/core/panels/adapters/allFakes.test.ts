// The fakes side by side, as the action queue and its benchmark use them: every registered
// adapter of this set works against its fake through the registry, with accounts added by a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { connectionFor, fakeAccount, fakePanelStarters, panelHttpFor, type FakePanel } from '../../../../fixtures/panels/fakes/index.js';

/** A well-formed account reference per panel, added to each fake by the test. */
const NEW_ACCOUNT = {
  cpanel: 'zed',
  plesk: 'zed.example.org',
  directadmin: 'zed',
  virtualizor: '4242',
  solusvm: '4242',
  proxmox: 'pve/qemu/4242',
  hestiacp: 'zed',
  virtualmin: 'zed.example.org',
  btpanel: 'zed.example.org',
  webhook: 'svc-4242',
} as const;

describe('fake panels side by side', () => {
  const fakes: FakePanel[] = [];
  beforeAll(async () => {
    for (const start of Object.values(fakePanelStarters)) fakes.push(await start());
  });
  afterAll(() => Promise.all(fakes.map((fake) => fake.close())));

  it('suspend and unsuspend an added account on every panel in parallel, through the registry', async () => {
    expect(fakes.map((fake) => fake.kind).sort()).toEqual(Object.keys(NEW_ACCOUNT).sort());
    await Promise.all(
      fakes.map(async (fake) => {
        const account = NEW_ACCOUNT[fake.kind as keyof typeof NEW_ACCOUNT];
        fake.accounts.set(account, fakeAccount({ package: fake.kind === 'virtualizor' ? '2' : 'standard' }));
        const factory = adapterFactories[fake.kind];
        if (!factory) throw new Error(`No adapter registered for ${fake.kind}`);
        const adapter = factory({ ...connectionFor(fake), http: panelHttpFor(fake) });
        expect(adapter.checkAccount(account)).toBeNull();
        for (let round = 0; round < 3; round += 1) {
          expect((await adapter.suspend(account, 'Unpaid')).changed).toBe(true);
          expect(fake.accounts.get(account)?.suspended).toBe(true);
          expect((await adapter.unsuspend(account)).changed).toBe(true);
          expect(fake.accounts.get(account)?.suspended).toBe(false);
        }
      }),
    );
  });
});
