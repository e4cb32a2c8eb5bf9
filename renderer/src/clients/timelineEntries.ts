// What a line of a client's activity timeline says, read from its audit entry: which action, which
// fields an update changed, the reason given for archiving, ending or refunding, and the period a
// renewal billed. Pure, unit-tested; the
// timeline component puts it into words.
import type { TimelineEntry } from '../../../shared/domain/client.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

export const TIMELINE_ACTIONS = [
  'client.created',
  'client.updated',
  'client.archived',
  'client.restored',
  'contract.created',
  'contract.updated',
  'contract.ended',
  'contract.renewed',
  'usage.recorded',
  'credit.refunded',
  'billing.credit_not_applied',
  'document.issued',
] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/** A field's label in the catalog, or its recorded name when this version has no label for it. */
export type FieldLabel = { key: MessageKey } | { name: string };

export interface TimelineLine {
  /** Null for an action this version of HostLedger has no words for yet (shown as recorded). */
  action: TimelineAction | null;
  /** The fields an update changed, in the order recorded. */
  changed: FieldLabel[];
  reason: string | null;
  /** How a contract was ended: at the end of its term or at once. */
  ended: 'term_end' | 'now' | null;
  endDate: string | null;
  /** The period a renewal billed. */
  period: { from: string; to: string } | null;
  /** The title of a document issued to the client (an invoice's PDF, a letter). */
  document: string | null;
}

const CLIENT_FIELDS: Record<string, MessageKey> = {
  name: 'field.name',
  company: 'field.company',
  contactName: 'field.contactName',
  email: 'field.email',
  billingEmail: 'field.billingEmail',
  phone: 'field.phone',
  address: 'clientForm.section.address',
  country: 'field.country',
  taxId: 'field.taxId',
  language: 'field.language',
  currency: 'field.currency',
  channels: 'field.channels',
  notes: 'field.notes',
  tags: 'field.tags',
  taxRateId: 'field.taxRate',
  taxExemptReason: 'field.taxExemptReason',
  prepay: 'field.prepay',
};

const CONTRACT_FIELDS: Record<string, MessageKey> = {
  planId: 'contractField.plan',
  kind: 'contractField.kind',
  label: 'contractField.label',
  panelKind: 'contractField.panelKind',
  panelAccount: 'contractField.panelAccount',
  priceMinor: 'contractField.price',
  cycle: 'contractField.cycle',
  pricingModel: 'contractField.pricingModel',
  tiers: 'contractField.tiers',
  unitLabel: 'contractField.unitLabel',
  startDate: 'contractField.startDate',
  nextDueDate: 'contractField.nextDueDate',
  endDate: 'contractField.endDate',
  expiresOn: 'contractField.expiresOn',
  autoRenew: 'contractField.autoRenew',
  termsText: 'contractField.termsText',
  termsVersion: 'contractField.termsVersion',
  signedDate: 'contractField.signedDate',
  termReviewDate: 'contractField.termReviewDate',
  notes: 'contractField.notes',
  status: 'contractField.status',
};

const isAction = (action: string): action is TimelineAction => (TIMELINE_ACTIONS as readonly string[]).includes(action);

const record = (data: unknown): Record<string, unknown> => (typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {});

const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function describeEntry(entry: TimelineEntry): TimelineLine {
  const action = isAction(entry.action) ? entry.action : null;
  const data = record(entry.data);
  const labels = entry.entity === 'contract' ? CONTRACT_FIELDS : CLIENT_FIELDS;
  const isUpdate = action === 'client.updated' || action === 'contract.updated';
  return {
    action,
    changed: isUpdate ? Object.keys(data).map((field): FieldLabel => (labels[field] ? { key: labels[field] } : { name: field })) : [],
    reason: action === 'client.archived' || action === 'contract.ended' || action === 'credit.refunded' ? textOf(data.reason) : null,
    ended: action === 'contract.ended' && (data.when === 'term_end' || data.when === 'now') ? data.when : null,
    endDate: action === 'contract.ended' ? textOf(data.endDate) : null,
    period: action === 'contract.renewed' && textOf(data.periodStart) && textOf(data.periodEnd) ? { from: textOf(data.periodStart)!, to: textOf(data.periodEnd)! } : null,
    document: action === 'document.issued' ? textOf(data.title) : null,
  };
}
