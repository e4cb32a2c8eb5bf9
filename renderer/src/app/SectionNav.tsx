// The left navigation: plain links to each section's route, so Tab, Enter, the back button and
// "open in new tab" all work as they do everywhere. A section may carry a count of work waiting
// (the arrears desk: lines needing approval or failed), read out with the section's name.
import { useI18n } from '../i18n/I18nProvider.js';
import { hrefOf, sectionRoute, type SectionId } from './routes.js';
import { SECTIONS } from './sections.js';

export function SectionNav({ current, counts = {} }: { current: SectionId; counts?: Partial<Record<SectionId, number>> }) {
  const { t } = useI18n();
  return (
    <nav className="section-nav" aria-label={t('shell.sections')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a className="section-nav-item" href={hrefOf(sectionRoute(section.id))} aria-current={section.id === current ? 'page' : undefined}>
              {t(section.label)}
              {(counts[section.id] ?? 0) > 0 && (
                <span className="nav-count" aria-label={t('nav.waiting', { count: counts[section.id]! })}>
                  {counts[section.id]}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
