// Where the app is, as the address bar's fragment: `#/clients`, `#/clients/<id>`, `#/contracts`,
// `#/plans`, `#/invoices`, `#/receivables`, `#/actions`, `#/drift`, `#/settings/billing`, `#/settings/imports`,
// `#/settings/company`, `#/settings/letters`, `#/settings/panels`, `#/settings/backups`, `#/settings/risk`,
// `#/settings/channels`, `#/calls`, `#/documents/batch`, `#/desk`, `#/desk/forecast`, `#/settings/ladder`.
// A fragment keeps routes working
// under both origins (app:// and http://127.0.0.1) without a server that knows them, and gives the
// browser's back button something to go back to. Pure: no DOM, so it is unit-tested in Node.
export type Route =
  | { name: 'clients' }
  | { name: 'client'; id: string }
  | { name: 'contracts' }
  | { name: 'plans' }
  | { name: 'invoices' }
  | { name: 'receivables' }
  | { name: 'billingSettings' }
  | { name: 'importHistory' }
  | { name: 'companyProfile' }
  | { name: 'letterTemplates' }
  | { name: 'panelSettings' }
  | { name: 'backups' }
  | { name: 'riskSettings' }
  | { name: 'printBatch' }
  | { name: 'actions' }
  | { name: 'drift' }
  | { name: 'desk' }
  | { name: 'forecast' }
  | { name: 'ladderSettings' }
  | { name: 'channelSettings' }
  | { name: 'calls' };

export type SectionId = 'desk' | 'clients' | 'contracts' | 'plans' | 'invoices' | 'receivables' | 'actions' | 'calls' | 'settings';

export const DEFAULT_ROUTE: Route = { name: 'clients' };

/** Screens that are a whole section, by the one word of their fragment. */
const SECTION_SCREENS = ['desk', 'clients', 'contracts', 'plans', 'invoices', 'receivables', 'actions', 'drift', 'calls'] as const;

/** Screens under Settings, by the word after `#/settings/`. */
const SETTINGS_SCREENS: Record<string, Route> = {
  billing: { name: 'billingSettings' },
  imports: { name: 'importHistory' },
  company: { name: 'companyProfile' },
  letters: { name: 'letterTemplates' },
  panels: { name: 'panelSettings' },
  backups: { name: 'backups' },
  risk: { name: 'riskSettings' },
  ladder: { name: 'ladderSettings' },
  channels: { name: 'channelSettings' },
};

/** Document screens that are no section of their own, by the word after `#/documents/`. */
const DOCUMENT_SCREENS: Record<string, Route> = { batch: { name: 'printBatch' } };

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
  // `#/settings` alone opens the first settings screen.
  if (section === 'settings') return !id ? { name: 'billingSettings' } : Object.hasOwn(SETTINGS_SCREENS, id) ? SETTINGS_SCREENS[id]! : DEFAULT_ROUTE;
  if (section === 'desk' && id === 'forecast') return { name: 'forecast' };
  if (section === 'documents') return id && Object.hasOwn(DOCUMENT_SCREENS, id) ? DOCUMENT_SCREENS[id]! : DEFAULT_ROUTE;
  if (id !== undefined && id !== '') return DEFAULT_ROUTE;
  const screen = SECTION_SCREENS.find((name) => name === section);
  return screen ? { name: screen } : DEFAULT_ROUTE;
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
  if (route.name === 'client') return `#/clients/${encodeURIComponent(route.id)}`;
  if (route.name === 'billingSettings') return '#/settings/billing';
  if (route.name === 'importHistory') return '#/settings/imports';
  if (route.name === 'companyProfile') return '#/settings/company';
  if (route.name === 'letterTemplates') return '#/settings/letters';
  if (route.name === 'panelSettings') return '#/settings/panels';
  if (route.name === 'backups') return '#/settings/backups';
  if (route.name === 'printBatch') return '#/documents/batch';
  if (route.name === 'riskSettings') return '#/settings/risk';
  if (route.name === 'ladderSettings') return '#/settings/ladder';
  if (route.name === 'forecast') return '#/desk/forecast';
  if (route.name === 'channelSettings') return '#/settings/channels';
  return `#/${route.name}`;
}

/** The navigation section a route belongs to: a client's page is part of Clients. */
export function sectionOf(route: Route): SectionId {
  if (route.name === 'client') return 'clients';
  switch (route.name) {
    case 'billingSettings':
    case 'importHistory':
    case 'companyProfile':
    case 'letterTemplates':
    case 'panelSettings':
    case 'backups':
    case 'riskSettings':
    case 'ladderSettings':
    case 'channelSettings':
      return 'settings';
  }
  // The drift report is part of the panel work on the actions page.
  if (route.name === 'drift') return 'actions';
  // The forecast is the desk's second tab.
  if (route.name === 'forecast') return 'desk';
  // Printing letters in a batch starts from the invoices that are overdue.
  if (route.name === 'printBatch') return 'invoices';
  return route.name;
}

/** The screen a section's entry in the navigation opens. */
export const sectionRoute = (section: SectionId): Route => (section === 'settings' ? { name: 'billingSettings' } : { name: section });

/**
 * The address a user opens first — no route at all, or the sign-in link's `#token=…` — lands on
 * the arrears desk when the book has clients, else on the client list (which offers the sample
 * book). Anything that names a route, even wrongly, is parsed as before.
 */
export const isLandingFragment = (hash: string): boolean => !hash.replace(/^#/, '').startsWith('/');
