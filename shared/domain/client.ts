// A client of the reseller: who they are, how to reach them, in which currency they are billed.
import { z } from 'zod';
import { LANGUAGES } from './language.js';
import { RISK_BANDS } from '../risk/model.js';
import { countryCode, currencyCode, distinct, emailAddress, entityId, optionalText, requiredText } from '../validation/fields.js';

export const CHANNELS = ['email', 'letter', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLIENT_STATUSES = ['active', 'archived'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const LIMITS = {
  name: 200,
  company: 200,
  contactName: 200,
  phone: 50,
  addressLine: 200,
  addressLines: 5,
  city: 100,
  region: 100,
  postalCode: 20,
  taxId: 50,
  notes: 5000,
  tag: 50,
  tags: 30,
} as const;

export const addressSchema = z.strictObject({
  lines: z.array(requiredText(LIMITS.addressLine)).max(LIMITS.addressLines).default([]),
  city: optionalText(LIMITS.city),
  region: optionalText(LIMITS.region),
  postalCode: optionalText(LIMITS.postalCode),
  country: countryCode.optional(),
});

/** Fields a client may be created with. Only name and currency are required. */
const clientFields = {
  name: requiredText(LIMITS.name),
  company: optionalText(LIMITS.company),
  contactName: optionalText(LIMITS.contactName),
  email: emailAddress.optional(),
  billingEmail: emailAddress.optional(),
  phone: optionalText(LIMITS.phone),
  address: addressSchema.optional(),
  country: countryCode.optional(),
  taxId: optionalText(LIMITS.taxId),
  language: z.enum(LANGUAGES).default('en'),
  currency: currencyCode,
  channels: distinct(z.enum(CHANNELS), CHANNELS.length).default(['email']),
  notes: z.string().trim().max(LIMITS.notes).optional(),
  tags: distinct(requiredText(LIMITS.tag), LIMITS.tags).default([]),
  /** The client's tax rate; else the rate for their country, else the book's default. */
  taxRateId: entityId.optional(),
  /** Why no tax is charged (with the client's tax ID): exempt when given. */
  taxExemptReason: optionalText(500),
  /** The client must pay before the service period: renewals are proforma invoices. */
  prepay: z.boolean().default(false),
};

export const clientCreateInput = z.strictObject(clientFields);

/**
 * An update names the client and the fields that change. An optional field sent as `null` is
 * cleared; `expectedVersion` guards against two windows overwriting each other's edits.
 */
export const clientUpdateInput = z.strictObject({
  id: entityId,
  expectedVersion: z.number().int().positive().optional(),
  name: clientFields.name.optional(),
  company: clientFields.company.nullable(),
  contactName: clientFields.contactName.nullable(),
  email: clientFields.email.nullable(),
  billingEmail: clientFields.billingEmail.nullable(),
  phone: clientFields.phone.nullable(),
  address: clientFields.address.nullable(),
  country: clientFields.country.nullable(),
  taxId: clientFields.taxId.nullable(),
  language: z.enum(LANGUAGES).optional(),
  currency: currencyCode.optional(),
  channels: distinct(z.enum(CHANNELS), CHANNELS.length).optional(),
  notes: clientFields.notes.nullable(),
  tags: distinct(requiredText(LIMITS.tag), LIMITS.tags).optional(),
  taxRateId: entityId.nullable().optional(),
  taxExemptReason: clientFields.taxExemptReason.nullable(),
  prepay: z.boolean().optional(),
});

export const clientSearchInput = z.strictObject({
  query: z.string().max(200).default(''),
  /** Which clients to list: current ones by default, archived ones, or both. */
  status: z.enum([...CLIENT_STATUSES, 'all']).default('active'),
  tag: z.string().trim().min(1).max(LIMITS.tag).optional(),
  currency: currencyCode.optional(),
  country: countryCode.optional(),
  /** Only clients whose current payment risk is in this band. */
  band: z.enum(RISK_BANDS).optional(),
  /** By name (the default), or by current payment risk: riskiest or safest first. */
  order: z.enum(['name', 'riskiest', 'safest']).default('name'),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});

export const addressOutput = z.object({
  lines: z.array(z.string()),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  billingEmail: z.string().nullable(),
  phone: z.string().nullable(),
  address: addressOutput.nullable(),
  country: z.string().nullable(),
  taxId: z.string().nullable(),
  language: z.enum(LANGUAGES),
  currency: z.string(),
  channels: z.array(z.enum(CHANNELS)),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  taxRateId: z.string().nullable(),
  taxExemptReason: z.string().nullable(),
  prepay: z.boolean(),
  status: z.enum(CLIENT_STATUSES),
  /** Increases with every change; send it back as `expectedVersion` to detect lost updates. */
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Client = z.infer<typeof clientSchema>;
export type Address = z.infer<typeof addressOutput>;
export type ClientCreateInput = z.input<typeof clientCreateInput>;
export type ClientUpdateInput = z.input<typeof clientUpdateInput>;

/** A client as the list shows them: with their payment risk as last scored, null if never scored. */
export const clientListItemSchema = clientSchema.extend({
  risk: z
    .object({
      score: z.number().int(),
      band: z.enum(RISK_BANDS),
      /** False when something changed since, or it was scored on an earlier day, until risk.refresh (or the daily run) rescores it. */
      current: z.boolean(),
    })
    .nullable(),
});
export type ClientListItem = z.infer<typeof clientListItemSchema>;
export type ClientSearchOrder = z.infer<typeof clientSearchInput>['order'];

export const clientPage = z.object({
  items: z.array(clientListItemSchema),
  /** Pass back as `cursor` for the next page; null when this was the last page. */
  nextCursor: z.string().nullable(),
});

/** One line of a client's activity timeline, read from the audit log. */
export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** e.g. `client.created`, `contract.ended`; the screens translate it. */
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** A short description of what the entry is about (a contract's label, say). */
  subject: z.string().nullable(),
  data: z.unknown(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
