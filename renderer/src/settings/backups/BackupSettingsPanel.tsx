// Where backups go (any folder the user can write; a cloud-synced one keeps a copy off the
// computer) and how many automatic backups are kept.
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import { useApi } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { TextField } from '../../ui/Field.js';
import { useFieldErrors } from '../../ui/useFieldErrors.js';
import { readWholeNumber } from '../../ui/numberText.js';

const KEEP = ['daily', 'weekly', 'monthly'] as const;
const KEEP_LABEL = { daily: 'backups.keepDaily', weekly: 'backups.keepWeekly', monthly: 'backups.keepMonthly' } as const;

export function BackupSettingsPanel({ onChanged }: { onChanged: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [folder, setFolder] = useState('');
  const [useDefault, setUseDefault] = useState(true);
  const [keep, setKeep] = useState<Record<(typeof KEEP)[number], string>>({ daily: '', weekly: '', monthly: '' });
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const { errorOf, focusFirst } = useFieldErrors(['folder', 'retention.daily', 'retention.weekly', 'retention.monthly'], problem, form, 'backup-settings');

  useEffect(() => {
    let current = true;
    void api.call('backups.settings.get', {}).then((answer) => {
      if (!current || !answer.ok) return;
      setFolder(answer.value.folder);
      setUseDefault(!answer.value.chosen);
      setKeep({ daily: String(answer.value.retention.daily), weekly: String(answer.value.retention.weekly), monthly: String(answer.value.retention.monthly) });
    });
    return () => {
      current = false;
    };
  }, [api]);

  async function save() {
    setSaving(true);
    setSaved(false);
    const count = (text: string) => {
      const reading = readWholeNumber(text);
      return reading.state === 'value' ? reading.value : text;
    };
    const retention = { daily: count(keep.daily), weekly: count(keep.weekly), monthly: count(keep.monthly) };
    const answer = await api.call('backups.settings.update', { folder: useDefault ? null : folder.trim(), retention: retention as never });
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return focusFirst(answer.error);
    setFolder(answer.value.folder);
    setSaved(true);
    onChanged();
  }

  // The backend's reason is in English; say it in the user's words for the two ways it happens.
  const folderError = errorOf('folder') && (folder.trim().startsWith('/') || /^[A-Za-z]:/.test(folder.trim()) ? t('backups.folderNotWritable') : t('backups.pathNotFull'));

  return (
    <section className="panel" aria-labelledby="backup-settings-heading">
      <h2 id="backup-settings-heading" className="panel-title">
        {t('backups.folder')}
      </h2>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="checkbox">
          <input type="checkbox" checked={useDefault} onChange={(event) => setUseDefault(event.target.checked)} />
          {t('backups.folderDefault')}
        </label>
        <TextField id="backup-settings-folder" label={t('backups.folder')} hint={t('backups.folderHint')} error={folderError || undefined} value={folder} disabled={useDefault} onChange={(event) => setFolder(event.target.value)} />
        <fieldset className="checkbox-group inline-form-fields">
          <legend>{t('backups.keep')}</legend>
          {KEEP.map((name) => (
            <TextField key={name} id={`backup-settings-retention.${name}`} label={t(KEEP_LABEL[name])} inputMode="numeric" error={errorOf(`retention.${name}`)} value={keep[name]} onChange={(event) => setKeep({ ...keep, [name]: event.target.value })} />
          ))}
        </fieldset>
        <p className="muted small">{t('backups.keepHint')}</p>
        <div className="button-row">
          <button type="submit" className="button" disabled={saving}>
            {t('backups.saveSettings')}
          </button>
          {saved && (
            <span className="muted" role="status">
              {t('backups.settingsSaved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
