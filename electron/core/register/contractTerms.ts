// A contract ended at the end of its term ("no more renewals") stays live until the period already
// billed runs out; on its end date it ends: cancelled, with the reason it was ended for, in its
// status history. The billing run does this for its day, after it has issued the day's invoices —
// a tiered or metered contract's last period is invoiced on the end date first, and one whose
// last usage is still uninvoiced waits for the run that invoices it.
import type { Contract } from '../../../shared/domain/contract.js';
import type { Context } from '../context.js';
import { LIVE_SQL, recordOf } from './contractRepository.js';

/** The contracts whose term ran out on or before `day` and that have nothing left to invoice. */
const ENDED_SQL = `SELECT k.id FROM contracts k
  WHERE k.status IN ${LIVE_SQL} AND k.end_date IS NOT NULL AND k.end_date <= ?
    AND NOT EXISTS (SELECT 1 FROM usage_records u WHERE u.contract_id = k.id AND u.invoice_id IS NULL AND u.usage_date < k.end_date)
  ORDER BY k.end_date, k.id`;

/** Ends the contracts whose term ran out by `day`; returns them as they are now. */
export function closeEndedTerms(ctx: Context, day: string): Contract[] {
  const closed = ctx.transaction(() => {
    const ids = ctx.db.prepare<[string], string>(ENDED_SQL).pluck().all(day);
    const at = ctx.clock.now().toISOString();
    return ids.map((id) => {
      const record = recordOf(ctx.contracts.get(id)!);
      const reason = record.endReason ?? 'The term ended.';
      const updated = ctx.contracts.update({ ...record, status: 'cancelled', autoRenew: false }, record.status, at, ctx.actor, reason);
      ctx.audit.append({ action: 'contract.term_ended', entity: 'contract', entityId: id, data: { endDate: record.endDate, from: record.status } });
      return updated;
    });
  });
  for (const contract of closed) ctx.events.emit('contracts.changed', { id: contract.id, clientId: contract.clientId });
  return closed;
}
