// A run's work, decided before anything is written: every renewal invoice and late fee due by the
// horizon, each with the date it will carry, in the order they will be issued — by date, so that
// after days the app was closed the invoice numbers still follow the invoice dates.
import type { BillingSettings } from '../../../../shared/billing/settings.js';
import { feeOccurrences } from '../../../../shared/billing/lateFees.js';
import { billsUsage, issueDateFor, periodsDue, usageSettlement, type DatingWindow, type RenewalPeriod } from '../../../../shared/billing/renewals.js';
import { businessDate } from '../../../../shared/dates.js';
import { LIVE_STATUSES, type Contract } from '../../../../shared/domain/contract.js';
import type { ContractRepository } from '../../register/contractRepository.js';
import type { DueWork } from './dueWork.js';
import type { LateFeeRecords } from './lateFeeRecords.js';
import { termsOf, type ContractProgress } from './renewalCharges.js';

export interface RenewalWork {
  type: 'renewal';
  date: string;
  redatedForLock: boolean;
  clientId: string;
  dueDate: string;
  /** One contract period each; several when the client's contracts share an invoice. */
  members: { contractId: string; period: RenewalPeriod }[];
}

export interface LateFeeWork {
  type: 'late_fee';
  date: string;
  redatedForLock: boolean;
  clientId: string;
  invoiceId: string;
  n: number;
  /** The day the fee fell due (its date unless that day is locked). */
  feeDate: string;
}

export type WorkItem = RenewalWork | LateFeeWork;

export interface Plan {
  items: WorkItem[];
  /** Per contract: what it looked like when planned, updated as its periods are issued. */
  contracts: Map<string, ContractProgress>;
}

export interface PlanInput {
  window: DatingWindow;
  through: string;
  settings: BillingSettings;
  timeZone: string;
}

/** The periods the run bills for a contract: its renewals while it renews, and a usage contract's final settlement. */
function periodsOf(contract: Contract, input: PlanInput): RenewalPeriod[] {
  const terms = termsOf(contract);
  if (LIVE_STATUSES.includes(contract.status) && contract.autoRenew) return periodsDue(terms, { leadDays: input.settings.renewalLeadDays, through: input.through });
  const settlement = usageSettlement(terms, input.through);
  return settlement ? [settlement] : [];
}

export function planWork(due: DueWork, contracts: ContractRepository, fees: LateFeeRecords, input: PlanInput): Plan {
  const { window, settings } = input;
  const dueWindow = { opensOn: window.opensOn, through: input.through, leadDays: settings.renewalLeadDays, lateFee: settings.lateFee };
  const progress = new Map<string, ContractProgress>();
  const groups = new Map<string, RenewalWork>();

  for (const row of due.contracts(dueWindow)) {
    const contract = contracts.get(row.id);
    if (!contract) continue;
    progress.set(contract.id, { version: contract.version, changesSettled: false, usageTaken: new Set() });
    // Nothing is dated before the day the contract was entered.
    const entered = businessDate(new Date(contract.createdAt), input.timeZone);
    for (const period of periodsOf(contract, input)) {
      const { date, redatedForLock } = issueDateFor(period.intendedDate, window, entered);
      // Shared invoices: a client's contracts due on one day, billed the same way (usage contracts are invoiced on the day itself).
      const key = settings.shareInvoicePerClient ? `${contract.clientId}|${period.start}|${billsUsage(contract)}` : `${contract.id}|${period.start}`;
      const group = groups.get(key);
      if (group) {
        group.members.push({ contractId: contract.id, period });
        if (date > group.date) Object.assign(group, { date, dueDate: period.start > date ? period.start : date });
        group.redatedForLock ||= redatedForLock;
      } else {
        groups.set(key, { type: 'renewal', date, redatedForLock, clientId: contract.clientId, dueDate: period.start > date ? period.start : date, members: [{ contractId: contract.id, period }] });
      }
    }
  }

  const lateFees: LateFeeWork[] = [];
  for (const invoice of due.feeCandidates(dueWindow)) {
    for (const occurrence of feeOccurrences(invoice.due_date, settings.lateFee, input.through)) {
      // Days up to the last finished run were assessed by it; a fee is never charged twice.
      if (occurrence.date < window.opensOn || fees.has(invoice.id, occurrence.n)) continue;
      const { date, redatedForLock } = issueDateFor(occurrence.date, window);
      lateFees.push({ type: 'late_fee', date, redatedForLock, clientId: invoice.client_id, invoiceId: invoice.id, n: occurrence.n, feeDate: occurrence.date });
    }
  }

  // A stable sort: within a day renewals come first, in client order, then fees by their invoice's due date.
  const items: WorkItem[] = [...groups.values(), ...lateFees].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { items, contracts: progress };
}
