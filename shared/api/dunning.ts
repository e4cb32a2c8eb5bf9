// The arrears ladder (催缴流程): dunning policies and where they apply, the arrears desk (what the
// ladder will do today: approve, skip, postpone, run), the runs, and the 30-day forecast.
import { z } from 'zod';
import { DELIVERY_PROBLEMS } from './channels.js';
import { defineMethod } from './contract.js';
import { riskBand } from './risk.js';
import { ASSIGNMENT_SCOPES, dunningPolicySchema, ladderActionSchema } from '../ladder/policy.js';
import { LINE_STATUSES, RUNG_STATES } from '../ladder/state.js';
import { entityId, isoDate, requiredText } from '../validation/fields.js';

export const policyViewSchema = z.object({
  id: z.string(),
  isDefault: z.boolean(),
  /** Optimistic lock for saving: send it back as expectedVersion. */
  version: z.number().int(),
  policy: dunningPolicySchema,
  assignments: z.array(z.object({ scope: z.enum(ASSIGNMENT_SCOPES), target: z.string(), targetName: z.string() })),
  updatedAt: z.string(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

/** What one action of a run did. */
/**
 * What an outcome's detail says, as a code the screens word in the reader's language; the detail
 * keeps the English sentence for the record (evidence, exports). A server's own answer has none.
 */
export const OUTCOME_NOTES = [
  'queued_for_print',
  'no_email_address',
  'no_phone',
  'no_postal_address',
  'call_task_opened',
  'call_task_no_phone',
  'review_opened',
  'handed_to_collections',
  'fee_dated',
  'fee_redated',
  'fee_charged_already',
  'late_fees_off',
  'no_fee_owed',
] as const;
export type OutcomeNote = (typeof OUTCOME_NOTES)[number];

export const actionOutcomeSchema = z.object({
  kind: z.string(),
  /** done; failed (retryable); not_applicable (e.g. no panel link, no address for a channel) with the reason. */
  result: z.enum(['done', 'failed', 'not_applicable']),
  detail: z.string().nullable(),
  /** What it made: communication ids, a fee invoice id, panel action ids, a call task id, a document id. */
  refs: z.array(z.string()),
  /** failed for want of a setting (no company name, email or SMS not set up): which, for the screens to word. */
  problem: z.enum(DELIVERY_PROBLEMS).optional(),
  /** The detail as a code, with its dates (fee_dated: date; fee_redated: date and feeDate). */
  note: z.enum(OUTCOME_NOTES).optional(),
  noteParams: z.record(z.string(), z.string()).optional(),
});
export type ActionOutcome = z.infer<typeof actionOutcomeSchema>;

export const ladderLineSchema = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  policyId: z.string(),
  policyName: z.string(),
  stepKey: z.string(),
  stepIndex: z.number().int(),
  offsetDays: z.number().int(),
  scheduledOn: z.string(),
  status: z.enum(LINE_STATUSES),
  actions: z.array(ladderActionSchema),
  needsApproval: z.boolean(),
  noticeSuperseded: z.boolean(),
  catchUp: z.boolean(),
  resumedFrom: z.object({ kind: z.enum(['payment_plan', 'promise']), id: z.string(), on: z.string() }).nullable(),
  pauseReasons: z.array(z.string()),
  waitsUntil: z.string().nullable(),
  suspensionDate: z.string().nullable(),
  feeDate: z.string().nullable(),
  currency: z.string(),
  openMinor: z.number().int(),
  daysOverdue: z.number().int(),
  band: riskBand.nullable(),
  /** Things the approver must know, as codes the screen words: e.g. 'no_backup_possible', 'no_panel_link', 'no_email_address'. */
  warnings: z.array(z.string()),
  /** Messages of this line that cannot go out before the book is set up: what is missing. */
  blockedBy: z.array(z.enum(DELIVERY_PROBLEMS)),
  /** failed: the actions that failed on the last attempt, with why. */
  failures: z.array(actionOutcomeSchema),
});
export type LadderLineView = z.infer<typeof ladderLineSchema>;

const lineRef = z.strictObject({ invoiceId: entityId, stepKey: z.string().trim().min(1).max(40) });
const lineRefs = z.array(lineRef).min(1).max(1000);

export const rungSchema = z.object({
  invoiceId: z.string(),
  invoiceNumber: z.string(),
  stepKey: z.string(),
  state: z.enum(RUNG_STATES),
  scheduledOn: z.string(),
  doneOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  catchUp: z.boolean(),
  outcomes: z.array(actionOutcomeSchema),
  updatedAt: z.string(),
});
export type RungView = z.infer<typeof rungSchema>;

export const runSummarySchema = z.object({
  runId: z.string(),
  asOf: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Who started it: a user's name, or 'daily' for the daily run. */
  startedBy: z.string(),
  done: z.number().int(),
  failed: z.number().int(),
  /** Catch-up, recorded: reminders not sent late, notices overtaken, escalations waiting their notice period. */
  missed: z.number().int(),
  superseded: z.number().int(),
  waiting: z.number().int(),
  cancelled: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const dunningMethods = {
  'dunning.policies.list': defineMethod({
    summary: 'Every dunning policy, the default first, with where each applies.',
    input: z.strictObject({}),
    output: z.object({ policies: z.array(policyViewSchema) }),
  }),
  'dunning.policies.save': defineMethod({
    summary: 'Create a policy (no id) or change one (id and expectedVersion); optionally make it the default. The steps are checked: order, unique keys, what may be automatic.',
    input: z.strictObject({ id: entityId.optional(), expectedVersion: z.number().int().positive().optional(), policy: dunningPolicySchema, makeDefault: z.boolean().default(false) }),
    output: policyViewSchema,
  }),
  'dunning.policies.delete': defineMethod({
    summary: 'Delete a policy that is not the default; where it applied, the next policy in line applies.',
    input: z.strictObject({ id: entityId }),
    output: z.object({ deleted: z.boolean() }),
  }),
  'dunning.policies.assign': defineMethod({
    summary: 'Make a policy apply to a contract, a client, a client group (tag) or a risk band; policyId null removes the assignment.',
    input: z.strictObject({ scope: z.enum(ASSIGNMENT_SCOPES), target: requiredText(100), policyId: entityId.nullable() }),
    output: z.object({ policies: z.array(policyViewSchema) }),
  }),
  'dunning.manualOnly.set': defineMethod({
    summary: "Set a client's 'manual only' flag: the ladder never runs a step for them on its own; every step waits on the desk.",
    input: z.strictObject({ clientId: entityId, manualOnly: z.boolean() }),
    output: z.object({ clientId: z.string(), manualOnly: z.boolean() }),
  }),
  'dunning.desk': defineMethod({
    summary:
      "The arrears desk: what the ladder will do today (or as of asOf, a preview), line by line: due, waiting for approval, approved, failed, waiting for a notice period, postponed, paused, and what catch-up will record. With the last run.",
    input: z.strictObject({ asOf: isoDate.optional(), clientId: entityId.optional() }),
    output: z.object({
      asOf: z.string(),
      lines: z.array(ladderLineSchema),
      counts: z.record(z.string(), z.number().int()),
      lastRun: runSummarySchema.nullable(),
    }),
  }),
  'dunning.approve': defineMethod({
    summary: 'Approve lines waiting on the desk; they run at the next run (dunning.run). The approver is recorded.',
    input: z.strictObject({ lines: lineRefs }),
    output: z.object({ approved: z.number().int() }),
  }),
  'dunning.skip': defineMethod({
    summary: 'Skip lines, with a reason: that step is never done for that invoice.',
    input: z.strictObject({ lines: lineRefs, reason: requiredText(500) }),
    output: z.object({ skipped: z.number().int() }),
  }),
  'dunning.postpone': defineMethod({
    summary: 'Put lines off until a later day; they come back on the desk then.',
    input: z.strictObject({ lines: lineRefs, until: isoDate, reason: requiredText(500).optional() }),
    output: z.object({ postponed: z.number().int() }),
  }),
  'dunning.run': defineMethod({
    summary:
      'Carry out every runnable line (due, approved, failed) as of today, each rung at most once per invoice, and record catch-up; messages go out, fees are charged, panel work goes to the action queue. Reports job.progress. The run is recorded as started by the user, or by "daily" when the daily run asks.',
    input: z.strictObject({ daily: z.boolean().default(false) }),
    output: runSummarySchema,
  }),
  'dunning.runs.list': defineMethod({
    summary: 'The latest ladder runs, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    output: z.object({ runs: z.array(runSummarySchema) }),
  }),
  'dunning.forecast': defineMethod({
    summary: 'What the ladder will do over the next days if nobody pays: each day, each step (every approval assumed given).',
    input: z.strictObject({ days: z.number().int().min(1).max(90).default(30), clientId: entityId.optional() }),
    output: z.object({ from: z.string(), through: z.string(), entries: z.array(z.object({ date: z.string(), line: ladderLineSchema })) }),
  }),
  'dunning.history': defineMethod({
    summary: "A client's ladder so far: every rung of their invoices, with who decided and what each action did.",
    input: z.strictObject({ clientId: entityId }),
    output: z.object({ rungs: z.array(rungSchema), manualOnly: z.boolean() }),
  }),
};
