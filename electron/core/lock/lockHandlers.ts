// The app lock's operations. The gate itself (refusing everything else while locked) is in
// createBackend, in front of every book the backend opens.
import type { appLockMethods } from '../../../shared/api/appLock.js';
import type { Context, HandlersOf } from '../context.js';
import { invalidField } from '../errors.js';

const status = (ctx: Context) => ({ enabled: ctx.lock.enabled, locked: ctx.lock.locked, idleMinutes: ctx.lock.idleMinutes });

export const lockHandlers: HandlersOf<typeof appLockMethods> = {
  'app.lock.status'(_input, ctx) {
    return status(ctx);
  },

  async 'app.lock.unlock'(input, ctx) {
    if (!(await ctx.lock.unlock(input.passphrase))) throw invalidField({ field: 'passphrase', code: 'invalid', message: 'That passphrase is not right.' });
    return status(ctx);
  },

  'app.lock.lock'(_input, ctx) {
    ctx.lock.lock();
    return status(ctx);
  },

  async 'app.lock.configure'(input, ctx) {
    if (ctx.lock.enabled && !(await ctx.lock.matches(input.currentPassphrase ?? ''))) {
      throw invalidField({ field: 'currentPassphrase', code: 'invalid', message: 'The current passphrase is not right.' });
    }
    await ctx.lock.configure(input.newPassphrase, input.newPassphrase === null ? null : input.idleMinutes);
    // Who changed the lock, never the passphrase.
    ctx.transaction(() => ctx.audit.append({ action: input.newPassphrase === null ? 'app.lock_removed' : 'app.lock_set', entity: 'app', entityId: 'lock', data: { idleMinutes: input.idleMinutes } }));
    return status(ctx);
  },
};
