// The earlier imports of one kind, newest first, each with what it brought in and — while it
// stands — an Undo in two steps. The invoice-history import and the client import list theirs alike.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstant } from '../ui/formatting.js';
import { UndoImportButton } from './UndoImportButton.js';

export interface ImportBatch {
  id: string;
  fileName: string | null;
  createdAt: string;
  status: 'imported' | 'undone';
  undoneAt: string | null;
}

export interface ImportBatchListProps<B extends ImportBatch> {
  /** The list's name, for screen readers (the heading above it is the screen's). */
  caption: string;
  /** Said when nothing was imported yet. */
  empty: string;
  /** null while loading. */
  batches: readonly B[] | null;
  /** The count columns: what each import brought in. */
  counts: readonly { heading: string; of(batch: B): number }[];
  /** Something is being imported or undone: no second undo meanwhile. */
  working: boolean;
  onUndo(batchId: string): void;
}

export function ImportBatchList<B extends ImportBatch>({ caption, empty, batches, counts, working, onUndo }: ImportBatchListProps<B>) {
  const { language, t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (batches === null) {
    return (
      <p className="muted" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  if (batches.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table compact-table import-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.column.file')}</th>
          {counts.map((count) => (
            <th key={count.heading} scope="col" className="col-quantity">
              {count.heading}
            </th>
          ))}
          <th scope="col">{t('imports.column.when')}</th>
          <th scope="col">{t('imports.column.status')}</th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t('taxRate.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {batches.map((batch) => (
          <tr key={batch.id} className={batch.status === 'undone' ? 'row-ended' : undefined}>
            <th scope="row">{batch.fileName ?? t('imports.pasted')}</th>
            {counts.map((count) => (
              <td key={count.heading} className="col-quantity">
                {count.of(batch)}
              </td>
            ))}
            <td>{formatInstant(batch.createdAt, language)}</td>
            <td>{batch.status === 'undone' && batch.undoneAt ? t('imports.status.undoneAt', { when: formatInstant(batch.undoneAt, language) }) : t('imports.status.imported')}</td>
            <td className="col-actions">
              {batch.status === 'imported' && (
                <UndoImportButton
                  confirming={confirming === batch.id}
                  working={working}
                  onAsk={() => setConfirming(batch.id)}
                  onCancel={() => setConfirming(null)}
                  onConfirm={() => {
                    setConfirming(null);
                    onUndo(batch.id);
                  }}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
