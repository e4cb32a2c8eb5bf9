// Linking contracts to a panel connection in bulk: every live contract on that kind of panel,
// narrowed by a word of its label or account (a server's host name, say). Each account is checked
// by the panel's adapter; those that fail are listed with the reason.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';

export function LinkContractsDialog({ connection, onClose }: { connection: PanelConnection; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [query, setQuery] = useState('');
  const [onlyUnlinked, setOnlyUnlinked] = useState(true);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [result, setResult] = useState<Output<'panels.link'> | null>(null);
  const first = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('panels.link', { connectionId: connection.id, query: query.trim(), onlyUnlinked });
    setSaving(false);
    if (answer.ok) setResult(answer.value);
    else setProblem(answer.error);
  }

  return (
    <Dialog title={t('link.title', { name: connection.name })} onClose={onClose} initialFocus={first}>
      <form className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="muted">{t('link.intro', { kind: t(`panel.${connection.kind}`) })}</p>
          {problem && (
            <p className="notice notice-error" role="alert">
              {noticeText(language, problem, [])}
            </p>
          )}
          <TextField ref={first} id="link-query" label={t('link.query')} hint={t('link.queryHint')} autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          <label className="checkbox-row">
            <input type="checkbox" checked={onlyUnlinked} onChange={(event) => setOnlyUnlinked(event.target.checked)} /> {t('link.onlyUnlinked')}
          </label>
          {result && (
            <div role="status">
              <p className="notice notice-success">{t('link.linked', { count: result.linked })}</p>
              {result.skipped.length > 0 && (
                <>
                  <p>{t('link.skipped', { count: result.skipped.length })}</p>
                  <ul className="plain-list">
                    {result.skipped.map((skip) => (
                      <li key={skip.contractId}>
                        <strong>{skip.label}</strong>: {skip.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </div>
        <FormFooter confirm={t('link.submit')} saving={saving} onCancel={onClose} cancelLabel={result ? t('form.close') : undefined} />
      </form>
    </Dialog>
  );
}
