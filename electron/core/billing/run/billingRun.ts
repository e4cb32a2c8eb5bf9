// The daily billing run and its preview. The run plans its work, then writes it in batches of a
// few hundred documents, each batch one IMMEDIATE transaction (it waits its turn behind a window's
// own short writes instead of failing), reporting progress and checking for a cancel between
// batches. The same code runs on the backend's thread for small runs and in a worker thread for
// large ones (runJobs.ts). Running it twice on a day issues nothing new: contracts have moved on,
// each (contract, period) and (invoice, n) is recorded once, and the days up to the last finished
// run are never revisited.
import type { BillingPreviewResult, BillingRunResult } from '../../../../shared/api/billingRun.js';
import { renewalDocumentKind, type DatingWindow } from '../../../../shared/billing/renewals.js';
import { addDays, daysBetween } from '../../../../shared/dates.js';
import type { Invoice } from '../../../../shared/domain/invoice.js';
import { ApiError } from '../../errors.js';
import { createBandTreatments } from '../../risk/bandTreatments.js';
import { createLateFeeCharger } from './chargeLateFee.js';
import { createDueWork } from './dueWork.js';
import { createRenewalIssuer, type Attention } from './issueRenewal.js';
import { createLateFeeRecords } from './lateFeeRecords.js';
import { planWork, type Plan, type WorkItem } from './planWork.js';
import { createRenewalCharges } from './renewalCharges.js';
import { createRunRecords } from './runRecords.js';
import type { RunServices } from './runServices.js';
import { createUsageRecords } from './usageRecords.js';

/**
 * Documents per transaction. In a worker a few hundred: a window's own write waits at most for one
 * batch. On the backend's thread fewer, so the UI's calls are answered between batches within a
 * fraction of a second.
 */
export const BATCH_ITEMS = { worker: 250, thread: 40 } as const;
const LISTED = 500;

export interface RunHooks {
  progress(done: number, total: number): void;
  /** After each batch: whose accounts and which contracts it changed. */
  changed(clientIds: readonly string[], contracts: readonly { id: string; clientId: string }[]): void;
  cancelled(): boolean;
  /** Between batches: gives the thread back to whatever else it serves. */
  pause(): Promise<void>;
}

function tools(services: RunServices, runDay: string, through: string) {
  const { db, settings } = services;
  const billing = settings.get('billing');
  const runs = createRunRecords(db);
  const lastRunDate = runs.lastFinishedDay();
  const window: DatingWindow = { runDay, opensOn: lastRunDate ? addDays(lastRunDate, 1) : runDay, lockDate: billing.lockDate };
  const usage = createUsageRecords(db);
  const fees = createLateFeeRecords(db);
  const charges = createRenewalCharges(db, usage, () => settings.get('timeZone'));
  const plan = () => planWork(createDueWork(db), services.contracts, fees, { window, through, settings: billing, timeZone: settings.get('timeZone') });
  return { runs, lastRunDate, usage, fees, charges, plan };
}

const documentOf = (invoice: Invoice, source: 'renewal' | 'late_fee') => ({
  id: invoice.id,
  number: invoice.number,
  kind: invoice.kind,
  source,
  clientId: invoice.clientId,
  issueDate: invoice.issueDate!,
  dueDate: invoice.dueDate!,
  currency: invoice.currency,
  totalMinor: invoice.totalMinor,
});

/** The books were locked further while the run worked: what now falls inside the lock is dated the run day (DESIGN §4). */
function redateForLock(item: WorkItem, runDay: string): void {
  item.date = runDay;
  item.redatedForLock = true;
  if (item.type === 'renewal' && item.dueDate < runDay) item.dueDate = runDay;
}

