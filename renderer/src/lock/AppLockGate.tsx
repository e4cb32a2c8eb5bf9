// The app lock in the window: when the backend says it is locked (at start, after the idle time,
// or because any call was refused as locked) the screens give way to the lock screen. The idle
// timer runs here: no key press, click or touch for the chosen minutes locks the app.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import type { ApiClient } from '../api/apiClient.js';
import { ApiProvider, useApi } from '../api/ApiProvider.js';
import { LockScreen } from './LockScreen.js';

type LockStatus = Output<'app.lock.status'>;

const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function AppLockGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<LockStatus | null>(null);

  // Every call the screens make passes here: a refusal because the app is locked shows the lock.
  const guarded = useMemo<ApiClient>(
    () => ({
      subscribe: api.subscribe,
      async call(method, input) {
        const answer = await api.call(method, input);
        if (!answer.ok && answer.error.code === 'forbidden' && answer.error.details?.locked === true) setStatus((s) => (s ? { ...s, locked: true } : s));
        if (answer.ok && method.startsWith('app.lock.')) setStatus(answer.value as LockStatus);
        return answer;
      },
    }),
    [api],
  );

  useEffect(() => {
    let current = true;
    void api.call('app.lock.status', {}).then((answer) => {
      // A backend without an answer still shows the screens, which say it cannot be reached.
      if (current) setStatus(answer.ok ? answer.value : { enabled: false, locked: false, idleMinutes: null });
    });
    return () => {
      current = false;
    };
  }, [api]);

  const idleMinutes = status && !status.locked ? status.idleMinutes : null;
  useEffect(() => {
    if (idleMinutes === null) return;
    let timer = setTimeout(lockNow, idleMinutes * 60_000);
    function lockNow() {
      void guarded.call('app.lock.lock', {});
    }
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lockNow, idleMinutes * 60_000);
    };
    for (const name of ACTIVITY) window.addEventListener(name, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart);
    };
  }, [idleMinutes, guarded]);

  if (status === null) return null;
  if (status.locked) return <LockScreen onUnlocked={setStatus} />;
  return <ApiProvider api={guarded}>{children}</ApiProvider>;
}
