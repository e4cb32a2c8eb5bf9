// Applying what is left of a payment — credit the client has not used — to open invoices by hand,
// an amount against each; the sum is at most what is left, and the rest stays as credit. (With
// "apply credit automatically" off, this is how credit pays invoices.)
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Invoice, Payment } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { FormFooter } from '../ui/FormFooter.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { noticeText } from '../ui/refusalText.js';
import { AllocationTable } from './AllocationTable.js';
import { readAllocations, splitOf, type AllocationRow } from './paymentAllocation.js';

const MOST_OPEN_INVOICES = 200;

interface ApplyPaymentProps {
  payment: Payment;
  onClose: () => void;
  onApplied: () => void;
}

export function ApplyPaymentDialog(props: ApplyPaymentProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [open, setOpen] = useState<Invoice[] | ApiErrorBody | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('invoices.search', { clientId: props.payment.clientId, filter: 'open', limit: MOST_OPEN_INVOICES }).then((answer) => {
      if (current) setOpen(answer.ok ? [...answer.value.items].reverse() : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, props.payment.clientId]);
  const title = t('applyPayment.title', { amount: formatMoney(props.payment.unallocatedMinor, props.payment.currency, language) });
  if (open !== null && !Array.isArray(open)) return <ProblemDialog title={title} error={open} onClose={props.onClose} />;
  if (open === null) return null;
  return <ApplyPaymentForm {...props} title={title} open={open} />;
}

const rowInputId = (index: number) => `apply-allocation-${index}`;

function ApplyPaymentForm({ payment, onClose, onApplied, title, open }: ApplyPaymentProps & { title: string; open: Invoice[] }) {
  const api = useApi();
  const { language, t } = useI18n();
  const currency = payment.currency;
  const money = (minor: number) => formatMoney(minor, currency, language);
  const [rows, setRows] = useState<AllocationRow[]>(() => open.map((invoice) => ({ invoiceId: invoice.id, amount: '' })));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [invalidRows, setInvalidRows] = useState<number[]>([]);
  const [overRefused, setOverRefused] = useState(false);
  const [sentRows, setSentRows] = useState<number[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const firstRow = useRef<HTMLInputElement>(null);

  const reading = readAllocations(rows, currency);
  const split = splitOf(payment.unallocatedMinor, reading.allocatedMinor);
  const overError = overRefused && split.overMinor > 0 ? t('applyPayment.over', { over: money(split.overMinor) }) : undefined;
  const placed = ['allocations', ...sentRows.flatMap((_, sent) => [`allocations.${sent}.amountMinor`, `allocations.${sent}.invoiceId`])];
  const notice = noticeText(language, problem, placed, currency);
  const rowError = (index: number): string | undefined => {
    if (invalidRows.includes(index)) return t('form.invalidAmount', { example: exampleAmount(currency) });
    const sent = sentRows.indexOf(index);
    const error = sent < 0 || problem?.code !== 'invalid_input' ? undefined : problem.details?.fields?.find((field) => field.field === `allocations.${sent}.amountMinor` || field.field === `allocations.${sent}.invoiceId`);
    return error ? fieldErrorText(language, error, currency) : undefined;
  };
  const groupError = overError ?? (problem?.code === 'invalid_input' ? problem.details?.fields?.filter((field) => field.field === 'allocations').map((field) => fieldErrorText(language, field, currency))[0] : undefined);

  async function apply(event: FormEvent) {
    event.preventDefault();
    setInvalidRows(reading.invalidRows);
    const over = split.overMinor > 0;
    setOverRefused(over);
    if (reading.invalidRows.length > 0 || over || reading.allocations.length === 0) {
      setProblem(null);
      const first = reading.invalidRows.length > 0 ? rowInputId(reading.invalidRows[0]!) : rowInputId(0);
      return form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
    }
    setSentRows(reading.rowOf);
    setSaving(true);
    const answer = await api.call('payments.allocate', { paymentId: payment.id, allocations: reading.allocations });
    setSaving(false);
    if (answer.ok) return onApplied();
    setProblem(answer.error);
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={firstRow}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void apply(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('applyPayment.body')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          {open.length === 0 ? (
            <p className="muted">{t('recordPayment.autoNothingOpen')}</p>
          ) : (
            <AllocationTable
              open={open}
              currency={currency}
              rows={rows}
              rowInputId={rowInputId}
              rowError={rowError}
              firstRowRef={firstRow}
              onRowsChange={(next, changed) => {
                setRows(next);
                setInvalidRows(invalidRows.filter((at) => at !== changed));
              }}
            />
          )}
          <p className="allocation-summary" role="status">
            {t('recordPayment.splitByHand', { applied: money(reading.allocatedMinor), credit: money(split.creditMinor) })}
          </p>
          {groupError && <p className="field-error">{groupError}</p>}
        </div>
        <FormFooter confirm={t('applyPayment.confirm')} saving={saving} onCancel={onClose} blocked={open.length === 0} />
      </form>
    </Dialog>
  );
}

