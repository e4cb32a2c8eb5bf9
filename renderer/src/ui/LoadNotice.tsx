// What a screen shows while its data is on the way, or when reading it failed: "Loading…" as a
// status, or the reason as an alert (with Retry when the screen can ask again).
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface LoadNoticeProps {
  loading: boolean;
  problem: ApiErrorBody | null;
  onRetry?: () => void;
}

export function LoadNotice({ loading, problem, onRetry }: LoadNoticeProps) {
  const { language, t } = useI18n();
  if (problem) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{translateApiError(language, problem)}</p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('list.retry')}
          </button>
        )}
      </div>
    );
  }
  if (!loading) return null;
  return (
    <p className="muted" role="status">
      {t('shell.loading')}
    </p>
  );
}
