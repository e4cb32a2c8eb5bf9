// What every document model shares: the reseller (company profile), the addressee (the client),
// the envelope, and the labels, all in the client's language.
import type { Client } from '../../../../shared/domain/client.js';
import type { Language } from '../../../../shared/domain/language.js';
import { formatDate, word, type WordKey } from '../../../../shared/documents/wording.js';
import type { Context } from '../../context.js';
import { invalidField } from '../../errors.js';
import { createCompanyProfile } from '../companyProfile.js';
import type { CompanyBlock, EnvelopeLayout, Labels, RecipientBlock } from '../model.js';

/** The labels the PDF layer prints (electron/core/documents/pdf/labels.ts), in one language. */
const PDF_LABELS: readonly WordKey[] = [
  'page',
  'date',
  'taxId',
  'paymentDetails',
  'noPaymentDetails',
  'description',
  'quantity',
  'unitPrice',
  'taxRate',
  'amount',
  'entryDate',
  'debit',
  'credit',
  'balance',
  'signatureName',
  'signatureDate',
];

export const labelsFor = (language: Language): Labels => Object.fromEntries(PDF_LABELS.map((key) => [key, word(language, key)]));

export const COMPANY_NAME_MISSING = 'Set up the company profile (at least its name) before issuing documents.';

export interface Letterhead {
  company: CompanyBlock;
  envelope: EnvelopeLayout;
}

/**
 * The company profile as documents print it. Issuing needs at least the company's name. Without
 * payment details a document is still made — the page says to contact the reseller, and the
 * answer carries a payment_details_missing warning naming company.paymentLines — so a reseller
 * can hand out an invoice before setting up every detail, and is told.
 */
export function letterhead(ctx: Context, purpose: 'issue' | 'preview'): Letterhead {
  const { company, envelope } = createCompanyProfile(ctx.db).block();
  if (purpose === 'issue' && company.name === '') {
    throw invalidField({ field: 'company.name', code: 'required', message: COMPANY_NAME_MISSING });
  }
  return { company: { ...company, name: company.name || '—' }, envelope };
}

/** The client's postal address as it goes in the envelope window. */
export function recipientOf(client: Client): RecipientBlock {
  const address = client.address;
  const lines: string[] = [];
  if (client.company && client.company !== client.name) lines.push(client.company);
  if (client.contactName && client.contactName !== client.name) lines.push(client.contactName);
  if (address) {
    lines.push(...address.lines);
    const town = [address.postalCode, address.city, address.region].filter((part): part is string => Boolean(part)).join(' ');
    if (town) lines.push(town);
    if (address.country) lines.push(address.country);
  }
  return { name: client.name, addressLines: lines };
}

/** The address on one line, for the communication log. */
export const recipientLine = (recipient: RecipientBlock) => [recipient.name, ...recipient.addressLines].join(', ');

export function requireClient(ctx: Context, clientId: string, field = 'clientId'): Client {
  const client = ctx.clients.get(clientId);
  if (!client) throw invalidField({ field, code: 'unknown_reference', message: 'That client does not exist.' });
  return client;
}

/** The parts of a model every kind has. */
export function base(ctx: Context, client: Client, head: Letterhead, title: string) {
  const today = ctx.today();
  return {
    language: client.language,
    company: head.company,
    recipient: recipientOf(client),
    envelope: head.envelope,
    title,
    dateText: formatDate(client.language, today),
    issuedOn: today,
    labels: labelsFor(client.language),
  };
}
