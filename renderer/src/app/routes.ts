// Where the app is, as the address bar's fragment: `#/clients`, `#/clients/<id>`, `#/contracts`,
// `#/plans`. A fragment keeps routes working under both origins (app:// and http://127.0.0.1)
// without a server that knows them, and gives the browser's back button something to go back to.
// Pure: no DOM, so it is unit-tested in Node.
export type Route = { name: 'clients' } | { name: 'client'; id: string } | { name: 'contracts' } | { name: 'plans' };

export type SectionId = 'clients' | 'contracts' | 'plans';

export const DEFAULT_ROUTE: Route = { name: 'clients' };

/**
 * The route of a fragment such as `#/clients/cl_abc`. Anything else — no fragment, a fragment
 * left over from the sign-in link, an unknown section — opens the default screen.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (!path.startsWith('/')) return DEFAULT_ROUTE;
  const [section, id, ...rest] = path.slice(1).split('/');
  if (rest.length > 0) return DEFAULT_ROUTE;
  if (section === 'clients' && id) return clientRoute(id);
  if (id !== undefined && id !== '') return DEFAULT_ROUTE;
  if (section === 'contracts' || section === 'plans' || section === 'clients') return { name: section };
  return DEFAULT_ROUTE;
}

function clientRoute(encodedId: string): Route {
  try {
    return { name: 'client', id: decodeURIComponent(encodedId) };
  } catch {
    return DEFAULT_ROUTE; // a malformed %-escape typed into the address bar
  }
}

/** The fragment of a route, for links (`href`) and for navigating. */
export function hrefOf(route: Route): string {
  return route.name === 'client' ? `#/clients/${encodeURIComponent(route.id)}` : `#/${route.name}`;
}

/** The navigation section a route belongs to: a client's page is part of Clients. */
export const sectionOf = (route: Route): SectionId => (route.name === 'client' ? 'clients' : route.name);
