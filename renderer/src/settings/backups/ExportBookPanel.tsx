// Moving the book: the whole book as one verified file, to open on another computer.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import { translateApiError } from '../../../../shared/i18n/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { TextField } from '../../ui/Field.js';

export function ExportBookPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [folder, setFolder] = useState('');
  const [working, setWorking] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  async function exportBook() {
    setWorking(true);
    setWritten(null);
    const answer = await api.call('backups.exportBook', { folder: folder.trim() });
    setWorking(false);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setWritten(answer.value.path);
  }

  const fieldProblem = problem?.code === 'invalid_input' ? (folder.trim().startsWith('/') || /^[A-Za-z]:/.test(folder.trim()) ? t('backups.folderNotWritable') : t('backups.pathNotFull')) : undefined;

  return (
    <section className="panel" aria-labelledby="export-book-heading">
      <h2 id="export-book-heading" className="panel-title">
        {t('backups.export')}
      </h2>
      <p className="muted small panel-intro">{t('backups.exportIntro')}</p>
      <form
        className="inline-form-fields"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void exportBook();
        }}
      >
        <TextField id="export-book-folder" className="field-wide" label={t('backups.exportFolder')} error={fieldProblem} value={folder} onChange={(event) => setFolder(event.target.value)} />
        <button type="submit" className="button" disabled={working}>
          {t('backups.exportRun')}
        </button>
        {working && <progress className="progress" aria-label={t('backups.working')} />}
      </form>
      {written && (
        <p className="notice notice-success" role="status">
          {t('backups.exported', { path: written })}
        </p>
      )}
      {problem && problem.code !== 'invalid_input' && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, problem)}
        </p>
      )}
    </section>
  );
}
