// Where the app is, as the address bar's fragment: `#/<section>` (desk, dashboard, clients,
// contracts, plans, invoices, receivables, reports, statements, actions, drift, calls, exports),
// `#/clients/<id>`, `#/desk/forecast`, `#/settings/<page>` (billing, imports, company, letters,
// panels, backups, risk, channels, ladder, accounts), `#/documents/batch`, and
// `#/reports/<report>?currency=…&bucket=…` (a report opened with its filters, from a dashboard
// chart). A fragment keeps routes working
// under both origins (app:// and http://127.0.0.1) without a server that knows them, and gives the
// browser's back button something to go back to. Pure: no DOM, so it is unit-tested in Node.
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import { REPORT_IDS, type ReportId } from '../../../shared/api/reports.js';

/** A report opened from a chart: which one, and the filters of the list behind the chart. */
export interface ReportPreset {
  report: ReportId;
  currency?: string;
  bucket?: (typeof AGING_BUCKETS)[number];
  step?: string;
  from?: string;
  to?: string;
}
const PRESET_KEYS = ['currency', 'bucket', 'step', 'from', 'to'] as const;

export type Route =
  | { name: 'dashboard' }
  | { name: 'reports'; preset?: ReportPreset }
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
  | { name: 'accountCodes' }
  | { name: 'exports' }
  | { name: 'printBatch' }
  | { name: 'actions' }
  | { name: 'drift' }
  | { name: 'desk' }
  | { name: 'forecast' }
  | { name: 'ladderSettings' }
  | { name: 'channelSettings' }
  | { name: 'calls' };

export type SectionId = 'desk' | 'clients' | 'contracts' | 'plans' | 'invoices' | 'receivables' | 'actions' | 'exports' | 'calls' | 'settings' | 'dashboard' | 'reports';

export const DEFAULT_ROUTE: Route = { name: 'clients' };

/** Screens that are a whole section, by the one word of their fragment. */
const SECTION_SCREENS = ['desk', 'clients', 'contracts', 'plans', 'invoices', 'receivables', 'actions', 'drift', 'exports', 'calls', 'dashboard', 'reports'] as const;

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
  accounts: { name: 'accountCodes' },
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
  if (path.startsWith('/reports/')) return reportRoute(path.slice('/reports/'.length));
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

/** `<report>?currency=USD&bucket=over90`: an unknown report or filter opens the plain Reports screen. */
function reportRoute(rest: string): Route {
  const [report, query = ''] = rest.split('?', 2) as [string, string?];
  const id = REPORT_IDS.find((r) => r === report);
  if (!id) return { name: 'reports' };
  const preset: ReportPreset = { report: id };
  for (const [key, value] of new URLSearchParams(query)) {
    if (key === 'bucket') {
      const bucket = AGING_BUCKETS.find((b) => b === value);
      if (bucket) preset.bucket = bucket;
    } else if ((PRESET_KEYS as readonly string[]).includes(key) && /^[\w-]{1,40}$/.test(value)) {
      preset[key as Exclude<(typeof PRESET_KEYS)[number], 'bucket'>] = value;
    }
  }
  return { name: 'reports', preset };
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
  if (route.name === 'reports' && route.preset) {
    const query = new URLSearchParams();
    for (const key of PRESET_KEYS) if (route.preset[key]) query.set(key, route.preset[key]);
    const text = query.toString();
    return `#/reports/${route.preset.report}${text ? `?${text}` : ''}`;
  }
  if (route.name === 'accountCodes') return '#/settings/accounts';
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
    case 'accountCodes':
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
