// The list of refused fields on top of a form, each a button that takes the user to the field.
import { useI18n } from '../i18n/I18nProvider.js';

export interface ListedError {
  /** The label of the input the error belongs to; null when no input holds it (the field path is shown). */
  label: string | null;
  path: string;
  message: string;
  focus?: () => void;
}

export function ErrorSummary({ errors }: { errors: ListedError[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="notice notice-error error-summary" role="alert">
      <p className="notice-title">{t('form.errorSummary')}</p>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.label !== null && error.focus ? (
              <button type="button" className="link-button" onClick={error.focus}>
                {t('form.errorItem', { field: error.label, message: error.message })}
              </button>
            ) : (
              // A field this form has no input for; the path tells a developer what was refused.
              t('form.errorItem', { field: error.path, message: error.message })
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
