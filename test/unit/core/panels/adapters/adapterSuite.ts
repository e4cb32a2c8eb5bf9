// The checks every adapter must pass against its fake panel (issue 6 "Tests"): each operation
// changes the fake's state and reads back, "already so" sends no change, a no-op success is
// refused, auth / timeout / HTTP 500 / malformed / different certificate map to their kinds,
// operations the panel lacks are refused as unsupported, and no secret reaches a log line or an
// answer. Each panel's test file calls this and adds its own quirks.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError, type AdapterFactory, type BandwidthSetting, type PanelAdapter, type PanelCredentials } from '../../../../../electron/core/panels/adapter.js';
import type { Logger } from '../../../../../electron/core/log/logger.js';
import { PANEL_CAPABILITIES, type ConnectablePanelKind } from '../../../../../shared/domain/panelCapabilities.js';
import { connectionFor, fingerprintOf, panelHttpFor, type FakeAccount, type FakePanel, type FakePanelOptions, type FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';

export interface AdapterSuiteSpec {
  kind: ConnectablePanelKind;
  factory: AdapterFactory;
  start(opts?: FakePanelOptions): Promise<FakePanel>;
  /** An active account on the fake's default set, one already suspended, and a well-formed reference that is not there. */
  active: string;
  suspended: string;
  missing: string;
  /** A reference in the wrong format for this panel. */
  invalid: string;
  wrongCredentials(credentials: PanelCredentials): PanelCredentials;
  /** Whether a request that reached the fake asks it to change something. */
  isChange(req: FakeRequest): boolean;
  /** When the panel limits bandwidth: what to ask for and what the fake should then hold. */
  bandwidth?: { limit: BandwidthSetting; expect: Partial<Pick<FakeAccount, 'bandwidthMb' | 'rateKBps'>> };
  /** When the panel can downgrade: a package the fake knows. */
  packageTarget?: string;
}

export interface Recorder {
  logger: Logger;
  lines: string[];
  answers: string[];
}

export function recorder(): Recorder {
  const lines: string[] = [];
  return {
    lines,
    answers: [],
    logger: {
      log: (level, message, fields) => lines.push(JSON.stringify({ level, message, fields })),
      error: (message, error) => lines.push(JSON.stringify({ message, error: String(error) })),
    },
  };
}

/** An adapter for a fake whose every result and failure answer is recorded (for the secret check). */
export function adapterFor(
  spec: Pick<AdapterSuiteSpec, 'factory'>,
  fake: FakePanel,
  rec: Recorder,
  opts: { credentials?: PanelCredentials; timeoutMs?: number } = {},
): PanelAdapter {
  const { config, credentials } = connectionFor(fake);
  const http = panelHttpFor(fake, { logger: rec.logger, timeoutMs: opts.timeoutMs });
  const adapter = spec.factory({ config, credentials: opts.credentials ?? credentials, http });
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'checkAccount') return value;
      return async (...args: unknown[]) => {
        try {
          const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as { answer?: string; state?: { summary: string } };
          rec.answers.push(String(result?.answer ?? ''), String(result?.state?.summary ?? ''), JSON.stringify(result));
          return result;
        } catch (error) {
          if (error instanceof PanelError) rec.answers.push(error.message, error.answer);
          throw error;
        }
      };
    },
  });
}

