// A client's statement for any period, as the client would read it: the balance brought forward,
// every invoice, credit note, void, payment, bounce and refund with a running balance, and the
// balance at the end. It starts with this month so far.
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { documentFileName } from '../documents/documentFileName.js';
import { PdfActions } from '../documents/PdfActions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';
import { entryKindKey } from './entryKinds.js';

type Statement = Output<'accounts.statement'>;
type Period = { from: string; to: string };

const FIELDS = ['from', 'to'] as const;

/** The first day of the month of a date. */
export const monthStart = (date: string) => `${date.slice(0, 8)}01`;

export function AccountStatement({ clientId, clientName, today }: { clientId: string; clientName: string; today: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  // The period asked for, and a count that asks again (the same period after a change elsewhere).
  const [requested, setRequested] = useState<{ period: Period; asked: number }>(() => ({ period: { from: monthStart(today), to: today }, asked: 0 }));
  const [answered, setAnswered] = useState<number | null>(null);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'statement');
  const notice = noticeText(language, problem, FIELDS);
  const loading = answered !== requested.asked;

  useEffect(() => {
    let current = true;
    void api.call('accounts.statement', { clientId, ...requested.period }).then((answer) => {
      if (!current) return;
      setAnswered(requested.asked);
      setProblem(answer.ok ? null : answer.error);
      if (answer.ok) setStatement(answer.value);
    });
    return () => {
      current = false;
    };
  }, [api, clientId, requested]);

  // A refused period: the user goes to the date to fix (the last statement stays in view).
  const focusRefused = useEffectEvent((error: ApiErrorBody) => focusFirst(error));
  useEffect(() => {
    if (problem) focusRefused(problem);
  }, [problem]);

  const ask = (period: Period) => setRequested((last) => ({ period, asked: last.asked + 1 }));
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId) ask(requested.period);
  });

  function show(event: FormEvent) {
    event.preventDefault();
    ask({ from: from.trim(), to: to.trim() });
  }
  const money = (minor: number) => (statement ? formatMoney(minor, statement.currency, language) : '');

  return (
    <div className="account-statement">
      <form ref={form} className="filter-bar statement-period" noValidate onSubmit={show} aria-label={t('statement.period')}>
        <TextField id="statement-from" label={t('statement.from')} type="date" value={from} error={errorOf('from')} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="statement-to" label={t('statement.to')} type="date" value={to} error={errorOf('to')} onChange={(event) => setTo(event.target.value)} />
        <button type="submit" className="button" disabled={loading}>
          {t('statement.show')}
        </button>
      </form>
      {notice && (
        <p className="notice notice-error" role="alert">
          {notice}
        </p>
      )}
      {loading && !statement && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {statement && (
        // A new period is a new document: its buttons start over and ask for that period's PDF.
        <PdfActions
          key={`${statement.from}/${statement.to}`}
          className="statement-pdf"
          load={() => api.call('documents.statementPdf', { clientId, from: statement.from, to: statement.to })}
          fileName={documentFileName([t('statement.fileName'), clientName, statement.from, statement.to], 'pdf')}
          label={t('statement.pdfLabel')}
        />
      )}
      {statement && (
        <table className="data-table compact-table statement-table" aria-busy={loading}>
          <caption className="statement-caption">{t('statement.caption', { from: formatDate(statement.from, language), to: formatDate(statement.to, language) })}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-date">{t('statement.column.date')}</th>
              <th scope="col" className="col-what">{t('statement.column.what')}</th>
              <th scope="col" className="col-reference">{t('statement.column.reference')}</th>
              <th scope="col" className="col-money">{t('statement.column.charges')}</th>
              <th scope="col" className="col-money">{t('statement.column.payments')}</th>
              <th scope="col" className="col-money">{t('statement.column.balance')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="statement-carried">
              <td className="col-date">{formatColumnDate(statement.from, language)}</td>
              <th scope="row" colSpan={4}>
                {t('statement.opening')}
              </th>
              <td className="col-money">{money(statement.openingMinor)}</td>
            </tr>
            {statement.lines.map((line, index) => (
              <tr key={index}>
                <td className="col-date">{formatColumnDate(line.date, language)}</td>
                <td>{t(entryKindKey(line.kind))}</td>
                <td>{line.reference}</td>
                <td className="col-money">{line.debitMinor > 0 ? money(line.debitMinor) : null}</td>
                <td className="col-money">{line.creditMinor > 0 ? money(line.creditMinor) : null}</td>
                <td className="col-money">{money(line.balanceMinor)}</td>
              </tr>
            ))}
            {statement.lines.length === 0 && (
              <tr>
                <td />
                <td colSpan={5} className="muted">
                  {t('statement.nothing')}
                </td>
              </tr>
            )}
            <tr className="statement-carried">
              <td className="col-date">{formatColumnDate(statement.to, language)}</td>
              <th scope="row" colSpan={4}>
                {t('statement.closing')}
              </th>
              <td className="col-money">{money(statement.closingMinor)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
