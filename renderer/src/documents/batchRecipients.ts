// Whom a batch of letters goes to: the clients of the receivables aging who owe something overdue
// (the usual batch: notices to everyone late) or anything open at all (reminders before the due
// date). Pure, unit-tested.
import type { Output } from '../../../shared/api/methods.js';

type AgingClient = Output<'reports.aging'>['clients'][number];

export const RECIPIENT_GROUPS = ['overdue', 'open'] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];

export interface Recipient {
  clientId: string;
  clientName: string;
  currency: string;
  /** What is past due (group "overdue") or open in all (group "open"), in minor units. */
  amountMinor: number;
}

export const overdueMinor = (client: AgingClient) => client.totalMinor - client.buckets.current;

export function recipientsOf(clients: readonly AgingClient[], group: RecipientGroup): Recipient[] {
  return clients
    .map((client) => ({ clientId: client.clientId, clientName: client.clientName, currency: client.currency, amountMinor: group === 'overdue' ? overdueMinor(client) : client.totalMinor }))
    .filter((recipient) => recipient.amountMinor > 0)
    .sort((a, b) => a.clientName.localeCompare(b.clientName));
}
