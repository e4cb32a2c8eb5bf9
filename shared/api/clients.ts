import { z } from 'zod';
import { defineMethod } from './contract.js';
import { clientCreateInput, clientPage, clientSchema, clientSearchInput, clientUpdateInput, timelineEntrySchema } from '../domain/client.js';
import { requiredText } from '../validation/fields.js';
import { entityId } from '../validation/fields.js';

export const clientMethods = {
  'clients.create': defineMethod({
    summary: 'Add a client. Only name and currency are required.',
    input: clientCreateInput,
    output: clientSchema,
  }),
  'clients.update': defineMethod({
    summary: 'Change a client; optional fields sent as null are cleared. Fails with conflict when expectedVersion is stale.',
    input: clientUpdateInput,
    output: clientSchema,
  }),
  'clients.get': defineMethod({
    summary: 'One client by id.',
    input: z.strictObject({ id: entityId }),
    output: clientSchema,
  }),
  'clients.search': defineMethod({
    summary:
      'Clients whose name, company, email, tag or contract domain has a word starting with each word of the query (Chinese matched character by character), filtered by status, tag, currency, country and risk band, ordered by name or by payment risk (riskiest or safest first), one page at a time; each with their payment risk as last scored.',
    input: clientSearchInput,
    output: clientPage,
  }),
  'clients.archive': defineMethod({
    summary: 'Archive a client who has no live contracts left; their history stays. Restore brings them back.',
    input: z.strictObject({ id: entityId, reason: requiredText(500).optional() }),
    output: clientSchema,
  }),
  'clients.restore': defineMethod({
    summary: 'Bring an archived client back to the current list.',
    input: z.strictObject({ id: entityId }),
    output: clientSchema,
  }),
  'clients.timeline': defineMethod({
    summary: "A client's activity, newest first: every recorded change to the client and their contracts.",
    input: z.strictObject({ id: entityId, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(timelineEntrySchema) }),
  }),
};
