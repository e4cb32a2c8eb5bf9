import type { BillingPreviewResult, BillingRunResult, billingRunMethods } from '../../../../shared/api/billingRun.js';
import { addDays } from '../../../../shared/dates.js';
import { LIVE_STATUSES } from '../../../../shared/domain/contract.js';
import type { FieldErrorCode } from '../../../../shared/validation/fieldErrors.js';
import type { Context, HandlersOf } from '../../context.js';
import type { Db } from '../../db/database.js';
import { invalidField, notFound } from '../../errors.js';
import { closeEndedTerms } from '../../register/contractTerms.js';
import { createDueWork } from './dueWork.js';
import { cancelRun, runJob, WORKER_THRESHOLD, type Host } from './runJobs.js';
import { createRunRecords } from './runRecords.js';
import { createUsageRecords } from './usageRecords.js';

/** Statements prepared once per book connection. */
function perBook<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => made.get(db) ?? made.set(db, make(db)).get(db)!;
}
const runRecords = perBook(createRunRecords);
const usageRecords = perBook(createUsageRecords);
const dueWork = perBook(createDueWork);

/** A run bills the days from the last finished run up to its day: never ahead of today, never back before a run or into a locked period. */
function checkRunDay(ctx: Context, runDay: string): void {
  const today = ctx.today();
  const { lockDate } = ctx.settings.get('billing');
  const last = runRecords(ctx.db).lastFinishedDay();
  const refuse = (message: string) => invalidField({ field: 'asOf', code: 'not_allowed', message });
  if (runDay > today) throw refuse(`The billing run cannot run ahead of today (${today}); billing.preview shows what a later day would issue.`);
  if (lockDate && runDay <= lockDate) throw refuse(`The books are locked up to ${lockDate}; a run must be for a later day.`);
  if (last && runDay < last) throw refuse(`Billing has already run for ${last}; a run cannot go back before it.`);
}

/** A worker thread for runs with much to look at; the backend's thread for the daily trickle. */
function hostFor(ctx: Context, runDay: string, through: string): Host {
  const billing = ctx.settings.get('billing');
  const last = runRecords(ctx.db).lastFinishedDay();
  const work = dueWork(ctx.db).estimate({ opensOn: last ? addDays(last, 1) : runDay, through, leadDays: billing.renewalLeadDays, lateFee: billing.lateFee });
  return work >= WORKER_THRESHOLD ? 'worker' : 'thread';
}

export const billingRunHandlers: HandlersOf<typeof billingRunMethods> = {
  async 'billing.run'(input, ctx) {
    const runDay = input.asOf ?? ctx.today();
    checkRunDay(ctx, runDay);
    const result = (await runJob(ctx, { mode: 'run', runDay }, hostFor(ctx, runDay, runDay))) as BillingRunResult;
    // With the day's invoices issued, contracts whose term has run out end.
    if (result.status === 'finished') closeEndedTerms(ctx, runDay);
    return result;
  },
  async 'billing.preview'(input, ctx) {
    const runDay = input.asOf ?? ctx.today();
    const through = addDays(runDay, input.days);
    return (await runJob(ctx, { mode: 'preview', runDay, through, limit: input.limit }, hostFor(ctx, runDay, through))) as BillingPreviewResult;
  },
  'billing.runs'(input, ctx) {
    return { items: runRecords(ctx.db).recent(input.limit) };
  },
  'billing.cancel'(input, ctx) {
    return cancelRun(ctx, input.jobId);
  },

  'usage.record'(input, ctx) {
    const record = ctx.transaction(() => {
      const contract = ctx.contracts.get(input.contractId);
      if (!contract) throw invalidField({ field: 'contractId', code: 'unknown_reference', message: 'That contract does not exist.' });
      if (!LIVE_STATUSES.includes(contract.status)) {
        throw invalidField({ field: 'contractId', code: 'not_allowed', message: `The contract for ${contract.label} has ended (${contract.status}); usage is recorded for live contracts.` });
      }
      if (contract.pricingModel === 'fixed') {
        throw invalidField({ field: 'contractId', code: 'not_allowed', message: `The contract for ${contract.label} has a fixed price; usage is billed for tiered and metered contracts.` });
      }
      const usageDate = (code: FieldErrorCode, message: string) => invalidField({ field: 'usageDate', code, message });
      const { lockDate } = ctx.settings.get('billing');
      const billedUpTo = usageRecords(ctx.db).billedUpTo(contract.id);
      if (input.usageDate < contract.startDate) throw usageDate('date_order', `The contract starts on ${contract.startDate}.`);
      if (contract.endDate && input.usageDate >= contract.endDate) throw usageDate('date_order', `The contract ends on ${contract.endDate}.`);
      if (input.usageDate > ctx.today()) throw usageDate('not_allowed', 'Usage is recorded for days that have happened.');
      if (lockDate && input.usageDate <= lockDate) throw usageDate('not_allowed', `The books are locked up to ${lockDate}; use a date after it.`);
      if (billedUpTo && input.usageDate < billedUpTo) {
        throw usageDate('not_allowed', `Usage before ${billedUpTo} has been invoiced; correct it with a manual invoice or a credit note.`);
      }
      const created = usageRecords(ctx.db).record({ ...input, note: input.note ?? null }, ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'usage.recorded', entity: 'contract', entityId: contract.id, data: { id: created.id, usageDate: created.usageDate, quantityMilli: created.quantityMilli } });
      return created;
    });
    return record;
  },
  'usage.list'(input, ctx) {
    if (!ctx.contracts.exists(input.contractId)) throw notFound('Contract', input.contractId);
    return { items: usageRecords(ctx.db).list(input.contractId) };
  },
};
