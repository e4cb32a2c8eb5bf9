// Which weights the score uses: the defaults, or a fit on this book's own history — when such a fit
// becomes possible, how it compared on the book's newest invoices, and what it changed.
import type { Output } from '../../../shared/api/methods.js';
import { MIN_LABELLED_FOR_FIT } from '../../../shared/risk/fit.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstantDate } from '../ui/formatting.js';
import { factorName, sentences } from './factorWording.js';

type Model = Output<'risk.model'>;

/** Weights closer than this to their default are shown as unchanged. */
const UNCHANGED = 0.005;

const auc = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '—');

export function RiskModelNote({ model, headingLevel = 3 }: { model: Model; headingLevel?: 2 | 3 }) {
  const { language, t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const date = model.fittedAt ? formatInstantDate(model.fittedAt, language) : '';
  const changed = model.weights.filter((w) => Math.abs(w.weight - w.defaultWeight) >= UNCHANGED);

  let status: string;
  if (model.source === 'fitted') {
    status = t('risk.model.fitted', { count: model.trainedOn, date, fitted: auc(model.holdout?.fittedAuc ?? Number.NaN), defaults: auc(model.holdout?.defaultAuc ?? Number.NaN) });
  } else if (model.holdout) {
    status = sentences(language, t('risk.model.defaults'), t('risk.model.keptDefaults', { date, fitted: auc(model.holdout.fittedAuc), defaults: auc(model.holdout.defaultAuc) }));
  } else if (model.fittedAt) {
    status = sentences(language, t('risk.model.defaults'), t('risk.model.tooFew', { date, count: MIN_LABELLED_FOR_FIT }));
  } else {
    status = sentences(language, t('risk.model.defaults'), t('risk.model.neverFitted', { count: MIN_LABELLED_FOR_FIT }));
  }

  return (
    <div className="risk-model">
      <Heading className="inline-form-title">{t('risk.model.title')}</Heading>
      <p className="risk-model-status">{status}</p>
      {model.source === 'fitted' &&
        (changed.length === 0 ? (
          <p className="muted small">{t('risk.model.noChange')}</p>
        ) : (
          <table className="data-table compact-table risk-model-table">
            <caption className="run-caption">{t('risk.model.changed')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.model.column.factor')}</th>
                <th scope="col" className="col-weight">{t('risk.model.column.default')}</th>
                <th scope="col" className="col-weight">{t('risk.model.column.fitted')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((w) => (
                <tr key={w.code}>
                  <th scope="row">{factorName(w.code, language)}</th>
                  <td className="col-weight">{w.defaultWeight.toFixed(2)}</td>
                  <td className="col-weight">{w.weight.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
