// Disputes on an invoice: the client contests it (with their reason) and it shows as disputed
// everywhere while the arrears ladder holds; resolved, a dispute is upheld — the invoice is credited,
// all that is open or part of it — or rejected, and the invoice is owed as before.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input } from '../../../shared/api/methods.js';
import type { Dispute } from '../../../shared/domain/dispute.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { NoteDialog } from '../ui/NoteDialog.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

export function OpenDisputeDialog({ invoice, onClose, onOpened }: { invoice: InvoiceDetail; onClose: () => void; onOpened: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog
      title={t('dispute.openTitle', { number: invoice.number ?? '' })}
      body={t('dispute.openBody')}
      label={t('dispute.reason')}
      hint={t('dispute.reasonHint')}
      confirm={t('dispute.openConfirm')}
      idPrefix="dispute"
      submit={(reason) => api.call('disputes.open', { invoiceId: invoice.id, reason })}
      onDone={onOpened}
      onClose={onClose}
    />
  );
}

const RESOLVE_FIELDS = ['outcome', 'resolution', 'amountMinor'] as const;
type Outcome = Input<'disputes.resolve'>['outcome'];

export function ResolveDisputeDialog({ invoice, dispute, onClose, onResolved }: { invoice: InvoiceDetail; dispute: Dispute; onClose: () => void; onResolved: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const [resolution, setResolution] = useState('');
  const [amount, setAmount] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(RESOLVE_FIELDS, problem, form, 'resolve', invoice.currency);
  const notice = noticeText(language, problem, RESOLVE_FIELDS, invoice.currency);
  const open = formatMoney(invoice.openMinor, invoice.currency, language);

  async function resolve(event: FormEvent) {
    event.preventDefault();
    const reading = readAmount(amount, invoice.currency);
    const invalid = outcome === 'upheld' && reading.state === 'invalid';
    setAmountInvalid(invalid);
    if (invalid) return form.current?.querySelector<HTMLElement>('#resolve-amountMinor')?.focus();
    const input: Input<'disputes.resolve'> = { id: dispute.id, outcome, resolution: resolution.trim() };
    if (outcome === 'upheld' && reading.state === 'amount') input.amountMinor = reading.minor;
    setSaving(true);
    const answer = await api.call('disputes.resolve', input);
    setSaving(false);
    if (answer.ok) return onResolved();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  const choices: { value: Outcome; title: string; detail: string }[] = [
    { value: 'upheld', title: t('dispute.upheld'), detail: t('dispute.upheldDetail', { open }) },
    { value: 'rejected', title: t('dispute.rejected'), detail: t('dispute.rejectedDetail') },
  ];

  return (
    <Dialog title={t('dispute.resolveTitle', { number: invoice.number ?? '' })} onClose={onClose} initialFocus={firstChoice} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void resolve(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('dispute.clientSaid', { reason: dispute.reason })}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <fieldset className="form-section" id="resolve-outcome" tabIndex={-1}>
            <legend>{t('dispute.outcome')}</legend>
            <div className="choice-list">
              {choices.map((choice, index) => (
                <label key={choice.value} className="choice">
                  <input ref={index === 0 ? firstChoice : undefined} type="radio" name="dispute-outcome" checked={outcome === choice.value} onChange={() => setOutcome(choice.value)} aria-describedby={`dispute-${choice.value}`} />
                  <span>
                    <span className="choice-title">{choice.title}</span>
                    <span id={`dispute-${choice.value}`} className="choice-detail">
                      {choice.detail}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="form-stack">
            {outcome === 'upheld' && (
              <TextField
                id="resolve-amountMinor"
                label={t('creditNote.amount', { currency: invoice.currency })}
                className="amount"
                inputMode="decimal"
                autoComplete="off"
                hint={t('creditNote.amountHint', { open })}
                value={amount}
                error={amountInvalid ? t('form.invalidAmount', { example: exampleAmount(invoice.currency) }) : errorOf('amountMinor')}
                onChange={(event) => setAmount(event.target.value)}
              />
            )}
            <TextAreaField id="resolve-resolution" label={t('dispute.resolution')} requiredLabel={t('form.required')} hint={t('dispute.resolutionHint')} rows={2} value={resolution} error={errorOf('resolution')} onChange={(event) => setResolution(event.target.value)} />
          </div>
        </div>
        <FormFooter confirm={t('dispute.resolveConfirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
