// Removing a panel connection and its stored credentials; the book refuses while contracts link to it.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';

export function DeleteConnectionDialog({ connection, onClose }: { connection: PanelConnection; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const focus = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('panels.connections.delete', { id: connection.id });
    setSaving(false);
    if (answer.ok) onClose();
    else setProblem(answer.error);
  }

  return (
    <Dialog title={t('panels.deleteTitle', { name: connection.name })} onClose={onClose} initialFocus={focus} size="small">
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <div className="dialog-body">
          <p ref={focus} tabIndex={-1}>
            {t('panels.deleteText')}
          </p>
          {problem && (
            <p className="notice notice-error" role="alert">
              {noticeText(language, problem, [])}
            </p>
          )}
        </div>
        <FormFooter confirm={t('panels.delete')} saving={saving} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
