// "Check the books": the ledger's invariants checked on demand — every entry balances, receivables
// and credit agree with invoices and payments, numbers have no gaps, nothing issued or locked has
// changed — each with a plain OK or the problems found. On a large book it takes a while, so a
// progress bar shows meanwhile.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError, type MessageKey } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CheckList } from '../ui/CheckList.js';

type Check = Output<'books.check'>;

/** The checks books.check runs, by the name it gives them. */
const CHECK_NAMES: Record<string, MessageKey> = {
  'entries balance': 'booksCheck.name.entriesBalance',
  'open amounts': 'booksCheck.name.openAmounts',
  'receivables match open invoices': 'booksCheck.name.receivables',
  'credit matches unallocated payments': 'booksCheck.name.credit',
  'no gaps in numbers': 'booksCheck.name.numbers',
  'issued invoices unchanged': 'booksCheck.name.issuedUnchanged',
  'locked periods unchanged': 'booksCheck.name.lockedUnchanged',
};

export function BooksCheckPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Check | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  async function check() {
    setChecking(true);
    const answer = await api.call('books.check', {});
    setChecking(false);
    setResult(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
  }

  const nameOf = (name: string) => (Object.hasOwn(CHECK_NAMES, name) ? t(CHECK_NAMES[name]!) : name);

  return (
    <section className="panel" aria-labelledby="settings-check-heading">
      <h2 id="settings-check-heading" className="panel-title">
        {t('booksCheck.title')}
      </h2>
      <p className="muted small panel-intro">{t('booksCheck.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={checking} onClick={() => void check()}>
          {t('booksCheck.run')}
        </button>
        {checking && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('booksCheck.checking')} />
            {t('booksCheck.checking')}
          </span>
        )}
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      {result && !checking && (
        <div className="books-check-result" role="status">
          <p className={result.ok ? 'notice notice-success' : 'notice notice-error'}>{t(result.ok ? 'booksCheck.allOk' : 'booksCheck.problems')}</p>
          <CheckList items={result.checks.map((item) => ({ key: item.name, ok: item.ok, name: nameOf(item.name), state: t(item.ok ? 'booksCheck.ok' : 'booksCheck.problem'), problems: item.problems }))} />
        </div>
      )}
    </section>
  );
}
