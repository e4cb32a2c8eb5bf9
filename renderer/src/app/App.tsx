// The shell every screen sits in: a skip link, the header with the language switch, the section
// navigation on the left and the screen of the current route.
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiProvider.js';
import { ClientPage } from '../clients/ClientPage.js';
import { ClientsScreen } from '../clients/ClientsScreen.js';
import { ALL_CLIENTS, type ClientFilters } from '../clients/useClientSearch.js';
import { ContractsScreen } from '../contracts/ContractsScreen.js';
import { LIVE_CONTRACTS, type ContractFilters } from '../contracts/useContractSearch.js';
import { CompanyProfileScreen } from '../documents/CompanyProfileScreen.js';
import { LetterTemplatesScreen } from '../documents/LetterTemplatesScreen.js';
import { PrintBatchScreen } from '../documents/PrintBatchScreen.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { InvoicesScreen } from '../invoices/InvoicesScreen.js';
import { ALL_INVOICES, type InvoiceFilters } from '../invoices/useInvoiceSearch.js';
import { PlansScreen } from '../plans/PlansScreen.js';
import { ReceivablesScreen } from '../receivables/ReceivablesScreen.js';
import { RiskSettingsScreen } from '../risk/RiskSettingsScreen.js';
import { BillingSettingsScreen } from '../settings/BillingSettingsScreen.js';
import { ImportHistoryScreen } from '../settings/ImportHistoryScreen.js';
import { BackupsScreen } from '../settings/backups/BackupsScreen.js';
import { PanelsScreen } from '../panels/PanelsScreen.js';
import { ActionsScreen } from '../actions/ActionsScreen.js';
import { DriftScreen } from '../actions/DriftScreen.js';
import { DeskScreen } from '../ladder/DeskScreen.js';
import { ForecastScreen } from '../ladder/ForecastScreen.js';
import { PoliciesScreen } from '../ladder/PoliciesScreen.js';
import { useDeskAttention } from '../ladder/useDeskAttention.js';
import { CallTasks } from '../calls/CallTasks.js';
import { ChannelSettingsScreen } from '../channels/ChannelSettingsScreen.js';
import { DashboardScreen } from '../dashboard/DashboardScreen.js';
import { ReportsScreen } from '../reports/ReportsScreen.js';
import { AccountCodesScreen } from '../exports/AccountCodesScreen.js';
import { ExportsScreen } from '../exports/ExportsScreen.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { hrefOf, sectionOf } from './routes.js';
import { SectionNav } from './SectionNav.js';
import { useLanding } from './useLanding.js';
import { navigate, useRoute } from './useRoute.js';

export function App() {
  const api = useApi();
  const { t } = useI18n();
  const route = useRoute();
  const landing = useLanding();
  const [deskCount, setDeskCounts] = useDeskAttention();
  const main = useRef<HTMLElement>(null);
  // Kept here, above the screens, so going back from a client's page finds the list as it was left.
  const [clientFilters, setClientFilters] = useState<ClientFilters>(ALL_CLIENTS);
  const [contractFilters, setContractFilters] = useState<ContractFilters>(LIVE_CONTRACTS);
  const [invoiceFilters, setInvoiceFilters] = useState<InvoiceFilters>(ALL_INVOICES);

  // Screens listen for the events they show and stop when they go. The shell keeps listening, so
  // the window's event stream stays open while one screen replaces another: a stream closed in
  // between would miss a change made meanwhile (in another window, or by a script).
  useEffect(() => api.subscribe(() => {}), [api]);

  // Keyboard and screen-reader users land on the screen they just opened (not on the first
  // render: the page has just loaded and focus is where the browser put it).
  const routeKey = hrefOf(route);
  const firstRoute = useRef(routeKey);
  useEffect(() => {
    if (routeKey === firstRoute.current) return;
    firstRoute.current = '';
    main.current?.scrollTo({ top: 0 });
    main.current?.focus();
  }, [routeKey]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus without putting `#main` in the address bar, where the route lives.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <div className="app-body">
        <SectionNav current={landing ? 'desk' : sectionOf(route)} counts={{ desk: deskCount }} />
        <main id="main" className="app-main" ref={main} tabIndex={-1}>
          {landing && (
            <p className="muted" role="status">
              {t('shell.loading')}
            </p>
          )}
          {!landing && route.name === 'desk' && <DeskScreen onCounts={setDeskCounts} />}
          {route.name === 'forecast' && <ForecastScreen />}
          {route.name === 'ladderSettings' && <PoliciesScreen />}
          {!landing && route.name === 'clients' && <ClientsScreen filters={clientFilters} onFiltersChange={setClientFilters} />}
          {route.name === 'client' && <ClientPage key={route.id} clientId={route.id} />}
          {route.name === 'contracts' && <ContractsScreen filters={contractFilters} onFiltersChange={setContractFilters} />}
          {route.name === 'plans' && <PlansScreen />}
          {route.name === 'invoices' && <InvoicesScreen filters={invoiceFilters} onFiltersChange={setInvoiceFilters} />}
          {route.name === 'receivables' && <ReceivablesScreen />}
          {route.name === 'billingSettings' && <BillingSettingsScreen />}
          {route.name === 'importHistory' && <ImportHistoryScreen />}
          {route.name === 'backups' && <BackupsScreen />}
          {route.name === 'panelSettings' && <PanelsScreen />}
          {route.name === 'actions' && <ActionsScreen />}
          {route.name === 'drift' && <DriftScreen />}
          {route.name === 'companyProfile' && <CompanyProfileScreen />}
          {route.name === 'letterTemplates' && <LetterTemplatesScreen />}
          {route.name === 'printBatch' && <PrintBatchScreen />}
          {route.name === 'riskSettings' && <RiskSettingsScreen />}
          {route.name === 'channelSettings' && <ChannelSettingsScreen />}
          {route.name === 'calls' && <CallTasks />}
          {route.name === 'dashboard' && (
            <DashboardScreen
              onRiskBand={(band) => {
                // The clients of that band: the list's own band filter, the other filters cleared.
                setClientFilters({ ...ALL_CLIENTS, band });
                navigate({ name: 'clients' });
              }}
            />
          )}
          {route.name === 'reports' && <ReportsScreen key={routeKey} preset={route.preset} />}
          {route.name === 'exports' && <ExportsScreen />}
          {route.name === 'accountCodes' && <AccountCodesScreen />}
        </main>
      </div>
    </div>
  );
}
