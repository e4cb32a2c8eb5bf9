// What every handler is given: the book and the services around it. Built once per backend.
import type { MethodName, Output, ParsedInput } from '../../shared/api/methods.js';
import type { AuditLog } from './audit/auditLog.js';
import type { AppLock } from './lock/appLock.js';
import type { ClientRepository } from './clients/clientRepository.js';
import type { TimelineEntry } from '../../shared/domain/client.js';
import type { ContractRepository } from './register/contractRepository.js';
import type { PlanRepository } from './register/planRepository.js';
import type { InvoiceStore } from './billing/invoiceStore.js';
import type { Journal } from './billing/journal.js';
import type { Ledger } from './billing/ledger.js';
import type { TaxRates } from './billing/taxRates.js';
import type { Accounts } from './billing/accounts.js';
import type { PaymentQueries } from './billing/paymentQueries.js';
import type { Deliver } from './channels/deliver.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import type { EventBus } from './events.js';
import type { Logger } from './log/logger.js';
import type { Preferences } from './prefs/preferences.js';
import type { SecretStore } from './secrets/secretStore.js';
import type { Settings } from './settings.js';

export interface Context {
  db: Db;
  dataDir: string;
  clock: Clock;
  audit: AuditLog;
  events: EventBus;
  prefs: Preferences;
  secrets: SecretStore;
  logger: Logger;
  settings: Settings;
  clients: ClientRepository;
  plans: PlanRepository;
  contracts: ContractRepository;
  timeline(clientId: string, limit: number): TimelineEntry[];
  taxRates: TaxRates;
  invoices: InvoiceStore;
  journal: Journal;
  /** Issuing, crediting, paying: the operations that keep invoices and the journal in step. */
  ledger: Ledger;
  payments: PaymentQueries;
  accounts: Accounts;
  /** How the arrears ladder reaches a client: email, SMS, a printed letter (electron/core/channels). */
  deliver: Deliver;
  /** Who is recorded as making changes (the local user). */
  actor: string;
  /** Today's business date (YYYY-MM-DD) in the book's time zone. */
  today(): string;
  /** Runs `work` in one transaction: all of its writes and audit rows commit together, or none. */
  transaction<T>(work: () => T): T;
  /** better-sqlite3's Electron build, for connections opened outside the main one (import workers). */
  nativeBinding?: string;
  /** The optional app lock (per user, not per book). */
  lock: AppLock;
  /** Closes this book and opens the one in the data folder again once the current calls have answered (after a restore). */
  requestReopen(): void;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Context) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlersOf<Ms> = { [M in keyof Ms & MethodName]: Handler<M> };
