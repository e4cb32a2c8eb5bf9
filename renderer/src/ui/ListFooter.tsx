// Under a long list: how many rows are shown, and "Load more" for the keyboard (and for retrying
// a page that failed); scrolling near the end fetches the next page on its own.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

interface ListFooterProps {
  shown: string;
  hasMore: boolean;
  loadingMore: boolean;
  moreFailed: ApiErrorBody | null;
  onLoadMore: () => void;
}

export function ListFooter({ shown, hasMore, loadingMore, moreFailed, onLoadMore }: ListFooterProps) {
  const { language, t } = useI18n();
  return (
    <div className="list-footer">
      <p className="muted" role="status">
        {shown}
      </p>
      {moreFailed && (
        <p className="field-error" role="alert">
          {translateApiError(language, moreFailed)}
        </p>
      )}
      {hasMore && (
        <button type="button" className="button" onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? t('shell.loading') : t('list.loadMore')}
        </button>
      )}
    </div>
  );
}
