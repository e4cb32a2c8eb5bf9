// English / 简体中文. The choice shows at once and is saved as a preference, so the next start
// (and a reload) speaks the same language.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { LANGUAGES, type Language } from '../../../shared/domain/language.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function LanguageSwitch() {
  const api = useApi();
  const { language, setLanguage, t } = useI18n();
  const [notSaved, setNotSaved] = useState<ApiErrorBody | null>(null);

  async function choose(next: Language) {
    if (next === language) return;
    setLanguage(next);
    const answer = await api.call('preferences.update', { language: next });
    setNotSaved(answer.ok ? null : answer.error);
  }

  return (
    <div className="language-switch">
      <div className="segmented" role="group" aria-label={t('shell.language')}>
        {LANGUAGES.map((option) => (
          <button key={option} type="button" lang={option} aria-pressed={option === language} onClick={() => void choose(option)}>
            {t(`languageSwitch.${option}`)}
          </button>
        ))}
      </div>
      {notSaved && (
        <p className="header-alert" role="alert">
          {t('shell.languageNotSaved', { reason: translateApiError(language, notSaved) })}
        </p>
      )}
    </div>
  );
}
