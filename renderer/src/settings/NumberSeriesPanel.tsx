// How invoice, credit note and proforma numbers are written, e.g. INV-{YYYY}-{NNNNN}. Only the
// way they are written changes: the counter behind each series stays gapless and only grows, so
// the next number is shown as it will be printed.
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';

type Series = Output<'numberSeries.list'>['items'][number];

/** Invoices first, as a reseller thinks of them. */
const ORDER: readonly Series['series'][] = ['invoice', 'proforma', 'credit_note'];

export function NumberSeriesPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [series, setSeries] = useState<Series[] | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void api.call('numberSeries.list', {}).then((answer) => {
      if (!current) return;
      if (answer.ok) setSeries([...answer.value.items].sort((a, b) => ORDER.indexOf(a.series) - ORDER.indexOf(b.series)));
      else setProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <section className="panel" aria-labelledby="settings-numbers-heading">
      <h2 id="settings-numbers-heading" className="panel-title">
        {t('numbers.title')}
      </h2>
      <p className="muted small panel-intro">{t('numbers.intro')}</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      {series?.map((row) => (
        <SeriesFormat key={row.series} series={row} onSaved={(saved) => setSeries(series.map((item) => (item.series === saved.series ? saved : item)))} />
      ))}
    </section>
  );
}

function SeriesFormat({ series, onSaved }: { series: Series; onSaved: (series: Series) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [format, setFormat] = useState(series.format);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const id = `number-format-${series.series}`;
  const fieldError = problem?.details?.fields?.find((error) => error.field === 'format');

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('numberSeries.update', { series: series.series, format: format.trim() });
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) onSaved(answer.value);
  }

  return (
    <form className="inline-form number-series" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
      <div className="inline-form-fields">
        <TextField
          id={id}
          label={t(`numbers.series.${series.series}`)}
          autoComplete="off"
          spellCheck={false}
          hint={t('numbers.next', { example: series.example })}
          value={format}
          // "Not valid" says too little about a format: say what one needs.
          error={fieldError ? (fieldError.code === 'invalid' ? t('numbers.invalidFormat') : fieldErrorText(language, fieldError)) : undefined}
          onChange={(event) => setFormat(event.target.value)}
        />
        <button type="submit" className="button" disabled={saving || format.trim() === series.format}>
          {saving ? t('form.saving') : t('numbers.save')}
        </button>
      </div>
      {problem && !fieldError && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
    </form>
  );
}
