// Agreeing a payment plan: which open invoices it covers, an optional fee (an invoice of its own,
// taxed like any other), and the installments — split evenly over months, fortnights or weeks, or
// typed one by one — which must add up to what is covered plus the fee. While the plan stands in
// good standing the arrears ladder holds for those invoices.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input } from '../../../shared/api/methods.js';
import type { Client } from '../../../shared/domain/client.js';
import type { Invoice } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { clientTaxRate } from '../invoices/invoiceDraftValues.js';
import { useBillingSetup } from '../invoices/useBillingSetup.js';
import { exampleAmount, readAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { formatColumnDate } from '../ui/formatting.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { noticeText } from '../ui/refusalText.js';
import { INSTALLMENT_INTERVALS, planTotal, splitEvenly, type InstallmentInterval, type InstallmentRow } from './installments.js';

const COUNTS = [2, 3, 4, 6, 9, 12] as const;
const MOST_INSTALLMENTS = 60;

interface PaymentPlanDialogProps {
  client: Client;
  onClose: () => void;
  onCreated: () => void;
}

export function PaymentPlanDialog(props: PaymentPlanDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  const setup = useBillingSetup();
  const [open, setOpen] = useState<Invoice[] | ApiErrorBody | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('invoices.search', { clientId: props.client.id, filter: 'open', kind: 'invoice', limit: 200 }).then((answer) => {
      if (current) setOpen(answer.ok ? [...answer.value.items].reverse() : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, props.client.id]);

  const title = t('plan.newTitle', { client: props.client.name });
  if (setup.status === 'failed') return <ProblemDialog title={title} error={setup.error} onClose={props.onClose} />;
  if (open !== null && !Array.isArray(open)) return <ProblemDialog title={title} error={open} onClose={props.onClose} />;
  if (setup.status === 'loading' || open === null) return null;
  const rate = clientTaxRate(props.client, setup.rates, setup.settings.defaultTaxRateId);
  return <PaymentPlanForm {...props} title={title} today={setup.today} open={open} feeRateBp={rate?.rateBp ?? 0} taxMode={setup.settings.taxMode} />;
}

interface FormProps extends PaymentPlanDialogProps {
  title: string;
  today: string;
  /** The client's open invoices, oldest first; disputed ones cannot go into a plan. */
  open: Invoice[];
  feeRateBp: number;
  taxMode: 'exclusive' | 'inclusive';
}

const rowId = (index: number, field: 'dueDate' | 'amountMinor') => `plan-installments-${index}-${field}`;

function PaymentPlanForm({ client, onClose, onCreated, title, today, open, feeRateBp, taxMode }: FormProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const currency = client.currency;
  const money = (minor: number) => formatMoney(minor, currency, language);
  const [covered, setCovered] = useState<string[]>(() => open.filter((invoice) => !invoice.disputed).map((invoice) => invoice.id));
  const [fee, setFee] = useState('');
  const [count, setCount] = useState<(typeof COUNTS)[number]>(3);
  const [firstDate, setFirstDate] = useState(today);
  const [every, setEvery] = useState<InstallmentInterval>('month');
  // Null while the schedule follows the split above; typed rows once the reseller changes one.
  const [typedRows, setTypedRows] = useState<InstallmentRow[] | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [local, setLocal] = useState<Map<string, string>>(new Map());
  const form = useRef<HTMLFormElement>(null);
  const firstBox = useRef<HTMLInputElement>(null);

  const coveredMinor = open.filter((invoice) => covered.includes(invoice.id)).reduce((sum, invoice) => sum + invoice.openMinor, 0);
  const feeReading = readAmount(fee, currency);
  const feeMinor = feeReading.state === 'amount' && feeReading.minor > 0 ? feeReading.minor : 0;
  const totalMinor = planTotal(coveredMinor, feeMinor, feeRateBp, taxMode);
  const rows = typedRows ?? (/^\d{4}-\d{2}-\d{2}$/.test(firstDate) && totalMinor > 0 ? splitEvenly(totalMinor, count, firstDate, every, currency) : []);
  const scheduledMinor = rows.reduce((sum, row) => {
    const amount = readAmount(row.amount, currency);
    return sum + (amount.state === 'amount' ? amount.minor : 0);
  }, 0);

  const serverError = (field: string) => {
    const error = problem?.code === 'invalid_input' ? problem.details?.fields?.find((candidate) => candidate.field === field) : undefined;
    return error ? fieldErrorText(language, error, currency) : undefined;
  };
  const errorOf = (field: string) => local.get(field) ?? serverError(field);
  const placed = ['invoiceIds', 'feeMinor', 'installments', 'note', ...covered.map((_, index) => `invoiceIds.${index}`), ...rows.flatMap((_, index) => [`installments.${index}.dueDate`, `installments.${index}.amountMinor`])];
  const notice = noticeText(language, problem, placed, currency);
  const invoiceError = errorOf('invoiceIds') ?? covered.map((_, index) => errorOf(`invoiceIds.${index}`)).find(Boolean);

  const changeRow = (index: number, change: Partial<InstallmentRow>) => setTypedRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  async function agree(event: FormEvent) {
    event.preventDefault();
    const errors = new Map<string, string>();
    const invalidAmount = t('form.invalidAmount', { example: exampleAmount(currency) });
    if (feeReading.state === 'invalid') errors.set('feeMinor', invalidAmount);
    const installments = rows.map((row, index) => {
      const amount = readAmount(row.amount, currency);
      if (amount.state !== 'amount') errors.set(`installments.${index}.amountMinor`, invalidAmount);
      return { dueDate: row.dueDate.trim(), amountMinor: amount.state === 'amount' ? amount.minor : 0 };
    });
    if (errors.size === 0 && scheduledMinor !== totalMinor) errors.set('installments', t('plan.doesNotAddUp', { scheduled: money(scheduledMinor), total: money(totalMinor) }));
    setLocal(errors);
    if (errors.size > 0) {
      setProblem(null);
      const first = [...errors.keys()][0]!;
      const id = first === 'feeMinor' ? 'plan-feeMinor' : first === 'installments' ? 'plan-installments' : rowId(Number(first.split('.')[1]), 'amountMinor');
      return form.current?.querySelector<HTMLElement>(`#${id}`)?.focus();
    }
    const input: Input<'paymentPlans.create'> = { clientId: client.id, invoiceIds: covered, installments, note: note.trim() };
    if (feeMinor > 0) input.feeMinor = feeMinor;
    setSaving(true);
    const answer = await api.call('paymentPlans.create', input);
    setSaving(false);
    if (answer.ok) return onCreated();
    setProblem(answer.error);
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={firstBox}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void agree(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('plan.body')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <fieldset className={invoiceError ? 'form-section field-invalid' : 'form-section'} aria-describedby={invoiceError ? 'plan-invoices-error' : undefined}>
            <legend>{t('plan.invoices')}</legend>
            {open.length === 0 ? (
              <p className="muted">{t('plan.nothingOpen')}</p>
            ) : (
              <ul className="plain-list plan-invoices">
                {open.map((invoice, index) => (
                  <li key={invoice.id}>
                    <label className="checkbox">
                      <input
                        ref={index === 0 ? firstBox : undefined}
                        type="checkbox"
                        disabled={invoice.disputed}
                        checked={covered.includes(invoice.id)}
                        onChange={(event) => setCovered(event.target.checked ? [...covered, invoice.id] : covered.filter((id) => id !== invoice.id))}
                      />
                      {t('plan.invoiceChoice', { number: invoice.number ?? '', due: invoice.dueDate ? formatColumnDate(invoice.dueDate, language) : '—', open: money(invoice.openMinor) })}
                      {invoice.disputed && <span className="muted small">{t('plan.disputedNotAllowed')}</span>}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {invoiceError && (
              <p id="plan-invoices-error" className="field-error">
                {invoiceError}
              </p>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('plan.schedule')}</legend>
            <div className="form-grid">
              <TextField
                id="plan-feeMinor"
                label={t('plan.fee', { currency })}
                className="amount"
                inputMode="decimal"
                autoComplete="off"
                hint={t(taxMode === 'exclusive' ? 'plan.feeHintExclusive' : 'plan.feeHintInclusive')}
                value={fee}
                error={errorOf('feeMinor')}
                onChange={(event) => setFee(event.target.value)}
              />
              <p className="field-static plan-total">{t('plan.total', { total: money(totalMinor) })}</p>
            </div>
            <div className="inline-form-fields plan-split">
              <SelectField id="plan-count" label={t('plan.count')} value={String(count)} onChange={(event) => setCount(Number(event.target.value) as (typeof COUNTS)[number])}>
                {COUNTS.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </SelectField>
              <TextField id="plan-first" label={t('plan.firstDate')} type="date" min={today} value={firstDate} onChange={(event) => setFirstDate(event.target.value)} />
              <SelectField id="plan-interval" label={t('plan.every')} value={every} onChange={(event) => setEvery(event.target.value as InstallmentInterval)}>
                {INSTALLMENT_INTERVALS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`plan.interval.${choice}`)}
                  </option>
                ))}
              </SelectField>
              {typedRows && (
                <button type="button" className="button" onClick={() => setTypedRows(null)}>
                  {t('plan.splitAgain')}
                </button>
              )}
            </div>
            <ol className="installment-rows" id="plan-installments" tabIndex={-1} aria-describedby={errorOf('installments') ? 'plan-installments-error' : undefined}>
              {rows.map((row, index) => (
                <li key={index} className="installment-row">
                  <TextField
                    id={rowId(index, 'dueDate')}
                    label={t('plan.installmentDate', { n: index + 1 })}
                    type="date"
                    min={today}
                    value={row.dueDate}
                    error={errorOf(`installments.${index}.dueDate`)}
                    onChange={(event) => changeRow(index, { dueDate: event.target.value })}
                  />
                  <TextField
                    id={rowId(index, 'amountMinor')}
                    label={t('plan.installmentAmount', { n: index + 1, currency })}
                    className="numeric"
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.amount}
                    error={errorOf(`installments.${index}.amountMinor`)}
                    onChange={(event) => changeRow(index, { amount: event.target.value })}
                  />
                  <button type="button" className="button button-small" disabled={rows.length <= 1} onClick={() => setTypedRows(rows.filter((_, at) => at !== index))}>
                    <span aria-hidden="true">×</span>
                    <span className="visually-hidden">{t('plan.removeInstallment', { n: index + 1 })}</span>
                  </button>
                </li>
              ))}
            </ol>
            <div className="button-row">
              <button type="button" className="button button-small" disabled={rows.length >= MOST_INSTALLMENTS} onClick={() => setTypedRows([...rows, { dueDate: rows.at(-1)?.dueDate ?? today, amount: '' }])}>
                {t('plan.addInstallment')}
              </button>
              <p className={scheduledMinor === totalMinor ? 'allocation-summary' : 'allocation-summary plan-mismatch'} role="status">
                {t('plan.scheduled', { scheduled: money(scheduledMinor), total: money(totalMinor) })}
              </p>
            </div>
            {errorOf('installments') && (
              <p id="plan-installments-error" className="field-error">
                {errorOf('installments')}
              </p>
            )}
          </fieldset>
          <TextAreaField id="plan-note" label={t('plan.note')} rows={2} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormFooter confirm={t('plan.confirm')} saving={saving} onCancel={onClose} blocked={covered.length === 0} />
      </form>
    </Dialog>
  );
}
