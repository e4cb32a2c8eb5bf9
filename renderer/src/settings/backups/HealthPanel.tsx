// The health page: the database file, the audit chain, the ledger and the backups, each with a
// plain sentence. integrity_check reads the whole file, so a progress bar shows meanwhile.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import type { Output } from '../../../../shared/api/methods.js';
import { translateApiError } from '../../../../shared/i18n/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckList } from '../../ui/CheckList.js';
import { formatInstant } from '../../ui/formatting.js';

type HealthCheck = Output<'health.check'>['checks'][number];

export function HealthPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Output<'health.check'> | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  async function check() {
    setChecking(true);
    const answer = await api.call('health.check', {});
    setChecking(false);
    setResult(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
  }

  const at = (check: HealthCheck) => (check.at ? formatInstant(check.at, language) : '');
  const sentence = (check: HealthCheck): string => {
    if (check.ok) {
      if (check.name === 'backup') return t('health.ok.backup', { at: at(check) });
      return t(`health.ok.${check.name}`, { checked: check.checked ?? 0 });
    }
    if (check.name === 'backup') {
      const why = check.problems[0] === 'old' ? 'old' : check.problems[0] === 'unverified' ? 'unverified' : 'none';
      return t(`health.bad.backup.${why}`, { at: at(check) });
    }
    if (check.name === 'audit') return t('health.bad.audit', { at: check.problems[0]?.replace('broken_at:', '') ?? '?' });
    return t(`health.bad.${check.name}`);
  };

  return (
    <section className="panel" aria-labelledby="health-heading">
      <h2 id="health-heading" className="panel-title">
        {t('health.title')}
      </h2>
      <p className="muted small panel-intro">{t('health.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={checking} onClick={() => void check()}>
          {t('health.run')}
        </button>
        {checking && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('health.checking')} />
            {t('health.checking')}
          </span>
        )}
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
      {result && !checking && (
        <div role="status">
          <p className={result.ok ? 'notice notice-success' : 'notice notice-error'}>{t(result.ok ? 'health.allOk' : 'health.problems')}</p>
          <CheckList items={result.checks.map((item) => ({ key: item.name, ok: item.ok, name: t(`health.check.${item.name}`), state: sentence(item) }))} />
        </div>
      )}
    </section>
  );
}
