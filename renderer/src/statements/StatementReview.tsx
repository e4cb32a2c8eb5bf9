// The review list of Bank statements: each incoming line with its suggested match — an exact one
// can be accepted alone or with every other exact one, an ambiguous one once an invoice is chosen,
// any line set aside. Booking goes through statements.accept, which records the payments.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDate } from '../ui/formatting.js';
import { refusalText } from '../ui/refusalText.js';
import { translateApiError } from '../../../shared/i18n/index.js';

type Line = Output<'statements.lines'>['items'][number];
const PAGE = 500;

const KIND_BADGE: Record<string, string> = {
  exact: 'badge badge-active',
  partial: 'badge badge-restricted',
  overpaid: 'badge badge-restricted',
  ambiguous: 'badge badge-suspended',
  unknown: 'badge badge-muted',
};
const STATUS_BADGE: Record<Line['status'], string> = { open: 'badge badge-restricted', booked: 'badge badge-active', ignored: 'badge badge-cancelled', outgoing: 'badge badge-muted' };

/** A line that can be booked as it is, without a person choosing. */
const bookable = (line: Line) => !!line.suggestion?.clientId && ['exact', 'partial', 'overpaid'].includes(line.suggestion.kind);

export function StatementReview({ version }: { version: number }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [lines, setLines] = useState<Line[] | null>(null);
  const [total, setTotal] = useState(0);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [notice, setNotice] = useState<{ key: 'statements.booked' | 'statements.ignored'; count: number } | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('statements.lines', { status: show, limit: PAGE }).then((answer) => {
      if (!current) return;
      if (!answer.ok) return setProblem(answer.error);
      setLines(answer.value.items);
      setTotal(answer.value.total);
    });
    return () => {
      current = false;
    };
  }, [api, show, version, reloads]);

  async function accept(chosen: Line[], label: string) {
    setBusy(label);
    setNotice(null);
    const withChoice = chosen.filter((line) => choices[line.id]);
    const answer = await api.call('statements.accept', { lineIds: chosen.map((line) => line.id), choices: withChoice.map((line) => ({ lineId: line.id, invoiceIds: [choices[line.id]!] })) });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setNotice({ key: 'statements.booked', count: answer.value.booked.length });
    setReloads((n) => n + 1);
  }

  async function ignore(line: Line) {
    setBusy(line.id);
    setNotice(null);
    const answer = await api.call('statements.ignore', { lineIds: [line.id] });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setNotice({ key: 'statements.ignored', count: answer.value.ignored });
    setReloads((n) => n + 1);
  }

  const exact = (lines ?? []).filter((line) => line.status === 'open' && line.suggestion?.kind === 'exact' && line.suggestion.clientId);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, language);

  function suggestionCell(line: Line) {
    const s = line.suggestion;
    if (!s) return line.bookedTo ? <div>{line.bookedTo}</div> : null;
    return (
      <>
        <span className={KIND_BADGE[s.kind]}>{t(`statements.kind.${s.kind}`)}</span> <span className="muted small">{t(`statements.reason.${s.reason}`)}</span>
        {s.clientName && <div>{s.clientName}</div>}
        {s.allocations.length > 0 && <div className="small">{t('statements.pays', { invoices: s.allocations.map((a) => `${a.number ?? '—'} (${money(a.amountMinor, line.currency)})`).join(t('list.separator')) })}</div>}
        {s.creditMinor > 0 && <div className="small">{t('statements.credit', { amount: money(s.creditMinor, line.currency) })}</div>}
        {s.candidates.length > 0 && (
          <select
            className="statement-choice"
            aria-label={t('statements.chooseFor', { date: formatDate(line.date, language), amount: money(line.amountMinor, line.currency) })}
            value={choices[line.id] ?? ''}
            onChange={(event) => setChoices((current) => ({ ...current, [line.id]: event.target.value }))}
          >
            <option value="">{t('statements.choose')}</option>
            {s.candidates.map((c) => (
              <option key={c.invoiceId} value={c.invoiceId}>
                {t('statements.candidate', { number: c.number ?? '—', client: c.clientName, open: money(c.openMinor, line.currency) })}
              </option>
            ))}
          </select>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="statement-review-heading">
      <h2 id="statement-review-heading" className="panel-title">
        {t('statements.review')}
      </h2>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem.code === 'invalid_input' ? (problem.details?.fields?.[0]?.message ?? translateApiError(language, problem)) : refusalText(language, problem)}
        </p>
      )}
      {notice && (
        <p className="notice notice-success" role="status">
          {t(notice.key, { count: notice.count })}
        </p>
      )}
      <div className="button-row">
        <label className="review-filter">
          {t('statements.show')}{' '}
          <select value={show} onChange={(event) => setShow(event.target.value as 'open' | 'all')}>
            <option value="open">{t('statements.show.open')}</option>
            <option value="all">{t('statements.show.all')}</option>
          </select>
        </label>
        {exact.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void accept(exact, 'exact')}>
            {t('statements.acceptExact', { count: exact.length })}
          </button>
        )}
        {busy !== null && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('statements.working')} />
            {t('statements.working')}
          </span>
        )}
      </div>
      {lines === null ? (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      ) : lines.length === 0 ? (
        <p className="muted">{t('statements.noLines')}</p>
      ) : (
        <table className="data-table compact-table statement-lines">
          <caption className="visually-hidden">{t('statements.review')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statements.column.date')}</th>
              <th scope="col" className="col-money">{t('statements.column.amount')}</th>
              <th scope="col">{t('statements.column.counterparty')}</th>
              <th scope="col">{t('statements.column.reference')}</th>
              <th scope="col">{t('statements.column.suggestion')}</th>
              <th scope="col">{t('statements.column.status')}</th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('statements.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} data-line={line.id}>
                <td>{formatDate(line.date, language)}</td>
                <td className="col-money">{money(line.amountMinor, line.currency)}</td>
                <td>{line.counterparty}</td>
                <td>{line.reference}</td>
                <td>{suggestionCell(line)}</td>
                <td>
                  <span className={STATUS_BADGE[line.status]}>{t(`statements.status.${line.status}`)}</span>
                </td>
                <td className="col-actions">
                  {line.status === 'open' && (
                    <span className="button-row button-row-end">
                      {(bookable(line) || choices[line.id]) && (
                        <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void accept([line], line.id)}>
                          {t('statements.accept')}
                        </button>
                      )}
                      <button type="button" className="button button-small button-danger-outline" disabled={busy !== null} onClick={() => void ignore(line)}>
                        {t('statements.ignore')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines !== null && total > lines.length && <p className="muted small">{t('statements.moreLines', { shown: lines?.length ?? 0, total })}</p>}
    </section>
  );
}
