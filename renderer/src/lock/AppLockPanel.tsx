// Settings: turn the app lock on (a passphrase asked at start and after an idle time), change it,
// or turn it off. Changing or removing an existing lock asks for the current passphrase.
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { readWholeNumber } from '../ui/numberText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

export function AppLockPanel() {
  const api = useApi();
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<Output<'app.lock.status'> | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [idle, setIdle] = useState('10');
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { errorOf, focusFirst } = useFieldErrors(['currentPassphrase', 'newPassphrase', 'idleMinutes'], problem, form, 'app-lock');

  useEffect(() => {
    let live = true;
    void api.call('app.lock.status', {}).then((answer) => {
      if (!live || !answer.ok) return;
      setStatus(answer.value);
      if (answer.value.idleMinutes !== null) setIdle(String(answer.value.idleMinutes));
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function save(turnOff: boolean) {
    setSaved(null);
    const minutes = readWholeNumber(idle);
    const answer = await api.call('app.lock.configure', {
      ...(status?.enabled ? { currentPassphrase: current } : {}),
      newPassphrase: turnOff ? null : next,
      idleMinutes: idle.trim() === '' ? null : minutes.state === 'value' ? minutes.value : (idle as never),
    });
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return focusFirst(answer.error);
    setStatus(answer.value);
    setCurrent('');
    setNext('');
    setSaved(t(turnOff ? 'appLock.removed' : 'appLock.saved'));
  }

  // A wrong current passphrase is its own sentence, not the generic "not valid".
  const currentError = errorOf('currentPassphrase') && t('appLock.wrong');
  return (
    <section className="panel" aria-labelledby="app-lock-heading">
      <h2 id="app-lock-heading" className="panel-title">
        {t('appLock.title')}
      </h2>
      <p className="muted small panel-intro">{t(status?.enabled ? 'appLock.on' : 'appLock.off')}</p>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        {status?.enabled && <TextField id="app-lock-currentPassphrase" type="password" autoComplete="current-password" label={t('appLock.current')} error={currentError || undefined} value={current} onChange={(event) => setCurrent(event.target.value)} />}
        <TextField id="app-lock-newPassphrase" type="password" autoComplete="new-password" label={t('appLock.new')} hint={t('appLock.newHint')} error={errorOf('newPassphrase')} value={next} onChange={(event) => setNext(event.target.value)} />
        <TextField id="app-lock-idleMinutes" inputMode="numeric" label={t('appLock.idle')} hint={t('appLock.idleHint')} error={errorOf('idleMinutes')} value={idle} onChange={(event) => setIdle(event.target.value)} />
        <div className="button-row">
          <button type="submit" className="button">
            {t(status?.enabled ? 'appLock.change' : 'appLock.turnOn')}
          </button>
          {status?.enabled && (
            <>
              <button type="button" className="button" onClick={() => void save(true)}>
                {t('appLock.turnOff')}
              </button>
              <button type="button" className="button" onClick={() => void api.call('app.lock.lock', {})}>
                {t('appLock.lockNow')}
              </button>
            </>
          )}
          {saved && (
            <span className="muted" role="status">
              {saved}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
