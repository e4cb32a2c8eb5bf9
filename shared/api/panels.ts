// Control panel connections: add, probe and pin the certificate, test, link contracts, read an
// account's live state, and the drift report. Credentials go in and never come out: answers say
// which credential fields are set, never their values.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { CONTRACT_STATUSES } from '../domain/contract.js';
import { PANEL_CAPABILITIES, type ConnectablePanelKind } from '../domain/panelCapabilities.js';
import { entityId, requiredText } from '../validation/fields.js';

export const CONNECTABLE_PANEL_KINDS = Object.keys(PANEL_CAPABILITIES) as ConnectablePanelKind[];
export const connectablePanelKind = z.enum(CONNECTABLE_PANEL_KINDS as [ConnectablePanelKind, ...ConnectablePanelKind[]]);

/** A host name or IP address, as typed in a panel's address (no scheme, no path). */
export const panelHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^[0-9a-fA-F:]+$/, {
    message: 'A host name or IP address, without https:// or a path.',
  })
  .describe('a host name or IP address');

const port = z.number().int().min(1).max(65535);
/** Field names come from PANEL_CONNECTION_FIELDS; the backend refuses names the kind does not use. */
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, { message: 'Not a field name.' });
const optionValues = z.record(fieldName, z.string().trim().max(200));
/** Secret values; an empty string leaves a stored secret as it is on update. */
const credentialValues = z.record(fieldName, z.string().max(4000));

export const certificateSchema = z.object({
  sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
});

export const panelConnectionSchema = z.object({
  id: z.string(),
  kind: connectablePanelKind,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  options: z.record(z.string(), z.string()),
  /** The certificate the reseller pinned; null until then (plain-HTTP connections never have one). */
  pinned: z.object({ sha256: z.string(), subject: z.string(), validTo: z.string() }).nullable(),
  /** https, or http where the panel's options say so (BT Panel's old installs, a webhook). */
  protocol: z.enum(['https', 'http']),
  lastTest: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable(),
  /** Names of the credential fields that have a value in the secret store; never the values. */
  credentialsSet: z.array(z.string()),
  linkedContracts: z.number().int(),
  version: z.number().int(),
});
export type PanelConnection = z.infer<typeof panelConnectionSchema>;

export const bandwidthSchema = z.object({
  /** Monthly transfer quota in MB; null = unlimited. */
  monthlyMb: z.number().int().min(1).max(100_000_000).nullable(),
  /** Speed limit in KB/s; null = unlimited. */
  rateKBps: z.number().int().min(1).max(10_000_000).nullable(),
});

export const accountStateSchema = z.object({
  exists: z.boolean(),
  suspended: z.boolean(),
  package: z.string().nullable(),
  bandwidth: bandwidthSchema.nullable(),
  summary: z.string(),
});

export const DRIFT_PROBLEMS = ['suspended_on_panel', 'active_on_panel', 'missing_on_panel', 'unreadable'] as const;

export const driftItemSchema = z.object({
  contractId: z.string(),
  label: z.string(),
  clientName: z.string(),
  account: z.string(),
  connectionId: z.string(),
  connectionName: z.string(),
  bookStatus: z.enum(CONTRACT_STATUSES),
  problem: z.enum(DRIFT_PROBLEMS),
  /** What the panel said (or why it could not be read), secrets removed. */
  panelSummary: z.string(),
  /** Which one-click fixes apply: make the panel match the book, or the book match the panel. */
  fixes: z.array(z.enum(['panel_to_book', 'book_to_panel'])),
});

const connectionInputFields = {
  name: requiredText(100),
  host: panelHost,
  /** The kind's usual admin port when left out. */
  port: port.optional(),
  options: optionValues.optional(),
  credentials: credentialValues.optional(),
};

