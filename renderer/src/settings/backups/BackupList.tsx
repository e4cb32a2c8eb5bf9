// "Back up now" with its progress, the backups in the folder (when, why, what each holds, whether
// it was verified), and restoring one of them — or a book file from elsewhere — after a look at
// what it holds.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import type { Output } from '../../../../shared/api/methods.js';
import { translateApiError } from '../../../../shared/i18n/index.js';
import { useApi, useBackendEvent } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { TextField } from '../../ui/Field.js';
import { formatDate, formatInstant } from '../../ui/formatting.js';
import type { BackupListing } from './BackupsScreen.js';
import { RestoreDialog } from './RestoreDialog.js';

type Backup = Output<'backups.list'>['items'][number];

const megabytes = (bytes: number, language: string) => `${(bytes / 1_048_576).toLocaleString(language, { maximumFractionDigits: 1 })} MB`;

export function BackupList({ listing, onChanged }: { listing: BackupListing | null; onChanged: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [working, setWorking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [otherFile, setOtherFile] = useState('');
  const [askingForFile, setAskingForFile] = useState(false);

  useBackendEvent('job.progress', (event) => {
    if (working && !event.finished && event.total) setProgress({ done: event.done, total: event.total });
  });

  async function backUpNow() {
    setWorking(true);
    setProgress(null);
    setMade(null);
    const answer = await api.call('backups.create', {});
    setWorking(false);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) {
      setMade(answer.value.backup.file);
      onChanged();
    }
  }

  const holds = (backup: Backup) =>
    backup.contents
      ? `${t('backups.holds', { clients: backup.contents.clients, invoices: backup.contents.invoices, payments: backup.contents.payments })}${backup.contents.lastPaymentDate ? ` · ${t('backups.lastPayment', { date: formatDate(backup.contents.lastPaymentDate, language) })}` : ''}`
      : t('backups.holdsUnknown');

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading" className="panel-title">
        {t('backups.title')}
      </h2>
      <p className="muted small panel-intro">{t('backups.intro')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={working} onClick={() => void backUpNow()}>
          {t('backups.now')}
        </button>
        {working && (
          <span className="progress-inline" role="status">
            {progress ? <progress className="progress" value={progress.done} max={progress.total} aria-label={t('backups.working')} /> : <progress className="progress" aria-label={t('backups.working')} />}
            {progress ? t('backups.progress', progress) : t('backups.working')}
          </span>
        )}
        <button type="button" className="button" onClick={() => setAskingForFile((open) => !open)} aria-expanded={askingForFile}>
          {t('backups.restoreFile')}
        </button>
      </div>
      {askingForFile && (
        <form
          className="inline-form-fields"
          onSubmit={(event) => {
            event.preventDefault();
            if (otherFile.trim()) setRestoring(otherFile.trim());
          }}
        >
          <TextField id="backup-other-file" className="field-wide" label={t('backups.restoreFileLabel')} value={otherFile} onChange={(event) => setOtherFile(event.target.value)} />
          <button type="submit" className="button">
            {t('backups.inspect')}
          </button>
        </form>
      )}
      {made && (
        <p className="notice notice-success" role="status">
          {t('backups.made', { file: made })}
        </p>
      )}
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      {listing && listing.items.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {listing && listing.items.length > 0 && (
        <table className="data-table compact-table backup-table">
          <caption className="run-caption">{t('backups.list', { folder: listing.folder })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.column.made')}</th>
              <th scope="col">{t('backups.column.reason')}</th>
              <th scope="col">{t('backups.column.holds')}</th>
              <th scope="col" className="col-quantity">{t('backups.column.size')}</th>
              <th scope="col">{t('backups.column.checked')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listing.items.map((backup) => (
              <tr key={backup.file}>
                <td>{formatInstant(backup.createdAt, language)}</td>
                <td>{t(`backups.reason.${backup.reason}`)}</td>
                <td>{holds(backup)}</td>
                <td className="col-quantity">{megabytes(backup.sizeBytes, language)}</td>
                <td>{backup.verified ? `✓ ${t('backups.verified')}` : `✗ ${t('backups.notVerified')}`}</td>
                <td>
                  <button type="button" className="button button-small" onClick={() => setRestoring(backup.file)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && <RestoreDialog file={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}
