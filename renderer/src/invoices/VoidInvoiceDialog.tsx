// Voiding an issued invoice or proforma nobody has paid or credited, with the reason: its number
// stays, shown void, and what it asked for is no longer owed. The backend refuses once money or a
// credit note has touched it, and says why.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['reason'] as const;

export function VoidInvoiceDialog({ invoice, onClose, onVoided }: { invoice: InvoiceDetail; onClose: () => void; onVoided: (invoice: InvoiceDetail) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'void');
  const notice = noticeText(language, problem, FIELDS);

  async function voidInvoice(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('invoices.void', { id: invoice.id, reason: reason.trim() });
    setSaving(false);
    if (answer.ok) return onVoided(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('voidInvoice.title', { number: invoice.number ?? '' })} onClose={onClose} initialFocus={reasonInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void voidInvoice(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('voidInvoice.body')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField
            ref={reasonInput}
            id="void-reason"
            label={t('voidInvoice.reason')}
            requiredLabel={t('form.required')}
            rows={3}
            value={reason}
            error={errorOf('reason')}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormFooter confirm={t('voidInvoice.confirm')} saving={saving} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
