// What an invoice comes to, as printed: the net, the tax per rate (with the net each rate applies
// to) and the total — then, for an issued invoice, whatever has settled it and what is still open.
import type { ReactNode } from 'react';
import { formatMoney } from '../../../shared/money.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatPercent } from '../ui/numberText.js';
import type { RateTotal } from './invoiceDraftValues.js';

interface TaxTotalsProps {
  currency: string;
  taxMode: 'exclusive' | 'inclusive';
  byRate: readonly RateTotal[];
  netMinor: number;
  totalMinor: number;
  /** Rows after the total (payments applied, credit notes, open amount). */
  children?: ReactNode;
}

export function TaxTotals({ currency, taxMode, byRate, netMinor, totalMinor, children }: TaxTotalsProps) {
  const { language, t } = useI18n();
  const money = (minor: number) => formatMoney(minor, currency, language);
  return (
    <table className="totals-table">
      <caption className="visually-hidden">{t('invoiceTotals.caption')}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('invoiceTotals.net')}</th>
          <td>{money(netMinor)}</td>
        </tr>
        {byRate.map((group) => (
          <tr key={group.rateBp}>
            <th scope="row">{t(taxMode === 'exclusive' ? 'invoiceTotals.taxOn' : 'invoiceTotals.taxIncludedOn', { rate: formatPercent(group.rateBp, language), net: money(group.netMinor) })}</th>
            <td>{money(group.taxMinor)}</td>
          </tr>
        ))}
        <tr className="totals-grand">
          <th scope="row">{t('invoiceTotals.total')}</th>
          <td>{money(totalMinor)}</td>
        </tr>
        {children}
      </tbody>
    </table>
  );
}
