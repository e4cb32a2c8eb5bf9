// Recording money a client paid: date, amount in the client's currency, method, reference and a
// note. It pays the oldest open invoices first — or, chosen by hand, an amount against each open
// invoice; whatever is not applied stays as the client's credit balance, shown as it is typed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input } from '../../../shared/api/methods.js';
import type { Invoice, Payment, PaymentMethod } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { noticeText } from '../ui/refusalText.js';
import { amountProblem } from '../ui/amountProblem.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';
import { AllocationTable } from './AllocationTable.js';
import { autoSplit, readAllocations, splitOf, type AllocationRow } from './paymentAllocation.js';
import { PaymentMethodField } from './PaymentMethodField.js';
import type { Loadable } from '../ui/loadable.js';

/** The client money comes from: their name to show, their currency for every amount. */
export interface Payer {
  id: string;
  name: string;
  currency: string;
}

/** Open invoices offered for allocation by hand; more than a client normally has. */
const MOST_OPEN_INVOICES = 200;

const FIELDS = ['date', 'amountMinor', 'method', 'reference', 'note', 'allocations'] as const;

type Loaded = Loadable<{ today: string; open: Invoice[]; creditMinor: number }>;

interface RecordPaymentProps {
  client: Payer;
  onClose: () => void;
  onRecorded: (payment: Payment) => void;
}

export function RecordPaymentDialog(props: RecordPaymentProps) {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    const clientId = props.client.id;
    void Promise.all([api.call('app.info', {}), api.call('invoices.search', { clientId, filter: 'open', limit: MOST_OPEN_INVOICES }), api.call('accounts.summary', { clientId })]).then(([info, open, summary]) => {
      if (!current) return;
      if (!info.ok) return setLoaded({ status: 'failed', error: info.error });
      if (!open.ok) return setLoaded({ status: 'failed', error: open.error });
      if (!summary.ok) return setLoaded({ status: 'failed', error: summary.error });
      // Oldest first, the order automatic allocation pays them in.
      setLoaded({ status: 'ready', today: info.value.today, open: [...open.value.items].reverse(), creditMinor: summary.value.creditMinor });
    });
    return () => {
      current = false;
    };
  }, [api, props.client.id]);

  const title = t('recordPayment.title', { client: props.client.name });
  if (loaded.status === 'failed') return <ProblemDialog title={title} error={loaded.error} onClose={props.onClose} />;
  if (loaded.status === 'loading') return null;
  return <RecordPaymentForm {...props} title={title} today={loaded.today} open={loaded.open} creditMinor={loaded.creditMinor} />;
}

const rowInputId = (index: number) => `payment-allocation-${index}`;

interface FormProps extends RecordPaymentProps {
  title: string;
  today: string;
  open: Invoice[];
  /** The client's credit balance before this payment: automatic allocation spends it first. */
  creditMinor: number;
}

