// Settings → Backups, lock & health: back up now, where backups go and how many are kept, restore a
// backup (or open a book file from another computer), the app lock, move the book, and the health checks.
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api/methods.js';
import { useApi, useBackendEvent } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { AppLockPanel } from '../../lock/AppLockPanel.js';
import { SettingsNav } from '../SettingsNav.js';
import { BackupList } from './BackupList.js';
import { BackupSettingsPanel } from './BackupSettingsPanel.js';
import { ExportBookPanel } from './ExportBookPanel.js';
import { HealthPanel } from './HealthPanel.js';

export type BackupListing = Output<'backups.list'>;

export function BackupsScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [changed, setChanged] = useState(0);
  const refresh = () => setChanged((count) => count + 1);

  useEffect(() => {
    let current = true;
    void api.call('backups.list', {}).then((answer) => {
      if (current && answer.ok) setListing(answer.value);
    });
    return () => {
      current = false;
    };
  }, [api, changed]);

  // After a restore the backend reopens on another book: everything on screen is stale.
  useBackendEvent('app.reopened', () => window.location.reload());

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="backups" />
      <BackupList listing={listing} onChanged={refresh} />
      <BackupSettingsPanel onChanged={refresh} />
      <AppLockPanel />
      <ExportBookPanel />
      <HealthPanel />
    </div>
  );
}
