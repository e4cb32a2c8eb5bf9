import type { appMethods } from '../../../shared/api/app.js';
import { businessDate } from '../../../shared/dates.js';
import type { HandlersOf } from '../context.js';
import { schemaVersion } from '../db/migrate.js';
import { APP_VERSION } from '../version.js';

export const appHandlers: HandlersOf<typeof appMethods> = {
  'app.info'(_input, ctx) {
    const timeZone = ctx.settings.get('timeZone');
    return {
      version: APP_VERSION,
      schemaVersion: schemaVersion(ctx.db),
      dataDir: ctx.dataDir,
      timeZone,
      today: businessDate(ctx.clock.now(), timeZone),
    };
  },
  'preferences.get'(_input, ctx) {
    return { language: ctx.prefs.get('language'), theme: ctx.prefs.get('theme') };
  },
  'preferences.update'(input, ctx) {
    if (input.language !== undefined) ctx.prefs.set('language', input.language);
    if (input.theme !== undefined) ctx.prefs.set('theme', input.theme);
    return { language: ctx.prefs.get('language'), theme: ctx.prefs.get('theme') };
  },
};
