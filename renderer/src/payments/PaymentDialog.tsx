// One payment: when, how much, how it came, and where it went — the invoices it paid, what was
// refunded of it and what is left as credit, which can be applied to invoices by hand. A payment
// that did not arrive after all is marked as bounced here, with the reason: the invoices it paid
// are open again.
import { useEffect, useEffectEvent, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Payment } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import type { ApiClient } from '../api/apiClient.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useFocusReturn } from '../ui/useFocusReturn.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';
import { ApplyPaymentDialog } from './ApplyPaymentDialog.js';
import { whereItWent } from './whereItWent.js';
import type { Loadable } from '../ui/loadable.js';

type Notice = 'recorded' | 'bounced' | 'applied';
type Loaded = Loadable<{ payment: Payment; today: string }>;

interface PaymentDialogProps {
  paymentId: string;
  /** Said on top when it opens right after the payment was recorded. */
  justRecorded?: boolean;
  onClose: () => void;
}

async function loadPayment(api: ApiClient, id: string): Promise<Exclude<Loaded, { status: 'loading' }>> {
  const [payment, info] = await Promise.all([api.call('payments.get', { id }), api.call('app.info', {})]);
  if (!payment.ok) return { status: 'failed', error: payment.error };
  if (!info.ok) return { status: 'failed', error: info.error };
  return { status: 'ready', payment: payment.value, today: info.value.today };
}

export function PaymentDialog({ paymentId, justRecorded = false, onClose }: PaymentDialogProps) {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [mode, setMode] = useState<'view' | 'bounce' | 'apply'>('view');
  const [notice, setNotice] = useState<Notice | null>(justRecorded ? 'recorded' : null);
  const [changes, setChanges] = useState(0);

  const reloadShown = useEffectEvent(() => loadPayment(api, paymentId));
  useEffect(() => {
    let current = true;
    void reloadShown().then((next) => {
      if (current) setLoaded(next);
    });
    return () => {
      current = false;
    };
  }, [changes]);

  useFocusReturn();

  const reload = () => setChanges((count) => count + 1);
  const clientId = loaded.status === 'ready' ? loaded.payment.clientId : null;
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId && mode === 'view') reload();
  });

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'failed') return <ProblemDialog title={t('payment.titleUnknown')} error={loaded.error} onClose={onClose} />;
  const { payment, today } = loaded;
  // Back to the view once it shows the change, so the notice never sits above old figures.
  const showChange = (next: Notice) =>
    void loadPayment(api, paymentId).then((fresh) => {
      setLoaded(fresh);
      setNotice(next);
      setMode('view');
    });
  if (mode === 'bounce') return <BouncePaymentDialog payment={payment} today={today} onClose={() => setMode('view')} onBounced={() => showChange('bounced')} />;
  if (mode === 'apply') return <ApplyPaymentDialog payment={payment} onClose={() => setMode('view')} onApplied={() => showChange('applied')} />;
  const received = payment.status === 'received';
  return (
    <PaymentDetail
      payment={payment}
      notice={notice}
      onClose={onClose}
      onBounce={received ? () => setMode('bounce') : undefined}
      onApply={received && payment.unallocatedMinor > 0 ? () => setMode('apply') : undefined}
    />
  );
}

interface PaymentDetailProps {
  payment: Payment;
  notice: Notice | null;
  onClose: () => void;
  onBounce?: () => void;
  /** Offered while part of the payment is credit nothing has used. */
  onApply?: () => void;
}

