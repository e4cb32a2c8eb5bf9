// The printed letters the arrears ladder wrote on a day, in one PDF (the archived letters merged
// page for page) to print and post together. The first time a letter is fetched it is logged as
// printed in the client's communication log.
import { useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { PdfActions } from '../documents/PdfActions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { useBookToday } from '../ui/useBookToday.js';
import './channels.css';

interface Made {
  date: string;
  pdfBase64: string | null;
  letters: number;
  pages: number;
  newlyPrinted: number;
}

export function LettersOfTheDay() {
  const today = useBookToday();
  return today.status === 'ready' ? <LettersOfTheDayForm today={today.today} /> : null;
}

function LettersOfTheDayForm({ today }: { today: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [date, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  async function make(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await api.call('channels.lettersToPrint', { date });
    setBusy(false);
    setProblem(answer.ok ? null : answer.error);
    setMade(answer.ok ? { date, ...answer.value } : null);
  }

  const dateError = problem?.code === 'invalid_input' ? problem.details?.fields?.find((f) => f.field === 'date') : undefined;
  return (
    <form className="panel letters-of-the-day" noValidate onSubmit={(event) => void make(event)} aria-labelledby="letters-day-heading" aria-busy={busy}>
      <h2 id="letters-day-heading" className="panel-title">
        {t('lettersToPrint.title')}
      </h2>
      <p className="muted small">{t('lettersToPrint.intro')}</p>
      <div className="form-grid">
        <TextField id="letters-day-date" type="date" label={t('lettersToPrint.date')} value={date} error={dateError ? fieldErrorText(language, dateError) : undefined} onChange={(event) => setDate(event.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('shell.loading') : t('lettersToPrint.make')}
        </button>
      </div>
      {problem && !dateError && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      <div aria-live="polite">
        {made && made.pdfBase64 === null && <p className="muted">{t('lettersToPrint.none', { date: made.date })}</p>}
        {made && made.pdfBase64 !== null && (
          <>
            <p className="notice notice-success">{t('lettersToPrint.made', { letters: made.letters, pages: made.pages, fresh: made.newlyPrinted })}</p>
            <PdfActions
              key={`${made.date}-${made.letters}`}
              load={async () => ({ ok: true, value: { pdfBase64: made.pdfBase64!, warnings: [] } })}
              fileName={`${t('lettersToPrint.fileName', { date: made.date })}.pdf`}
              label={t('lettersToPrint.title')}
            />
          </>
        )}
      </div>
    </form>
  );
}
