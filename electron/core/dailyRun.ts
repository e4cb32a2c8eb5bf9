// The daily backup, billing run and arrears ladder run start by themselves: soon after the book opens (catching up on the days the
// app was closed), then whenever the date has moved on. The run is idempotent; this only decides
// when to ask for it, through dispatch like any other caller.
import type { Dispatch } from './dispatch.js';
import type { Logger } from './log/logger.js';

export interface DailyRunOptions {
  dispatch: Dispatch;
  logger: Logger;
  /** How long after opening the book the first run starts (let the window open first). */
  firstDelayMs?: number;
  /** How often to look whether the date has moved on. */
  checkEveryMs?: number;
}

export interface DailyRun {
  /** Resolves when the check in progress, if any, has finished. */
  stop(): Promise<void>;
}

export function startDailyRun({ dispatch, logger, firstDelayMs = 3_000, checkEveryMs = 15 * 60_000 }: DailyRunOptions): DailyRun {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const runIfDue = async () => {
    const info = await dispatch('app.info', {});
    const runs = await dispatch('billing.runs', { limit: 1 });
    if (!info.ok || !runs.ok) return;
    const today = (info.value as { today: string }).today;
    // The first start of the day backs the book up before the day's work changes it.
    const backup = await dispatch('backups.daily', {});
    if (!backup.ok) logger.log('warn', 'the daily backup failed', { code: backup.error.code, message: backup.error.message });
    const last = (runs.value as { items: { runDate: string; status: string }[] }).items[0];
    if (!last || last.runDate < today || last.status !== 'finished') {
      // Days past due grew overnight: rescore every stale client as of today (off this thread for a
      // big book) and write the day's history point — first, so renewals are issued by today's bands.
      const risk = await dispatch('risk.refresh', {});
      if (!risk.ok) logger.log('warn', 'the daily risk refresh did not finish', { code: risk.error.code, message: risk.error.message });
      const result = await dispatch('billing.run', {});
      if (!result.ok) logger.log('warn', 'the daily billing run did not finish', { code: result.error.code, message: result.error.message });
    }
    // Then the arrears ladder, on today's invoices and fees: the catch-up after closed days happens here.
    const ladderRuns = await dispatch('dunning.runs.list', { limit: 1 });
    const lastLadder = ladderRuns.ok ? (ladderRuns.value as { runs: { asOf: string; finishedAt: string | null }[] }).runs[0] : undefined;
    if (lastLadder && lastLadder.asOf >= today && lastLadder.finishedAt !== null) return;
    const ladder = await dispatch('dunning.run', { daily: true });
    if (!ladder.ok) logger.log('warn', 'the daily ladder run did not finish', { code: ladder.error.code, message: ladder.error.message });
  };

  const check = () => {
    if (stopped) return;
    running = running.then(runIfDue).catch((error: unknown) => logger.error('the daily billing run failed', error));
  };

  const first = setTimeout(check, firstDelayMs);
  const every = setInterval(check, checkEveryMs);
  // Neither timer may keep a process alive that is otherwise done (tests, CLI tools).
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
