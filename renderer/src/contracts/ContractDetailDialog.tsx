// Everything about one contract: what it is, its price and dates, its terms, the usage of a tiered
// or pay-as-you-go contract, and how its status changed over time. A live contract can be edited or ended from here; an ended one is kept as it
// was, so it is only shown.
import { useRef, type ReactNode } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import { LIVE_STATUSES } from '../../../shared/domain/contract.js';
import { PANEL_ACCOUNT_MEANING } from '../../../shared/domain/panel.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { formatDate, formatInstant } from '../ui/formatting.js';
import { ContractStatus } from './ContractStatus.js';
import { ContractUsage } from './ContractUsage.js';
import { ContractPanelSection } from '../panels/ContractPanelSection.js';

export type ContractDetail = Output<'contracts.get'>;

interface ContractDetailDialogProps {
  detail: ContractDetail;
  /** On the client's own page a link to it would go nowhere. */
  showClientLink: boolean;
  onClose: () => void;
  onEdit: () => void;
  onEnd: () => void;
}

export function ContractDetailDialog({ detail, showClientLink, onClose, onEdit, onEnd }: ContractDetailDialogProps) {
  const { language, t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  const live = LIVE_STATUSES.includes(detail.status);
  const money = (minor: number) => formatMoney(minor, detail.currency, language);
  const date = (value: string | null) => (value ? formatDate(value, language) : null);
  const unit = detail.unitLabel ?? t('tierEditor.units');

  const facts: [string, ReactNode][] = [
    [t('contractField.client'), showClientLink ? <a href={hrefOf({ name: 'client', id: detail.clientId })}>{detail.clientName}</a> : detail.clientName],
    [t('contractField.plan'), detail.planName ?? t('contract.noPlan')],
    [t('contractField.kind'), t(`serviceKind.${detail.kind}`)],
    [t('contractField.panelKind'), t(`panel.${detail.panelKind}`)],
    [t(`panelAccount.${PANEL_ACCOUNT_MEANING[detail.panelKind]}`), detail.panelKind === 'none' ? null : detail.panelAccount],
    [t('contractField.price'), t('contract.pricePerCycle', { price: money(detail.priceMinor), cycle: t(`cycle.${detail.cycle}`) })],
    [t('contractField.pricingModel'), t(`pricingModel.${detail.pricingModel}`)],
    [
      t('contractField.tiers'),
      detail.tiers?.length ? (
        <ul className="plain-list">
          {detail.tiers.map((tier, index) => (
            <li key={index}>
              {tier.upTo === null
                ? t('contract.tierNoLimit', { price: money(tier.unitPriceMinor), unit })
                : t('contract.tierUpTo', { upTo: tier.upTo, price: money(tier.unitPriceMinor), unit })}
            </li>
          ))}
        </ul>
      ) : null,
    ],
    [t('contractField.autoRenew'), detail.autoRenew ? t('form.yes') : t('form.no')],
    [t('contractField.startDate'), date(detail.startDate)],
    [t('contractField.nextDueDate'), date(detail.nextDueDate)],
    [t('contractField.endDate'), date(detail.endDate)],
    [t('contractField.expiresOn'), date(detail.expiresOn)],
    [t('contractField.termsVersion'), detail.termsVersion],
    [t('contractField.signedDate'), date(detail.signedDate)],
    [t('contractField.termReviewDate'), date(detail.termReviewDate)],
  ];

  return (
    <Dialog title={t('contract.title', { label: detail.label })} onClose={onClose} initialFocus={close}>
      <div className="dialog-body">
        <div className="detail-status">
          <ContractStatus contract={detail} />
          {detail.endReason && <p className="muted">{t('contract.endReason', { reason: detail.endReason })}</p>}
        </div>

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

        {detail.termsText && (
          <section className="detail-section" aria-labelledby="contract-terms-heading">
            <h3 id="contract-terms-heading">{t('contractField.termsText')}</h3>
            <p className="long-text">{detail.termsText}</p>
          </section>
        )}
        {detail.notes && (
          <section className="detail-section" aria-labelledby="contract-notes-heading">
            <h3 id="contract-notes-heading">{t('contractField.notes')}</h3>
            <p className="long-text">{detail.notes}</p>
          </section>
        )}

        {detail.pricingModel !== 'fixed' && <ContractUsage contractId={detail.id} unit={unit} live={live} />}

        <ContractPanelSection contract={detail} live={live} />

        <section className="detail-section" aria-labelledby="contract-history-heading">
          <h3 id="contract-history-heading">{t('contract.history')}</h3>
          <table className="data-table compact-table history-table">
            <thead>
              <tr>
                <th scope="col" className="col-when">{t('contract.history.when')}</th>
                <th scope="col" className="col-change">{t('contract.history.change')}</th>
                <th scope="col">{t('contract.history.reason')}</th>
                <th scope="col" className="col-actor">{t('contract.history.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.statusHistory.map((change, index) => (
                <tr key={index}>
                  <td>{formatInstant(change.at, language)}</td>
                  <td>
                    {change.from === null
                      ? t('contract.history.started', { to: t(`contractStatus.${change.to}`) })
                      : t('contract.history.fromTo', { from: t(`contractStatus.${change.from}`), to: t(`contractStatus.${change.to}`) })}
                  </td>
                  <td>{change.reason}</td>
                  <td>{change.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="dialog-footer">
        {live ? (
          <>
            <button type="button" className="button button-danger-outline footer-start" onClick={onEnd}>
              {t('contract.end')}
            </button>
            <button type="button" className="button" onClick={onEdit}>
              {t('contract.edit')}
            </button>
          </>
        ) : (
          <p className="muted footer-start">{t('contract.readOnly')}</p>
        )}
        <button ref={close} type="button" className="button button-primary" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}
