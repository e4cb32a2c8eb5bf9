// A contract: one service a client holds — a hosting account, a VPS, a domain, a certificate —
// with its price, billing cycle, dates, terms and status.
import { z } from 'zod';
import { BILLING_CYCLES } from './billingCycle.js';
import { PANEL_KINDS } from './panel.js';
import { SERVICE_KINDS } from './plan.js';
import { currencyCode, entityId, isoDate, minorAmount, optionalText, requiredText } from '../validation/fields.js';

export const CONTRACT_STATUSES = ['active', 'restricted', 'suspended', 'terminated', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
/** Statuses in which the service still exists on a panel and is billed. */
export const LIVE_STATUSES: readonly ContractStatus[] = ['active', 'restricted', 'suspended'];

export const PRICING_MODELS = ['fixed', 'tiered', 'metered'] as const;

/** Tiers of a tiered or metered price: up to `upTo` units (null = no limit) at `unitPriceMinor` each. */
export const pricingTiers = z
  .array(z.strictObject({ upTo: z.number().int().positive().nullable(), unitPriceMinor: minorAmount }))
  .max(20);

const contractFields = {
  clientId: entityId,
  planId: entityId.optional(),
  /** Taken from the plan when left out. */
  kind: z.enum(SERVICE_KINDS).optional(),
  /** The domain, hostname or a label the reseller recognises the service by. */
  label: requiredText(253),
  panelKind: z.enum(PANEL_KINDS).optional(),
  /** Username, subscription, VPS id, VM id or site on the panel (see PANEL_ACCOUNT_MEANING). */
  panelAccount: optionalText(200),
  /** Taken from the plan's price for the cycle when left out. */
  priceMinor: minorAmount.optional(),
  currency: currencyCode.optional(),
  cycle: z.enum(BILLING_CYCLES),
  pricingModel: z.enum(PRICING_MODELS).default('fixed'),
  tiers: pricingTiers.optional(),
  unitLabel: optionalText(30),
  startDate: isoDate,
  /** The first due date; the start date when left out. */
  nextDueDate: isoDate.optional(),
  /** When the contract ends (fixed term); null = runs until ended. */
  endDate: isoDate.optional(),
  /** For domains and certificates: when the registration or certificate expires. */
  expiresOn: isoDate.optional(),
  autoRenew: z.boolean().default(true),
  termsText: z.string().trim().max(20_000).optional(),
  termsVersion: optionalText(50),
  signedDate: isoDate.optional(),
  termReviewDate: isoDate.optional(),
  notes: z.string().trim().max(5000).optional(),
};

export const contractCreateInput = z.strictObject(contractFields);

export const contractUpdateInput = z.strictObject({
  id: entityId,
  expectedVersion: z.number().int().positive().optional(),
  planId: entityId.nullable().optional(),
  kind: z.enum(SERVICE_KINDS).optional(),
  label: contractFields.label.optional(),
  panelKind: z.enum(PANEL_KINDS).optional(),
  panelAccount: contractFields.panelAccount.nullable(),
  priceMinor: minorAmount.optional(),
  cycle: z.enum(BILLING_CYCLES).optional(),
  pricingModel: z.enum(PRICING_MODELS).optional(),
  tiers: pricingTiers.nullable().optional(),
  unitLabel: contractFields.unitLabel.nullable(),
  nextDueDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  autoRenew: z.boolean().optional(),
  termsText: contractFields.termsText.nullable(),
  termsVersion: contractFields.termsVersion.nullable(),
  signedDate: isoDate.nullable().optional(),
  termReviewDate: isoDate.nullable().optional(),
  notes: contractFields.notes.nullable(),
});

export const contractEndInput = z.strictObject({
  id: entityId,
  /** `term_end`: stop renewing and end on the next due date; `now`: cancel today. */
  when: z.enum(['term_end', 'now']),
  reason: requiredText(500),
});

export const CONTRACT_SORTS = ['nextDueDate', 'label', 'client'] as const;

export const contractSearchInput = z.strictObject({
  query: z.string().max(200).default(''),
  clientId: entityId.optional(),
  status: z.array(z.enum(CONTRACT_STATUSES)).max(CONTRACT_STATUSES.length).optional(),
  kind: z.array(z.enum(SERVICE_KINDS)).max(SERVICE_KINDS.length).optional(),
  panelKind: z.array(z.enum(PANEL_KINDS)).max(PANEL_KINDS.length).optional(),
  /** Live contracts whose next due date is within this many days of today (overdue included). */
  dueWithinDays: z.number().int().min(0).max(3660).optional(),
  /** Only contracts whose term-review date is today or earlier. */
  termReviewDue: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});

export const statusChangeSchema = z.object({
  from: z.enum(CONTRACT_STATUSES).nullable(),
  to: z.enum(CONTRACT_STATUSES),
  at: z.string(),
  reason: z.string().nullable(),
  actor: z.string(),
});

export const contractSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  kind: z.enum(SERVICE_KINDS),
  label: z.string(),
  panelKind: z.enum(PANEL_KINDS),
  panelAccount: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  cycle: z.enum(BILLING_CYCLES),
  pricingModel: z.enum(PRICING_MODELS),
  tiers: pricingTiers.nullable(),
  unitLabel: z.string().nullable(),
  startDate: z.string(),
  nextDueDate: z.string(),
  endDate: z.string().nullable(),
  expiresOn: z.string().nullable(),
  autoRenew: z.boolean(),
  termsText: z.string().nullable(),
  termsVersion: z.string().nullable(),
  signedDate: z.string().nullable(),
  termReviewDate: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  endReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Contract = z.infer<typeof contractSchema>;

export const contractDetailSchema = contractSchema.extend({ statusHistory: z.array(statusChangeSchema) });

export const contractPage = z.object({ items: z.array(contractSchema), nextCursor: z.string().nullable() });
