// Shown in browser mode when the server refuses this tab's token (or it has none): the only way
// in is the link `npm run web` printed, so say exactly that.
import type { Language } from '../../../shared/domain/language.js';
import { translate } from '../../../shared/i18n/index.js';

export function SignedOutScreen({ language }: { language: Language }) {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return (
    <main className="signed-out" lang={language}>
      <div className="signed-out-card">
        <p className="app-name">{t('app.name')}</p>
        <h1>{t('signedOut.title')}</h1>
        <p>{t('signedOut.body')}</p>
        <pre className="command">
          <code>npm run web</code>
        </pre>
        <p className="muted">{t('signedOut.hint')}</p>
      </div>
    </main>
  );
}
