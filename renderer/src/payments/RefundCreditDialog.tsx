// Paying back part of a client's credit balance: how much (at most the credit), when, how, a
// reference and the reason. Recorded, not sent: the money itself goes out through the bank.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { PaymentMethod } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { amountText, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { amountProblem } from '../ui/amountProblem.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';
import { PaymentMethodField } from './PaymentMethodField.js';
import type { Payer } from './RecordPaymentDialog.js';

const FIELDS = ['amountMinor', 'date', 'method', 'reference', 'reason'] as const;

interface RefundCreditProps {
  client: Payer;
  creditMinor: number;
  today: string;
  onClose: () => void;
  onRefunded: () => void;
}

export function RefundCreditDialog({ client, creditMinor, today, onClose, onRefunded }: RefundCreditProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const currency = client.currency;
  const [amount, setAmount] = useState(() => amountText(creditMinor, currency));
  const [date, setDate] = useState(today);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [amountError, setAmountError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'refund', currency);
  const notice = noticeText(language, problem, FIELDS, currency);
  const credit = formatMoney(creditMinor, currency, language);

  async function refund(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(amount, currency);
    const local =
      amountProblem(reading, currency, language) ?? (reading.state === 'amount' && reading.minor > creditMinor ? t('refund.moreThanCredit', { credit }) : undefined);
    setAmountError(local);
    if (local || reading.state !== 'amount') return amountInput.current?.focus();
    setSaving(true);
    const answer = await api.call('payments.refund', { clientId: client.id, amountMinor: reading.minor, method, reason: reason.trim(), reference: reference.trim(), ...(date.trim() ? { date: date.trim() } : {}) });
    setSaving(false);
    if (answer.ok) return onRefunded();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('refund.title', { client: client.name })} onClose={onClose} initialFocus={amountInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void refund(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('refund.body', { credit })}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-stack">
            <TextField
              ref={amountInput}
              id="refund-amountMinor"
              label={t('refund.amount', { currency })}
              className="amount"
              inputMode="decimal"
              autoComplete="off"
              requiredLabel={t('form.required')}
              hint={t('refund.amountHint', { credit })}
              value={amount}
              error={amountError ?? errorOf('amountMinor')}
              onChange={(event) => setAmount(event.target.value)}
            />
            <TextField id="refund-date" label={t('refund.date')} type="date" className="short" value={date} error={errorOf('date')} onChange={(event) => setDate(event.target.value)} />
            <PaymentMethodField id="refund-method" value={method} error={errorOf('method')} onChange={setMethod} />
            <TextField id="refund-reference" label={t('paymentField.reference')} autoComplete="off" value={reference} error={errorOf('reference')} onChange={(event) => setReference(event.target.value)} />
            <TextAreaField id="refund-reason" label={t('refund.reason')} requiredLabel={t('form.required')} rows={2} value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
          </div>
        </div>
        <FormFooter confirm={t('refund.confirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
