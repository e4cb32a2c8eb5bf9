// Secrets (panel tokens, SMTP password, SMS gateway key) live behind this port and nowhere else:
// never in the database, so never in a backup or export; never sent to the renderer.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface SecretStore {
  /** A short name of where secrets are kept, for the settings screen. */
  readonly backend: string;
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  names(): Promise<string[]>;
}

/** Turns a secret into bytes only its owner can turn back: OS keychain or a key of ours. */
export interface SecretCipher {
  readonly name: string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

/**
 * Secrets sealed one by one with a cipher and kept in a JSON file of base64 blobs, written
 * atomically (temp file, then rename) with owner-only permissions.
 */
export function encryptedFileSecretStore(file: string, cipher: SecretCipher): SecretStore {
  const read = (): Record<string, string> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const write = (sealed: Record<string, string>) => {
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(sealed, null, 2), { mode: 0o600 });
    renameSync(temp, file);
  };
  return {
    backend: cipher.name,
    async get(name) {
      const blob = read()[name];
      return blob === undefined ? undefined : cipher.decrypt(Buffer.from(blob, 'base64'));
    },
    async set(name, value) {
      const sealed = (await cipher.encrypt(value)).toString('base64');
      write({ ...read(), [name]: sealed });
    },
    async delete(name) {
      const all = read();
      delete all[name];
      write(all);
    },
    async names() {
      return Object.keys(read());
    },
  };
}

export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    backend: 'memory',
    get: async (name) => values.get(name),
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
    names: async () => [...values.keys()],
  };
}
