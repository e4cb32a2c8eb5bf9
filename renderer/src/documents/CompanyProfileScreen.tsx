// Settings → Company profile (`#/settings/company`): who the reseller is on every document — name,
// address, tax ID, contacts, how to pay, the logo — and where the address sits for window
// envelopes. It lives in the book (DESIGN §3), so it is backed up with the data; documents already
// issued keep what they printed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CompanyProfile } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { ENVELOPE_FORMATS, ENVELOPE_WINDOWS, LOGO_MAX_BYTES } from '../../../shared/documents/kinds.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { LoadNotice } from '../ui/LoadNotice.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { COMPANY_FIELDS, COMPANY_LABELS, companyFieldOf, companyUpdateOf, companyValues, logoProblem, type CompanyField, type CompanyValues, type LogoChange } from './companyProfileValues.js';
import type { Loadable } from '../ui/loadable.js';

const LABELS = COMPANY_LABELS;
const inputId = (field: CompanyField) => `company-${field}`;

type Loaded = Loadable<{ profile: CompanyProfile }>;

export function CompanyProfileScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('company.get', {}).then((answer) => {
      if (current) setLoaded(answer.ok ? { status: 'ready', profile: answer.value } : { status: 'failed', error: answer.error });
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
      <SettingsNav current="companyProfile" />
      <LoadNotice loading={loaded.status === 'loading'} problem={loaded.status === 'failed' ? loaded.error : null} onRetry={() => setAttempt((count) => count + 1)} />
      {loaded.status === 'ready' && <CompanyProfileForm profile={loaded.profile} onSaved={(profile) => setLoaded({ status: 'ready', profile })} />}
    </div>
  );
}