function PaymentDetail({ payment, notice, onClose, onBounce, onApply }: PaymentDetailProps) {
  const { language, t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  const money = (minor: number) => formatMoney(minor, payment.currency, language);
  const went = whereItWent(payment);

  const facts: [string, ReactNode][] = [
    [t('paymentField.date'), formatDate(payment.date, language)],
    [t('paymentField.amountPlain'), money(payment.amountMinor)],
    [t('paymentField.method'), t(`paymentMethod.${payment.method}`)],
    [t('paymentField.reference'), payment.reference],
    [t('payment.status'), <span className={`badge badge-payment-${payment.status}`}>{t(`paymentStatus.${payment.status}`)}</span>],
    [t('payment.bounceReason'), payment.bounceReason],
  ];

  return (
    <Dialog title={t('payment.title', { amount: money(payment.amountMinor), date: formatDate(payment.date, language) })} onClose={onClose} initialFocus={close}>
      <div className="dialog-body">
        {notice && (
          <p className="notice notice-success" role="status">
            {t(`payment.${notice}Notice`)}
          </p>
        )}
        <dl className="fact-grid">
          {facts
            .filter(([, value]) => value !== null && value !== '')
            .map(([label, value]) => (
              <div key={label} className="fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        {payment.note && (
          <section className="detail-section" aria-labelledby="payment-note-heading">
            <h3 id="payment-note-heading">{t('paymentField.note')}</h3>
            <p className="long-text">{payment.note}</p>
          </section>
        )}
        <section className="detail-section" aria-labelledby="payment-went-heading">
          <h3 id="payment-went-heading">{t('payment.whereItWent')}</h3>
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">{t('payment.column.to')}</th>
                <th scope="col" className="col-date">{t('invoiceView.column.date')}</th>
                <th scope="col" className="col-money">{t('invoiceView.column.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {payment.allocations.map((allocation, index) => (
                <tr key={index} className={allocation.reversedDate ? 'row-ended' : undefined}>
                  <td>
                    {t('payment.toInvoice', { number: allocation.invoiceNumber ?? '—' })}
                    {allocation.reversedDate && <span className="cell-detail">{t('payment.reversedOn', { date: formatColumnDate(allocation.reversedDate, language) })}</span>}
                  </td>
                  <td className="col-date">{formatColumnDate(allocation.date, language)}</td>
                  <td className="col-money">{money(allocation.amountMinor)}</td>
                </tr>
              ))}
              {went.refundedMinor > 0 && (
                <tr>
                  <td>{t('payment.refunded')}</td>
                  <td />
                  <td className="col-money">{money(went.refundedMinor)}</td>
                </tr>
              )}
              {payment.status === 'received' && (
                <tr>
                  <td>{t('payment.credit')}</td>
                  <td />
                  <td className="col-money">{money(payment.unallocatedMinor)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      </div>
      <div className="dialog-footer">
        {onBounce && (
          <button type="button" className="button button-danger-outline footer-start" onClick={onBounce}>
            {t('payment.bounce')}
          </button>
        )}
        {onApply && (
          <button type="button" className="button" onClick={onApply}>
            {t('payment.apply')}
          </button>
        )}
        <button ref={close} type="button" className="button button-primary" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}

const BOUNCE_FIELDS = ['reason', 'date'] as const;

function BouncePaymentDialog({ payment, today, onClose, onBounced }: { payment: Payment; today: string; onClose: () => void; onBounced: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(today);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(BOUNCE_FIELDS, problem, form, 'bounce');
  const notice = noticeText(language, problem, BOUNCE_FIELDS);

  async function bounce(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('payments.bounce', { id: payment.id, reason: reason.trim(), ...(date.trim() ? { date: date.trim() } : {}) });
    setSaving(false);
    if (answer.ok) return onBounced();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('bounce.title', { amount: formatMoney(payment.amountMinor, payment.currency, language) })} onClose={onClose} initialFocus={reasonInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void bounce(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('bounce.body')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-stack">
            <TextAreaField ref={reasonInput} id="bounce-reason" label={t('bounce.reason')} requiredLabel={t('form.required')} hint={t('bounce.reasonHint')} rows={2} value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
            <TextField id="bounce-date" label={t('bounce.date')} type="date" className="short" value={date} error={errorOf('date')} onChange={(event) => setDate(event.target.value)} />
          </div>
        </div>
        <FormFooter confirm={t('bounce.confirm')} saving={saving} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
