// The action queue runs by itself while the book is open: soon after it opens (reconciling what a
// stopped app left running), whenever an action becomes queued, and on a timer for retries that
// waited out their backoff. Like the daily run it only asks through dispatch; the actions
// themselves run asynchronously in the backend, off the request that queued them.
import type { BackendEvent } from '../../../../shared/api/events.js';
import type { Dispatch } from '../../dispatch.js';
import type { EventListener } from '../../events.js';
import type { Logger } from '../../log/logger.js';

export interface ActionQueueOptions {
  dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  logger: Logger;
  firstDelayMs?: number;
  checkEveryMs?: number;
}

export interface ActionQueue {
  stop(): Promise<void>;
}

export function startActionQueue({ dispatch, subscribe, logger, firstDelayMs = 2_000, checkEveryMs = 15_000 }: ActionQueueOptions): ActionQueue {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let pending = false;

  const process = () => {
    if (stopped || pending) return;
    pending = true;
    running = running
      .then(async () => {
        pending = false;
        if (stopped) return;
        const answer = await dispatch('actions.process', {});
        if (!answer.ok) logger.log('warn', 'the action queue did not run', { code: answer.error.code, message: answer.error.message });
      })
      .catch((error: unknown) => logger.error('the action queue failed', error));
  };

  const unsubscribe = subscribe((event: BackendEvent) => {
    if (event.name === 'actions.updated' && event.payload.state === 'queued') process();
  });
  const first = setTimeout(process, firstDelayMs);
  const every = setInterval(process, checkEveryMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
