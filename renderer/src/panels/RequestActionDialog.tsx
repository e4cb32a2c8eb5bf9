// Asking for one panel action on a contract: a reason, and what to set for a bandwidth limit or a
// downgrade. Where the panel can back up, a suspension is preceded by a backup it waits for; where
// it cannot, the dialog says so.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input } from '../../../shared/api/methods.js';
import type { Contract } from '../../../shared/domain/contract.js';
import type { RequestableActionKind } from '../../../shared/domain/panelAction.js';
import type { PanelCapabilities } from '../../../shared/domain/panelCapabilities.js';
import { hrefOf } from '../app/routes.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['reason', 'packageName', 'bandwidth', 'bandwidth.monthlyMb', 'bandwidth.rateKBps'] as const;

interface RequestActionDialogProps {
  contract: Contract;
  kind: RequestableActionKind;
  capabilities: PanelCapabilities;
  onClose: () => void;
}

export function RequestActionDialog({ contract, kind, capabilities, onClose }: RequestActionDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [packageName, setPackageName] = useState('');
  const [monthlyMb, setMonthlyMb] = useState(capabilities.bandwidth === 'throttle' ? '' : '1024');
  const [rateKBps, setRateKBps] = useState(capabilities.bandwidth === 'quota' ? '' : '128');
  const [withBackup, setWithBackup] = useState(true);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'request');
  const number = (text: string) => (text.trim() === '' ? null : Number(text));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: Input<'actions.request'> = { contractId: contract.id, kind };
    if (reason.trim()) input.reason = reason.trim();
    if (kind === 'downgrade' && packageName.trim()) input.packageName = packageName.trim();
    if (kind === 'limit_bandwidth') input.bandwidth = { monthlyMb: number(monthlyMb), rateKBps: number(rateKBps) };
    if (kind === 'suspend') input.withBackup = withBackup;
    setSaving(true);
    const answer = await api.call('actions.request', input);
    setSaving(false);
    if (!answer.ok) {
      setProblem(answer.error);
      return focusFirst(answer.error);
    }
    const last = answer.value.actions.at(-1)!;
    setDone(last.state === 'pending_approval' ? t('request.waitsForApproval') : t('request.queued'));
  }

  const notice = noticeText(language, problem, FIELDS);
  return (
    <Dialog title={t('request.title', { action: t(`actionKind.${kind}`), label: contract.label })} onClose={onClose} initialFocus={first} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          {kind === 'suspend' && capabilities.backup === null && <p className="notice notice-warning">{t('request.noBackup')}</p>}
          {kind === 'terminate' && <p className="notice notice-warning">{t('request.terminateTwice')}</p>}
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          {done ? (
            <p className="notice notice-success" role="status">
              {done} <a href={hrefOf({ name: 'actions' })}>{t('actions.title')}</a>
            </p>
          ) : (
            <>
              <TextField ref={first} id="request-reason" label={t('request.reason')} autoComplete="off" value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
              {kind === 'downgrade' && (
                <TextField id="request-packageName" label={t('request.package')} hint={t('request.packageHint')} autoComplete="off" value={packageName} error={errorOf('packageName')} onChange={(event) => setPackageName(event.target.value)} />
              )}
              {kind === 'limit_bandwidth' && capabilities.bandwidth !== 'throttle' && (
                <TextField id="request-bandwidth.monthlyMb" label={t('request.monthlyMb')} inputMode="numeric" className="numeric" value={monthlyMb} error={errorOf('bandwidth.monthlyMb') ?? errorOf('bandwidth')} onChange={(event) => setMonthlyMb(event.target.value)} />
              )}
              {kind === 'limit_bandwidth' && capabilities.bandwidth !== 'quota' && (
                <TextField id="request-bandwidth.rateKBps" label={t('request.rateKBps')} inputMode="numeric" className="numeric" value={rateKBps} error={errorOf('bandwidth.rateKBps')} onChange={(event) => setRateKBps(event.target.value)} />
              )}
              {kind === 'suspend' && capabilities.backup !== null && (
                <label className="checkbox-row">
                  <input type="checkbox" checked={withBackup} onChange={(event) => setWithBackup(event.target.checked)} /> {t('request.withBackup')}
                </label>
              )}
            </>
          )}
        </div>
        {done ? (
          <div className="dialog-footer">
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('form.close')}
            </button>
          </div>
        ) : (
          <FormFooter confirm={t('request.submit', { action: t(`actionKind.${kind}`) })} saving={saving} onCancel={onClose} danger={kind === 'terminate'} />
        )}
      </form>
    </Dialog>
  );
}
