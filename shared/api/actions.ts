// The action queue: what was asked of which panel, by whom, its state and the panel's answer;
// approving (termination twice), retrying, cancelling, recording a backup made by hand, and the
// settings that say which actions wait for a person and whether anything is really sent.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { bandwidthSchema, connectablePanelKind } from './panels.js';
import { APPROVAL_SETTING_KINDS, PANEL_ACTION_KINDS, PANEL_ACTION_STATES, REQUESTABLE_ACTION_KINDS, type ApprovalSettingKind } from '../domain/panelAction.js';
import { entityId, optionalText, requiredText } from '../validation/fields.js';

export const panelActionSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  contractLabel: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  panelKind: connectablePanelKind,
  account: z.string(),
  kind: z.enum(PANEL_ACTION_KINDS),
  state: z.enum(PANEL_ACTION_STATES),
  /** A user's name, 'ladder' or 'payment'. */
  requestedBy: z.string(),
  reason: z.string().nullable(),
  /** The limit or package to set, or what a restore puts back. */
  params: z.object({ bandwidth: bandwidthSchema.nullable().optional(), packageName: z.string().nullable().optional() }),
  /** The action this one waits for (the backup before a suspension), and how that one stands. */
  dependsOn: z.object({ id: z.string(), kind: z.enum(PANEL_ACTION_KINDS), state: z.enum(PANEL_ACTION_STATES) }).nullable(),
  /** The panel cannot back up: this suspension waits for a person, who may record a backup made by hand. */
  noBackupPossible: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Termination: approved, and now waits for the account name to be typed. */
  awaitingConfirmation: z.boolean(),
  confirmedBy: z.string().nullable(),
  dryRun: z.boolean(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** What the panel answered, secrets removed. */
  answer: z.string().nullable(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type PanelActionView = z.infer<typeof panelActionSchema>;

const approvalsSchema = z.object(Object.fromEntries(APPROVAL_SETTING_KINDS.map((k) => [k, z.boolean()])) as Record<ApprovalSettingKind, z.ZodBoolean>);
const approvalsInput = z.strictObject(Object.fromEntries(APPROVAL_SETTING_KINDS.map((k) => [k, z.boolean().optional()])) as Record<ApprovalSettingKind, z.ZodOptional<z.ZodBoolean>>);

export const actionSettingsSchema = z.object({
  /** Which action kinds wait for approval (termination always does, twice, and is not listed). */
  approvals: approvalsSchema,
  /** Record what would be sent and change nothing, on the panels or in the book. */
  dryRun: z.boolean(),
});

export const actionMethods = {
  'actions.list': defineMethod({
    summary: 'Panel actions, newest first, by state and/or contract; paged. Counts per state come with every page.',
    input: z.strictObject({
      states: z.array(z.enum(PANEL_ACTION_STATES)).max(PANEL_ACTION_STATES.length).optional(),
      contractId: entityId.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      cursor: z.string().max(100).optional(),
    }),
    output: z.object({
      items: z.array(panelActionSchema),
      nextCursor: z.string().nullable(),
      counts: z.record(z.string(), z.number().int()),
    }),
  }),
  'actions.request': defineMethod({
    summary:
      "Ask for an action on a contract's panel account. A suspension on a panel that can back up is paired with a backup it waits for (withBackup); approval per the settings; termination always asks twice.",
    input: z.strictObject({
      contractId: entityId,
      kind: z.enum(REQUESTABLE_ACTION_KINDS),
      reason: optionalText(500),
      /** limit_bandwidth: the limit to set (a default for the panel's kind of limit when left out). */
      bandwidth: z.strictObject({ monthlyMb: bandwidthSchema.shape.monthlyMb, rateKBps: bandwidthSchema.shape.rateKBps }).optional(),
      /** downgrade: the package to move to (the plan's restriction package when left out). */
      packageName: optionalText(100),
      withBackup: z.boolean().default(true),
    }),
    output: z.object({ actions: z.array(panelActionSchema) }),
  }),
  'actions.approve': defineMethod({
    summary: 'Approve an action waiting for approval; a termination then waits for its confirmation.',
    input: z.strictObject({ id: entityId }),
    output: panelActionSchema,
  }),
  'actions.confirmTermination': defineMethod({
    summary: "Confirm an approved termination by typing the panel account's name exactly.",
    input: z.strictObject({ id: entityId, accountName: requiredText(200) }),
    output: panelActionSchema,
  }),
  'actions.retry': defineMethod({
    summary: 'Queue a failed action again, now.',
    input: z.strictObject({ id: entityId }),
    output: panelActionSchema,
  }),
  'actions.cancel': defineMethod({
    summary: 'Cancel an action that has not started (waiting for approval, queued or failed); a running one cannot be stopped halfway.',
    input: z.strictObject({ id: entityId }),
    output: panelActionSchema,
  }),
  'actions.recordManualBackup': defineMethod({
    summary: 'Record a backup the reseller made by hand (for panels that cannot back up through their API).',
    input: z.strictObject({ contractId: entityId, note: requiredText(500) }),
    output: panelActionSchema,
  }),
  'actions.settings.get': defineMethod({
    summary: 'Which action kinds wait for approval, and whether dry-run mode is on.',
    input: z.strictObject({}),
    output: actionSettingsSchema,
  }),
  'actions.settings.update': defineMethod({
    summary: 'Change which action kinds wait for approval (not termination: it always does), or turn dry-run mode on or off.',
    input: z.strictObject({ approvals: approvalsInput.optional(), dryRun: z.boolean().optional() }),
    output: actionSettingsSchema,
  }),
  'actions.process': defineMethod({
    summary:
      "Start the queued actions that are due (the app's queue runner calls this; actions left running by a stopped app are first reconciled by reading the panel). `wait` resolves when they have finished.",
    input: z.strictObject({ wait: z.boolean().default(false) }),
    output: z.object({ started: z.number().int(), reconciled: z.number().int() }),
  }),
};
