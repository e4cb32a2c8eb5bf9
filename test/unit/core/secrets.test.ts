import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aesGcmCipher, loadSecretKey, SECRET_KEY_ENV } from '../../../electron/core/secrets/keyFileCipher.js';
import { encryptedFileSecretStore } from '../../../electron/core/secrets/secretStore.js';
import { defaultSecretStore } from '../../../electron/core/backend.js';
import { tempDir } from '../../fixtures/book.js';

const SECRET = 'whm-token-7Hq9-DO-NOT-LEAK';

describe('the browser-mode secret store', () => {
  it('keeps secrets sealed on disk and reads them back', async () => {
    const dir = tempDir();
    const store = defaultSecretStore(dir);
    await store.set('panel:1:token', SECRET);
    expect(await store.get('panel:1:token')).toBe(SECRET);
    expect(await store.names()).toEqual(['panel:1:token']);
    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain(Buffer.from(SECRET).toString('base64'));
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    }
    await store.delete('panel:1:token');
    expect(await store.get('panel:1:token')).toBeUndefined();
  });

  it('uses the key from the environment when given, and refuses a malformed one', () => {
    const dir = tempDir();
    const hex = 'ab'.repeat(32);
    expect(loadSecretKey(join(dir, 'secret.key'), { [SECRET_KEY_ENV]: hex }).key.toString('hex')).toBe(hex);
    expect(() => loadSecretKey(join(dir, 'secret.key'), { [SECRET_KEY_ENV]: 'short' })).toThrow(/32-byte key/);
  });

  it('cannot be opened with another key', async () => {
    const dir = tempDir();
    const file = join(dir, 'secrets.json');
    await encryptedFileSecretStore(file, aesGcmCipher(Buffer.alloc(32, 1))).set('smtp', SECRET);
    await expect(encryptedFileSecretStore(file, aesGcmCipher(Buffer.alloc(32, 2))).get('smtp')).rejects.toThrow();
  });
});
