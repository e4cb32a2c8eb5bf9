// Cancelling an active payment plan or an open promise to pay, with the reason: it counts as
// broken from today and the arrears ladder resumes.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['reason'] as const;

export function CancelArrangementDialog({ kind, id, onClose, onCancelled }: { kind: 'plan' | 'promise'; id: string; onClose: () => void; onCancelled: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'cancel');
  const notice = noticeText(language, problem, FIELDS);

  async function cancel(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const input = { id, reason: reason.trim() };
    const answer = kind === 'plan' ? await api.call('paymentPlans.cancel', input) : await api.call('promises.cancel', input);
    setSaving(false);
    if (answer.ok) return onCancelled();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t(kind === 'plan' ? 'arrangements.cancelPlanTitle' : 'arrangements.cancelPromiseTitle')} onClose={onClose} initialFocus={reasonInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void cancel(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('arrangements.cancelBody')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField ref={reasonInput} id="cancel-reason" label={t('arrangements.cancelReason')} requiredLabel={t('form.required')} rows={2} value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
        </div>
        <FormFooter confirm={t(kind === 'plan' ? 'arrangements.cancelPlan' : 'arrangements.cancelPromise')} saving={saving} onCancel={onClose} danger cancelLabel={t('form.keep')} />
      </form>
    </Dialog>
  );
}
