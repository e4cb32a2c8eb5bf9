// What one period of one contract comes to on its renewal invoice: the service line (or the
// prorated final period), the usage of the period that just ended, and the settlement of price
// changes made since the contract was last renewed. Reads only; the caller writes.
import { lineText } from '../../../../shared/billing/lineText.js';
import {
  billsUsage,
  periodDays,
  priceChangeAdjustments,
  prorate,
  usagePeriodBefore,
  type PriceAdjustment,
  type PriceChange,
  type RenewalPeriod,
  type RenewalTerms,
} from '../../../../shared/billing/renewals.js';
import { usageCharges } from '../../../../shared/billing/usagePricing.js';
import { addDays, businessDate } from '../../../../shared/dates.js';
import type { Language } from '../../../../shared/domain/language.js';
import type { Contract } from '../../../../shared/domain/contract.js';
import type { Db } from '../../db/database.js';
import type { LineDraft } from '../ledger.js';
import type { UsageRecords } from './usageRecords.js';

/** What the run remembers about a contract between its periods within one run (or preview). */
export interface ContractProgress {
  version: number;
  /** Price changes are settled once, with the first renewal after them. */
  changesSettled: boolean;
  /** Usage records already put on an earlier document of this run (a preview writes no marks). */
  usageTaken: Set<string>;
}

export interface ContractCharge {
  contract: Contract;
  period: RenewalPeriod;
  lines: LineDraft[];
  /** Downgrades: what the client is owed for days already invoiced at a higher price (price terms, positive). */
  credits: { amountMinor: number; reason: string }[];
  usageIds: string[];
}

export const termsOf = (contract: Contract): RenewalTerms => ({
  startDate: contract.startDate,
  nextDueDate: contract.nextDueDate,
  endDate: contract.endDate,
  cycle: contract.cycle,
  pricingModel: contract.pricingModel,
});

interface ChangeRow {
  at: string;
  data_json: string;
}

