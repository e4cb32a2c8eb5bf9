// What a form shows on top when a save is refused for a reason no field holds: someone else
// changed the record meanwhile (with Reload, unless reloading cannot help), or any other refusal
// in the user's language. Field errors are shown beside their fields and in ErrorSummary.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface FormRefusalProps {
  problem: ApiErrorBody | null;
  /** The form's own words for a conflict ("This plan was changed elsewhere…"). */
  conflictText: string;
  /** Loads the record again; null when reloading would not help (an ended contract). */
  onReload: (() => void) | null;
}

export function FormRefusal({ problem, conflictText, onReload }: FormRefusalProps) {
  const { language, t } = useI18n();
  if (!problem || problem.code === 'invalid_input') return null;
  if (problem.code !== 'conflict') {
    return (
      <p className="notice notice-error" role="alert">
        {translateApiError(language, problem)}
      </p>
    );
  }
  return (
    <div className="notice notice-warning" role="alert">
      <p>{conflictText}</p>
      {onReload && (
        <button type="button" className="button" onClick={onReload}>
          {t('form.reload')}
        </button>
      )}
    </div>
  );
}
