// "Enable desktop notifications" on the desk, in browser mode: the browser asks only when the user
// presses it, never on load. In the desktop app the main process notifies by itself, so nothing shows.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => ('hostledger' in window || !('Notification' in window) ? 'unsupported' : Notification.permission);

export function NotificationSwitch() {
  const { t } = useI18n();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <p className="muted small desk-notify">{t('desk.notify.on')}</p>;
  if (permission === 'denied') return <p className="muted small desk-notify">{t('desk.notify.blocked')}</p>;
  return (
    <p className="desk-notify">
      <button type="button" className="button button-small" onClick={() => void Notification.requestPermission().then(setPermission)}>
        {t('desk.notify.enable')}
      </button>
    </p>
  );
}
