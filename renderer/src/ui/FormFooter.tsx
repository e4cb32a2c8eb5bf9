// The foot of a dialog's form: back out, or submit. While the book saves, the submit button is
// disabled and says so, so a second click cannot record the same thing twice.
import { useI18n } from '../i18n/I18nProvider.js';

interface FormFooterProps {
  /** What submitting does, in the reseller's words ("Record payment", "Void invoice"). */
  confirm: string;
  saving: boolean;
  onCancel: () => void;
  /** Red, for what cannot be taken back: voiding, archiving, ending, cancelling. */
  danger?: boolean;
  /** Nothing to submit yet, such as no open invoice to apply a payment to. */
  blocked?: boolean;
  cancelLabel?: string;
  savingLabel?: string;
}

export function FormFooter({ confirm, saving, onCancel, danger = false, blocked = false, cancelLabel, savingLabel }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <div className="dialog-footer">
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel ?? t('form.cancel')}
      </button>
      <button type="submit" className={danger ? 'button button-danger' : 'button button-primary'} disabled={saving || blocked}>
        {saving ? (savingLabel ?? t('form.saving')) : confirm}
      </button>
    </div>
  );
}
