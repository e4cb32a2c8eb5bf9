// Undoing an import, in two steps so one stray click cannot take a whole import back: Undo, then
// Cancel or the red confirmation. Used by the list of imports (ImportBatchList).
import { useI18n } from '../i18n/I18nProvider.js';

export interface UndoImportButtonProps {
  confirming: boolean;
  working: boolean;
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
}

export function UndoImportButton({ confirming, working, onAsk, onCancel, onConfirm }: UndoImportButtonProps) {
  const { t } = useI18n();
  if (!confirming) {
    return (
      <button type="button" className="button button-small button-danger-outline" disabled={working} onClick={onAsk}>
        {t('imports.undo')}
      </button>
    );
  }
  return (
    <span className="button-row button-row-end">
      <button type="button" className="button button-small" onClick={onCancel}>
        {t('form.cancel')}
      </button>
      <button type="button" className="button button-small button-danger" disabled={working} onClick={onConfirm}>
        {t('imports.undoConfirm')}
      </button>
    </span>
  );
}
