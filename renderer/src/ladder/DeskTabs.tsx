// The desk's two pages, Today and Forecast, as links (each has its own address, so the back button
// and a bookmark work), drawn like the tabs elsewhere.
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function DeskTabs({ current }: { current: 'desk' | 'forecast' }) {
  const { t } = useI18n();
  return (
    <nav className="tabs desk-tabs" aria-label={t('desk.tabs')}>
      <a className="tab" href={hrefOf({ name: 'desk' })} aria-current={current === 'desk' ? 'page' : undefined}>
        {t('desk.tab.today')}
      </a>
      <a className="tab" href={hrefOf({ name: 'forecast' })} aria-current={current === 'forecast' ? 'page' : undefined}>
        {t('desk.tab.forecast')}
      </a>
    </nav>
  );
}
