// The client list behind the search box: the first page for the query, more pages on demand, and
// a fresh list whenever clients are created or changed (here or in another window).
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Client } from '../../../shared/domain/client.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';

const PAGE_SIZE = 50;
/** The most the backend hands out in one page. */
const LARGEST_PAGE = 500;
/** A burst of changes (a script adding clients, an import) becomes one reload once it pauses this long. */
const CHANGES_PAUSE_MS = 100;

export type ClientSearch =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; query: string; items: Client[]; nextCursor: string | null };

export function useClientSearch(query: string) {
  const api = useApi();
  const [search, setSearch] = useState<ClientSearch>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<ApiErrorBody | null>(null);
  const [changes, setChanges] = useState(0);
  // Answers can arrive out of order while the user types: only the latest request may show.
  const latestRequest = useRef(0);

  const loadFirstPage = useCallback(
    async (forQuery: string, limit: number) => {
      const request = ++latestRequest.current;
      const answer = await api.call('clients.search', { query: forQuery, limit });
      if (request !== latestRequest.current) return;
      setLoadingMore(false);
      setMoreFailed(null);
      setSearch(answer.ok ? { status: 'ready', query: forQuery, ...answer.value } : { status: 'failed', error: answer.error });
    },
    [api],
  );

  useEffect(() => {
    void loadFirstPage(query, PAGE_SIZE);
  }, [query, loadFirstPage]);

  // A reload keeps as many rows as are shown (plus a page being fetched, which it replaces), so a
  // change elsewhere does not collapse a long list.
  const shown = search.status === 'ready' ? search.items.length : 0;
  const reload = useEffectEvent(() => {
    void loadFirstPage(query, Math.min(LARGEST_PAGE, Math.max(PAGE_SIZE, shown + (loadingMore ? PAGE_SIZE : 0))));
  });
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(reload, CHANGES_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [changes]);

  /** Shows the list as it is now in the book: after a save, or to retry a failed load. */
  const refresh = () => setChanges((count) => count + 1);
  useBackendEvent('clients.changed', refresh);

  async function loadMore() {
    if (search.status !== 'ready' || search.nextCursor === null) return;
    const request = ++latestRequest.current;
    setLoadingMore(true);
    const answer = await api.call('clients.search', { query: search.query, limit: PAGE_SIZE, cursor: search.nextCursor });
    if (request !== latestRequest.current) return;
    setLoadingMore(false);
    // A failed next page keeps the rows already shown; the button stays to try again.
    setMoreFailed(answer.ok ? null : answer.error);
    if (answer.ok) setSearch({ ...search, items: [...search.items, ...answer.value.items], nextCursor: answer.value.nextCursor });
  }

  return { search, loadingMore, moreFailed, loadMore, refresh };
}
