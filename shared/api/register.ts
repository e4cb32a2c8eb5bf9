// The price list and the contracts clients hold.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { contractCreateInput, contractDetailSchema, contractEndInput, contractPage, contractSchema, contractSearchInput, contractUpdateInput } from '../domain/contract.js';
import { planCreateInput, planSchema, planUpdateInput } from '../domain/plan.js';
import { entityId } from '../validation/fields.js';

export const planMethods = {
  'plans.create': defineMethod({
    summary: 'Add a plan to the price list: kind, currency, default price per billing cycle, and its package on a panel.',
    input: planCreateInput,
    output: planSchema,
  }),
  'plans.update': defineMethod({
    summary: 'Change a plan; archiving takes it off the list for new contracts (existing contracts keep it).',
    input: planUpdateInput,
    output: planSchema,
  }),
  'plans.list': defineMethod({
    summary: 'The price list, by name.',
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.object({ items: z.array(planSchema) }),
  }),
};

export const contractMethods = {
  'contracts.create': defineMethod({
    summary:
      "Give a client a contract. Kind, panel and price come from the plan when left out; the currency is the client's; the first due date is the start date unless given.",
    input: contractCreateInput,
    output: contractSchema,
  }),
  'contracts.update': defineMethod({
    summary: 'Change a live contract (ended contracts are kept as they were). Fails with conflict when expectedVersion is stale.',
    input: contractUpdateInput,
    output: contractSchema,
  }),
  'contracts.end': defineMethod({
    summary: 'End a contract at the end of its term (no more renewals) or now (cancelled today), with a reason.',
    input: contractEndInput,
    output: contractSchema,
  }),
  'contracts.get': defineMethod({
    summary: 'One contract with its status history.',
    input: z.strictObject({ id: entityId }),
    output: contractDetailSchema,
  }),
  'contracts.listByClient': defineMethod({
    summary: "A client's contracts: live ones first, then by next due date.",
    input: z.strictObject({ clientId: entityId }),
    output: z.object({ items: z.array(contractSchema) }),
  }),
  'contracts.search': defineMethod({
    summary:
      'Contracts matching the query (label or domain, panel account, client name) and filters (status, kind, panel, due within N days, term review due), by next due date, one page at a time.',
    input: contractSearchInput,
    output: contractPage,
  }),
};
