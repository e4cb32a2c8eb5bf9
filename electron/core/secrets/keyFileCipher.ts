// Browser mode has no OS keychain: secrets are sealed with AES-256-GCM under a key taken from
// HOSTLEDGER_SECRET_KEY (64 hex characters or base64 of 32 bytes) or, when that is not set, from a
// key file created once with mode 0600 in the user-data folder.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { SecretCipher } from './secretStore.js';

export const SECRET_KEY_ENV = 'HOSTLEDGER_SECRET_KEY';

function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold a 32-byte key (64 hex characters or base64).`);
  return key;
}

export function loadSecretKey(keyFile: string, env: NodeJS.ProcessEnv = process.env): { key: Buffer; source: string } {
  const fromEnv = env[SECRET_KEY_ENV];
  if (fromEnv) return { key: parseKey(fromEnv, SECRET_KEY_ENV), source: 'environment' };
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) {
    // Someone loosened the permissions: tighten them rather than use a key others can read.
    chmodSync(keyFile, 0o600);
  }
  return { key: parseKey(readFileSync(keyFile, 'utf8'), keyFile), source: 'key file' };
}

export function aesGcmCipher(key: Buffer, name = 'aes-256-gcm'): SecretCipher {
  return {
    name,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
