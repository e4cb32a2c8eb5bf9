// Issues one renewal invoice (or proforma) through the ledger and moves its contracts on: each
// contract period is recorded in `renewals` in the same transaction (so it is invoiced once,
// ever), its usage records are marked with the invoice, and its next due date advances one cycle
// through the contracts repository, with an audit entry the next renewal reads price changes from.
import type { Contract } from '../../../../shared/domain/contract.js';
import type { Invoice } from '../../../../shared/domain/invoice.js';
import { renewalDocumentKind, type RenewalPeriod } from '../../../../shared/billing/renewals.js';
import { createBandTreatments } from '../../risk/bandTreatments.js';
import type { ContractRecord } from '../../register/contractRepository.js';
import type { LineDraft } from '../ledger.js';
import type { RenewalWork } from './planWork.js';
import type { ContractCharge, ContractProgress, RenewalCharges } from './renewalCharges.js';
import type { RunServices } from './runServices.js';
import type { UsageRecords } from './usageRecords.js';

export interface Attention {
  kind: 'skipped' | 'credit_not_applied';
  contractId: string | null;
  invoiceId: string | null;
  amountMinor: number | null;
  message: string;
}

export interface RenewalOutcome {
  invoice: Invoice | null;
  creditNotes: Invoice[];
  periods: number;
  usageRecords: number;
  attention: Attention[];
  /** Contracts whose due date moved (the contracts view refreshes them). */
  contracts: { id: string; clientId: string }[];
}

const recordOf = (contract: Contract): ContractRecord => {
  const { clientName: _c, planName: _p, version: _v, createdAt: _a, updatedAt: _u, ...record } = contract;
  return record;
};

/** Why a planned period can no longer be billed as planned; null when it can. */
function changedSincePlanned(contract: Contract | null, period: RenewalPeriod, progress: ContractProgress | undefined): string | null {
  if (!contract || !progress) return 'The contract no longer exists.';
  if (contract.version !== progress.version || (!period.settlement && contract.nextDueDate !== period.start)) {
    return `The contract for ${contract.label} changed while the billing run worked; the next run bills it.`;
  }
  return null;
}

