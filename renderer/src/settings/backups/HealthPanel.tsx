// The health page: the database file, the audit chain, the ledger and the backups, each with a
// plain sentence. integrity_check reads the whole file, so a progress bar shows meanwhile.
import type { Output } from '../../../../shared/api/methods.js';
import { useApi } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckPanel } from '../../ui/CheckList.js';
import { formatInstant } from '../../ui/formatting.js';

type HealthCheck = Output<'health.check'>['checks'][number];

export function HealthPanel() {
  const api = useApi();
  const { language, t } = useI18n();
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

  async function run() {
    const answer = await api.call('health.check', {});
    if (!answer.ok) return answer;
    const items = answer.value.checks.map((item) => ({ key: item.name, ok: item.ok, name: t(`health.check.${item.name}`), state: sentence(item) }));
    return { ok: true as const, value: { ok: answer.value.ok, items } };
  }

  return (
    <CheckPanel
      headingId="health-heading"
      title={t('health.title')}
      intro={t('health.intro')}
      runLabel={t('health.run')}
      checkingLabel={t('health.checking')}
      allOkText={t('health.allOk')}
      problemsText={t('health.problems')}
      run={run}
    />
  );
}
