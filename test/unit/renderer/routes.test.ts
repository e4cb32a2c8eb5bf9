import { describe, expect, it } from 'vitest';
import { hrefOf, isLandingFragment, parseRoute, sectionOf, sectionRoute, type Route } from '../../../renderer/src/app/routes.js';

describe('routes', () => {
  it('reads each screen from the fragment', () => {
    expect(parseRoute('#/clients')).toEqual({ name: 'clients' });
    expect(parseRoute('#/clients/cl_0123456789abcdef')).toEqual({ name: 'client', id: 'cl_0123456789abcdef' });
    expect(parseRoute('#/contracts')).toEqual({ name: 'contracts' });
    expect(parseRoute('#/plans')).toEqual({ name: 'plans' });
    expect(parseRoute('#/invoices')).toEqual({ name: 'invoices' });
    expect(parseRoute('#/receivables')).toEqual({ name: 'receivables' });
    expect(parseRoute('#/settings/billing')).toEqual({ name: 'billingSettings' });
    expect(parseRoute('#/settings/imports')).toEqual({ name: 'importHistory' });
    expect(parseRoute('#/settings/company')).toEqual({ name: 'companyProfile' });
    expect(parseRoute('#/settings/letters')).toEqual({ name: 'letterTemplates' });
    expect(parseRoute('#/documents/batch')).toEqual({ name: 'printBatch' });
    expect(parseRoute('#/settings/risk')).toEqual({ name: 'riskSettings' });
    // The Settings section alone opens its first screen.
    expect(parseRoute('#/settings')).toEqual({ name: 'billingSettings' });
  });

  it('opens the client list for no fragment, the sign-in fragment, or anything unknown', () => {
    for (const hash of ['', '#', '#/', '#token=abc', '#/bills', '#/plans/pl_1', '#/invoices/in_1', '#/settings/constructor', '#/settings/mail', '#/clients/a/b', '#main', '#/documents', '#/documents/', '#/documents/archive', '#/documents/batch/x']) {
      expect(parseRoute(hash), hash).toEqual({ name: 'clients' });
    }
    expect(parseRoute('#/clients/')).toEqual({ name: 'clients' });
    expect(parseRoute('#/clients/%E0%A4%A')).toEqual({ name: 'clients' });
  });

  it('writes fragments that read back as the same route', () => {
    const routes: Route[] = [{ name: 'clients' }, { name: 'contracts' }, { name: 'plans' }, { name: 'invoices' }, { name: 'receivables' }, { name: 'billingSettings' }, { name: 'importHistory' }, { name: 'companyProfile' }, { name: 'letterTemplates' }, { name: 'printBatch' }, { name: 'riskSettings' }, { name: 'client', id: 'cl_abc12345' }, { name: 'client', id: 'odd/id?#' }];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ name: 'client', id: 'cl_abc12345' })).toBe('#/clients/cl_abc12345');
  });

  it('puts a client page under Clients in the navigation', () => {
    expect(sectionOf({ name: 'client', id: 'cl_abc12345' })).toBe('clients');
    expect(sectionOf({ name: 'plans' })).toBe('plans');
    expect(sectionOf({ name: 'billingSettings' })).toBe('settings');
    expect(sectionOf({ name: 'importHistory' })).toBe('settings');
    expect(sectionOf({ name: 'companyProfile' })).toBe('settings');
    expect(sectionOf({ name: 'letterTemplates' })).toBe('settings');
    expect(sectionOf({ name: 'printBatch' })).toBe('invoices');
    expect(sectionOf({ name: 'riskSettings' })).toBe('settings');
    expect(hrefOf(sectionRoute('settings'))).toBe('#/settings/billing');
    expect(hrefOf(sectionRoute('receivables'))).toBe('#/receivables');
  });
});

describe('panel screens', () => {
  it('routes the actions page, the drift report and Settings → Panels, and places them in their sections', () => {
    expect(parseRoute('#/actions')).toEqual({ name: 'actions' });
    expect(parseRoute('#/drift')).toEqual({ name: 'drift' });
    expect(parseRoute('#/settings/panels')).toEqual({ name: 'panelSettings' });
    expect(hrefOf({ name: 'panelSettings' })).toBe('#/settings/panels');
    expect(sectionOf({ name: 'drift' })).toBe('actions');
    expect(sectionOf({ name: 'panelSettings' })).toBe('settings');
  });
});

describe('arrears ladder screens', () => {
  it('routes the desk, its forecast and Settings → Arrears ladder, and places them in their sections', () => {
    const routes: Route[] = [{ name: 'desk' }, { name: 'forecast' }, { name: 'ladderSettings' }];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ name: 'forecast' })).toBe('#/desk/forecast');
    expect(hrefOf({ name: 'ladderSettings' })).toBe('#/settings/ladder');
    expect(sectionOf({ name: 'desk' })).toBe('desk');
    expect(sectionOf({ name: 'forecast' })).toBe('desk');
    expect(sectionOf({ name: 'ladderSettings' })).toBe('settings');
    expect(parseRoute('#/desk/other')).toEqual({ name: 'clients' });
  });

  it('lands (on the desk or the client list) only when the address names no route', () => {
    for (const hash of ['', '#', '#token=abc', '#main']) expect(isLandingFragment(hash), hash).toBe(true);
    for (const hash of ['#/', '#/clients', '#/desk', '#/bills']) expect(isLandingFragment(hash), hash).toBe(false);
  });
});

describe('dashboard and reports', () => {
  it('opens a report with the filters of the chart it came from, and reads its fragment back', () => {
    expect(parseRoute('#/dashboard')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/reports')).toEqual({ name: 'reports' });
    const route: Route = { name: 'reports', preset: { report: 'outstanding', currency: 'USD', bucket: 'over90' } };
    expect(hrefOf(route)).toBe('#/reports/outstanding?currency=USD&bucket=over90');
    expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(parseRoute('#/reports/paymentsByMethod?from=2026-10-01&to=2026-10-31')).toEqual({ name: 'reports', preset: { report: 'paymentsByMethod', from: '2026-10-01', to: '2026-10-31' } });
    // An unknown report, bucket or filter is left out rather than trusted.
    expect(parseRoute('#/reports/nonsense')).toEqual({ name: 'reports' });
    expect(parseRoute('#/reports/aging?bucket=days999&colour=red')).toEqual({ name: 'reports', preset: { report: 'aging' } });
    expect(sectionOf(route)).toBe('reports');
  });
});
