// The app lock: off by default; once set, the app starts locked and refuses everything but what
// unlocking needs; a wrong passphrase is refused on its field; the passphrase is never stored
// or logged, only a salted hash; the daily run goes on while the screen is locked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, fixedClock, memorySecretStore, silentLogger, type Backend } from '../../electron/core/index.js';
import { confPreferences } from '../../electron/core/prefs/confPreferences.js';
import { tempDir } from '../fixtures/book.js';

const PASSPHRASE = 'correct horse battery';
let backend: Backend | undefined;
afterEach(() => backend?.close());

const open = (dataDir: string) =>
  createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00Z'), prefs: confPreferences(dataDir), secrets: memorySecretStore(), logger: silentLogger, actor: 'li.na' });

describe('app lock', () => {
  it('is off until set; once set, a new start is locked until the passphrase is given', async () => {
    const dataDir = tempDir();
    backend = await open(dataDir);
    expect((await backend.dispatch('app.lock.status', {})).ok && (await backend.dispatch('clients.search', {})).ok).toBe(true);
    const set = await backend.dispatch('app.lock.configure', { newPassphrase: PASSPHRASE, idleMinutes: 10 });
    expect(set).toMatchObject({ ok: true, value: { enabled: true, locked: false, idleMinutes: 10 } });
    backend.close();

    backend = await open(dataDir);
    expect(await backend.dispatch('app.lock.status', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await backend.dispatch('clients.search', {})).toMatchObject({ ok: false, error: { code: 'forbidden', details: { locked: true } } });
    // The app's own work is not held up by the screen lock.
    expect((await backend.dispatchAsApp('clients.search', {})).ok).toBe(true);

    const wrong = await backend.dispatch('app.lock.unlock', { passphrase: 'wrong passphrase' });
    expect(wrong.ok ? null : wrong.error.details?.fields?.[0]?.field).toBe('passphrase');
    expect((await backend.dispatch('app.lock.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    expect((await backend.dispatch('clients.search', {})).ok).toBe(true);

    // Locking by hand (or after the idle time), then the same again.
    await backend.dispatch('app.lock.lock', {});
    expect((await backend.dispatch('clients.search', {})).ok).toBe(false);
    await backend.dispatch('app.lock.unlock', { passphrase: PASSPHRASE });

    // Only a salted hash is kept; the audit log says who set the lock, not the passphrase.
    const files = [join(dataDir, 'config.json'), join(dataDir, 'hostledger.sqlite')];
    for (const file of files) expect(readFileSync(file).includes(PASSPHRASE)).toBe(false);
    const row = backend.db.prepare("SELECT actor, data_json FROM audit_log WHERE action = 'app.lock_set'").get() as { actor: string; data_json: string };
    expect(row.actor).toBe('li.na');
    expect(row.data_json).not.toContain(PASSPHRASE);
  });

  it('changing or removing the lock needs the current passphrase', async () => {
    const dataDir = tempDir();
    backend = await open(dataDir);
    await backend.dispatch('app.lock.configure', { newPassphrase: PASSPHRASE, idleMinutes: null });
    const refused = await backend.dispatch('app.lock.configure', { newPassphrase: null });
    expect(refused.ok ? null : refused.error.details?.fields?.[0]?.field).toBe('currentPassphrase');
    expect(await backend.dispatch('app.lock.configure', { currentPassphrase: PASSPHRASE, newPassphrase: null })).toMatchObject({ ok: true, value: { enabled: false, locked: false } });
    const short = await backend.dispatch('app.lock.configure', { newPassphrase: 'short' });
    expect(short.ok ? null : short.error.details?.fields?.[0]?.field).toBe('newPassphrase');
  });
});
