// A credit note against an issued invoice: the whole open amount or part of it, with the reason
// and who approved it — for corrections, and for discounts and waivers agreed with the client. It
// takes the next credit note number and lowers what is open on the invoice.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['amountMinor', 'reason', 'approvedBy', 'date'] as const;

interface CreditNoteDialogProps {
  invoice: InvoiceDetail;
  today: string;
  onClose: () => void;
  onCredited: (creditNote: InvoiceDetail) => void;
}

export function CreditNoteDialog({ invoice, today, onClose, onCredited }: CreditNoteDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [date, setDate] = useState(today);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [amountInvalid, setAmountInvalid] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'credit', invoice.currency);
  const notice = noticeText(language, problem, FIELDS, invoice.currency);
  const open = formatMoney(invoice.openMinor, invoice.currency, language);

  async function credit(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(amount, invoice.currency);
    setAmountInvalid(reading.state === 'invalid');
    if (reading.state === 'invalid') return amountInput.current?.focus();
    setSaving(true);
    const answer = await api.call('invoices.creditNote', {
      invoiceId: invoice.id,
      reason: reason.trim(),
      ...(approvedBy.trim() ? { approvedBy: approvedBy.trim() } : {}),
      ...(reading.state === 'amount' ? { amountMinor: reading.minor } : {}),
      ...(date.trim() ? { date: date.trim() } : {}),
    });
    setSaving(false);
    if (answer.ok) return onCredited(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('creditNote.title', { number: invoice.number ?? '' })} onClose={onClose} initialFocus={amountInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void credit(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('creditNote.body', { open })}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-stack">
            <TextField
              ref={amountInput}
              id="credit-amountMinor"
              label={t('creditNote.amount', { currency: invoice.currency })}
              className="amount"
              inputMode="decimal"
              autoComplete="off"
              hint={t('creditNote.amountHint', { open })}
              value={amount}
              error={amountInvalid ? t('form.invalidAmount', { example: exampleAmount(invoice.currency) }) : errorOf('amountMinor')}
              onChange={(event) => setAmount(event.target.value)}
            />
            <TextAreaField id="credit-reason" label={t('creditNote.reason')} requiredLabel={t('form.required')} hint={t('creditNote.reasonHint')} rows={2} value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
            <TextField id="credit-approvedBy" label={t('creditNote.approvedBy')} hint={t('creditNote.approvedByHint')} autoComplete="off" value={approvedBy} error={errorOf('approvedBy')} onChange={(event) => setApprovedBy(event.target.value)} />
            <TextField id="credit-date" label={t('creditNote.date')} type="date" className="short" value={date} error={errorOf('date')} onChange={(event) => setDate(event.target.value)} />
          </div>
        </div>
        <FormFooter confirm={t('creditNote.confirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
