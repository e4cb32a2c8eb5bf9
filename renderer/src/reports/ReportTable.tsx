// A report's rows as a table: headings in the screen's language, money in each row's currency,
// dates and counts as the reseller reads them, a client's name opening their page, and one
// totals line per currency at the foot.
import type { Output } from '../../../shared/api/methods.js';
import type { ColumnKind } from '../../../shared/api/reports.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';

type Report = Output<'reports.run'>;
type Cell = Report['rows'][number]['cells'][string];

const numeric = (kind: ColumnKind) => kind === 'money' || kind === 'count' || kind === 'days';

export function ReportTable({ report }: { report: Report }) {
  const { language, t } = useI18n();
  const text = (kind: ColumnKind, value: Cell | undefined, currency: string | null): string => {
    if (value === null || value === undefined || value === '') return '';
    if (kind === 'money' && typeof value === 'number') return currency ? formatMoney(value, currency, language) : String(value);
    if (kind === 'date' && typeof value === 'string') return formatColumnDate(value, language);
    if (typeof value === 'number') return value.toLocaleString(language);
    return value;
  };
  const title = t(`reports.name.${report.report}`);
  if (report.rows.length === 0) {
    return (
      <p className="empty-state" role="status">
        {t('reports.empty')}
      </p>
    );
  }
  return (
    <>
      <div className="report-scroll">
        <table className="data-table report-table">
          <caption className="visually-hidden">{t('reports.caption', { report: title, count: report.rows.length })}</caption>
          <thead>
            <tr>
              {report.columns.map((c) => (
                <th key={c.key} scope="col" className={numeric(c.kind) ? 'col-price' : undefined}>
                  {t(`reports.column.${c.key}` as MessageKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row, index) => (
              <tr key={index}>
                {report.columns.map((c, i) => {
                  const value = text(c.kind, row.cells[c.key], row.currency);
                  if (i === 0) {
                    return (
                      <th key={c.key} scope="row">
                        {c.key === 'client' && row.clientId ? <a href={hrefOf({ name: 'client', id: row.clientId })}>{value}</a> : value}
                      </th>
                    );
                  }
                  return (
                    <td key={c.key} className={numeric(c.kind) ? 'col-price' : undefined}>
                      {c.key === 'client' && row.clientId ? <a href={hrefOf({ name: 'client', id: row.clientId })}>{value}</a> : value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {report.totals.map((total) => (
              <tr key={total.currency ?? ''} className="report-total">
                {report.columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row">
                      {t('reports.total')} {total.currency ?? ''}
                    </th>
                  ) : (
                    <td key={c.key} className={numeric(c.kind) ? 'col-price' : undefined}>
                      {c.kind === 'money' || c.kind === 'count' ? text(c.kind, total.cells[c.key], total.currency) : ''}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      {report.rowLimit !== null && <p className="muted small">{t('reports.rowLimit', { count: report.rowLimit })}</p>}
    </>
  );
}
