// The sections of the left navigation, in order. A new screen (arrears desk, …) is one more entry
// here and one more route in routes.ts.
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { SectionId } from './routes.js';

export interface Section {
  id: SectionId;
  label: MessageKey;
}

export const SECTIONS: readonly Section[] = [
  { id: 'desk', label: 'nav.desk' },
  { id: 'dashboard', label: 'nav.dashboard' },
  { id: 'clients', label: 'nav.clients' },
  { id: 'contracts', label: 'nav.contracts' },
  { id: 'plans', label: 'nav.plans' },
  { id: 'invoices', label: 'nav.invoices' },
  { id: 'receivables', label: 'nav.receivables' },
  { id: 'reports', label: 'nav.reports' },
  { id: 'actions', label: 'nav.actions' },
  { id: 'calls', label: 'nav.calls' },
  { id: 'exports', label: 'nav.exports' },
  { id: 'settings', label: 'nav.settings' },
];