export async function runBilling(services: RunServices, request: { runDay: string; jobId: string; batchItems: number }, hooks: RunHooks): Promise<BillingRunResult> {
  const { db } = services;
  const { runs, lastRunDate, usage, fees, charges, plan: makePlan } = tools(services, request.runDay, request.runDay);
  const runId = runs.start(request.runDay, services.at);
  const renewals = createRenewalIssuer(services, charges, usage);
  const lateFees = createLateFeeCharger(services, fees);
  const result: BillingRunResult = {
    runId,
    jobId: request.jobId,
    runDate: request.runDay,
    status: 'finished',
    catchUp: { lastRunDate, daysCaughtUp: lastRunDate ? Math.max(0, daysBetween(lastRunDate, request.runDay) - 1) : 0, backdated: 0, redatedForLock: 0 },
    counts: { invoices: 0, proformas: 0, lateFees: 0, creditNotes: 0, periods: 0, usageRecords: 0, skipped: 0 },
    documents: [],
    lateFees: [],
    attention: [],
  };
  const list = <T>(into: T[], item: T, max = LISTED) => {
    if (into.length < max) into.push(item);
  };
  const noteAttention = (item: Attention) => {
    if (item.kind === 'skipped') result.counts.skipped += 1;
    list(result.attention, item, 200);
  };
  const dated = (item: WorkItem) => {
    if (item.date < request.runDay) result.catchUp.backdated += 1;
    if (item.redatedForLock) result.catchUp.redatedForLock += 1;
  };

  /** One document, in a savepoint: a refusal (say, the books were locked meanwhile) skips it alone. */
  const execute = db.transaction((item: WorkItem, plan: Plan, touched: { clients: Set<string>; contracts: { id: string; clientId: string }[] }) => {
    if (item.type === 'renewal') {
      const outcome = renewals.issue(item, plan.contracts);
      outcome.attention.forEach(noteAttention);
      result.counts.periods += outcome.periods;
      result.counts.usageRecords += outcome.usageRecords;
      touched.contracts.push(...outcome.contracts);
      if (outcome.invoice) {
        result.counts[outcome.invoice.kind === 'proforma' ? 'proformas' : 'invoices'] += 1;
        list(result.documents, documentOf(outcome.invoice, 'renewal'));
        touched.clients.add(item.clientId);
        dated(item);
      }
      for (const note of outcome.creditNotes) {
        result.counts.creditNotes += 1;
        list(result.documents, documentOf(note, 'renewal'));
      }
      return;
    }
    const fee = lateFees.figure(item);
    if (!fee) return;
    const issued = lateFees.charge(item, fee);
    result.counts.lateFees += 1;
    list(result.documents, documentOf(issued, 'late_fee'));
    list(result.lateFees, { invoiceId: item.invoiceId, n: item.n, dueDate: item.feeDate, feeInvoiceId: issued.id, amountMinor: fee.amountMinor });
    touched.clients.add(item.clientId);
    dated(item);
  });

  try {
    const plan = makePlan();
    const total = plan.items.length;
    hooks.progress(0, total);
    for (let start = 0; start < total; start += request.batchItems) {
      if (hooks.cancelled()) {
        result.status = 'cancelled';
        break;
      }
      const touched = { clients: new Set<string>(), contracts: [] as { id: string; clientId: string }[] };
      db.transaction(() => {
        const before = { invoices: result.counts.invoices + result.counts.proformas, fees: result.counts.lateFees };
        // Read once per batch: no one else can lock the books while this IMMEDIATE transaction holds them.
        const { lockDate } = services.settings.get('billing');
        for (const item of plan.items.slice(start, start + request.batchItems)) {
          if (lockDate !== null && item.date <= lockDate) redateForLock(item, request.runDay);
          try {
            execute(item, plan, touched);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            noteAttention({ kind: 'skipped', contractId: null, invoiceId: item.type === 'late_fee' ? item.invoiceId : null, amountMinor: null, message: error.message });
          }
        }
        runs.count(runId, result.counts.invoices + result.counts.proformas - before.invoices, result.counts.lateFees - before.fees);
      }).immediate();
      hooks.changed([...touched.clients], touched.contracts);
      hooks.progress(Math.min(start + request.batchItems, total), total);
      await hooks.pause();
    }
    runs.finish(runId, result.status, services.at);
    return result;
  } catch (error) {
    // What the finished batches issued stays (each is whole); the run is recorded as failed.
    runs.finish(runId, 'failed', services.at);
    throw error;
  }
}

