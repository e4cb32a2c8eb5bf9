// No secret in any file HostLedger writes (the data-safety issue): known secrets are put in the
// secret store, the app is worked — calls that fail and are logged, backups, the book exported —
// and every file under the data folder and the export folder is searched for them, raw and in the
// usual encodings. Only the encrypted secret store itself may hold them, sealed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, fixedClock, type Backend } from '../../electron/core/index.js';
import { defaultSecretStore } from '../../electron/core/backend.js';
import { tempDir } from '../fixtures/book.js';

const SECRETS = ['whm-token-7f3a9c1e5b', 'Sm7p-Pässwörd!2026', 'bt_api_sk_0a1b2c3d4e5f'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const encodings = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex'), JSON.stringify(secret).slice(1, -1)];

let backend: Backend | undefined;
afterEach(() => backend?.close());

describe('secrets never reach a file in clear', () => {
  it('not in the log, the book, a backup, an exported book or the preferences', async () => {
    const dataDir = tempDir();
    const exportDir = tempDir('hostledger-export-');
    // Browser mode's own secret store: AES-256-GCM in secrets.json under a 0600 key file.
    const secrets = defaultSecretStore(dataDir);
    for (const [i, secret] of SECRETS.entries()) await secrets.set(`panel:c${i}:token`, secret);
    backend = await createBackend({ dataDir, clock: fixedClock('2026-11-26T09:00:00Z'), secrets });

    // Calls that are refused or fail get logged; a secret sent by mistake in their input must not be.
    await backend.dispatch('clients.create', { name: 'Leaky Hosting', currency: 'USD', password: SECRETS[0], token: SECRETS[1] });
    await backend.dispatch('app.lock.unlock', { passphrase: SECRETS[2] });
    await backend.dispatch('backups.create', {});
    await backend.dispatch('backups.exportBook', { folder: exportDir });
    backend.logger.log('warn', 'a panel answered', { authorization: `whm root:${SECRETS[0]}`, apiKey: SECRETS[2] });
    await backend.closeWithBackup();
    backend = undefined;

    const files = [...filesUnder(dataDir), ...filesUnder(exportDir)].filter((file) => !file.endsWith('secrets.json'));
    expect(files.some((f) => f.endsWith('hostledger.log'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.sqlite')).length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of SECRETS) for (const form of encodings(secret)) expect(bytes.includes(form), `${form} in ${file}`).toBe(false);
    }
    // The store itself holds them sealed, not in clear.
    const sealed = readFileSync(join(dataDir, 'secrets.json'));
    for (const secret of SECRETS) for (const form of encodings(secret)) expect(sealed.includes(form)).toBe(false);
    expect(await defaultSecretStore(dataDir).get('panel:c1:token')).toBe(SECRETS[1]);
  });
});
