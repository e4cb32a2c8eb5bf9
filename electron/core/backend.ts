// createBackend: opens (or creates) the book in a data folder, brings it to the current schema,
// and returns the dispatch function every transport calls. It never imports Electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { appHandlers } from './app/appHandlers.js';
import { createAuditLog } from './audit/auditLog.js';
import { clientHandlers } from './clients/clientHandlers.js';
import { createClientRepository } from './clients/clientRepository.js';
import { createTimeline } from './clients/timeline.js';
import { contractHandlers } from './register/contractHandlers.js';
import { demoHandlers } from './demo/demoHandlers.js';
import { createContractRepository } from './register/contractRepository.js';
import { planHandlers } from './register/planHandlers.js';
import { createPlanRepository } from './register/planRepository.js';
import { businessDate } from '../../shared/dates.js';
import { createInvoiceStore } from './billing/invoiceStore.js';
import { createJournal } from './billing/journal.js';
import { createLedger } from './billing/ledger.js';
import { createTaxRates } from './billing/taxRates.js';
import { createAccounts } from './billing/accounts.js';
import { billingHandlers } from './billing/billingHandlers.js';
import { arrangementHandlers } from './billing/arrangements/arrangementHandlers.js';
import { importHandlers } from './billing/import/importHandlers.js';
import { billingRunHandlers } from './billing/run/runHandlers.js';
import { riskHandlers } from './risk/riskHandlers.js';
import { documentHandlers } from './documents/documentHandlers.js';
import { createPaymentQueries } from './billing/paymentQueries.js';
import { systemClock, type Clock } from './clock.js';
import type { Context, Handlers } from './context.js';
import { openDatabase, type Db } from './db/database.js';
import { migrate, type MigrationReport } from './db/migrate.js';
import { createDispatch, type Dispatch } from './dispatch.js';
import { createEventBus, type EventListener } from './events.js';
import { createFileLogger, type Logger } from './log/logger.js';
import { DATABASE_FILE } from './paths.js';
import { confPreferences } from './prefs/confPreferences.js';
import type { Preferences } from './prefs/preferences.js';
import { aesGcmCipher, loadSecretKey } from './secrets/keyFileCipher.js';
import { encryptedFileSecretStore, type SecretStore } from './secrets/secretStore.js';
import { createSettings } from './settings.js';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  /** Defaults to an AES-encrypted file in the data folder (browser mode). */
  secrets?: SecretStore;
  /** Defaults to a `conf` store in the data folder (browser mode). */
  prefs?: Preferences;
  logger?: Logger;
  /** better-sqlite3 built for Electron's ABI, passed by electron/main. */
  nativeBinding?: string;
  /** Who is recorded in the audit log; the local user by default. */
  actor?: string;
  /** Check every answer against the contract's output schema (tests). */
  validateOutput?: boolean;
}

export interface Backend {
  dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  readonly dataDir: string;
  readonly dbFile: string;
  readonly migration: MigrationReport;
  readonly logger: Logger;
  /** For tests and maintenance tools in this process; transports use dispatch only. */
  readonly db: Db;
  close(): void;
}

const handlers: Handlers = {
  ...appHandlers,
  ...clientHandlers,
  ...planHandlers,
  ...contractHandlers,
  ...billingHandlers,
  ...arrangementHandlers,
  ...importHandlers,
  ...billingRunHandlers,
  ...riskHandlers,
  ...documentHandlers,
  ...demoHandlers(() => handlers),
};

export function defaultSecretStore(dataDir: string): SecretStore {
  const { key } = loadSecretKey(join(dataDir, 'secret.key'));
  return encryptedFileSecretStore(join(dataDir, 'secrets.json'), aesGcmCipher(key));
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger(join(dataDir, 'logs'), clock);
  const dbFile = join(dataDir, DATABASE_FILE);

  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  let migration: MigrationReport;
  try {
    migration = migrate(db, { dbFile, now: clock.now(), nativeBinding: options.nativeBinding });
  } catch (error) {
    db.close();
    throw error;
  }
  if (migration.from !== migration.to) logger.log('info', 'book migrated', { ...migration });

  const actor = options.actor ?? userInfo().username;
  const events = createEventBus((error) => logger.error('an event listener failed', error));
  const settings = createSettings(db);
  const audit = createAuditLog(db, { actor: () => actor, now: () => clock.now() });
  const today = () => businessDate(clock.now(), settings.get('timeZone'));
  const nowIso = () => clock.now().toISOString();
  const clients = createClientRepository(db);
  const taxRates = createTaxRates(db);
  const invoices = createInvoiceStore(db);
  const journal = createJournal(db, nowIso);
  const ledger = createLedger({ db, invoices, journal, taxRates, settings, audit, now: nowIso, today, client: (id) => clients.get(id) });
  const ctx: Context = {
    db,
    dataDir,
    clock,
    audit,
    events,
    prefs: options.prefs ?? confPreferences(dataDir),
    secrets: options.secrets ?? defaultSecretStore(dataDir),
    logger,
    settings,
    clients,
    plans: createPlanRepository(db),
    contracts: createContractRepository(db),
    timeline: createTimeline(db),
    actor,
    today,
    taxRates,
    invoices,
    journal,
    ledger,
    payments: createPaymentQueries(db),
    accounts: createAccounts(db),
    transaction: (work) => db.transaction(work)(),
    nativeBinding: options.nativeBinding,
  };

  return {
    dispatch: createDispatch(handlers, ctx, logger, { validateOutput: options.validateOutput }),
    subscribe: events.subscribe,
    dataDir,
    dbFile,
    migration,
    logger,
    db,
    close: () => db.close(),
  };
}
