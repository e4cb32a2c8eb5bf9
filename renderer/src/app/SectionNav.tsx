import { useI18n } from '../i18n/I18nProvider.js';
import { SECTIONS, type SectionId } from './sections.js';

export function SectionNav({ current, onOpen }: { current: SectionId; onOpen: (id: SectionId) => void }) {
  const { t } = useI18n();
  return (
    <nav className="section-nav" aria-label={t('shell.sections')}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <button
              type="button"
              className="section-nav-item"
              aria-current={section.id === current ? 'page' : undefined}
              onClick={() => onOpen(section.id)}
            >
              {t(section.label)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