export async function previewBilling(
  services: RunServices,
  request: { runDay: string; through: string; limit: number; batchItems: number },
  hooks: Pick<RunHooks, 'progress' | 'pause'>,
): Promise<BillingPreviewResult> {
  const { lastRunDate, fees, charges, plan: makePlan } = tools(services, request.runDay, request.through);
  const { clients, contracts, ledger } = services;
  const lateFees = createLateFeeCharger(services, fees);
  const bands = createBandTreatments(services.db);
  const plan = makePlan();
  const result: BillingPreviewResult = {
    asOf: request.runDay,
    through: request.through,
    lastRunDate,
    counts: { invoices: 0, proformas: 0, lateFees: 0, creditNotes: 0, periods: 0, usageRecords: 0 },
    totals: [],
    documents: [],
    moreDocuments: 0,
  };
  const totals = new Map<string, BillingPreviewResult['totals'][number]>();
  const totalOf = (currency: string) => totals.get(currency) ?? totals.set(currency, { currency, invoicedMinor: 0, lateFeesMinor: 0, creditMinor: 0 }).get(currency)!;
  const feesCounted = new Map<string, number>();
  const total = plan.items.length;
  hooks.progress(0, total);

  for (const [index, item] of plan.items.entries()) {
    let document: BillingPreviewResult['documents'][number] | null = null;
    if (item.type === 'renewal') {
      const client = clients.get(item.clientId)!;
      let credits = 0;
      const drafts = item.members.flatMap(({ contractId, period }) => {
        const contract = contracts.get(contractId)!;
        const progress = plan.contracts.get(contractId)!;
        const charge = charges.chargeFor(contract, period, client.language, progress);
        progress.changesSettled = true;
        charge.usageIds.forEach((id) => progress.usageTaken.add(id));
        result.counts.periods += 1;
        result.counts.usageRecords += charge.usageIds.length;
        if (charge.credits.length > 0) {
          credits += ledger.priceLines(client, charge.credits.map((c) => ({ kind: 'adjustment', description: c.reason, quantityMilli: 1000, unitPriceMinor: c.amountMinor }))).reduce((s, l) => s + l.totalMinor, 0);
          result.counts.creditNotes += 1;
        }
        return charge.lines;
      });
      if (drafts.length > 0) {
        const lines = ledger.priceLines(client, drafts);
        const kind = renewalDocumentKind(client, bands.renewalsAsProforma(client.id));
        result.counts[kind === 'proforma' ? 'proformas' : 'invoices'] += 1;
        document = { kind, source: 'renewal', clientId: client.id, clientName: client.name, issueDate: item.date, dueDate: item.dueDate, currency: client.currency, lines, netMinor: 0, taxMinor: 0, totalMinor: 0, creditMinor: credits };
        totalOf(client.currency).invoicedMinor += lines.reduce((s, l) => s + l.totalMinor, 0);
      }
      totalOf(client.currency).creditMinor += credits;
    } else {
      const fee = lateFees.figure(item, feesCounted.get(item.invoiceId) ?? 0);
      if (fee) {
        feesCounted.set(item.invoiceId, (feesCounted.get(item.invoiceId) ?? 0) + fee.amountMinor);
        const client = clients.get(item.clientId)!;
        const lines = ledger.priceLines(client, [{ kind: 'late_fee', description: fee.description, quantityMilli: 1000, unitPriceMinor: fee.amountMinor }]);
        result.counts.lateFees += 1;
        document = { kind: 'invoice', source: 'late_fee', clientId: client.id, clientName: client.name, issueDate: item.date, dueDate: addDays(item.date, services.settings.get('billing').paymentTermsDays), currency: client.currency, lines, netMinor: 0, taxMinor: 0, totalMinor: 0, creditMinor: 0 };
        totalOf(client.currency).lateFeesMinor += lines[0]!.totalMinor;
      }
    }
    if (document) {
      document.netMinor = document.lines.reduce((s, l) => s + l.netMinor, 0);
      document.taxMinor = document.lines.reduce((s, l) => s + l.taxMinor, 0);
      document.totalMinor = document.netMinor + document.taxMinor;
      if (result.documents.length < request.limit) result.documents.push(document);
      else result.moreDocuments += 1;
    }
    if ((index + 1) % request.batchItems === 0) {
      hooks.progress(index + 1, total);
      await hooks.pause();
    }
  }
  hooks.progress(total, total);
  result.totals = [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  return result;
}
