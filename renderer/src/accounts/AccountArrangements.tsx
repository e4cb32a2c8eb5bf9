// What has been agreed with a client about their arrears: payment plans with their installments
// and standing, promises to pay (kept or broken by the payments that arrive), disputes — and
// whether, because of them, the arrears ladder holds today.
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import type { Client } from '../../../shared/domain/client.js';
import type { PaymentPlan } from '../../../shared/domain/paymentPlan.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { EvidenceBundle } from '../evidence/EvidenceBundle.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { CancelArrangementDialog } from './CancelArrangementDialog.js';
import { readPauseReason } from './installments.js';
import { PaymentPlanDialog } from './PaymentPlanDialog.js';
import { PromiseDialog } from './PromiseDialog.js';
import type { Loadable } from '../ui/loadable.js';

type Arrangements = Output<'arrangements.forClient'>;
type Loaded = Loadable<{ arrangements: Arrangements }>;
type OpenDialog = { kind: 'plan' } | { kind: 'promise' } | { kind: 'cancel'; what: 'plan' | 'promise'; id: string } | null;

interface AccountArrangementsProps {
  client: Client;
  /** What the client owes net of credit: a promise is for at most this. */
  owedMinor: number;
  today: string;
}

export function AccountArrangements({ client, owedMinor, today }: AccountArrangementsProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [saved, setSaved] = useState(0);
  const changes = useSettledChanges('accounts.changed', (change) => change.clientId === client.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  useEffect(() => {
    let current = true;
    void api.call('arrangements.forClient', { clientId: client.id }).then((answer) => {
      if (current) setLoaded(answer.ok ? { status: 'ready', arrangements: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, client.id, changes, saved]);
  // What is agreed or cancelled here shows at once, whether or not it changed the account.
  const reload = () => setSaved((count) => count + 1);

  if (loaded.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <p className="notice notice-error" role="alert">
        {translateApiError(language, loaded.error)}
      </p>
    );
  }
  const { plans, promises, disputes, ladder } = loaded.arrangements;
  const money = (minor: number) => formatMoney(minor, client.currency, language);
  const activePlan = plans.some((plan) => plan.status === 'active');
  const openPromise = promises.some((promise) => promise.status === 'open');
  const payer = { id: client.id, name: client.name, currency: client.currency };
  const closeAndReload = () => {
    setDialog(null);
    reload();
  };

  const reasonText = (reason: string) => {
    const read = readPauseReason(reason);
    if (read.key === 'other') return read.text;
    if (read.key === 'planInGrace' || read.key === 'promise') return t(`ladder.${read.key}`, { date: formatDate(read.date, language) });
    return t(`ladder.${read.key}`);
  };

  return (
    <div className="arrangements">
      <p className={ladder.paused ? 'notice notice-success' : 'notice notice-plain'}>
        {ladder.paused ? t('ladder.paused', { reasons: ladder.reasons.map(reasonText).join(t('list.separator')) }) : t('ladder.running')}
      </p>

      <section className="detail-section" aria-labelledby="plans-heading">
        <div className="section-header">
          <h3 id="plans-heading">{t('arrangements.plans')}</h3>
          {!activePlan && (
            <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'plan' })}>
              {t('arrangements.newPlan')}
            </button>
          )}
        </div>
        {plans.length === 0 ? (
          <p className="muted">{t('arrangements.noPlans')}</p>
        ) : (
          plans.map((plan) => <PlanCard key={plan.id} plan={plan} money={money} onCancel={() => setDialog({ kind: 'cancel', what: 'plan', id: plan.id })} />)
        )}
      </section>

      <section className="detail-section" aria-labelledby="promises-heading">
        <div className="section-header">
          <h3 id="promises-heading">{t('arrangements.promises')}</h3>
          {!openPromise && owedMinor > 0 && (
            <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'promise' })}>
              {t('arrangements.newPromise')}
            </button>
          )}
        </div>
        {promises.length === 0 ? (
          <p className="muted">{t('arrangements.noPromises')}</p>
        ) : (
          <table className="data-table compact-table">
            <caption className="visually-hidden">{t('arrangements.promises')}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-date">{t('arrangements.column.made')}</th>
                <th scope="col" className="col-date">{t('arrangements.column.by')}</th>
                <th scope="col" className="col-money">{t('arrangements.column.amount')}</th>
                <th scope="col" className="col-money">{t('arrangements.column.received')}</th>
                <th scope="col">{t('arrangements.column.status')}</th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">{t('taxRate.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {promises.map((promise) => (
                <tr key={promise.id}>
                  <td className="col-date">{formatColumnDate(promise.madeDate, language)}</td>
                  <td className="col-date">{formatColumnDate(promise.promisedDate, language)}</td>
                  <td className="col-money">{money(promise.amountMinor)}</td>
                  <td className="col-money">{money(promise.receivedMinor)}</td>
                  <td>
                    <span className={`badge badge-arrangement-${promise.status}`}>{t(`promiseStatus.${promise.status}`)}</span>
                  </td>
                  <td className="col-actions">
                    {promise.status === 'open' && (
                      <button type="button" className="button button-small button-danger-outline" onClick={() => setDialog({ kind: 'cancel', what: 'promise', id: promise.id })}>
                        {t('arrangements.cancelPromise')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="detail-section" aria-labelledby="disputes-heading">
        <h3 id="disputes-heading">{t('invoiceView.disputes')}</h3>
        {disputes.length === 0 ? (
          <p className="muted">{t('arrangements.noDisputes')}</p>
        ) : (
          <ul className="dispute-list">
            {disputes.map((dispute) => (
              <li key={dispute.id} className="dispute">
                <p>
                  <span className={`badge badge-dispute-${dispute.status}`}>{t(`disputeStatus.${dispute.status}`)}</span> {t('arrangements.disputeOn', { number: dispute.invoiceNumber ?? '—' })}{' '}
                  {t('invoiceView.disputeOpened', { date: formatDate(dispute.openedDate, language), reason: dispute.reason })}
                </p>
                {dispute.resolvedDate && <p className="muted">{t('invoiceView.disputeResolved', { date: formatDate(dispute.resolvedDate, language), resolution: dispute.resolution ?? '' })}</p>}
                <EvidenceBundle clientId={client.id} disputeId={dispute.id} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {dialog?.kind === 'plan' && <PaymentPlanDialog client={client} onClose={() => setDialog(null)} onCreated={closeAndReload} />}
      {dialog?.kind === 'promise' && <PromiseDialog client={payer} owedMinor={owedMinor} today={today} onClose={() => setDialog(null)} onRecorded={closeAndReload} />}
      {dialog?.kind === 'cancel' && <CancelArrangementDialog kind={dialog.what} id={dialog.id} onClose={() => setDialog(null)} onCancelled={closeAndReload} />}
    </div>
  );
}

function PlanCard({ plan, money, onCancel }: { plan: PaymentPlan; money: (minor: number) => string; onCancel: () => void }) {
  const { language, t } = useI18n();
  return (
    <div className="plan-card">
      <div className="plan-card-header">
        <p>
          <span className={`badge badge-plan-${plan.standing}`}>{t(`planStanding.${plan.standing}`)}</span>{' '}
          {t('arrangements.planSummary', { date: formatDate(plan.createdDate, language), total: money(plan.totalMinor), paid: money(plan.paidMinor) })}
          {plan.graceUntil && ` ${t('arrangements.graceUntil', { date: formatDate(plan.graceUntil, language) })}`}
        </p>
        {plan.status === 'active' && (
          <button type="button" className="button button-small button-danger-outline" onClick={onCancel}>
            {t('arrangements.cancelPlan')}
          </button>
        )}
      </div>
      <p className="muted small">
        {t('arrangements.planCovers', { numbers: plan.invoices.map((invoice) => invoice.number ?? '—').join(t('list.separator')) })}
        {plan.feeMinor > 0 && ` ${t('arrangements.planFee', { fee: money(plan.feeMinor) })}`}
      </p>
      <table className="data-table compact-table installment-table">
        <caption className="visually-hidden">{t('arrangements.installments')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-date">{t('arrangements.column.due')}</th>
            <th scope="col" className="col-money">{t('arrangements.column.amount')}</th>
            <th scope="col" className="col-money">{t('arrangements.column.paid')}</th>
            <th scope="col">{t('arrangements.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.installments.map((installment, index) => (
            <tr key={index}>
              <td className="col-date">{formatColumnDate(installment.dueDate, language)}</td>
              <td className="col-money">{money(installment.amountMinor)}</td>
              <td className="col-money">{money(installment.paidMinor)}</td>
              <td>
                <span className={`badge badge-installment-${installment.state}`}>{t(`installmentState.${installment.state}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
