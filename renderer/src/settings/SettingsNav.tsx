// The pages of Settings, as links (Tab, Enter and the back button work as everywhere).
import { hrefOf, type Route } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';

const PAGES = [
  { route: { name: 'billingSettings' }, label: 'settings.billing' },
  { route: { name: 'importHistory' }, label: 'imports.title' },
  { route: { name: 'backups' }, label: 'settings.backups' },
  { route: { name: 'panelSettings' }, label: 'nav.panels' },
  { route: { name: 'companyProfile' }, label: 'companyForm.title' },
  { route: { name: 'letterTemplates' }, label: 'templateEditor.title' },
  { route: { name: 'riskSettings' }, label: 'settings.risk' },
  { route: { name: 'ladderSettings' }, label: 'settings.ladder' },
  { route: { name: 'channelSettings' }, label: 'settings.channels' },
  { route: { name: 'accountCodes' }, label: 'settings.accountCodes' },
] as const satisfies readonly { route: Route; label: string }[];

export function SettingsNav({ current }: { current: (typeof PAGES)[number]['route']['name'] }) {
  const { t } = useI18n();
  return (
    <nav className="settings-nav" aria-label={t('settings.pages')}>
      <ul>
        {PAGES.map((page) => (
          <li key={page.route.name}>
            <a href={hrefOf(page.route)} className="settings-nav-item" aria-current={page.route.name === current ? 'page' : undefined}>
              {t(page.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
