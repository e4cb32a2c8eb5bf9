// Which panel actions wait for a person's approval, and dry-run mode. Termination is not listed:
// it always asks, twice.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { APPROVAL_SETTING_KINDS, type ApprovalSettingKind } from '../../../shared/domain/panelAction.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { noticeText } from '../ui/refusalText.js';

export function QueueSettingsPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [settings, setSettings] = useState<Output<'actions.settings.get'> | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    void api.call('actions.settings.get', {}).then((answer) => (answer.ok ? setSettings(answer.value) : setProblem(answer.error)));
  }, [api]);

  async function change(input: { approvals?: Partial<Record<ApprovalSettingKind, boolean>>; dryRun?: boolean }) {
    const answer = await api.call('actions.settings.update', input);
    if (answer.ok) setSettings(answer.value);
    setProblem(answer.ok ? null : answer.error);
  }

  return (
    <section className="panel" aria-labelledby="queue-settings-heading">
      <h2 id="queue-settings-heading" className="panel-title">
        {t('queueSettings.title')}
      </h2>
      <p className="muted small panel-intro">{t('queueSettings.intro')}</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {settings && (
        <>
          <fieldset className="checkbox-group">
            <legend>{t('queueSettings.approvals')}</legend>
            {APPROVAL_SETTING_KINDS.map((kind) => (
              <label key={kind} className="checkbox-row">
                <input type="checkbox" checked={settings.approvals[kind]} onChange={(event) => void change({ approvals: { [kind]: event.target.checked } })} /> {t(`actionKind.${kind}`)}
              </label>
            ))}
            <p className="muted small">{t('queueSettings.terminationAlways')}</p>
          </fieldset>
          <label className="checkbox-row">
            <input type="checkbox" checked={settings.dryRun} onChange={(event) => void change({ dryRun: event.target.checked })} /> {t('queueSettings.dryRun')}
          </label>
        </>
      )}
    </section>
  );
}
