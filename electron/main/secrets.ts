// Secrets in the desktop app (DESIGN §3): each one sealed by the OS keychain through Electron's
// safeStorage (async API) and kept in secrets.json in the user-data folder. On Linux without a
// keyring, safeStorage falls back to 'basic_text', a key built into Chromium: that only obfuscates,
// so HostLedger refuses it unless the user has accepted a warning.
import { join } from 'node:path';
import { dialog, safeStorage } from 'electron';
import { encryptedFileSecretStore, type Preferences, type SecretCipher, type SecretStore } from '../core/index.js';
import { ApiError } from '../core/errors.js';

export const SECRETS_FILE = 'secrets.json';

/** A cipher over safeStorage that also reports when the keychain asks for re-encryption. */
function safeStorageCipher(onStale: () => void): SecretCipher {
  return {
    name: 'safeStorage',
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(sealed) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
      if (shouldReEncrypt) onStale();
      return result;
    },
  };
}

/**
 * The encrypted file store over safeStorage. When a read comes back flagged for re-encryption
 * (the keychain rotated its key or found a stronger one), the secret is written again so the file
 * follows. A concurrent read may take the flag instead; then the other secret is re-sealed on its
 * next read, which is harmless.
 */
export function safeStorageSecretStore(file: string): SecretStore {
  let stale = false;
  const inner = encryptedFileSecretStore(file, safeStorageCipher(() => (stale = true)));
  return {
    ...inner,
    async get(name) {
      const value = await inner.get(name);
      if (stale && value !== undefined) {
        stale = false;
        await inner.set(name, value);
      }
      return value;
    },
  };
}

export const PLAIN_TEXT_REFUSED =
  'HostLedger will not save passwords or tokens on this computer: no keyring (such as GNOME Keyring or KWallet) is available, ' +
  'and without one they would only be obfuscated, not encrypted. Start a keyring and restart HostLedger, or accept the warning when asked.';

/** Asks whether secrets may be kept with only basic_text obfuscation; remembers a yes. */
async function acceptPlainText(prefs: Preferences): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'HostLedger',
    message: 'No keyring is available to protect passwords and tokens.',
    detail:
      'Panel tokens, the SMTP password and the SMS gateway key would be stored only obfuscated, not encrypted: ' +
      'anyone who can read your files could recover them. Start a keyring (GNOME Keyring, KWallet) and restart HostLedger to have them encrypted.',
    buttons: ['Do not save secrets', 'Store them obfuscated'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  const accepted = response === 1;
  if (accepted) prefs.set('acceptedPlainTextSecrets', true);
  return accepted;
}

/**
 * Stands in while basic_text is not accepted: nothing can have been saved, so it reads as empty.
 * The first save asks, once per run; after a yes it is the safeStorage store, after a no every
 * save fails with a sentence that dispatch passes on to the screen.
 */
function askingSecretStore(file: string, prefs: Preferences): SecretStore {
  const store = safeStorageSecretStore(file);
  let answer: Promise<boolean> | null = null;
  let accepted = false;
  return {
    get backend() {
      return accepted ? store.backend : 'safeStorage (basic_text, not accepted)';
    },
    get: async (name) => (accepted ? store.get(name) : undefined),
    delete: async (name) => (accepted ? store.delete(name) : undefined),
    names: async () => (accepted ? store.names() : []),
    async set(name, value) {
      answer ??= acceptPlainText(prefs);
      accepted = await answer;
      if (!accepted) throw new ApiError('unavailable', PLAIN_TEXT_REFUSED);
      await store.set(name, value);
    },
  };
}

export function createSecretStore(userDataDir: string, prefs: Preferences, platform: NodeJS.Platform = process.platform): SecretStore {
  const file = join(userDataDir, SECRETS_FILE);
  const plainText = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (plainText && !prefs.get('acceptedPlainTextSecrets')) return askingSecretStore(file, prefs);
  return safeStorageSecretStore(file);
}