function CompanyProfileForm({ profile, onSaved }: { profile: CompanyProfile; onSaved: (profile: CompanyProfile) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [values, setValues] = useState<CompanyValues>(() => companyValues(profile));
  const [logo, setLogo] = useState<LogoChange>({ kind: 'keep' });
  const [logoError, setLogoError] = useState<string | null>(null);
  // The logo as it will print: the stored one, or the file just chosen (a data: URL, which the CSP allows for images).
  const [preview, setPreview] = useState<string | null>(() => (profile.logo ? `data:${profile.logo.mime};base64,${profile.logo.base64}` : null));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const logoInput = useRef<HTMLInputElement>(null);

  const refused = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (field: CompanyField): string | undefined => {
    if (field === 'logoBase64' && logoError) return logoError;
    const error = refused.find((candidate) => companyFieldOf(candidate.field) === field);
    return error ? fieldErrorText(language, error) : undefined;
  };
  const focus = (field: CompanyField) => form.current?.querySelector<HTMLElement>(`#${inputId(field)}`)?.focus();
  const listed = COMPANY_FIELDS.flatMap((field) => {
    const message = errorOf(field);
    return message ? [{ label: t(LABELS[field]), path: field, message, focus: () => focus(field) }] : [];
  });

  const set = (name: keyof CompanyValues) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [name]: event.target.value }));
  };

  function chooseLogo(file: File | undefined) {
    setSaved(false);
    if (!file) return;
    const why = logoProblem(file);
    if (why) {
      setLogoError(why.kind === 'size' ? t('companyForm.logoTooLarge', { size: Math.round(why.maxBytes / 1024) }) : t('companyForm.logoType'));
      if (logoInput.current) logoInput.current.value = '';
      return;
    }
    setLogoError(null);
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      const text = String(reader.result);
      setLogo({ kind: 'replace', base64: text.slice(text.indexOf(',') + 1) });
      setPreview(text);
    });
    reader.readAsDataURL(file);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (logoError) return focus('logoBase64');
    setSaving(true);
    const answer = await api.call('company.update', companyUpdateOf(values, logo));
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) {
      const first = COMPANY_FIELDS.find((field) => (answer.error.details?.fields ?? []).some((candidate) => companyFieldOf(candidate.field) === field));
      if (first) focus(first);
      return;
    }
    setSaved(true);
    setLogo({ kind: 'keep' });
    setValues(companyValues(answer.value));
    onSaved(answer.value);
  }

  const field = (name: CompanyField) => ({ id: inputId(name), label: t(LABELS[name]), error: errorOf(name) });
  const unplaced = problem && problem.code !== 'invalid_input' ? translateApiError(language, problem) : null;

  return (
    <form ref={form} className="panel company-form" noValidate onSubmit={(event) => void save(event)} aria-labelledby="company-heading">
      <h2 id="company-heading" className="panel-title">
        {t('companyForm.title')}
      </h2>
      <p className="muted small panel-intro">{t('companyForm.intro')}</p>
      {!profile.configured && <p className="notice notice-warning">{t('companyForm.notConfigured')}</p>}
      <ErrorSummary errors={listed} />
      {unplaced && (
        <p className="notice notice-error" role="alert">
          {unplaced}
        </p>
      )}

      <div className="form-grid">
        <TextField {...field('name')} className="span-2" requiredLabel={t('form.required')} value={values.name} onChange={set('name')} autoComplete="organization" />
        <TextAreaField {...field('addressLines')} className="span-2" hint={t('companyForm.linesHint')} rows={4} value={values.address} onChange={set('address')} />
        <TextField {...field('taxId')} value={values.taxId} onChange={set('taxId')} />
        <TextField {...field('email')} type="email" value={values.email} onChange={set('email')} />
        <TextField {...field('phone')} type="tel" value={values.phone} onChange={set('phone')} />
        <TextField {...field('website')} value={values.website} onChange={set('website')} />
        <TextAreaField {...field('paymentLines')} className="span-2" hint={t('companyForm.paymentHint')} rows={4} value={values.payment} onChange={set('payment')} />
      </div>

      <fieldset className="company-logo">
        <legend>{t('companyForm.logo')}</legend>
        <div className="logo-row">
          <div className="logo-preview">{preview && logo.kind !== 'remove' ? <img src={preview} alt={t('companyForm.logoPreview')} /> : <span className="muted small">{t('companyForm.noLogo')}</span>}</div>
          <div className="logo-controls">
            <TextField
              {...field('logoBase64')}
              label={t('companyForm.logoFile')}
              hint={t('companyForm.logoHint', { size: Math.round(LOGO_MAX_BYTES / 1024) })}
              ref={logoInput}
              type="file"
              accept="image/png,image/jpeg"
              onChange={(event) => chooseLogo(event.target.files?.[0])}
            />
            {profile.logo && logo.kind === 'keep' && (
              <p className="muted small">{t('companyForm.logoFacts', { width: profile.logo.width, height: profile.logo.height, size: Math.max(1, Math.round(profile.logo.bytes / 1024)) })}</p>
            )}
            {preview && logo.kind !== 'remove' && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setSaved(false);
                  setLogoError(null);
                  setLogo(profile.logo ? { kind: 'remove' } : { kind: 'keep' });
                  setPreview(null);
                  if (logoInput.current) logoInput.current.value = '';
                }}
              >
                {t('companyForm.removeLogo')}
              </button>
            )}
          </div>
        </div>
      </fieldset>

      <fieldset className="company-envelope">
        <legend>{t('companyForm.envelope')}</legend>
        <p className="muted small">{t('companyForm.envelopeHint')}</p>
        <div className="form-grid">
          <SelectField {...field('envelopeFormat')} value={values.envelopeFormat} onChange={set('envelopeFormat')}>
            {ENVELOPE_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`companyForm.format.${format}`)}
              </option>
            ))}
          </SelectField>
          <SelectField {...field('envelopeWindow')} value={values.envelopeWindow} onChange={set('envelopeWindow')}>
            {ENVELOPE_WINDOWS.map((side) => (
              <option key={side} value={side}>
                {t(`companyForm.window.${side}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <div className="button-row form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('form.saving') : t('companyForm.save')}
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
