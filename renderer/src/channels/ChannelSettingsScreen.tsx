// Settings → Email & SMS (`#/settings/channels`): the SMTP server reminders are emailed through and
// the SMS gateway texts go to, each with a test button that shows what the server answered. The
// password and secret header values are only ever sent, never shown: the book keeps them in the
// secret store and says whether one is stored.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelSettingsView } from '../../../shared/api/channels.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { SMS_METHODS, SMTP_SECURITY } from '../../../shared/channels/settings.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { LoadNotice } from '../ui/LoadNotice.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { channelUpdateOf, channelValues, type ChannelValues } from './channelSettingsValues.js';
import { ChannelTests } from './ChannelTests.js';
import './channels.css';
import type { Loadable } from '../ui/loadable.js';

type Loaded = Loadable<{ settings: ChannelSettingsView }>;

export function ChannelSettingsScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The tests use what is saved: they wait while the form holds unsaved changes.
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    let current = true;
    void api.call('channels.settings.get', {}).then((answer) => {
      if (current) setLoaded(answer.ok ? { status: 'ready', settings: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="channelSettings" />
      <LoadNotice loading={loaded.status === 'loading'} problem={loaded.status === 'failed' ? loaded.error : null} onRetry={() => setAttempt((count) => count + 1)} />
      {loaded.status === 'ready' && (
        <>
          <ChannelSettingsForm settings={loaded.settings} onDirty={setDirty} onSaved={(settings) => setLoaded({ status: 'ready', settings })} />
          <ChannelTests settings={loaded.settings} unsaved={dirty} />
        </>
      )}
    </div>
  );
}

/** The form's boxes by the API field they hold (`email.host` is in `#channels-email-host`). */
const inputId = (path: string) => `channels-${path.replace(/\./g, '-')}`;
const FIELD_ORDER = [
  'email.host',
  'email.port',
  'email.security',
  'email.username',
  'email.password',
  'email.fromAddress',
  'email.fromName',
  'email.replyTo',
  'email.timeoutSeconds',
  'sms.url',
  'sms.method',
  'sms.headers',
  'sms.bodyTemplate',
  'sms.contentType',
  'sms.senderId',
  'sms.successContains',
  'sms.timeoutSeconds',
];

function ChannelSettingsForm({ settings, onSaved, onDirty }: { settings: ChannelSettingsView; onSaved: (settings: ChannelSettingsView) => void; onDirty: (dirty: boolean) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [values, setValues] = useState<ChannelValues>(() => channelValues(settings));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const refused = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (path: string): string | undefined => {
    const error = refused.find((candidate) => candidate.field === path || candidate.field.startsWith(`${path}.`));
    if (!error) return undefined;
    if (error.field === 'email.security' && error.code === 'not_allowed') return t('channels.securityNoneRemote');
    return fieldErrorText(language, error);
  };
  const focus = (path: string) => form.current?.querySelector<HTMLElement>(`[id^="${inputId(path)}"]`)?.focus();
  const listed = FIELD_ORDER.flatMap((path) => {
    const message = errorOf(path);
    return message ? [{ label: labelOf(path), path, message, focus: () => focus(path) }] : [];
  });
  function labelOf(path: string): string {
    if (path === 'sms.headers') return t('channels.headers');
    if (path === 'email.timeoutSeconds' || path === 'sms.timeoutSeconds') return t('channels.field.timeoutSeconds');
    return t(`channels.field.${path.split('.')[1]}` as 'channels.field.host');
  }

  const change = (next: Partial<ChannelValues>) => {
    setSaved(false);
    onDirty(true);
    setValues((current) => ({ ...current, ...next }));
  };
  const text = (name: keyof ChannelValues) => (event: { target: { value: string } }) => change({ [name]: event.target.value } as Partial<ChannelValues>);
  const setHeader = (index: number, next: Partial<ChannelValues['headers'][number]>) =>
    change({ headers: values.headers.map((header, i) => (i === index ? { ...header, ...next, stored: next.secret === false ? false : header.stored } : header)) });

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('channels.settings.update', channelUpdateOf(values));
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) {
      const first = FIELD_ORDER.find((path) => (answer.error.details?.fields ?? []).some((f) => f.field === path || f.field.startsWith(`${path}.`)));
      if (first) focus(first);
      return;
    }
    setSaved(true);
    onDirty(false);
    setValues(channelValues(answer.value));
    onSaved(answer.value);
  }

  const field = (path: string, label = labelOf(path)) => ({ id: inputId(path), label, error: errorOf(path) });
  const unplaced = problem && problem.code !== 'invalid_input' ? translateApiError(language, problem) : null;

  return (
    <form ref={form} className="panel channel-settings" noValidate onSubmit={(event) => void save(event)} aria-labelledby="channels-heading" aria-busy={saving}>
      <h2 id="channels-heading" className="panel-title">
        {t('settings.channels')}
      </h2>
      <p className="muted small panel-intro">{t('channels.intro')}</p>
      <p className="muted small">{t('channels.secretStore', { store: settings.secretStore })}</p>
      <ErrorSummary errors={listed} />
      {unplaced && (
        <p className="notice notice-error" role="alert">
          {unplaced}
        </p>
      )}

      <fieldset className="form-section">
        <legend>{t('channels.email.title')}</legend>
        <div className="form-grid">
          <TextField {...field('email.host')} value={values.host} onChange={text('host')} placeholder="smtp.example.com" autoComplete="off" />
          <TextField {...field('email.port')} inputMode="numeric" value={values.port} onChange={text('port')} />
          <SelectField {...field('email.security')} value={values.security} onChange={(event) => change({ security: event.target.value as ChannelValues['security'] })}>
            {SMTP_SECURITY.map((security) => (
              <option key={security} value={security}>
                {t(`channels.security.${security}`)}
              </option>
            ))}
          </SelectField>
          <TextField {...field('email.timeoutSeconds')} inputMode="numeric" value={values.emailTimeout} onChange={text('emailTimeout')} />
          <TextField {...field('email.username')} value={values.username} onChange={text('username')} autoComplete="off" />
          <div>
            <TextField
              {...field('email.password')}
              type="password"
              autoComplete="new-password"
              hint={settings.email.hasPassword ? t('channels.passwordStored') : t('channels.passwordNone')}
              value={values.password}
              disabled={values.removePassword}
              onChange={text('password')}
            />
            {settings.email.hasPassword && (
              <label className="checkbox">
                <input type="checkbox" checked={values.removePassword} onChange={(event) => change({ removePassword: event.target.checked, password: '' })} />
                {t('channels.removePassword')}
              </label>
            )}
          </div>
          <TextField {...field('email.fromAddress')} type="email" value={values.fromAddress} onChange={text('fromAddress')} />
          <TextField {...field('email.fromName')} value={values.fromName} onChange={text('fromName')} />
          <TextField {...field('email.replyTo')} type="email" value={values.replyTo} onChange={text('replyTo')} />
          <label className="checkbox span-2">
            <input type="checkbox" checked={values.copyBillingContact} onChange={(event) => change({ copyBillingContact: event.target.checked })} />
            {t('channels.field.copyBillingContact')}
          </label>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('channels.sms.title')}</legend>
        <div className="form-grid">
          <TextField {...field('sms.url')} className="span-2" hint={t('channels.urlHint')} value={values.url} onChange={text('url')} placeholder="https://sms.example.com/send" />
          <SelectField {...field('sms.method')} value={values.method} onChange={(event) => change({ method: event.target.value as ChannelValues['method'] })}>
            {SMS_METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </SelectField>
          <TextField {...field('sms.timeoutSeconds')} inputMode="numeric" value={values.smsTimeout} onChange={text('smsTimeout')} />
          <TextField {...field('sms.contentType')} value={values.contentType} onChange={text('contentType')} />
          <TextField {...field('sms.senderId')} value={values.senderId} onChange={text('senderId')} />
          <TextAreaField {...field('sms.bodyTemplate')} className="span-2" rows={3} hint={t('channels.bodyHint')} value={values.bodyTemplate} onChange={text('bodyTemplate')} />
          <TextField {...field('sms.successContains')} className="span-2" hint={t('channels.successHint')} value={values.successContains} onChange={text('successContains')} />
        </div>
        <fieldset className="form-section channel-headers">
          <legend>{t('channels.headers')}</legend>
          {errorOf('sms.headers') && <p className="field-error">{errorOf('sms.headers')}</p>}
          {values.headers.map((header, index) => (
            <div className="form-grid channel-header-row" key={index}>
              <TextField id={inputId(`sms.headers.${index}.name`)} label={t('channels.headerName')} value={header.name} onChange={(event) => setHeader(index, { name: event.target.value })} autoComplete="off" />
              <TextField
                id={inputId(`sms.headers.${index}.value`)}
                label={t('channels.headerValue')}
                type={header.secret ? 'password' : 'text'}
                autoComplete="off"
                placeholder={header.stored ? t('channels.headerStored') : undefined}
                value={header.value}
                onChange={(event) => setHeader(index, { value: event.target.value })}
              />
              <label className="checkbox">
                <input type="checkbox" checked={header.secret} onChange={(event) => setHeader(index, { secret: event.target.checked, value: '' })} />
                {t('channels.headerSecret')}
              </label>
              <button type="button" className="button button-small" onClick={() => change({ headers: values.headers.filter((_, i) => i !== index) })}>
                {t('channels.removeHeader', { name: header.name || String(index + 1) })}
              </button>
            </div>
          ))}
          <button type="button" className="button button-small" onClick={() => change({ headers: [...values.headers, { name: '', value: '', secret: false, stored: false }] })}>
            {t('channels.addHeader')}
          </button>
        </fieldset>
      </fieldset>

      <div className="button-row form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('form.saving') : t('channels.save')}
        </button>
        {saved && (
          <span className="muted" role="status">
            {t('settings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
