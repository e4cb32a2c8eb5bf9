// Browser mode prints a link ending in `#token=…`. The token is taken from the address bar once,
// kept in sessionStorage (so a reload still works, and it dies with the tab), and removed from the
// visible URL so it does not end up in screenshots, bookmarks or the history list.
const STORAGE_KEY = 'hostledger.token';

export function takeAccessToken(): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromLink) {
    sessionStorage.setItem(STORAGE_KEY, fromLink);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return fromLink;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
