// The test buttons of Settings → Email & SMS: a real email or text sent with the saved settings,
// and the server's answer (or why it was not sent) shown beside the button. Sending can take up
// to the timeout, so the button says it is sending meanwhile.
import { useState, type FormEvent } from 'react';
import type { ChannelSettingsView, SetupProblem } from '../../../shared/api/channels.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';

type Answer = { ok: boolean; message: string; setupProblem?: SetupProblem | null } | { problem: ApiErrorBody } | null;

export function ChannelTests({ settings, unsaved }: { settings: ChannelSettingsView; unsaved: boolean }) {
  const { t } = useI18n();
  return (
    <section className="panel channel-tests" aria-labelledby="channel-tests-heading">
      <h2 id="channel-tests-heading" className="panel-title">
        {t('channels.test.title')}
      </h2>
      {unsaved && <p className="notice notice-warning">{t('channels.saveFirst')}</p>}
      <div className="form-grid">
        <TestOne kind="email" defaultTo={settings.email.fromAddress} disabled={unsaved} />
        <TestOne kind="sms" defaultTo="" disabled={unsaved} />
      </div>
    </section>
  );
}

function TestOne({ kind, defaultTo, disabled }: { kind: 'email' | 'sms'; defaultTo: string; disabled: boolean }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [to, setTo] = useState(defaultTo);
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  const id = `channels-test-${kind}`;

  async function send(event: FormEvent) {
    event.preventDefault();
    if (to.trim() === '') return setAnswer({ ok: false, message: t(kind === 'email' ? 'channels.test.needAddress' : 'channels.test.needPhone') });
    setSending(true);
    setAnswer(null);
    const result = kind === 'email' ? await api.call('channels.testEmail', { to: to.trim() }) : await api.call('channels.testSms', { to: to.trim() });
    setSending(false);
    setAnswer(result.ok ? result.value : { problem: result.error });
  }

  const fieldError = answer && 'problem' in answer && answer.problem.code === 'invalid_input' ? answer.problem.details?.fields?.[0] : undefined;
  return (
    <form className="channel-test" noValidate onSubmit={(event) => void send(event)} aria-busy={sending}>
      <TextField
        id={id}
        label={t(kind === 'email' ? 'channels.test.emailTo' : 'channels.test.smsTo')}
        type={kind === 'email' ? 'email' : 'tel'}
        value={to}
        error={fieldError ? fieldErrorText(language, fieldError) : undefined}
        onChange={(event) => setTo(event.target.value)}
      />
      <button type="submit" className="button" disabled={sending || disabled}>
        {sending ? t('channels.test.sending') : t(kind === 'email' ? 'channels.test.email' : 'channels.test.sms')}
      </button>
      <div aria-live="polite">
        {answer && 'ok' in answer && (
          <p className={answer.ok ? 'notice notice-success channel-test-answer' : 'notice notice-error channel-test-answer'}>
            {answer.ok
              ? t('channels.test.ok', { message: answer.message })
              : answer.setupProblem
                ? t(`channels.setup.${answer.setupProblem}`)
                : t('channels.test.failed', { message: answer.message })}
          </p>
        )}
        {answer && 'problem' in answer && !fieldError && <p className="notice notice-error channel-test-answer">{translateApiError(language, answer.problem)}</p>}
      </div>
    </form>
  );
}
