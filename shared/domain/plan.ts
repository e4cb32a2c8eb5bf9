// The price list: what the reseller sells, at which default price per billing cycle, and how it
// maps to a package on a control panel.
import { z } from 'zod';
import { BILLING_CYCLES } from './billingCycle.js';
import { PANEL_KINDS } from './panel.js';
import { currencyCode, entityId, minorAmount, optionalText, requiredText } from '../validation/fields.js';

export const SERVICE_KINDS = ['shared_hosting', 'reseller_hosting', 'vps', 'dedicated_server', 'domain', 'ssl_certificate', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Default price per billing cycle, in the plan's currency; a cycle left out is not offered. */
export const planPrices = z
  .strictObject(Object.fromEntries(BILLING_CYCLES.map((cycle) => [cycle, minorAmount.optional()])) as Record<(typeof BILLING_CYCLES)[number], z.ZodOptional<typeof minorAmount>>)
  .refine((prices) => Object.values(prices).some((p) => p !== undefined), { message: 'Give a price for at least one billing cycle.', params: { code: 'required' } });

const planFields = {
  name: requiredText(100),
  kind: z.enum(SERVICE_KINDS),
  currency: currencyCode,
  prices: planPrices,
  panelKind: z.enum(PANEL_KINDS).default('none'),
  /** The package (cPanel, DirectAdmin, HestiaCP), plan (Plesk, Virtualmin, Virtualizor, SolusVM) or size name on the panel. */
  panelPackage: optionalText(100),
  /** The plan an account is moved to while restricted for arrears. */
  restrictionPlanId: entityId.optional(),
  description: optionalText(1000),
};

export const planCreateInput = z.strictObject(planFields);

export const planUpdateInput = z.strictObject({
  id: entityId,
  expectedVersion: z.number().int().positive().optional(),
  name: planFields.name.optional(),
  kind: planFields.kind.optional(),
  prices: planPrices.optional(),
  panelKind: z.enum(PANEL_KINDS).optional(),
  panelPackage: planFields.panelPackage.nullable(),
  restrictionPlanId: entityId.nullable().optional(),
  description: planFields.description.nullable(),
  archived: z.boolean().optional(),
});

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
  currency: z.string(),
  prices: z.partialRecord(z.enum(BILLING_CYCLES), z.number().int()),
  panelKind: z.enum(PANEL_KINDS),
  panelPackage: z.string().nullable(),
  restrictionPlanId: z.string().nullable(),
  description: z.string().nullable(),
  archived: z.boolean(),
  /** Active contracts on this plan. */
  contractCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Plan = z.infer<typeof planSchema>;
