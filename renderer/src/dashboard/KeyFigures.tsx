// The dashboard's headline numbers: MRR, collection rate, DSO and the cash expected in 30 days,
// each a link to the list it summarises.
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Dashboard } from './DashboardScreen.js';

export function KeyFigures({ data, currency }: { data: Dashboard; currency: string }) {
  const { language, t } = useI18n();
  const money = (minor: number) => formatMoney(minor, currency, language);
  const percent = (value: number | null) => (value === null ? t('dashboard.none') : `${value.toLocaleString(language)} %`);
  return (
    <ul className="key-figures" aria-label={t('dashboard.title')}>
      <li className="key-figure">
        <a href={hrefOf({ name: 'contracts' })}>
          <span className="key-figure-label">{t('dashboard.mrr')}</span>
          <span className="key-figure-value" data-testid="mrr">
            {money(data.mrrMinor)}
          </span>
          <span className="key-figure-hint">{t('dashboard.mrrHint')}</span>
        </a>
      </li>
      <li className="key-figure">
        <a href={hrefOf({ name: 'receivables' })}>
          <span className="key-figure-label">{t('dashboard.collectionRate')}</span>
          <span className="key-figure-value">{percent(data.collectionRatePct)}</span>
          <span className="key-figure-hint">{t('dashboard.collectionRateHint')}</span>
        </a>
      </li>
      <li className="key-figure">
        <a href={hrefOf({ name: 'receivables' })}>
          <span className="key-figure-label">{t('dashboard.dso')}</span>
          <span className="key-figure-value">{data.dsoDays === null ? t('dashboard.none') : t('dashboard.days', { days: data.dsoDays.toLocaleString(language) })}</span>
          <span className="key-figure-hint">{t('dashboard.dsoHint')}</span>
        </a>
      </li>
      <li className="key-figure">
        <a href={hrefOf({ name: 'reports', preset: { report: 'outstanding', currency, bucket: 'current' } })}>
          <span className="key-figure-label">{t('dashboard.expected')}</span>
          <span className="key-figure-value">{money(data.expected.expectedMinor)}</span>
          <span className="key-figure-hint">{t('dashboard.expectedHint', { expected: money(data.expected.expectedMinor), due: money(data.expected.dueMinor) })}</span>
        </a>
      </li>
    </ul>
  );
}
