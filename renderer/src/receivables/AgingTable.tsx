// One aging table: a row per currency (the totals) or per client, a column per age bucket and the
// total, amounts right-aligned in the row's currency. A client's name opens their page.
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface AgingRow {
  key: string;
  /** Set on a client's row; the totals are per currency only. */
  client?: { id: string; name: string };
  currency: string;
  buckets: Record<(typeof AGING_BUCKETS)[number], number>;
  totalMinor: number;
}

export function AgingTable({ rows, caption }: { rows: AgingRow[]; caption: string }) {
  const { language, t } = useI18n();
  const perClient = rows.some((row) => row.client);
  const money = (minor: number, currency: string) => (minor === 0 ? <span className="muted">—</span> : formatMoney(minor, currency, language));
  return (
    <table className={perClient ? 'data-table aging-table aging-clients' : 'data-table aging-table'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {perClient && <th scope="col" className="col-client">{t('receivables.column.client')}</th>}
          <th scope="col" className="col-currency">{t('receivables.column.currency')}</th>
          {AGING_BUCKETS.map((bucket) => (
            <th key={bucket} scope="col" className="col-price">
              {t(`agingBucket.${bucket}`)}
            </th>
          ))}
          <th scope="col" className="col-price">{t('receivables.column.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.client && (
              <th scope="row" className="col-client">
                <a href={hrefOf({ name: 'client', id: row.client.id })}>{row.client.name}</a>
              </th>
            )}
            {row.client ? <td className="col-currency">{row.currency}</td> : <th scope="row" className="col-currency">{row.currency}</th>}
            {AGING_BUCKETS.map((bucket) => (
              <td key={bucket} className={bucket === 'current' ? 'col-price' : 'col-price aging-late'}>
                {money(row.buckets[bucket], row.currency)}
              </td>
            ))}
            <td className="col-price aging-total">{formatMoney(row.totalMinor, row.currency, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
