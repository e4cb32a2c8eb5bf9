// The optional app lock: a passphrase asked when HostLedger starts and after a chosen idle time.
// While locked, every other operation is refused with `forbidden` (details.locked = true).
import { z } from 'zod';
import { defineMethod } from './contract.js';

const passphrase = z.string().min(8).max(200);

export const lockStatusSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** Lock after this many minutes without a key press or click; null = only at start. */
  idleMinutes: z.number().int().nullable(),
});

/** What may be called while the app is locked: enough to draw the lock screen and unlock. */
export const LOCK_FREE_METHODS = ['app.info', 'app.lock.status', 'app.lock.unlock', 'preferences.get'] as const;

export const appLockMethods = {
  'app.lock.status': defineMethod({
    summary: 'Whether the app lock is on, and whether the app is locked now.',
    input: z.strictObject({}),
    output: lockStatusSchema,
  }),
  'app.lock.unlock': defineMethod({
    summary: 'Unlock with the passphrase. A wrong one is refused on the passphrase field (and slowed down after a few tries).',
    input: z.strictObject({ passphrase: z.string().max(200) }),
    output: lockStatusSchema,
  }),
  'app.lock.lock': defineMethod({
    summary: 'Lock now (the screens call this after the idle time).',
    input: z.strictObject({}),
    output: lockStatusSchema,
  }),
  'app.lock.configure': defineMethod({
    summary: 'Turn the lock on, change the passphrase or the idle time, or turn it off (newPassphrase null). Changing an existing lock needs the current passphrase.',
    input: z.strictObject({
      currentPassphrase: z.string().max(200).optional(),
      newPassphrase: passphrase.nullable(),
      idleMinutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
    }),
    output: lockStatusSchema,
  }),
};
