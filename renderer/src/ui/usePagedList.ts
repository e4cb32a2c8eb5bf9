// A long list paged in SQL: the first page for the current filters, the next page on demand (the
// table asks when it is scrolled near its end), and a fresh list after a change. Answers can arrive
// out of order while the user types, so only the latest request may show.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import type { ApiClient } from '../api/apiClient.js';

export const PAGE_SIZE = 50;
/** The most the backend hands out in one page. */
const LARGEST_PAGE = 500;
/** A burst of changes (a script adding clients, the sample book) becomes one reload once it pauses this long. */
const CHANGES_PAUSE_MS = 100;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetches one page for `filters`; defined outside the component, so it never changes. */
export type PageFetcher<T, F> = (api: ApiClient, filters: F, page: { limit: number; cursor?: string }) => Promise<Envelope<Page<T>>>;

export type PagedList<T, F> =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; filters: F; items: T[]; nextCursor: string | null };

export function usePagedList<T, F>(filters: F, fetchPage: PageFetcher<T, F>) {
  const api = useApi();
  const [list, setList] = useState<PagedList<T, F>>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<ApiErrorBody | null>(null);
  const [changes, setChanges] = useState(0);
  const latestRequest = useRef(0);
  // The table may ask for the next page on every scroll event; one request at a time.
  const fetchingMore = useRef(false);

  const loadFirstPage = useCallback(
    async (forFilters: F, limit: number) => {
      const request = ++latestRequest.current;
      const answer = await fetchPage(api, forFilters, { limit });
      if (request !== latestRequest.current) return;
      fetchingMore.current = false;
      setLoadingMore(false);
      setMoreFailed(null);
      setList(answer.ok ? { status: 'ready', filters: forFilters, ...answer.value } : { status: 'failed', error: answer.error });
    },
    [api, fetchPage],
  );

  // Filters are compared by value: a screen builds a new object on every render.
  const filterKey = JSON.stringify(filters);
  const loadForFilters = useEffectEvent(() => void loadFirstPage(filters, PAGE_SIZE));
  useEffect(() => loadForFilters(), [filterKey]);

  // A reload keeps as many rows as are shown (plus a page being fetched, which it replaces), so a
  // change elsewhere does not collapse a long list.
  const shown = list.status === 'ready' ? list.items.length : 0;
  const reload = useEffectEvent(() => {
    void loadFirstPage(filters, Math.min(LARGEST_PAGE, Math.max(PAGE_SIZE, shown + (loadingMore ? PAGE_SIZE : 0))));
  });
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(reload, CHANGES_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [changes]);

  /** Shows the list as it is now in the book: after a save, a change event, or to retry a failed load. */
  const refresh = useCallback(() => setChanges((count) => count + 1), []);

  async function loadMore() {
    if (list.status !== 'ready' || list.nextCursor === null || fetchingMore.current) return;
    fetchingMore.current = true;
    const request = ++latestRequest.current;
    setLoadingMore(true);
    const answer = await fetchPage(api, list.filters, { limit: PAGE_SIZE, cursor: list.nextCursor });
    if (request !== latestRequest.current) return;
    fetchingMore.current = false;
    setLoadingMore(false);
    // A failed next page keeps the rows already shown; the button stays to try again.
    setMoreFailed(answer.ok ? null : answer.error);
    if (answer.ok) setList({ ...list, items: [...list.items, ...answer.value.items], nextCursor: answer.value.nextCursor });
  }

  return { list, loadingMore, moreFailed, loadMore, refresh };
}
