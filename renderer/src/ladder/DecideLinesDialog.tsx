// Skipping or postponing the lines selected on the desk. Skipping is final for that step of those
// invoices, so it asks why (the reason is kept with the client's ladder); postponing asks until when.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { addDays } from '../../../shared/dates.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

type LineRef = { invoiceId: string; stepKey: string };

interface DecideLinesDialogProps {
  kind: 'skip' | 'postpone';
  lines: LineRef[];
  today: string;
  onClose: () => void;
  /** How many the backend skipped or postponed. */
  onDone: (count: number) => void;
}

const FIELDS = ['until', 'reason'] as const;

export function DecideLinesDialog({ kind, lines, today, onClose, onDone }: DecideLinesDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [until, setUntil] = useState(() => addDays(today, 7));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const prefix = `desk-${kind}`;
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, prefix);
  const notice = noticeText(language, problem, FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer =
      kind === 'skip'
        ? await api.call('dunning.skip', { lines, reason })
        : await api.call('dunning.postpone', { lines, until: until.trim(), ...(reason.trim() ? { reason } : {}) });
    setSaving(false);
    if (answer.ok) return onDone('skipped' in answer.value ? answer.value.skipped : answer.value.postponed);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  const count = lines.length;
  return (
    <Dialog title={t(kind === 'skip' ? 'desk.skipTitle' : 'desk.postponeTitle', { count })} onClose={onClose} initialFocus={first} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <div className="form-stack">
            {kind === 'skip' ? (
              <TextAreaField
                ref={first}
                id={`${prefix}-reason`}
                label={t('desk.skipReason')}
                hint={t('desk.skipHint')}
                requiredLabel={t('form.required')}
                rows={3}
                value={reason}
                error={errorOf('reason')}
                onChange={(event) => setReason(event.target.value)}
              />
            ) : (
              <>
                <TextField
                  ref={first}
                  id={`${prefix}-until`}
                  type="date"
                  min={addDays(today, 1)}
                  label={t('desk.postponeUntil')}
                  hint={t('desk.postponeUntilHint')}
                  requiredLabel={t('form.required')}
                  value={until}
                  error={errorOf('until')}
                  onChange={(event) => setUntil(event.target.value)}
                />
                <TextAreaField id={`${prefix}-reason`} label={t('desk.postponeReason')} rows={2} value={reason} error={errorOf('reason')} onChange={(event) => setReason(event.target.value)} />
              </>
            )}
          </div>
        </div>
        <FormFooter confirm={t(kind === 'skip' ? 'desk.skipConfirm' : 'desk.postponeConfirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
