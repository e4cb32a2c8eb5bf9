// The client page's Payment risk panel: the score and band, the reasons in plain words ordered by
// how far each moves the score (with a small bar either side of zero and the signed figure), the
// score as of any past day, its history as a chart (and a table), and the weights in use.
import { useState } from 'react';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatDate } from '../ui/formatting.js';
import { byContribution, contributionText, factorSentence, sentences, type RiskFactor } from './factorWording.js';
import { RiskBadge } from './RiskBadge.js';
import { RiskHistoryChart } from './RiskHistoryChart.js';
import { RiskModelNote } from './RiskModelNote.js';
import { useClientRisk } from './useClientRisk.js';

const BAR_WIDTH = 80;
const BAR_HEIGHT = 12;
const HALF = BAR_WIDTH / 2;

function ContributionBar({ contribution, largest }: { contribution: number; largest: number }) {
  const length = largest > 0 ? Math.max(1, (Math.abs(contribution) / largest) * (HALF - 2)) : 0;
  return (
    <svg className="contribution-bar" width={BAR_WIDTH} height={BAR_HEIGHT} aria-hidden="true" focusable="false">
      <rect className={contribution >= 0 ? 'raises' : 'lowers'} x={contribution >= 0 ? HALF : HALF - length} y={2} width={length} height={BAR_HEIGHT - 4} rx={1} />
      <line className="axis" x1={HALF} x2={HALF} y1={0} y2={BAR_HEIGHT} />
    </svg>
  );
}

export function ClientRiskPanel({ clientId, currency }: { clientId: string; currency: string }) {
  const { language, t } = useI18n();
  const [asOfText, setAsOfText] = useState('');
  // Only a whole date asks again; a half-typed one keeps the last answer on screen.
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? asOfText : null;
  const { state } = useClientRisk(clientId, asOf);
  const problem = state.status === 'failed' && state.error.code === 'invalid_input' ? (state.error.details?.fields?.[0]?.message ?? state.error.message) : undefined;

  return (
    <section className="page-section panel risk-panel" aria-labelledby="client-risk-heading">
      <h2 id="client-risk-heading" className="panel-title">
        {t('risk.title')}
      </h2>
      <div className="risk-summary">
        {state.status === 'ready' && (
          <div className="risk-figure">
            <RiskBadge score={state.risk.score} band={state.risk.band} />
            <span className="muted">{t('risk.scoreOutOf', { score: state.risk.score })}</span>
          </div>
        )}
        <div className="risk-as-of">
          <TextField id="risk-as-of" label={t('risk.asOf')} type="date" value={asOfText} error={problem} onChange={(event) => setAsOfText(event.target.value)} />
          <button type="button" className="button button-small" disabled={asOfText === ''} onClick={() => setAsOfText('')}>
            {t('risk.asOfToday')}
          </button>
        </div>
      </div>

      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {state.status === 'failed' && !problem && (
        <p className="notice notice-error" role="alert">
          {sentences(language, t('risk.loadFailed'), translateApiError(language, state.error))}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p className="muted small">
            {sentences(language, t('risk.scoreMeaning'), asOf === null ? t('risk.asOfCurrent') : t('risk.asOfPast', { date: formatDate(state.risk.asOf, language) }))}
          </p>
          <h3 className="inline-form-title">{t('risk.reasons')}</h3>
          <Reasons factors={state.risk.factors} currency={currency} />
          <h3 className="inline-form-title">{t('risk.history')}</h3>
          <RiskHistoryChart points={state.history} />
          <RiskModelNote model={state.model} />
        </>
      )}
    </section>
  );
}

function Reasons({ factors, currency }: { factors: RiskFactor[]; currency: string }) {
  const { language, t } = useI18n();
  if (factors.length === 0) return <p className="muted">{t('risk.noReasons')}</p>;
  const ordered = byContribution(factors);
  const largest = Math.max(...ordered.map((factor) => Math.abs(factor.contribution)));
  return (
    <>
      <table className="data-table compact-table risk-reasons">
        <caption className="visually-hidden">{t('risk.reasonsCaption')}</caption>
        <tbody>
          {ordered.map((factor) => {
            const amount = Math.abs(factor.contribution).toFixed(2);
            return (
              <tr key={factor.code} data-factor={factor.code}>
                <th scope="row">{factorSentence(factor, { language, currency })}</th>
                <td className="col-contribution">
                  <ContributionBar contribution={factor.contribution} largest={largest} />
                  <span aria-hidden="true">{contributionText(factor.contribution)}</span>
                  <span className="visually-hidden">{t(factor.contribution >= 0 ? 'risk.raises' : 'risk.lowers', { amount })}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('risk.contributionHint')}</p>
    </>
  );
}