export const panelMethods = {
  'panels.connections.list': defineMethod({
    summary: 'Every control panel connection: where it is, its pinned certificate, its last test, which credential fields are set (never their values) and how many contracts link to it.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(panelConnectionSchema) }),
  }),
  'panels.connections.create': defineMethod({
    summary: "Add a panel connection. Credentials (PANEL_CONNECTION_FIELDS[kind].credentials) go to the secret store, never the book. Probe and pin its certificate before it is used.",
    input: z.strictObject({ kind: connectablePanelKind, ...connectionInputFields }),
    output: panelConnectionSchema,
  }),
  'panels.connections.update': defineMethod({
    summary: 'Change a connection. A credential left out or empty keeps its stored value; a new host or port drops the pinned certificate.',
    input: z.strictObject({
      id: entityId,
      expectedVersion: z.number().int().positive().optional(),
      name: connectionInputFields.name.optional(),
      host: panelHost.optional(),
      port: port.optional(),
      options: optionValues.optional(),
      credentials: credentialValues.optional(),
    }),
    output: panelConnectionSchema,
  }),
  'panels.connections.delete': defineMethod({
    summary: 'Remove a connection and its stored credentials; refused while contracts link to it or actions on it are open.',
    input: z.strictObject({ id: entityId }),
    output: z.object({ id: z.string() }),
  }),
  'panels.probe': defineMethod({
    summary: "First contact: the certificate the panel presents (TLS handshake only; no credentials are sent), and whether it is the pinned one.",
    input: z.strictObject({ id: entityId }),
    output: z.object({ certificate: certificateSchema.nullable(), matchesPin: z.boolean().nullable() }),
  }),
  'panels.pin': defineMethod({
    summary: 'Pin the certificate the reseller accepted (its SHA-256 as shown by panels.probe); refused if the panel now presents another.',
    input: z.strictObject({ id: entityId, sha256: z.string().trim().regex(/^([0-9A-Fa-f]{2}:?){32}$/, { message: 'A SHA-256 fingerprint: 64 hex digits.' }) }),
    output: panelConnectionSchema,
  }),
  'panels.test': defineMethod({
    summary: 'An authenticated call to the panel through the pinned connection; the outcome is kept as the connection’s last test.',
    input: z.strictObject({ id: entityId }),
    output: z.object({ ok: z.boolean(), message: z.string(), connection: panelConnectionSchema }),
  }),
  'panels.link': defineMethod({
    summary: "Link live contracts of the connection's panel kind to it in bulk (optionally only those whose label or account contains `query`); each account is checked by the panel's adapter.",
    input: z.strictObject({
      connectionId: entityId,
      query: z.string().trim().max(200).default(''),
      /** Leave contracts already linked to another connection alone. */
      onlyUnlinked: z.boolean().default(true),
    }),
    output: z.object({
      linked: z.number().int(),
      skipped: z.array(z.object({ contractId: z.string(), label: z.string(), reason: z.string() })),
    }),
  }),
  'panels.linkContract': defineMethod({
    summary: "Link one contract to a connection (null unlinks); its panel account is checked by the panel's adapter.",
    input: z.strictObject({ contractId: entityId, connectionId: entityId.nullable() }),
    output: z.object({ contractId: z.string(), connectionId: z.string().nullable() }),
  }),
  'panels.contractLink': defineMethod({
    summary: 'Which connection a contract is linked to, and what that panel can do.',
    input: z.strictObject({ contractId: entityId }),
    output: z.object({ connectionId: z.string().nullable(), connectionName: z.string().nullable(), kind: connectablePanelKind.nullable() }),
  }),
  'panels.accountState': defineMethod({
    summary: "A contract's account as its panel reports it now (read live through the pinned connection).",
    input: z.strictObject({ contractId: entityId }),
    output: z.object({ connectionId: z.string(), connectionName: z.string(), kind: connectablePanelKind, state: accountStateSchema, readAt: z.string() }),
  }),
  'panels.drift': defineMethod({
    summary: 'Contracts whose status in the book and state on the panel disagree (or that the panel does not have), read live; reports job.progress.',
    input: z.strictObject({ connectionId: entityId.optional() }),
    output: z.object({ jobId: z.string(), checked: z.number().int(), items: z.array(driftItemSchema) }),
  }),
  'panels.fixDrift': defineMethod({
    summary: "Fix one drift: `panel_to_book` queues the action that makes the panel match the book; `book_to_panel` changes the contract's status to what the panel shows.",
    input: z.strictObject({ contractId: entityId, fix: z.enum(['panel_to_book', 'book_to_panel']) }),
    output: z.object({ actionId: z.string().nullable(), bookStatus: z.enum(CONTRACT_STATUSES) }),
  }),
};