export const failureOf = async (promise: Promise<unknown>): Promise<PanelError> => {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`Expected a PanelError, got success: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(PanelError);
  return outcome.error as PanelError;
};

export function describeAdapter(spec: AdapterSuiteSpec): void {
  const caps = PANEL_CAPABILITIES[spec.kind];
  const rec = recorder();
  const secrets = new Set<string>();
  let fake: FakePanel;
  let adapter: PanelAdapter;
  const changes = () => fake.requests.filter(spec.isChange).length;

  beforeEach(async () => {
    fake = await spec.start();
    // Logins (admin, root) are not secret; passwords, tokens and keys are.
    for (const given of [fake.credentials, spec.wrongCredentials(fake.credentials)]) {
      for (const [field, value] of Object.entries(given)) if (/pass|token|key|secret/i.test(field)) secrets.add(value);
    }
    adapter = adapterFor(spec, fake, rec);
  });
  afterEach(() => fake.close());
  afterAll(() => {
    // Every log line and answer of every test above: no credential, right or wrong.
    expect(rec.lines.length).toBeGreaterThan(10);
    expect(secrets.size).toBeGreaterThanOrEqual(2);
    const everything = [...rec.lines, ...rec.answers].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  describe(`${spec.kind} adapter: the common contract`, () => {
    it('declares the capabilities of PANELS.md and checks account references', async () => {
      expect(adapter.kind).toBe(spec.kind);
      expect(adapter.capabilities).toEqual(caps);
      expect(adapter.checkAccount(spec.active)).toBeNull();
      expect(adapter.checkAccount(spec.invalid)).toEqual(expect.any(String));
      expect(adapter.checkAccount('')).toEqual(expect.any(String));
      expect((await adapter.testConnection()).answer).not.toBe('');
    });

    it('reads the state of an active, a suspended and a missing account', async () => {
      expect(await adapter.getState(spec.active)).toMatchObject({ exists: true, suspended: false });
      expect(await adapter.getState(spec.suspended)).toMatchObject({ exists: true, suspended: true });
      expect(await adapter.getState(spec.missing)).toMatchObject({ exists: false });
    });

    it('suspends and unsuspends, reading back; already so sends no change', async () => {
      const suspended = await adapter.suspend(spec.active, 'Unpaid invoice INV-0042');
      expect(suspended).toMatchObject({ changed: true, state: { suspended: true } });
      expect(fake.accounts.get(spec.active)?.suspended).toBe(true);
      const sent = changes();
      expect(sent).toBe(1);
      expect(await adapter.suspend(spec.active, 'again')).toMatchObject({ changed: false, state: { suspended: true } });
      expect(changes()).toBe(sent);

      expect(await adapter.unsuspend(spec.active)).toMatchObject({ changed: true, state: { suspended: false } });
      expect(fake.accounts.get(spec.active)?.suspended).toBe(false);
      expect(await adapter.unsuspend(spec.active)).toMatchObject({ changed: false });
      expect(changes()).toBe(sent + 1);
    });

    it('refuses a success that changed nothing, and a missing account', async () => {
      fake.failNext('noop');
      const lie = await failureOf(adapter.suspend(spec.active, 'Unpaid'));
      expect(lie.kind).toBe('refused');
      expect(fake.accounts.get(spec.active)?.suspended).toBe(false);
      expect((await failureOf(adapter.suspend(spec.missing, 'Unpaid'))).kind).toBe('not_found');
      expect((await failureOf(adapter.unsuspend(spec.missing))).kind).toBe('not_found');
    });

    it('terminates once; a second time it is already gone', async () => {
      expect(await adapter.terminate(spec.suspended)).toMatchObject({ changed: true, state: { exists: false } });
      expect(fake.accounts.get(spec.suspended)?.deleted).toBe(true);
      const sent = changes();
      expect(await adapter.terminate(spec.suspended)).toMatchObject({ changed: false });
      expect(changes()).toBe(sent);
    });

    if (spec.bandwidth) {
      const { limit, expect: held } = spec.bandwidth;
      it('limits bandwidth, hands back the old setting, and restores it', async () => {
        const before = { bandwidthMb: fake.accounts.get(spec.active)?.bandwidthMb, rateKBps: fake.accounts.get(spec.active)?.rateKBps };
        const limited = await adapter.limitBandwidth(spec.active, limit);
        expect(limited.changed).toBe(true);
        expect(fake.accounts.get(spec.active)).toMatchObject(held);
        const sent = changes();
        expect((await adapter.limitBandwidth(spec.active, limit)).changed).toBe(false);
        expect(changes()).toBe(sent);
        const restored = await adapter.restoreBandwidth(spec.active, limited.previous);
        expect(restored.changed).toBe(true);
        expect(fake.accounts.get(spec.active)).toMatchObject(before);
      });
    } else {
      it('refuses to limit bandwidth: the panel cannot', async () => {
        expect((await failureOf(adapter.limitBandwidth(spec.active, { monthlyMb: 1000, rateKBps: 100 }))).kind).toBe('unsupported');
        expect((await failureOf(adapter.restoreBandwidth(spec.active, null))).kind).toBe('unsupported');
      });
    }

    if (spec.packageTarget) {
      const target = spec.packageTarget;
      it('changes the package, hands back the old one, and changes it back', async () => {
        const original = fake.accounts.get(spec.active)?.package ?? '';
        const changed = await adapter.changePackage(spec.active, target);
        expect(changed).toMatchObject({ changed: true, previous: original });
        expect(fake.accounts.get(spec.active)?.package).toBe(target);
        expect((await adapter.changePackage(spec.active, target)).changed).toBe(false);
        expect((await adapter.changePackage(spec.active, original)).changed).toBe(true);
        expect(fake.accounts.get(spec.active)?.package).toBe(original);
      });
    } else {
      it('refuses to change the package: the panel cannot', async () => {
        expect((await failureOf(adapter.changePackage(spec.active, 'restricted'))).kind).toBe('unsupported');
      });
    }

    if (caps.backup) {
      it('backs up, polling until the panel says it finished', async () => {
        const started = await adapter.startBackup(spec.active);
        let progress = started.done ? { status: 'succeeded' } : await adapter.backupStatus(spec.active, started.ref);
        for (let poll = 0; poll < 10 && progress.status === 'running'; poll += 1) progress = await adapter.backupStatus(spec.active, started.ref);
        expect(progress.status).toBe('succeeded');
        expect(fake.accounts.get(spec.active)?.backups).toBe(1);
      });
    } else {
      it('refuses to back up: the panel cannot', async () => {
        expect((await failureOf(adapter.startBackup(spec.active))).kind).toBe('unsupported');
        expect((await failureOf(adapter.backupStatus(spec.active, 'x'))).kind).toBe('unsupported');
      });
    }

    it('maps wrong credentials to an auth failure, for a test and for an action', async () => {
      const wrong = adapterFor(spec, fake, rec, { credentials: spec.wrongCredentials(fake.credentials) });
      expect((await failureOf(wrong.testConnection())).kind).toBe('auth');
      expect((await failureOf(wrong.suspend(spec.active, 'Unpaid'))).kind).toBe('auth');
      expect(fake.accounts.get(spec.active)?.suspended).toBe(false);
    });

    it('maps a panel that does not answer to a timeout', async () => {
      const impatient = adapterFor(spec, fake, rec, { timeoutMs: 300 });
      fake.failNext('hang');
      expect((await failureOf(impatient.getState(spec.active))).kind).toBe('timeout');
    });

    it('maps HTTP 500 to an http failure and a wrong-shaped body to malformed, never success', async () => {
      fake.failNext('http500');
      expect((await failureOf(adapter.suspend(spec.active, 'Unpaid'))).kind).toBe('http');
      fake.failNext('malformed');
      expect((await failureOf(adapter.getState(spec.active))).kind).toBe('malformed');
      fake.failNext('malformed');
      expect((await failureOf(adapter.testConnection())).kind).toBe('malformed');
      expect(fake.accounts.get(spec.active)?.suspended).toBe(false);
    });

    it('never reports success when the change itself fails (500, wrong shape, no answer)', async () => {
      fake.failNext('http500', spec.isChange);
      expect((await failureOf(adapter.suspend(spec.active, 'Unpaid'))).kind).toBe('http');
      fake.failNext('malformed', spec.isChange);
      expect((await failureOf(adapter.suspend(spec.active, 'Unpaid'))).kind).toBe('malformed');
      const impatient = adapterFor(spec, fake, rec, { timeoutMs: 300 });
      fake.failNext('hang', spec.isChange);
      expect((await failureOf(impatient.terminate(spec.active))).kind).toBe('timeout');
      expect(fake.accounts.get(spec.active)).toMatchObject({ suspended: false, deleted: false });
      expect(fake.requests.filter(spec.isChange)).toHaveLength(3);
    });

    it('maps a panel that is not listening to a network failure', async () => {
      const gone = adapterFor(spec, fake, rec);
      await fake.close();
      expect((await failureOf(gone.getState(spec.active))).kind).toBe('network');
      fake = await spec.start();
    });

    it('sends nothing to a panel presenting a different certificate', async () => {
      const impostor = await spec.start({ certificate: 'other' });
      try {
        expect(impostor.fingerprint).not.toBe(fingerprintOf('panel'));
        const pinned = adapterFor(spec, impostor, rec);
        expect((await failureOf(pinned.testConnection())).kind).toBe('certificate');
        expect((await failureOf(pinned.suspend(spec.active, 'Unpaid'))).kind).toBe('certificate');
        expect(impostor.requests).toEqual([]);
      } finally {
        await impostor.close();
      }
    });
  });
}
