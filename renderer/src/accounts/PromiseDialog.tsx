// Recording a promise to pay: the client says they will pay an amount (at most what they owe) by a
// date. Payments that arrive by then keep it; the date passing without them breaks it, and the
// arrears ladder resumes. Until then the ladder holds.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { addDays } from '../../../shared/dates.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Payer } from '../payments/RecordPaymentDialog.js';
import { amountText, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { amountProblem } from '../ui/amountProblem.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['promisedDate', 'amountMinor', 'note'] as const;
/** A week is what clients usually ask for. */
const DEFAULT_DAYS = 7;

interface PromiseDialogProps {
  client: Payer;
  /** What the client owes now, net of credit: the most a promise can be for. */
  owedMinor: number;
  today: string;
  onClose: () => void;
  onRecorded: () => void;
}

export function PromiseDialog({ client, owedMinor, today, onClose, onRecorded }: PromiseDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const currency = client.currency;
  const [promisedDate, setPromisedDate] = useState(() => addDays(today, DEFAULT_DAYS));
  const [amount, setAmount] = useState(() => amountText(owedMinor, currency));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [amountError, setAmountError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'promise', currency);
  const notice = noticeText(language, problem, FIELDS, currency);
  const owed = formatMoney(owedMinor, currency, language);

  async function record(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(amount, currency);
    const local = amountProblem(reading, currency, language);
    setAmountError(local);
    if (local || reading.state !== 'amount') return form.current?.querySelector<HTMLElement>('#promise-amountMinor')?.focus();
    setSaving(true);
    const answer = await api.call('promises.create', { clientId: client.id, promisedDate: promisedDate.trim(), amountMinor: reading.minor, note: note.trim() });
    setSaving(false);
    if (answer.ok) return onRecorded();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('promise.newTitle', { client: client.name })} onClose={onClose} initialFocus={dateInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void record(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('promise.body', { owed })}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-stack">
            <TextField ref={dateInput} id="promise-promisedDate" label={t('promise.date')} type="date" min={today} requiredLabel={t('form.required')} value={promisedDate} error={errorOf('promisedDate')} onChange={(event) => setPromisedDate(event.target.value)} />
            <TextField
              id="promise-amountMinor"
              label={t('promise.amount', { currency })}
              className="amount"
              inputMode="decimal"
              autoComplete="off"
              requiredLabel={t('form.required')}
              hint={t('promise.amountHint', { owed })}
              value={amount}
              error={amountError ?? errorOf('amountMinor')}
              onChange={(event) => setAmount(event.target.value)}
            />
            <TextAreaField id="promise-note" label={t('promise.note')} hint={t('promise.noteHint')} rows={2} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
          </div>
        </div>
        <FormFooter confirm={t('promise.confirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
