// The client form works on plain strings, as the inputs hold them; these functions turn a client
// into form values and form values into the API's create and update inputs.
import { CHANNELS, type Channel, type Client, type ClientCreateInput, type ClientUpdateInput } from '../../../shared/domain/client.js';
import type { Language } from '../../../shared/domain/language.js';

export interface ClientFormValues {
  name: string;
  company: string;
  contactName: string;
  email: string;
  billingEmail: string;
  phone: string;
  addressLines: string;
  city: string;
  region: string;
  postalCode: string;
  addressCountry: string;
  country: string;
  taxId: string;
  language: Language;
  currency: string;
  channels: Channel[];
  notes: string;
  tags: string;
  /** A tax rate's id, or '' for the rate of the client's country (else the book's default). */
  taxRateId: string;
  /** Why no tax is charged; empty when the client pays tax. */
  taxExemptReason: string;
  /** Pays before the service period: renewals are proformas. */
  prepay: boolean;
}

export type ClientFormField = keyof ClientFormValues;

/** Optional texts that map one to one onto the contract's field of the same name. */
const TEXT_FIELDS = ['company', 'contactName', 'email', 'billingEmail', 'phone', 'country', 'taxId', 'notes', 'taxExemptReason'] as const;

export function newClientValues(language: Language, currency: string): ClientFormValues {
  return {
    name: '', company: '', contactName: '', email: '', billingEmail: '', phone: '',
    addressLines: '', city: '', region: '', postalCode: '', addressCountry: '',
    country: '', taxId: '', language, currency, channels: ['email'], notes: '', tags: '',
    taxRateId: '', taxExemptReason: '', prepay: false,
  };
}

export function clientValues(client: Client): ClientFormValues {
  return {
    name: client.name,
    company: client.company ?? '',
    contactName: client.contactName ?? '',
    email: client.email ?? '',
    billingEmail: client.billingEmail ?? '',
    phone: client.phone ?? '',
    addressLines: client.address?.lines.join('\n') ?? '',
    city: client.address?.city ?? '',
    region: client.address?.region ?? '',
    postalCode: client.address?.postalCode ?? '',
    addressCountry: client.address?.country ?? '',
    country: client.country ?? '',
    taxId: client.taxId ?? '',
    language: client.language,
    currency: client.currency,
    channels: client.channels,
    notes: client.notes ?? '',
    tags: client.tags.join(', '),
    taxRateId: client.taxRateId ?? '',
    taxExemptReason: client.taxExemptReason ?? '',
    prepay: client.prepay,
  };
}

/** Tags as typed: commas (also the Chinese ， and 、) separate them; repeats are dropped. */
export const parseTags = (text: string): string[] => [...new Set(text.split(/[,，、]/).map((tag) => tag.trim()).filter(Boolean))];

const parseLines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** Channels in the contract's order, whatever order the boxes were ticked in. */
export const orderedChannels = (chosen: readonly Channel[]): Channel[] => CHANNELS.filter((channel) => chosen.includes(channel));

type AddressInput = NonNullable<ClientCreateInput['address']>;

/** The address as the API takes it, or undefined when every address field is empty. */
function addressOf(values: ClientFormValues): AddressInput | undefined {
  const lines = parseLines(values.addressLines);
  const parts = { city: values.city.trim(), region: values.region.trim(), postalCode: values.postalCode.trim(), country: values.addressCountry.trim() };
  if (lines.length === 0 && !Object.values(parts).some(Boolean)) return undefined;
  const address: AddressInput = { lines };
  for (const [key, text] of Object.entries(parts) as [keyof typeof parts, string][]) if (text) address[key] = text;
  return address;
}

/** A new client: only the optional fields the user filled in, so the backend's defaults apply to the rest. */
export function createInputOf(values: ClientFormValues): ClientCreateInput {
  const input: ClientCreateInput = {
    // Required: sent even when empty, so the backend's answer puts "required" beside the field.
    name: values.name.trim(),
    language: values.language,
    currency: values.currency.trim(),
    // Sent even when none is ticked: "no channel" is a choice, not a gap to fill with the default.
    channels: orderedChannels(values.channels),
  };
  for (const field of TEXT_FIELDS) {
    const text = values[field].trim();
    if (text) input[field] = text;
  }
  const address = addressOf(values);
  if (address) input.address = address;
  const tags = parseTags(values.tags);
  if (tags.length > 0) input.tags = tags;
  if (values.taxRateId) input.taxRateId = values.taxRateId;
  if (values.prepay) input.prepay = true;
  return input;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes to an existing client: only fields that differ from `client`, emptied optional
 * fields as null (which clears them), and the version the form was opened at. Null when nothing changed.
 */
export function updateInputOf(client: Client, values: ClientFormValues): ClientUpdateInput | null {
  const before = clientValues(client);
  const input: ClientUpdateInput = { id: client.id, expectedVersion: client.version };
  let changed = false;
  const set = <K extends keyof ClientUpdateInput>(key: K, value: ClientUpdateInput[K]) => {
    input[key] = value;
    changed = true;
  };

  if (values.name.trim() !== before.name) set('name', values.name.trim());
  if (values.currency.trim().toUpperCase() !== before.currency) set('currency', values.currency.trim());
  if (values.language !== before.language) set('language', values.language);
  for (const field of TEXT_FIELDS) {
    const text = values[field].trim();
    if (text !== before[field]) set(field, text || null);
  }
  const address = addressOf(values);
  if (!same(address, addressOf(before))) set('address', address ?? null);
  if (!same(orderedChannels(values.channels), before.channels)) set('channels', orderedChannels(values.channels));
  if (!same(parseTags(values.tags), client.tags)) set('tags', parseTags(values.tags));
  if (values.taxRateId !== before.taxRateId) set('taxRateId', values.taxRateId || null);
  if (values.prepay !== before.prepay) set('prepay', values.prepay);
  return changed ? input : null;
}

/**
 * Which input shows an error the backend reported for a field path: `address.lines.2` belongs to
 * the street-address box, `tags.1` to the tags box. Undefined for paths no input holds (the error
 * then only appears in the summary).
 */
const INPUT_OF_PATH = new Map<string, ClientFormField>([
  ['name', 'name'], ['company', 'company'], ['contactName', 'contactName'], ['email', 'email'],
  ['billingEmail', 'billingEmail'], ['phone', 'phone'], ['address', 'addressLines'],
  ['address.lines', 'addressLines'], ['address.city', 'city'], ['address.region', 'region'],
  ['address.postalCode', 'postalCode'], ['address.country', 'addressCountry'], ['country', 'country'],
  ['taxId', 'taxId'], ['language', 'language'], ['currency', 'currency'], ['channels', 'channels'],
  ['notes', 'notes'], ['tags', 'tags'], ['taxRateId', 'taxRateId'], ['taxExemptReason', 'taxExemptReason'],
  ['prepay', 'prepay'],
]);

export function inputOfPath(path: string): ClientFormField | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const field = INPUT_OF_PATH.get(parts.slice(0, length).join('.'));
    if (field) return field;
  }
  return undefined;
}
