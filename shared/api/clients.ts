import { z } from 'zod';
import { defineMethod } from './contract.js';
import { clientCreateInput, clientPage, clientSchema, clientSearchInput, clientUpdateInput } from '../domain/client.js';
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
      'Clients whose name, company or email has a word starting with each word of the query (Chinese matched character by character), ordered by name, one page at a time.',
    input: clientSearchInput,
    output: clientPage,
  }),
};