export function createRenewalCharges(db: Db, usage: UsageRecords, timeZone: () => string) {
  const lastRenewed = db
    .prepare<[string], number | null>(`SELECT max(seq) FROM audit_log WHERE entity = 'contract' AND entity_id = ? AND action = 'contract.renewed'`)
    .pluck();
  const updatesSince = db.prepare<[string, number], ChangeRow>(
    `SELECT at, data_json FROM audit_log WHERE entity = 'contract' AND entity_id = ? AND action = 'contract.updated' AND seq > ? ORDER BY seq`,
  );
  // A settlement row covers no days of service (it ends the day before it starts), so it is no period a price applied to.
  const invoicedPeriods = db.prepare<[string, string], { period_start: string; period_end: string }>(
    'SELECT period_start, period_end FROM renewals WHERE contract_id = ? AND period_end >= ? AND period_end >= period_start ORDER BY period_start',
  );
  const lastInvoicedStart = db.prepare<[string], string | null>('SELECT max(period_start) FROM renewals WHERE contract_id = ? AND period_end >= period_start').pluck();

  /**
   * Price changes recorded in the audit log since the contract's last renewal by the run: the
   * changes that periods already invoiced do not reflect. Each applies from the business day it
   * was made on.
   */
  function priceChangesSinceRenewal(contractId: string): PriceChange[] {
    const since = lastRenewed.get(contractId) ?? 0;
    return updatesSince.all(contractId, since).flatMap((row) => {
      const change = (JSON.parse(row.data_json) as { priceMinor?: { from?: unknown; to?: unknown } }).priceMinor;
      if (typeof change?.from !== 'number' || typeof change.to !== 'number') return [];
      return [{ date: businessDate(new Date(row.at), timeZone()), fromMinor: change.from, toMinor: change.to }];
    });
  }

  function priceAdjustments(contract: Contract): PriceAdjustment[] {
    const changes = priceChangesSinceRenewal(contract.id);
    if (changes.length === 0) return [];
    const earliest = changes.reduce((min, c) => (c.date < min ? c.date : min), changes[0]!.date);
    const terms = termsOf(contract);
    const invoiced = invoicedPeriods.all(contract.id, earliest).map((p) => ({ start: p.period_start, end: p.period_end, fullDays: periodDays(p.period_start, terms) }));
    return priceChangeAdjustments(changes, invoiced);
  }

  function serviceLine(contract: Contract, period: RenewalPeriod, language: Language): LineDraft | null {
    if (period.settlement || contract.priceMinor === 0) return null;
    const base = { contractId: contract.id, periodStart: period.start, periodEnd: period.end, quantityMilli: 1000 };
    if (period.days === period.fullDays) {
      return { ...base, kind: 'service', unitPriceMinor: contract.priceMinor, description: lineText.service(language, contract.label, period.start, period.end) };
    }
    const amount = prorate(contract.priceMinor, period.days, period.fullDays);
    if (amount === 0) return null;
    return { ...base, kind: 'proration', unitPriceMinor: amount, description: lineText.finalPeriod(language, contract.label, period.start, period.end, period.days, period.fullDays) };
  }

  function usageLines(contract: Contract, period: RenewalPeriod, language: Language, taken: Set<string>): { lines: LineDraft[]; ids: string[] } {
    if (!billsUsage(contract) || !contract.tiers?.length) return { lines: [], ids: [] };
    const records = usage.unbilledBefore(contract.id, period.start).filter((r) => !taken.has(r.id));
    if (records.length === 0) return { lines: [], ids: [] };
    const terms = termsOf(contract);
    const nominal = period.settlement
      ? { start: lastInvoicedStart.get(contract.id) ?? contract.startDate, end: addDays(period.start, -1) }
      : (usagePeriodBefore(period.start, terms) ?? { start: contract.startDate, end: addDays(period.start, -1) });
    // Usage recorded before the nominal period (a first due date set well after the start) belongs to this invoice too.
    const start = records[0]!.usage_date < nominal.start ? records[0]!.usage_date : nominal.start;
    const total = records.reduce((sum, r) => sum + r.quantity_milli, 0);
    const charges = usageCharges(contract.pricingModel === 'tiered' ? 'tiered' : 'metered', contract.tiers, total);
    const lines = charges
      .filter((c) => c.unitPriceMinor > 0)
      .map(
        (charge): LineDraft => ({
          kind: 'usage',
          description: lineText.usage(language, contract.label, contract.unitLabel, start, nominal.end, charge, contract.tiers!.length),
          quantityMilli: charge.quantityMilli,
          unitPriceMinor: charge.unitPriceMinor,
          contractId: contract.id,
          periodStart: start,
          periodEnd: nominal.end,
        }),
      );
    return { lines, ids: records.map((r) => r.id) };
  }

  return {
    /** The lines (and downgrade credits) one period of a contract puts on its renewal invoice. */
    chargeFor(contract: Contract, period: RenewalPeriod, language: Language, progress: ContractProgress): ContractCharge {
      const lines: LineDraft[] = [];
      const credits: ContractCharge['credits'] = [];
      const service = serviceLine(contract, period, language);
      if (service) lines.push(service);
      if (!progress.changesSettled) {
        for (const adjustment of priceAdjustments(contract)) {
          if (adjustment.amountMinor > 0) {
            lines.push({
              kind: 'proration',
              description: lineText.priceChange(language, contract.label, contract.currency, adjustment.change, adjustment.from, adjustment.period.end, adjustment.days, adjustment.period.fullDays),
              quantityMilli: 1000,
              unitPriceMinor: adjustment.amountMinor,
              contractId: contract.id,
              periodStart: adjustment.from,
              periodEnd: adjustment.period.end,
            });
          } else {
            credits.push({ amountMinor: -adjustment.amountMinor, reason: lineText.downgradeCredit(language, contract.label, adjustment.change.date) });
          }
        }
      }
      const used = usageLines(contract, period, language, progress.usageTaken);
      lines.push(...used.lines);
      return { contract, period, lines, credits, usageIds: used.ids };
    },
  };
}

export type RenewalCharges = ReturnType<typeof createRenewalCharges>;
