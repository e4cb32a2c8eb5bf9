// How much on the desk waits for a person (lines needing approval, failed lines), for the badge on
// the desk's navigation item: read once, then kept current by the backend's 'dunning.attention'
// and 'dunning.ran' events. In browser mode the same event (and a panel action that failed) raises a desktop notification
// through the web Notification API — only if the user allowed it on the desk; the desktop app's
// main process shows its own (electron/main/notifications.ts), so the window stays quiet there.
import { useEffect, useState } from 'react';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Lines waiting for a person in a desk's counts. */
export const waitingCount = (counts: Record<string, number>): number => (counts.needs_approval ?? 0) + (counts.failed ?? 0);

/** The count, and a way for the desk to pass on the counts it has just read (after an approval, say). */
export function useDeskAttention(): [number, (counts: Record<string, number>) => void] {
  const api = useApi();
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('dunning.desk', {}).then((answer) => {
      if (current && answer.ok) setCount(waitingCount(answer.value.counts));
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  useBackendEvent('dunning.ran', () => setVersion((v) => v + 1));
  useBackendEvent('dunning.attention', (event) => {
    setCount(event.needsApproval + event.failed);
    if (browserNotificationsAllowed()) new Notification(t('desk.notify.title'), { body: t('desk.notify.body', event), tag: 'hostledger-desk' });
  });
  useBackendEvent('actions.updated', (event) => {
    if (event.state === 'failed' && browserNotificationsAllowed()) new Notification(t('desk.notify.actionFailedTitle'), { body: t('desk.notify.actionFailedBody'), tag: `hostledger-action-${event.id}` });
  });
  return [count, (counts) => setCount(waitingCount(counts))];
}

/** Browser mode only (the desktop app has no web notifications of its own to give), and only when allowed. */
export const browserNotificationsAllowed = (): boolean => !('hostledger' in window) && 'Notification' in window && Notification.permission === 'granted';
