// Clients and their contracts from a CSV: a spreadsheet, or a WHMCS or Blesta export. Each row is
// a client (rows naming the same client add contracts to it), checked with the same rules as
// clients.create and contracts.create; committed as one batch in one transaction; undone whole.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { rowErrorSchema } from './imports.js';
import { currencyCode, entityId, optionalText } from '../validation/fields.js';

export const CLIENT_IMPORT_SOURCES = ['generic', 'whmcs', 'blesta'] as const;
export type ClientImportSource = (typeof CLIENT_IMPORT_SOURCES)[number];

/** What a column can be: fields of a client, then of a contract. */
export const CLIENT_IMPORT_FIELDS = [
  'externalId',
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'phone',
  'address1',
  'address2',
  'city',
  'region',
  'postalCode',
  'country',
  'currency',
  'language',
  'taxId',
  'notes',
  'label',
  'kind',
  'cycle',
  'price',
  'startDate',
  'nextDueDate',
  'panelAccount',
] as const;
export type ClientImportField = (typeof CLIENT_IMPORT_FIELDS)[number];

/** 8 Mi characters; over HTTP the 1 MiB body limit comes first. */
export const MAX_CLIENT_IMPORT_CHARS = 8 * 1024 * 1024;

export const clientImportInput = z.strictObject({
  /** At most MAX_CLIENT_IMPORT_CHARS, checked by the handler: as a schema limit it would also be a generator's. */
  csv: z.string().min(1),
  source: z.enum(CLIENT_IMPORT_SOURCES).default('generic'),
  /** Field → CSV column. Overrides the source's usual column names; a field mapped to "" is left out. */
  mapping: z.partialRecord(z.enum(CLIENT_IMPORT_FIELDS), z.string().trim().max(100)).default({}),
  /** For rows without a currency: the client's billing currency. */
  currency: currencyCode.optional(),
  fileName: optionalText(255),
});

const contractPreview = z.object({ label: z.string(), kind: z.string(), cycle: z.string(), priceMinor: z.number().int(), nextDueDate: z.string() });

export const clientImportPreviewSchema = z.object({
  columns: z.array(z.string()),
  /** The mapping used: the source's column names found in the file, then the caller's. */
  mapping: z.record(z.string(), z.string()),
  rowCount: z.number().int(),
  clients: z.number().int(),
  contracts: z.number().int(),
  /** The first 100 clients as they would be created. */
  sample: z.array(z.object({ row: z.number().int(), name: z.string(), email: z.string().nullable(), currency: z.string(), contracts: z.array(contractPreview) })),
  errorCount: z.number().int(),
  errors: z.array(rowErrorSchema),
});

export const clientImportBatchSchema = z.object({
  id: z.string(),
  source: z.enum(CLIENT_IMPORT_SOURCES),
  fileName: z.string().nullable(),
  rowCount: z.number().int(),
  clientsCreated: z.number().int(),
  contractsCreated: z.number().int(),
  status: z.enum(['imported', 'undone']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});

export const clientImportMethods = {
  'imports.clients.preview': defineMethod({
    summary: 'Check a client and contract CSV row by row without writing anything: the clients and contracts it would create, an error per bad row and column.',
    input: clientImportInput,
    output: clientImportPreviewSchema,
  }),
  'imports.clients.commit': defineMethod({
    summary: 'Create the clients and contracts of a CSV as one batch, all or nothing. Refused whole if any row has an error.',
    input: clientImportInput,
    output: clientImportBatchSchema,
  }),
  'imports.clients.undo': defineMethod({
    summary: 'Remove exactly the clients and contracts a batch created — refused once any of them has been invoiced, paid or referred to since.',
    input: z.strictObject({ batchId: entityId }),
    output: clientImportBatchSchema,
  }),
  'imports.clients.list': defineMethod({
    summary: 'Client imports, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ items: z.array(clientImportBatchSchema) }),
  }),
};
