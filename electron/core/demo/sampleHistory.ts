// Two years of billing history for the sample book: every contract's past periods in the last 24
// months invoiced (as the billing run would have, and recorded as renewals so it never invoices
// them again), and paid the way a reseller's clients pay — most on time, some late, some in part,
// a few not at all — with the odd discount as a credit note. Everything goes through the ledger,
// in date order across the book, so numbers run in time and the ledger check holds.
import { addDays, addMonths } from '../../../shared/dates.js';
import { lineText } from '../../../shared/billing/lineText.js';
import { dueAfter, dueBefore } from '../../../shared/billing/renewals.js';
import { mulDiv } from '../../../shared/billing/rounding.js';
import type { BillingCycle } from '../../../shared/domain/billingCycle.js';
import type { PaymentMethod } from '../../../shared/domain/invoice.js';
import type { Language } from '../../../shared/domain/language.js';
import { createLedger, type Ledger } from '../billing/ledger.js';
import type { Context } from '../context.js';
import type { BookSettings, Settings } from '../settings.js';
import type { Random } from './random.js';

export interface SampleHistory {
  invoices: number;
  payments: number;
  creditNotes: number;
  /**
   * Clients left with overdue invoices, oldest debt first. The hook for payment plans and promises
   * in the sample book: the arrangements module picks its examples from these.
   */
  overdueClientIds: string[];
}

interface ContractRow {
  id: string;
  client_id: string;
  label: string;
  price_minor: number;
  cycle: BillingCycle;
  start_date: string;
  next_due_date: string;
  end_date: string | null;
  language: Language;
}

/** How a client pays: most promptly; some late, some in part; a few stop paying. */
type Habit = 'prompt' | 'late' | 'partial' | 'stops';

type Event =
  | { date: string; order: number; kind: 'issue'; key: number; contract: ContractRow; periodStart: string; periodEnd: string; issueDate: string; dueDate: string }
  | { date: string; order: number; kind: 'credit'; key: number; percent: number; language: Language }
  | { date: string; order: number; kind: 'pay'; key: number; percent: number | 'rest'; method: PaymentMethod; reference: string | null };

const HISTORY_MONTHS = 24;
const LEAD_DAYS = 14;

function habitOf(random: Random): Habit {
  const roll = random.next();
  return roll < 0.7 ? 'prompt' : roll < 0.87 ? 'late' : roll < 0.95 ? 'partial' : 'stops';
}

const methodsFor = (language: Language): PaymentMethod[] => (language === 'zh-CN' ? ['alipay', 'wechat_pay', 'bank_transfer'] : ['bank_transfer', 'card', 'paypal', 'card']);

/** The periods of a contract that began in the window and before its next due date, oldest first. */
function pastPeriods(contract: ContractRow, windowStart: string): { start: string; end: string }[] {
  const terms = { cycle: contract.cycle, startDate: contract.start_date, nextDueDate: contract.next_due_date };
  const periods: { start: string; end: string }[] = [];
  for (let start = dueBefore(contract.next_due_date, terms); start >= contract.start_date && start >= windowStart; start = dueBefore(start, terms)) {
    if (contract.end_date && start >= contract.end_date) continue;
    periods.unshift({ start, end: addDays(dueAfter(start, terms), -1) });
  }
  return periods;
}

/**
 * The ledger, reading the book's settings once: settings.get re-reads and re-parses them (and asks
 * Intl for the system time zone) on every call, which the ledger makes several times per
 * invoice — over a third of this module's time. Nothing here changes a setting.
 */
function ledgerWithSettingsRead(ctx: Context): Ledger {
  const read = new Map<keyof BookSettings, unknown>();
  const settings: Settings = {
    get<K extends keyof BookSettings>(key: K): BookSettings[K] {
      if (!read.has(key)) read.set(key, ctx.settings.get(key));
      return read.get(key) as BookSettings[K];
    },
    set: ctx.settings.set,
  };
  const now = () => ctx.clock.now().toISOString();
  return createLedger({ db: ctx.db, invoices: ctx.invoices, journal: ctx.journal, taxRates: ctx.taxRates, settings, audit: ctx.audit, now, today: ctx.today, client: (id) => ctx.clients.get(id) });
}

