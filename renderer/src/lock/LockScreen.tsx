// The lock screen: the passphrase, and nothing of the book behind it.
import { useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';

export function LockScreen({ onUnlocked }: { onUnlocked: (status: Output<'app.lock.status'>) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function unlock() {
    setChecking(true);
    const answer = await api.call('app.lock.unlock', { passphrase });
    setChecking(false);
    if (answer.ok) return onUnlocked(answer.value);
    setProblem(answer.error);
    setPassphrase('');
    input.current?.focus();
  }

  const wrong = problem?.code === 'invalid_input' ? t('appLock.wrong') : undefined;
  return (
    <main className="signed-out" lang={language}>
      <div className="signed-out-card">
        <p className="app-name">{t('app.name')}</p>
        <h1>{t('appLock.locked')}</h1>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void unlock();
          }}
        >
          <TextField ref={input} id="lock-passphrase" type="password" autoComplete="current-password" autoFocus label={t('appLock.passphrase')} error={wrong} value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={checking || passphrase === ''}>
              {t('appLock.unlock')}
            </button>
            {checking && <progress className="progress" aria-label={t('appLock.checking')} />}
          </div>
        </form>
        {problem && problem.code !== 'invalid_input' && (
          <p className="notice notice-error" role="alert">
            {translateApiError(language, problem)}
          </p>
        )}
      </div>
    </main>
  );
}
