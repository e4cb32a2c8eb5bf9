// The current route, following the address bar: links and the back and forward buttons change the
// fragment, and the screen follows.
import { useEffect, useState } from 'react';
import { hrefOf, parseRoute, type Route } from './routes.js';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Opens a route as a new history entry, so the back button returns to where the user was. */
export function navigate(route: Route) {
  window.location.hash = hrefOf(route);
}