export function addSampleHistory(ctx: Context, random: Random): SampleHistory {
  const ledger = ledgerWithSettingsRead(ctx);
  const today = ctx.today();
  const windowStart = addMonths(today, -HISTORY_MONTHS);
  const contracts = ctx.db
    .prepare<[], ContractRow>(
      `SELECT k.id, k.client_id, k.label, k.price_minor, k.cycle, k.start_date, k.next_due_date, k.end_date, c.language
       FROM contracts k JOIN clients c ON c.id = k.client_id WHERE k.price_minor > 0 ORDER BY k.seq`,
    )
    .all();
  const habits = new Map<string, { habit: Habit; stopsFrom: string }>();
  const events: Event[] = [];
  let key = 0;
  const on = (date: string) => (date > today ? null : date);

  for (const contract of contracts) {
    let client = habits.get(contract.client_id);
    if (!client) {
      client = { habit: habitOf(random), stopsFrom: addDays(today, -random.int(40, 150)) };
      habits.set(contract.client_id, client);
    }
    const methods = methodsFor(contract.language);
    for (const period of pastPeriods(contract, windowStart)) {
      key += 1;
      const issueDate = period.start === contract.start_date ? contract.start_date : addDays(period.start, -LEAD_DAYS);
      const dueDate = period.start;
      events.push({ date: issueDate, order: 0, kind: 'issue', key, contract, periodStart: period.start, periodEnd: period.end, issueDate, dueDate });
      const discountOn = on(addDays(issueDate, 1));
      if (discountOn && random.chance(0.03)) events.push({ date: discountOn, order: 1, kind: 'credit', key, percent: random.int(10, 25), language: contract.language });

      // Nobody pays an invoice before it exists: an early payment is dated the day it was issued.
      const pay = (date: string | null, percent: number | 'rest') => {
        if (date) events.push({ date: date < issueDate ? issueDate : date, order: 2, kind: 'pay', key, percent, method: random.pick(methods), reference: random.chance(0.6) ? `TX${random.int(100000, 999999)}` : null });
      };
      const onTime = () => addDays(dueDate, -random.int(0, LEAD_DAYS - 1));
      const late = (from: number, to: number) => addDays(dueDate, random.int(from, to));
      switch (client.habit) {
        case 'prompt':
          pay(on(random.chance(0.95) ? onTime() : late(3, 20)), 'rest');
          break;
        case 'late':
          if (random.chance(0.95)) pay(on(random.chance(0.4) ? onTime() : late(5, 60)), 'rest');
          break;
        case 'partial': {
          pay(on(late(0, 15)), random.int(40, 80));
          if (random.chance(0.7)) pay(on(late(30, 90)), 'rest');
          break;
        }
        case 'stops':
          if (dueDate < client.stopsFrom) pay(on(random.chance(0.7) ? onTime() : late(5, 30)), 'rest');
          break;
      }
    }
  }

  // In date order across the book: invoices, then credit notes, then payments of a day.
  events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order || a.key - b.key);
  const invoiceOf = new Map<number, string>();
  const recordRenewal = ctx.db.prepare('INSERT INTO renewals (contract_id, period_start, period_end, invoice_id) VALUES (?, ?, ?, ?)');
  const history: SampleHistory = { invoices: 0, payments: 0, creditNotes: 0, overdueClientIds: [] };
  for (const event of events) {
    if (event.kind === 'issue') {
      const { contract } = event;
      const draft = ledger.createDraft({
        clientId: contract.client_id,
        kind: 'invoice',
        dueDate: event.dueDate,
        source: 'renewal',
        lines: [
          {
            description: lineText.service(contract.language, contract.label, event.periodStart, event.periodEnd),
            kind: 'service',
            quantityMilli: 1000,
            unitPriceMinor: contract.price_minor,
            contractId: contract.id,
            periodStart: event.periodStart,
            periodEnd: event.periodEnd,
          },
        ],
      });
      ledger.issue(draft.id, event.issueDate);
      recordRenewal.run(contract.id, event.periodStart, event.periodEnd, draft.id);
      invoiceOf.set(event.key, draft.id);
      history.invoices += 1;
      continue;
    }
    const invoice = ctx.invoices.get(invoiceOf.get(event.key)!)!;
    if (invoice.openMinor === 0) continue;
    if (event.kind === 'credit') {
      const zh = event.language === 'zh-CN';
      ledger.creditNote({
        invoiceId: invoice.id,
        amountMinor: Math.max(1, mulDiv(invoice.totalMinor, event.percent, 100)),
        reason: zh ? '老客户续费折扣' : 'Loyalty discount on renewal',
        approvedBy: zh ? '销售部' : 'Sales',
        date: event.date,
      });
      history.creditNotes += 1;
      continue;
    }
    const amount = event.percent === 'rest' ? invoice.openMinor : Math.min(invoice.openMinor, Math.max(1, mulDiv(invoice.totalMinor, event.percent, 100)));
    ledger.recordPayment({ clientId: invoice.clientId, date: event.date, amountMinor: amount, method: event.method, reference: event.reference, allocations: [{ invoiceId: invoice.id, amountMinor: amount }] });
    history.payments += 1;
  }

  history.overdueClientIds = ctx.db
    .prepare<[string], string>(
      `SELECT client_id FROM invoices WHERE kind = 'invoice' AND status = 'issued' AND open_minor > 0 AND due_date < ?
       GROUP BY client_id ORDER BY min(due_date), client_id`,
    )
    .pluck()
    .all(today);
  return history;
}
