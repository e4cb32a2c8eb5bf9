// A dialog that could not open its form (the price list did not load, say): the reason and Close.
import { useRef } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from './Dialog.js';

export function ProblemDialog({ title, error, onClose }: { title: string; error: ApiErrorBody; onClose: () => void }) {
  const { language, t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} onClose={onClose} initialFocus={close} size="small">
      <div className="dialog-body">
        <p className="notice notice-error" role="alert">
          {translateApiError(language, error)}
        </p>
      </div>
      <div className="dialog-footer">
        <button ref={close} type="button" className="button" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}
