// The app lock's state: the passphrase is kept only as a salted scrypt hash in the per-user
// preferences (it protects this desktop, not the book), and the app starts locked when one is set.
// Lives outside any one open book, so a restore does not unlock it.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Preferences } from '../prefs/preferences.js';

const derive = promisify(scrypt) as (passphrase: string, salt: Buffer, length: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
/** After this many wrong passphrases in a row, each further try waits a while first. */
const FREE_TRIES = 5;
const PENALTY_MS = 2000;

export interface AppLock {
  readonly enabled: boolean;
  readonly locked: boolean;
  readonly idleMinutes: number | null;
  /** true when the passphrase was right. */
  unlock(passphrase: string): Promise<boolean>;
  lock(): void;
  /** Checks a passphrase without changing the state. */
  matches(passphrase: string): Promise<boolean>;
  configure(passphrase: string | null, idleMinutes: number | null): Promise<void>;
}

export function createAppLock(prefs: Preferences, wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): AppLock {
  let locked = prefs.get('appLock') !== null;
  let wrongInARow = 0;

  const matches = async (passphrase: string) => {
    const stored = prefs.get('appLock');
    if (!stored) return true;
    const expected = Buffer.from(stored.hash, 'base64');
    const actual = await derive(passphrase, Buffer.from(stored.salt, 'base64'), KEY_LENGTH);
    return timingSafeEqual(expected, actual);
  };

  return {
    get enabled() {
      return prefs.get('appLock') !== null;
    },
    get locked() {
      return locked;
    },
    get idleMinutes() {
      return prefs.get('appLock')?.idleMinutes ?? null;
    },
    matches,
    async unlock(passphrase) {
      if (wrongInARow >= FREE_TRIES) await wait(PENALTY_MS);
      const right = await matches(passphrase);
      wrongInARow = right ? 0 : wrongInARow + 1;
      if (right) locked = false;
      return right;
    },
    lock() {
      if (prefs.get('appLock') !== null) locked = true;
    },
    async configure(passphrase, idleMinutes) {
      if (passphrase === null) {
        prefs.set('appLock', null);
        locked = false;
        return;
      }
      const salt = randomBytes(16);
      const hash = await derive(passphrase, salt, KEY_LENGTH);
      prefs.set('appLock', { salt: salt.toString('base64'), hash: hash.toString('base64'), idleMinutes });
    },
  };
}
