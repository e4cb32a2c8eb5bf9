// Before a restore the reseller sees what the backup holds and that the current book is kept
// first; the backend then reopens on the restored book and the window reloads.
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import type { Output } from '../../../../shared/api/methods.js';
import { translateApiError } from '../../../../shared/i18n/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Dialog } from '../../ui/Dialog.js';
import { formatDate, formatInstant } from '../../ui/formatting.js';

type Inspected = Output<'backups.inspect'>;

export function RestoreDialog({ file, onClose }: { file: string; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoredAs, setRestoredAs] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    void api.call('backups.inspect', { file }).then((answer) => {
      if (!current) return;
      setInspected(answer.ok ? answer.value : null);
      setProblem(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, file]);

  async function restore() {
    setRestoring(true);
    const answer = await api.call('backups.restore', { file });
    if (answer.ok) setRestoredAs(answer.value.safetyBackup.file);
    else {
      setRestoring(false);
      setProblem(answer.error);
    }
  }

  const contents = inspected?.contents;
  const unusable = inspected !== null && (!inspected.verified || !contents);
  const problemText = problem ? (problem.code === 'invalid_input' ? t('backups.cannotRestore', { reason: problem.message }) : translateApiError(language, problem)) : null;

  return (
    <Dialog title={t('backups.restoreTitle')} onClose={onClose} initialFocus={cancel} size="small">
      {inspected === null && !problem && <progress className="progress" aria-label={t('health.checking')} />}
      {inspected && contents && (
        <>
          <p>{t('backups.restoreMadeAt', { at: formatInstant(inspected.createdAt, language) })}</p>
          <p>
            {contents.lastPaymentDate
              ? t('backups.restoreHolds', { clients: contents.clients, invoices: contents.invoices, payments: contents.payments, date: formatDate(contents.lastPaymentDate, language) })
              : t('backups.restoreHoldsNoPayment', { clients: contents.clients, invoices: contents.invoices })}
          </p>
          <p className="notice notice-warning">{t('backups.restoreWarning')}</p>
        </>
      )}
      {unusable && (
        <p className="notice notice-error" role="alert">
          {t('backups.cannotRestore', { reason: inspected.problems[0] ?? '' })}
        </p>
      )}
      {problemText && (
        <p className="notice notice-error" role="alert">
          {problemText}
        </p>
      )}
      {restoring && (
        <p role="status" className="progress-inline">
          <progress className="progress" aria-label={t('backups.restoring')} />
          {restoredAs ? t('backups.restored', { file: restoredAs }) : t('backups.restoring')}
        </p>
      )}
      <div className="dialog-footer">
        <button type="button" ref={cancel} className="button" onClick={onClose} disabled={restoring}>
          {t('form.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={!inspected || unusable || restoring} onClick={() => void restore()}>
          {t('backups.restoreConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
