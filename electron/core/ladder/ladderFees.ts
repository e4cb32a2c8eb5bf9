// The ladder's late fee: the invoice's FIRST fee, charged through the billing run's own charger, so
// a fee the billing run already charged (late_fees' (invoice, 1) is unique) is never charged again.
// Amount and cap come from Settings → Billing → Late fee. The fee is dated the step's own day, or
// today when that day lies inside the locked period (the original day then named in its line).
import type { ActionOutcome } from '../../../shared/api/dunning.js';
import type { LadderLine } from '../../../shared/ladder/state.js';
import { createLateFeeCharger } from '../billing/run/chargeLateFee.js';
import { createLateFeeRecords } from '../billing/run/lateFeeRecords.js';
import type { LateFeeWork } from '../billing/run/planWork.js';
import { servicesOf } from '../billing/run/runServices.js';
import type { Context } from '../context.js';
import { ApiError } from '../errors.js';

export function actionFees(ctx: Context) {
  const records = createLateFeeRecords(ctx.db);
  const charger = createLateFeeCharger(servicesOf(ctx), records);
  const charged = ctx.db.prepare<[string], string>('SELECT fee_invoice_id FROM late_fees WHERE invoice_id = ? AND n = 1').pluck();

  return {
    /** Charges the line's fee inside the caller's transaction; says what happened. */
    charge(line: Pick<LadderLine, 'invoiceId' | 'clientId' | 'feeDate'>): ActionOutcome {
      const already = charged.get(line.invoiceId);
      if (already) return { kind: 'late_fee', result: 'done', detail: 'charged already', refs: [already], note: 'fee_charged_already' };
      const billing = ctx.settings.get('billing');
      if (!billing.lateFee.enabled) return { kind: 'late_fee', result: 'not_applicable', detail: 'Late fees are off (Settings → Billing → Late fee).', refs: [], note: 'late_fees_off' };
      const today = ctx.today();
      const feeDate = line.feeDate ?? today;
      const locked = billing.lockDate !== null && feeDate <= billing.lockDate;
      const work: LateFeeWork = { type: 'late_fee', date: locked ? today : feeDate, redatedForLock: locked, clientId: line.clientId, invoiceId: line.invoiceId, n: 1, feeDate };
      const fee = charger.figure(work);
      if (!fee) return { kind: 'late_fee', result: 'not_applicable', detail: 'No fee is owed: the invoice is disputed or settled, or the cap is reached.', refs: [], note: 'no_fee_owed' };
      let issued;
      try {
        // A savepoint: a refused issue (the books were locked meanwhile) leaves no draft behind.
        issued = ctx.db.transaction(() => charger.charge(work, fee))();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return { kind: 'late_fee', result: 'failed', detail: error.message, refs: [] };
      }
      return locked
        ? { kind: 'late_fee', result: 'done', detail: `dated ${today}: ${feeDate} is in the locked period`, refs: [issued.id], note: 'fee_redated', noteParams: { date: today, feeDate } }
        : { kind: 'late_fee', result: 'done', detail: `dated ${feeDate}`, refs: [issued.id], note: 'fee_dated', noteParams: { date: feeDate } };
    },
  };
}
