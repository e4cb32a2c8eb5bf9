import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPreferences } from '../../../electron/core/index.js';
import { ApiError } from '../../../electron/core/errors.js';
import { createSecretStore, PLAIN_TEXT_REFUSED, SECRETS_FILE } from '../../../electron/main/secrets.js';
import { tempDir } from '../../fixtures/book.js';
import { electron, fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

const TOKEN = 'cpanel-token-7f3a9c';
let dir: string;
beforeEach(() => {
  fake.reset();
  dir = tempDir('hostledger-secrets-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileText = () => readFileSync(join(dir, SECRETS_FILE), 'utf8');

describe('secrets sealed with safeStorage', () => {
  it('round-trip through the encrypted file, which never holds the plain text', async () => {
    const store = createSecretStore(dir, memoryPreferences(), 'linux');
    await store.set('panel:whm-1', TOKEN);
    await store.set('smtp', '密码 with spaces');
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledWith(TOKEN);
    expect(fileText()).not.toContain(TOKEN);
    expect(fileText()).not.toContain(Buffer.from(TOKEN).toString('base64'));

    // A new store on the same file (the next start) reads them back.
    const again = createSecretStore(dir, memoryPreferences(), 'linux');
    expect(await again.get('panel:whm-1')).toBe(TOKEN);
    expect(await again.get('smtp')).toBe('密码 with spaces');
    expect(await again.get('missing')).toBeUndefined();
    expect((await again.names()).sort()).toEqual(['panel:whm-1', 'smtp']);
    await again.delete('smtp');
    expect(await again.names()).toEqual(['panel:whm-1']);
    expect(again.backend).toBe('safeStorage');
  });

  it('re-seals a secret the keychain asks to re-encrypt', async () => {
    const store = createSecretStore(dir, memoryPreferences(), 'darwin');
    await store.set('sms', TOKEN);
    const before = fileText();
    fake.state.shouldReEncrypt = true;
    electron.safeStorage.encryptStringAsync.mockClear();
    expect(await store.get('sms')).toBe(TOKEN);
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledExactlyOnceWith(TOKEN);
    fake.state.shouldReEncrypt = false;
    expect(await store.get('sms')).toBe(TOKEN);
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledOnce();
    expect(JSON.parse(fileText())).toEqual(JSON.parse(before));
  });

  it('asks nothing about basic_text outside Linux', async () => {
    fake.state.storageBackend = 'basic_text';
    await createSecretStore(dir, memoryPreferences(), 'win32').set('smtp', TOKEN);
    expect(electron.safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe("Linux's basic_text backend", () => {
  beforeEach(() => {
    fake.state.storageBackend = 'basic_text';
  });

  it('is refused unless accepted: asks once, then refuses every save with a clear error', async () => {
    const prefs = memoryPreferences();
    const store = createSecretStore(dir, prefs, 'linux');
    // Reading asks nothing: nothing can have been saved.
    expect(await store.get('smtp')).toBeUndefined();
    expect(await store.names()).toEqual([]);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const refusal = store.set('smtp', TOKEN);
    await expect(refusal).rejects.toBeInstanceOf(ApiError);
    await expect(refusal).rejects.toMatchObject({ code: 'unavailable', message: PLAIN_TEXT_REFUSED });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ type: 'warning', detail: expect.stringContaining('obfuscated') }),
    );

    await expect(store.set('panel:whm-1', TOKEN)).rejects.toMatchObject({ code: 'unavailable' });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(existsSync(join(dir, SECRETS_FILE))).toBe(false);
    expect(prefs.get('acceptedPlainTextSecrets')).toBe(false);
  });

  it('is used once the user accepts the warning, and the answer is remembered', async () => {
    const prefs = memoryPreferences();
    const store = createSecretStore(dir, prefs, 'linux');
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await store.set('smtp', TOKEN);
    expect(prefs.get('acceptedPlainTextSecrets')).toBe(true);
    expect(await store.get('smtp')).toBe(TOKEN);
    expect(await store.names()).toEqual(['smtp']);
    expect(store.backend).toBe('safeStorage');

    const nextStart = createSecretStore(dir, prefs, 'linux');
    expect(await nextStart.get('smtp')).toBe(TOKEN);
    await nextStart.set('sms', TOKEN);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
  });
});