function RecordPaymentForm({ client, onClose, onRecorded, title, today, open, creditMinor }: FormProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [date, setDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [byHand, setByHand] = useState(false);
  const [rows, setRows] = useState<AllocationRow[]>(() => open.map((invoice) => ({ invoiceId: invoice.id, amount: '' })));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [local, setLocal] = useState<{ amount?: string; rows: Map<number, string> }>({ rows: new Map() });
  // Once a save was refused for applying too much, the complaint follows the amounts as they change.
  const [overRefused, setOverRefused] = useState(false);
  // Which row each allocation sent came from, to put the backend's `allocations.N` errors beside it.
  const [sentRows, setSentRows] = useState<number[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'payment', client.currency);

  const currency = client.currency;
  const money = (minor: number) => formatMoney(minor, currency, language);
  const paid = readAmount(amount, currency);
  const paidMinor = paid.state === 'amount' ? paid.minor : null;
  const reading = readAllocations(rows, currency);
  const split = splitOf(paidMinor, reading.allocatedMinor);
  const openTotal = open.filter((invoice) => invoice.kind === 'invoice').reduce((sum, invoice) => sum + invoice.openMinor, 0);

  const rowError = (index: number): string | undefined => {
    if (local.rows.has(index)) return local.rows.get(index);
    const sent = sentRows.indexOf(index);
    if (sent < 0 || problem?.code !== 'invalid_input') return undefined;
    const error = problem.details?.fields?.find((field) => field.field === `allocations.${sent}.amountMinor` || field.field === `allocations.${sent}.invoiceId`);
    return error ? fieldErrorText(language, error, currency) : undefined;
  };
  const placed = [...FIELDS, ...sentRows.flatMap((_, sent) => [`allocations.${sent}.amountMinor`, `allocations.${sent}.invoiceId`])];
  const notice = noticeText(language, problem, placed, currency);

  async function record(event: FormEvent) {
    event.preventDefault();
    const invalid = new Map(reading.invalidRows.map((index) => [index, t('form.invalidAmount', { example: exampleAmount(currency) })]));
    const checks = {
      amount: amountProblem(paid, currency, language),
      rows: byHand ? invalid : new Map<number, string>(),
    };
    const over = byHand && split.overMinor > 0;
    setLocal(checks);
    setOverRefused(over);
    if (checks.amount || checks.rows.size > 0 || over) {
      setProblem(null);
      const first = checks.amount ? 'payment-amountMinor' : checks.rows.size > 0 ? rowInputId(Math.min(...checks.rows.keys())) : 'payment-allocations';
      return form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
    }
    const input: Input<'payments.record'> = { clientId: client.id, date: date.trim(), amountMinor: paidMinor!, method, reference: reference.trim(), note: note.trim() };
    if (byHand) input.allocations = reading.allocations;
    setSentRows(byHand ? reading.rowOf : []);
    setSaving(true);
    const answer = await api.call('payments.record', input);
    setSaving(false);
    if (answer.ok) return onRecorded(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  const allocationError = overRefused && byHand && split.overMinor > 0 ? t('recordPayment.overAllocated', { over: money(split.overMinor) }) : errorOf('allocations');
  // Automatic allocation pays from every unapplied payment of the client, this one last.
  const autoText = (paymentMinor: number) => {
    const split = autoSplit(creditMinor + paymentMinor, open);
    const amounts = { applied: money(split.appliedMinor), credit: money(split.creditMinor), existing: money(creditMinor) };
    return t(creditMinor > 0 ? 'recordPayment.splitAutoWithCredit' : 'recordPayment.splitAuto', amounts);
  };

  return (
    <Dialog title={title} onClose={onClose} initialFocus={dateInput}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void record(event)} aria-busy={saving}>
        <div className="dialog-body">
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <fieldset className="form-section">
            <legend>{t('recordPayment.section.payment')}</legend>
            <div className="form-grid">
              <TextField ref={dateInput} id="payment-date" label={t('paymentField.date')} type="date" requiredLabel={t('form.required')} value={date} error={errorOf('date')} onChange={(event) => setDate(event.target.value)} />
              <TextField
                id="payment-amountMinor"
                label={t('paymentField.amount', { currency })}
                className="amount"
                inputMode="decimal"
                autoComplete="off"
                requiredLabel={t('form.required')}
                placeholder={exampleAmount(currency)}
                value={amount}
                error={local.amount ?? errorOf('amountMinor')}
                onChange={(event) => {
                  setAmount(event.target.value);
                  setLocal((current) => ({ ...current, amount: undefined }));
                }}
              />
              <PaymentMethodField id="payment-method" value={method} error={errorOf('method')} onChange={setMethod} />
              <TextField id="payment-reference" label={t('paymentField.reference')} hint={t('recordPayment.referenceHint')} autoComplete="off" value={reference} error={errorOf('reference')} onChange={(event) => setReference(event.target.value)} />
              <TextAreaField id="payment-note" className="span-2" label={t('paymentField.note')} rows={2} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
            </div>
          </fieldset>

          <fieldset className="form-section" aria-describedby={allocationError ? 'payment-allocations-error' : undefined}>
            <legend>{t('recordPayment.section.allocation')}</legend>
            <div className="choice-list">
              <label className="choice">
                <input type="radio" name="payment-allocation" checked={!byHand} onChange={() => setByHand(false)} aria-describedby="payment-auto-detail" />
                <span>
                  <span className="choice-title">{t('recordPayment.auto')}</span>
                  <span id="payment-auto-detail" className="choice-detail">
                    {open.length === 0 ? t('recordPayment.autoNothingOpen') : t('recordPayment.autoDetail', { count: open.length, open: money(openTotal) })}
                  </span>
                </span>
              </label>
              <label className="choice">
                <input id="payment-allocations" type="radio" name="payment-allocation" checked={byHand} disabled={open.length === 0} onChange={() => setByHand(true)} aria-describedby="payment-hand-detail" />
                <span>
                  <span className="choice-title">{t('recordPayment.byHand')}</span>
                  <span id="payment-hand-detail" className="choice-detail">
                    {t('recordPayment.byHandDetail')}
                  </span>
                </span>
              </label>
            </div>

            {byHand && (
              <AllocationTable
                open={open}
                currency={currency}
                rows={rows}
                rowInputId={rowInputId}
                rowError={rowError}
                onRowsChange={(next, changed) => {
                  setRows(next);
                  setLocal((current) => ({ ...current, rows: new Map([...current.rows].filter(([at]) => at !== changed)) }));
                }}
              />
            )}

            <p className="allocation-summary" role="status">
              {byHand
                ? t('recordPayment.splitByHand', { applied: money(reading.allocatedMinor), credit: money(split.creditMinor) })
                : paidMinor !== null && paidMinor > 0 && autoText(paidMinor)}
            </p>
            {allocationError && (
              <p id="payment-allocations-error" className="field-error">
                {allocationError}
              </p>
            )}
          </fieldset>
        </div>
        <FormFooter confirm={t('recordPayment.confirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
