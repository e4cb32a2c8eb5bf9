// "Check the books": the ledger's invariants checked on demand — every entry balances, receivables
// and credit agree with invoices and payments, numbers have no gaps, nothing issued or locked has
// changed — each with a plain OK or the problems found. On a large book it takes a while, so a
// progress bar shows meanwhile.
import type { MessageKey } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { CheckPanel } from '../ui/CheckList.js';

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
  const { t } = useI18n();
  const nameOf = (name: string) => (Object.hasOwn(CHECK_NAMES, name) ? t(CHECK_NAMES[name]!) : name);

  async function run() {
    const answer = await api.call('books.check', {});
    if (!answer.ok) return answer;
    const items = answer.value.checks.map((item) => ({ key: item.name, ok: item.ok, name: nameOf(item.name), state: t(item.ok ? 'booksCheck.ok' : 'booksCheck.problem'), problems: item.problems }));
    return { ok: true as const, value: { ok: answer.value.ok, items } };
  }

  return (
    <CheckPanel
      headingId="settings-check-heading"
      title={t('booksCheck.title')}
      intro={t('booksCheck.intro')}
      runLabel={t('booksCheck.run')}
      checkingLabel={t('booksCheck.checking')}
      allOkText={t('booksCheck.allOk')}
      problemsText={t('booksCheck.problems')}
      run={run}
    />
  );
}
