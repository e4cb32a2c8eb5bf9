// The shell every screen sits in: a skip link, the header with the language switch, the section
// navigation on the left and the current screen.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SectionNav } from './SectionNav.js';
import { SECTIONS, type SectionId } from './sections.js';

export function App() {
  const { t } = useI18n();
  const [current, setCurrent] = useState<SectionId>(SECTIONS[0].id);
  const main = useRef<HTMLElement>(null);
  const { Screen } = SECTIONS.find((section) => section.id === current) ?? SECTIONS[0];

  const open = (id: SectionId) => {
    if (id === current) return;
    setCurrent(id);
    // Keyboard and screen-reader users land on the screen they just opened.
    main.current?.focus();
  };

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus without putting `#main` in the address bar.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <div className="app-body">
        <SectionNav current={current} onOpen={open} />
        <main id="main" className="app-main" ref={main} tabIndex={-1}>
          <Screen />
        </main>
      </div>
    </div>
  );
}
