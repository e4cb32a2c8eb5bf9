// A dunning policy (催缴策略): the ordered steps of the arrears ladder, each at a day offset from an
// invoice's due date, and what each step does. Stored in the book (DESIGN §3) as JSON validated by
// this schema; the defaults are DESIGN §4's table. Pure: the ladder, its desk, its forecast and the
// policy editor all read policies through here.
import { z } from 'zod';
import { LETTER_KINDS } from '../documents/kinds.js';
import { currencyCode, requiredText } from '../validation/fields.js';

/** Letters the ladder sends: the arrears wording, not agreements or receipts. */
export const LADDER_LETTERS = LETTER_KINDS.filter((k) => k !== 'payment_plan_agreement' && k !== 'receipt') as readonly Exclude<
  (typeof LETTER_KINDS)[number],
  'payment_plan_agreement' | 'receipt'
>[];
export type LadderLetter = (typeof LADDER_LETTERS)[number];

/** How a message goes out. A call is a task for a person, with its outcome recorded. */
export const LADDER_CHANNELS = ['email', 'sms', 'letter', 'call'] as const;
export type LadderChannel = (typeof LADDER_CHANNELS)[number];

/**
 * Per channel: always, only when the client's record lists the channel among those they want
 * (a printed letter "for clients who want paper"), or never.
 */
export const CHANNEL_MODES = ['always', 'if_preferred', 'never'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

const channelModes = z.strictObject(Object.fromEntries(LADDER_CHANNELS.map((c) => [c, z.enum(CHANNEL_MODES)])) as Record<LadderChannel, z.ZodEnum<{ [K in ChannelMode]: K }>>);

export const ladderActionSchema = z.discriminatedUnion('kind', [
  /** A reminder or notice from a letter template, on the chosen channels. */
  z.strictObject({ kind: z.literal('send'), letter: z.enum(LADDER_LETTERS), channels: channelModes }),
  /** The invoice's first late fee, as Settings → Billing → Late fee says (amount, cap); dated on the step's day. */
  z.strictObject({ kind: z.literal('late_fee') }),
  /** Restrict the service on its panel: a bandwidth limit, or a downgrade to the plan's restriction package. */
  z.strictObject({ kind: z.literal('restrict'), how: z.enum(['limit_bandwidth', 'downgrade']) }),
  /** Back the account up, then suspend it (the suspension waits for the backup to succeed). */
  z.strictObject({ kind: z.literal('backup_suspend') }),
  /** A person reviews the client for termination; the evidence bundle is prepared. Never automatic. */
  z.strictObject({ kind: z.literal('termination_review') }),
  /** Hand the arrears to collections or legal action, with the evidence bundle. Never automatic. */
  z.strictObject({ kind: z.literal('collections') }),
]);
export type LadderAction = z.infer<typeof ladderActionSchema>;
export type LadderActionKind = LadderAction['kind'];

/** Actions that change a client's service (or their standing): they escalate, and may wait for approval. */
export const ESCALATING_ACTIONS: readonly LadderActionKind[] = ['restrict', 'backup_suspend', 'termination_review', 'collections'];
/** Actions that always wait for a person, whatever the policy says. */
export const ALWAYS_ASK_ACTIONS: readonly LadderActionKind[] = ['termination_review', 'collections'];

export const STEP_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const ladderStepSchema = z.strictObject({
  /** Stable within the policy: what "this rung of this invoice was done" is recorded under. */
  key: z.string().regex(STEP_KEY, { message: 'Lower-case letters, digits and _; starts with a letter.' }),
  /** Days from the due date; negative = before it. */
  offsetDays: z.number().int().min(-60).max(365),
  actions: z.array(ladderActionSchema).min(1).max(6),
  /**
   * 'ask': waits on the desk for a person's approval. 'automatic': runs without asking. Escalating
   * steps ask by default; a policy may make restriction and suspension automatic, never
   * termination review or collections.
   */
  approval: z.enum(['ask', 'automatic']),
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

export const dunningPolicySchema = z
  .strictObject({
    name: requiredText(100),
    /** Nothing runs on its own: every step waits on the desk. */
    manualOnly: z.boolean(),
    /** Below this overdue amount (per currency) the ladder does not escalate: reminders only. */
    minimumMinorByCurrency: z.record(currencyCode, z.number().int().min(0).max(1e11)),
    /** Days an escalation waits after the notice before it actually went out (DESIGN §4). */
    minNoticeDays: z.number().int().min(0).max(60),
    steps: z.array(ladderStepSchema).min(1).max(20),
  })
  .superRefine((policy, ctx) => {
    const keys = new Set<string>();
    policy.steps.forEach((step, i) => {
      if (keys.has(step.key)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: `Two steps are called ${step.key}.` });
      keys.add(step.key);
      if (i > 0 && step.offsetDays < policy.steps[i - 1]!.offsetDays) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'offsetDays'], message: 'Steps are in order of their day: this one comes before the step above it.' });
      }
      if (step.approval === 'automatic' && step.actions.some((a) => ALWAYS_ASK_ACTIONS.includes(a.kind))) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'approval'], message: 'Termination review and collections always wait for a person.' });
      }
      if (step.offsetDays < 0 && step.actions.some((a) => a.kind !== 'send')) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'actions'], message: 'Before the due date a step can only send a reminder.' });
      }
    });
  });
