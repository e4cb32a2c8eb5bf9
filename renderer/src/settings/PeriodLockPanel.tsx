// The period lock: once the accountant has the books for a period, lock it, and nothing dated on
// or before the lock date can be created or changed — corrections go into the open period. A lock
// never moves back, so locking asks once more, saying so.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { BillingSettings } from '../../../shared/billing/settings.js';
import { addDays } from '../../../shared/dates.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatDate } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';

interface PeriodLockPanelProps {
  lockDate: string | null;
  today: string;
  onLocked: (settings: BillingSettings) => void;
}

/** Why a lock date cannot be used, as the backend would refuse it: null when it can. */
export function lockDateProblem(date: string, lockDate: string | null, today: string): 'not_ended' | 'moves_back' | 'invalid' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'invalid';
  if (date >= today) return 'not_ended';
  if (lockDate !== null && date < lockDate) return 'moves_back';
  return null;
}

export function PeriodLockPanel({ lockDate, today, onLocked }: PeriodLockPanelProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const yesterday = addDays(today, -1);
  // The accountant usually has last month's books: lock up to its last day.
  const [date, setDate] = useState(() => addDays(`${today.slice(0, 8)}01`, -1));
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [local, setLocal] = useState<ReturnType<typeof lockDateProblem>>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const keepOpen = useRef<HTMLButtonElement>(null);

  // Irreversible: the question takes focus, on the button that does nothing.
  useEffect(() => {
    if (confirming) keepOpen.current?.focus();
  }, [confirming]);

  const localText = (why: NonNullable<ReturnType<typeof lockDateProblem>>) =>
    why === 'invalid' ? t('fieldError.invalid_date') : why === 'not_ended' ? t('periodLock.notEnded') : t('periodLock.movesBack', { date: formatDate(lockDate ?? '', language) });
  const dateError = local ? localText(local) : problem?.code === 'invalid_input' ? noticeText(language, problem, []) : null;

  function ask(event: FormEvent) {
    event.preventDefault();
    const why = lockDateProblem(date.trim(), lockDate, today);
    setLocal(why);
    setProblem(null);
    if (why) return dateInput.current?.focus();
    setConfirming(true);
  }

  async function lock() {
    setSaving(true);
    const answer = await api.call('books.lock', { lockDate: date.trim() });
    setSaving(false);
    setConfirming(false);
    if (!answer.ok) {
      setProblem(answer.error);
      return dateInput.current?.focus();
    }
    setProblem(null);
    onLocked(answer.value);
  }

  return (
    <section className="panel" aria-labelledby="settings-lock-heading">
      <h2 id="settings-lock-heading" className="panel-title">
        {t('periodLock.title')}
      </h2>
      <p className={lockDate ? 'lock-state lock-state-locked' : 'lock-state'}>
        {lockDate ? t('periodLock.lockedUpTo', { date: formatDate(lockDate, language) }) : t('periodLock.notLocked')}
      </p>
      <p className="muted small panel-intro">{t('periodLock.intro')}</p>
      {problem && problem.code !== 'invalid_input' && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      <form className="inline-form" noValidate onSubmit={ask}>
        <div className="inline-form-fields">
          <TextField
            ref={dateInput}
            id="lock-date"
            label={t('periodLock.date')}
            type="date"
            max={yesterday}
            hint={t('periodLock.dateHint')}
            value={date}
            error={dateError ?? undefined}
            disabled={confirming}
            onChange={(event) => {
              setDate(event.target.value);
              setLocal(null);
            }}
          />
          {!confirming && (
            <button type="submit" className="button">
              {t('periodLock.lock')}
            </button>
          )}
        </div>
      </form>
      {confirming && (
        <div className="notice notice-warning confirm-box" role="alertdialog" aria-labelledby="lock-confirm-text">
          <p id="lock-confirm-text">{t('periodLock.confirmText', { date: formatDate(date, language) })}</p>
          <div className="button-row">
            <button ref={keepOpen} type="button" className="button" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
            <button type="button" className="button button-danger" disabled={saving} onClick={() => void lock()}>
              {saving ? t('form.saving') : t('periodLock.confirm', { date: formatDate(date, language) })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
