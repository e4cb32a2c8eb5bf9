// Push events: the backend tells every open window what changed, so lists refresh themselves.
import { z } from 'zod';

export const eventSchemas = {
  'clients.changed': z.object({ id: z.string(), change: z.enum(['created', 'updated']) }),
  'contracts.changed': z.object({ id: z.string(), clientId: z.string() }),
  /** Invoices, payments or credit of a client changed: their account and lists refresh. */
  'accounts.changed': z.object({ clientId: z.string() }),
  /** The book was replaced (a restore): every window reloads what it shows. */
  'app.reopened': z.object({ reason: z.enum(['restore']) }),
  /** A panel action was asked for, approved, started, finished or cancelled. */
  'actions.updated': z.object({ id: z.string(), contractId: z.string(), state: z.string() }),
  /** A ladder run finished: the desk and the clients' logs refresh. */
  'dunning.ran': z.object({ runId: z.string(), done: z.number().int(), failed: z.number().int() }),
  /** The desk has work for a person, or something failed: the desktop shows a notification. */
  'dunning.attention': z.object({ needsApproval: z.number().int(), failed: z.number().int(), callsDue: z.number().int() }),
  'job.progress': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number().int(),
    total: z.number().int().nullable(),
    finished: z.boolean(),
  }),
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