export type DunningPolicy = z.infer<typeof dunningPolicySchema>;

const modes = (email: ChannelMode, letter: ChannelMode, sms: ChannelMode = 'if_preferred', call: ChannelMode = 'never') => ({ email, sms, letter, call });

/** DESIGN §4's ladder. */
export const DEFAULT_POLICY: DunningPolicy = {
  name: 'Standard',
  manualOnly: false,
  minimumMinorByCurrency: {},
  minNoticeDays: 3,
  steps: [
    { key: 'reminder_7', offsetDays: -7, approval: 'automatic', actions: [{ kind: 'send', letter: 'reminder', channels: modes('always', 'if_preferred') }] },
    { key: 'reminder_1', offsetDays: -1, approval: 'automatic', actions: [{ kind: 'send', letter: 'reminder', channels: modes('always', 'if_preferred') }] },
    { key: 'first_notice', offsetDays: 1, approval: 'automatic', actions: [{ kind: 'send', letter: 'first_notice', channels: modes('always', 'always') }] },
    {
      key: 'second_notice',
      offsetDays: 5,
      approval: 'automatic',
      actions: [{ kind: 'send', letter: 'second_notice', channels: modes('always', 'if_preferred') }, { kind: 'late_fee' }],
    },
    {
      key: 'restriction',
      offsetDays: 7,
      approval: 'ask',
      actions: [{ kind: 'restrict', how: 'limit_bandwidth' }, { kind: 'send', letter: 'restriction_notice', channels: modes('always', 'never') }],
    },
    { key: 'final_notice', offsetDays: 10, approval: 'automatic', actions: [{ kind: 'send', letter: 'final_notice', channels: modes('always', 'always') }] },
    {
      key: 'suspension',
      offsetDays: 14,
      approval: 'ask',
      actions: [{ kind: 'backup_suspend' }, { kind: 'send', letter: 'suspension_notice', channels: modes('always', 'never') }],
    },
    { key: 'termination_review', offsetDays: 30, approval: 'ask', actions: [{ kind: 'termination_review' }] },
  ],
};

/** Where a policy applies, most specific first: a contract, a client, a client group (tag), a risk band. */
export const ASSIGNMENT_SCOPES = ['contract', 'client', 'group', 'band'] as const;
export type AssignmentScope = (typeof ASSIGNMENT_SCOPES)[number];

export const stepIsEscalation = (step: LadderStep) => step.actions.some((a) => ESCALATING_ACTIONS.includes(a.kind));
export const stepSends = (step: LadderStep) => step.actions.some((a) => a.kind === 'send');
/** A step that only sends before the due date: a reminder, never sent late. */
export const stepIsReminder = (step: LadderStep) => step.offsetDays < 0 || step.actions.every((a) => a.kind === 'send' && a.letter === 'reminder');
