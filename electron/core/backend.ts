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
import { backupHandlers, quitBackup } from './backup/backupHandlers.js';
import { applyStagedRestore } from './backup/restore.js';
import { backupFolder } from './backup/backupSettings.js';
import { createAppLock, type AppLock } from './lock/appLock.js';
import { lockHandlers } from './lock/lockHandlers.js';
import { LOCK_FREE_METHODS } from '../../shared/api/appLock.js';
import { panelHandlers } from './panels/panelHandlers.js';
import { actionHandlers } from './panels/queue/actionHandlers.js';
import { documentHandlers } from './documents/documentHandlers.js';
import { dunningHandlers } from './ladder/dunningHandlers.js';
import { deliver, type Deliver } from './channels/deliver.js';
import { channelHandlers } from './channels/channelHandlers.js';
import { evidenceHandlers } from './evidence/evidenceHandlers.js';
import { reportHandlers } from './reports/reportHandlers.js';
import { exportHandlers } from './exports/exportHandlers.js';
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
  /** How the ladder's messages go out; the channels' own (SMTP, SMS gateway, print batch) by default. */
  deliver?: Deliver;
}

export interface Backend {
  /** What the transports call: refused while the app is locked, except what unlocking needs. */
  dispatch: Dispatch;
  /** The app's own scheduled work (the daily run), which goes on while the screen is locked. */
  dispatchAsApp: Dispatch;
  subscribe(listener: EventListener): () => void;
  readonly dataDir: string;
  readonly dbFile: string;
  readonly migration: MigrationReport;
  readonly logger: Logger;
  /** For tests and maintenance tools in this process; transports use dispatch only. */
  readonly db: Db;
  close(): void;
  /** Makes the backup on quit (verified, retention applied), then closes. */
  closeWithBackup(): Promise<void>;
}

const handlers: Handlers = {
  ...appHandlers,
  ...lockHandlers,
  ...clientHandlers,
  ...planHandlers,
  ...contractHandlers,
  ...billingHandlers,
  ...arrangementHandlers,
  ...importHandlers,
  ...billingRunHandlers,
  ...riskHandlers,
  ...backupHandlers,
  ...panelHandlers,
  ...actionHandlers,
  ...documentHandlers,
  ...dunningHandlers,
  ...channelHandlers,
  ...evidenceHandlers,
  ...reportHandlers,
  ...demoHandlers(() => handlers),
  ...exportHandlers,
};

export function defaultSecretStore(dataDir: string): SecretStore {
  const { key } = loadSecretKey(join(dataDir, 'secret.key'));
  return encryptedFileSecretStore(join(dataDir, 'secrets.json'), aesGcmCipher(key));
}

/**
 * Opens the book in a data folder. The backend it returns stays the same object for the life of
 * the app, but the book behind it can be replaced: a restore stages the backup and asks for a
 * reopen, and the next call waits while the old book is closed and the restored one opened.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const listeners = new Set<EventListener>();
  const fanOut: EventListener = (event) => listeners.forEach((listener) => listener(event));
  let inFlight = 0;
  let reopening: Promise<void> | null = null;
  let current: OpenBook;
  let unsubscribe: () => void;
  // Per-user things outlive any one book: preferences and the app lock.
  mkdirSync(options.dataDir, { recursive: true });
  const prefs = options.prefs ?? confPreferences(options.dataDir);
  const lock = createAppLock(prefs);

  const open = async () => {
    current = await openBook({ ...options, prefs }, { requestReopen, lock });
    unsubscribe = current.subscribe(fanOut);
  };
  function requestReopen() {
    // Called from inside a handler: the swap waits until that call (and any other) has answered.
    reopening ??= (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      unsubscribe();
      current.close();
      await open();
      reopening = null;
      fanOut({ name: 'app.reopened', payload: { reason: 'restore' } });
    })();
  }
  await open();

  const dispatchAsApp: Dispatch = async (method, input) => {
    while (reopening) await reopening;
    inFlight += 1;
    try {
      return await current.dispatch(method, input);
    } finally {
      inFlight -= 1;
    }
  };
  return {
    async dispatch(method, input) {
      if (lock.locked && !(LOCK_FREE_METHODS as readonly string[]).includes(method)) {
        return { ok: false, error: { code: 'forbidden', message: 'HostLedger is locked: enter the passphrase first.', details: { locked: true } } };
      }
      return dispatchAsApp(method, input);
    },
    dispatchAsApp,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dataDir: options.dataDir,
    get dbFile() {
      return current.dbFile;
    },
    get migration() {
      return current.migration;
    },
    get logger() {
      return current.logger;
    },
    get db() {
      return current.db;
    },
    close: () => current.close(),
    closeWithBackup: () => current.closeWithBackup(),
  };
}

type OpenBook = Omit<Backend, 'dataDir' | 'dispatchAsApp'>;

async function openBook(options: BackendOptions & { prefs: Preferences }, shared: { requestReopen: () => void; lock: AppLock }): Promise<OpenBook> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger(join(dataDir, 'logs'), clock);
  const dbFile = join(dataDir, DATABASE_FILE);
  const { prefs } = options;

  // A restore staged before the last close (or before a crash) takes the book's place first.
  const restoredFrom = applyStagedRestore(dbFile);
  if (restoredFrom) logger.log('info', 'restored book opened', { ...restoredFrom });
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  let migration: MigrationReport;
  try {
    migration = migrate(db, { dbFile, now: clock.now(), nativeBinding: options.nativeBinding, backupDir: backupFolder(prefs, dbFile) });
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
    prefs,
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
    deliver: options.deliver ?? deliver,
    transaction: (work) => db.transaction(work)(),
    nativeBinding: options.nativeBinding,
    requestReopen: shared.requestReopen,
    lock: shared.lock,
  };

  if (restoredFrom) ctx.transaction(() => ctx.audit.append({ action: 'book.restored', entity: 'book', entityId: 'book', data: { ...restoredFrom } }));

  const close = () => {
    if (db.open) db.close();
  };
  return {
    dispatch: createDispatch(handlers, ctx, logger, { validateOutput: options.validateOutput }),
    subscribe: events.subscribe,
    dbFile,
    migration,
    logger,
    db,
    close,
    async closeWithBackup() {
      try {
        await quitBackup(ctx);
      } catch (error) {
        logger.error('the backup on quit failed', error);
      }
      close();
    },
  };
}