export function createRenewalIssuer(services: RunServices, charges: RenewalCharges, usage: UsageRecords) {
  const { db, ledger, contracts, clients, audit } = services;
  const invoicedBy = db.prepare<[string, string], string>('SELECT invoice_id FROM renewals WHERE contract_id = ? AND period_start = ?').pluck();
  const insertRenewal = db.prepare('INSERT INTO renewals (contract_id, period_start, period_end, invoice_id) VALUES (?, ?, ?, ?)');
  const bands = createBandTreatments(db);

  /** Moves the contract past a period, recording which invoice billed it (none: it came to nothing). */
  function advance(contract: Contract, period: RenewalPeriod, invoiceId: string | null, progress: ContractProgress): void {
    let version = contract.version;
    if (!period.settlement) {
      version = contracts.update({ ...recordOf(contract), nextDueDate: period.nextDue }, contract.status, services.at, services.actor).version;
    }
    audit.append({
      action: 'contract.renewed',
      entity: 'contract',
      entityId: contract.id,
      data: { periodStart: period.start, periodEnd: period.end, invoiceId, nextDueDate: { from: contract.nextDueDate, to: period.settlement ? contract.nextDueDate : period.nextDue } },
    });
    Object.assign(progress, { version, changesSettled: true });
  }

  /**
   * A downgrade is a credit note against the renewal invoice, not a negative line: the days at
   * the higher price were invoiced on an earlier, immutable invoice, and a reduction of what was
   * invoiced is documented as a credit with its reason (posted to credit notes and discounts).
   * It can credit at most what the invoice leaves open — a proforma is no receivable, and credit
   * already applied may have paid the invoice. HostLedger has no credit balance without a payment
   * behind it (the ledger check holds customer credit to unallocated payments), so what cannot be
   * credited is reported for the reseller to refund or credit by hand, never dropped in silence.
   */
  function creditDowngrades(invoice: Invoice | null, charge: ContractCharge, date: string): { notes: Invoice[]; attention: Attention[] } {
    if (charge.credits.length === 0) return { notes: [], attention: [] };
    const client = clients.get(charge.contract.clientId)!;
    const drafts: LineDraft[] = charge.credits.map((c) => ({ kind: 'adjustment', description: c.reason, quantityMilli: 1000, unitPriceMinor: c.amountMinor }));
    const owed = ledger.priceLines(client, drafts).reduce((sum, line) => sum + line.totalMinor, 0);
    const open = invoice?.kind === 'invoice' ? services.invoices.get(invoice.id)!.openMinor : 0;
    const amount = Math.min(owed, open);
    const notes = amount > 0 ? [ledger.creditNote({ invoiceId: invoice!.id, reason: charge.credits.map((c) => c.reason).join('; '), amountMinor: amount, date })] : [];
    const left = owed - amount;
    if (left === 0) return { notes, attention: [] };
    audit.append({ action: 'billing.credit_not_applied', entity: 'contract', entityId: charge.contract.id, data: { invoiceId: invoice?.id ?? null, amountMinor: left } });
    const where = invoice ? ` on ${invoice.number}` : '';
    return {
      notes,
      attention: [{ kind: 'credit_not_applied', contractId: charge.contract.id, invoiceId: invoice?.id ?? null, amountMinor: left, message: `${charge.contract.label}: ${left} of a downgrade credit could not be credited${where}; refund it or credit another invoice.` }],
    };
  }

  return {
    issue(work: RenewalWork, progressOf: Map<string, ContractProgress>): RenewalOutcome {
      const client = clients.get(work.clientId)!;
      const outcome: RenewalOutcome = { invoice: null, creditNotes: [], periods: 0, usageRecords: 0, attention: [], contracts: [] };
      const billed: ContractCharge[] = [];
      for (const member of work.members) {
        const contract = contracts.get(member.contractId);
        const progress = progressOf.get(member.contractId);
        const problem = changedSincePlanned(contract, member.period, progress);
        if (problem) {
          outcome.attention.push({ kind: 'skipped', contractId: member.contractId, invoiceId: null, amountMinor: null, message: problem });
          continue;
        }
        // A due date moved back by hand onto a period already invoiced: step past it, never bill it twice.
        const already = invoicedBy.get(member.contractId, member.period.start);
        if (already) {
          advance(contract!, member.period, already, progress!);
          continue;
        }
        billed.push(charges.chargeFor(contract!, member.period, client.language, progress!));
      }
      const lines = billed.flatMap((charge) => charge.lines);
      if (lines.length > 0) {
        const draft = ledger.createDraft({ clientId: client.id, kind: renewalDocumentKind(client, bands.renewalsAsProforma(client.id)), dueDate: work.dueDate, lines, source: 'renewal' });
        outcome.invoice = ledger.issue(draft.id, work.date);
      }
      const invoice = outcome.invoice;
      for (const charge of billed) {
        const onInvoice = invoice !== null && charge.lines.length > 0;
        // A settlement with no usage to bill writes nothing: there is no period to close.
        if (charge.period.settlement && !onInvoice) continue;
        if (onInvoice) {
          insertRenewal.run(charge.contract.id, charge.period.start, charge.period.end, invoice.id);
          usage.markBilled(charge.usageIds, invoice.id);
          outcome.usageRecords += charge.usageIds.length;
        }
        // A period that came to nothing (a free service) is not invoiced; the contract still moves on.
        advance(charge.contract, charge.period, onInvoice ? invoice.id : null, progressOf.get(charge.contract.id)!);
        outcome.periods += 1;
        outcome.contracts.push({ id: charge.contract.id, clientId: charge.contract.clientId });
        const credited = creditDowngrades(invoice, charge, work.date);
        outcome.creditNotes.push(...credited.notes);
        outcome.attention.push(...credited.attention);
      }
      // A prepay client's credit pays the proforma at once: it becomes the invoice (the ledger converts it).
      if (invoice?.kind === 'proforma' && services.settings.get('billing').applyCreditAutomatically && ledger.paymentCredit(client.id) >= invoice.totalMinor) {
        ledger.applyCredit(client.id, work.date);
      }
      return outcome;
    },
  };
}
