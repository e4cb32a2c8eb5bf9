// What the billing run works with. On the UI's thread these are the backend's own services; in a
// worker thread the same services are built again over the worker's own connection to the book.
import { createAuditLog, type AuditLog } from '../../audit/auditLog.js';
import { createClientRepository, type ClientRepository } from '../../clients/clientRepository.js';
import type { Context } from '../../context.js';
import type { Db } from '../../db/database.js';
import { createContractRepository, type ContractRepository } from '../../register/contractRepository.js';
import { createSettings, type Settings } from '../../settings.js';
import { createInvoiceStore, type InvoiceStore } from '../invoiceStore.js';
import { createJournal } from '../journal.js';
import { createLedger, type Ledger } from '../ledger.js';
import { createTaxRates } from '../taxRates.js';

export interface RunServices {
  db: Db;
  settings: Settings;
  audit: AuditLog;
  clients: ClientRepository;
  contracts: ContractRepository;
  invoices: InvoiceStore;
  ledger: Ledger;
  actor: string;
  /** The moment of the run (ISO): every row it writes carries it. */
  at: string;
}

export function servicesOf(ctx: Context): RunServices {
  return { db: ctx.db, settings: ctx.settings, audit: ctx.audit, clients: ctx.clients, contracts: ctx.contracts, invoices: ctx.invoices, ledger: ctx.ledger, actor: ctx.actor, at: ctx.clock.now().toISOString() };
}

/** The services over another connection (a worker's), wired as createBackend wires them. */
export function servicesOver(db: Db, env: { at: string; actor: string; runDay: string }): RunServices {
  const settings = createSettings(db);
  const now = () => env.at;
  const audit = createAuditLog(db, { actor: () => env.actor, now: () => new Date(env.at) });
  const clients = createClientRepository(db);
  const invoices = createInvoiceStore(db);
  const journal = createJournal(db, now);
  const taxRates = createTaxRates(db);
  const ledger = createLedger({ db, invoices, journal, taxRates, settings, audit, now, today: () => env.runDay, client: (id) => clients.get(id) });
  return { db, settings, audit, clients, contracts: createContractRepository(db), invoices, ledger, actor: env.actor, at: env.at };
}
