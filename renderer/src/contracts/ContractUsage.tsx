// The usage of a tiered or pay-as-you-go contract: what was used on which day (in thousandths of
// its unit, typed as a decimal), and the invoice that billed it once the billing run has billed
// its period. Usage is recorded for days that have passed, after the lock date and after what is
// already invoiced — the backend says which, beside the date.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatColumnDate } from '../ui/formatting.js';
import { formatQuantity, readQuantity } from '../ui/numberText.js';
import { noticeText } from '../ui/refusalText.js';
import { useBookToday } from '../ui/useBookToday.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

type UsageRecord = Output<'usage.list'>['items'][number];
const FIELDS = ['usageDate', 'quantityMilli', 'note'] as const;

export function ContractUsage({ contractId, unit, live }: { contractId: string; unit: string; live: boolean }) {
  const api = useApi();
  const { language, t } = useI18n();
  const today = useBookToday();
  const [records, setRecords] = useState<UsageRecord[] | null>(null);
  const [changes, setChanges] = useState(0);
  const [date, setDate] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [quantityInvalid, setQuantityInvalid] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'usage');
  const notice = noticeText(language, problem, [...FIELDS, 'contractId']);

  useEffect(() => {
    let current = true;
    void api.call('usage.list', { contractId }).then((answer) => {
      if (!current) return;
      if (answer.ok) setRecords(answer.value.items);
      else setProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, contractId, changes]);

  const usageDate = date ?? (today.status === 'ready' ? today.today : '');

  async function record(event: FormEvent) {
    event.preventDefault();
    const reading = readQuantity(quantity);
    setQuantityInvalid(reading.state !== 'value');
    if (reading.state !== 'value') return form.current?.querySelector<HTMLElement>('#usage-quantityMilli')?.focus();
    setSaving(true);
    const answer = await api.call('usage.record', { contractId, usageDate: usageDate.trim(), quantityMilli: reading.value, note: note.trim() });
    setSaving(false);
    if (!answer.ok) {
      setProblem(answer.error);
      return focusFirst(answer.error);
    }
    setProblem(null);
    setQuantity('');
    setNote('');
    setChanges((count) => count + 1);
  }

  return (
    <section className="detail-section" aria-labelledby="contract-usage-heading">
      <h3 id="contract-usage-heading">{t('usage.title')}</h3>
      {records === null ? null : records.length === 0 ? (
        <p className="muted">{t('usage.none')}</p>
      ) : (
        <table className="data-table compact-table usage-table">
          <caption className="visually-hidden">{t('usage.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-date">{t('usage.column.date')}</th>
              <th scope="col" className="col-quantity">{t('usage.column.quantity', { unit })}</th>
              <th scope="col">{t('usage.column.note')}</th>
              <th scope="col">{t('usage.column.billed')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((usage) => (
              <tr key={usage.id}>
                <td className="col-date">{formatColumnDate(usage.usageDate, language)}</td>
                <td className="col-quantity">{formatQuantity(usage.quantityMilli, language)}</td>
                <td>{usage.note}</td>
                <td>{usage.invoiceNumber ?? <span className="muted">{t('usage.notYetBilled')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice && (
        <p className="notice notice-error usage-notice" role="alert">
          {notice}
        </p>
      )}
      {live && (
        <form ref={form} className="inline-form usage-form" noValidate onSubmit={(event) => void record(event)} aria-busy={saving} aria-label={t('usage.record')}>
          <div className="inline-form-fields">
            <TextField id="usage-usageDate" label={t('usage.column.date')} type="date" value={usageDate} error={errorOf('usageDate')} onChange={(event) => setDate(event.target.value)} />
            <TextField
              id="usage-quantityMilli"
              label={t('usage.column.quantity', { unit })}
              className="numeric"
              inputMode="decimal"
              autoComplete="off"
              value={quantity}
              error={quantityInvalid ? t('invoiceEditor.invalidQuantity') : errorOf('quantityMilli')}
              onChange={(event) => setQuantity(event.target.value)}
            />
            <TextField id="usage-note" label={t('usage.column.note')} autoComplete="off" value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
            <button type="submit" className="button" disabled={saving}>
              {saving ? t('form.saving') : t('usage.record')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
