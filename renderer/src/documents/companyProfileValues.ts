// The company profile form's values and what it sends: address and payment details are typed one
// line per row in a text box and sent as lists, empty boxes clear optional fields, and a logo is
// checked here (PNG or JPEG, within the size the book accepts) before it is read and sent. Pure,
// unit-tested.
import type { CompanyProfile } from '../../../shared/api/documents.js';
import type { Input } from '../../../shared/api/methods.js';
import { LOGO_MAX_BYTES } from '../../../shared/documents/kinds.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

export interface CompanyValues {
  name: string;
  address: string;
  taxId: string;
  email: string;
  phone: string;
  website: string;
  payment: string;
  envelopeFormat: CompanyProfile['envelope']['format'];
  envelopeWindow: CompanyProfile['envelope']['window'];
}

/** The boxes of the form, by the API field each one holds. */
export const COMPANY_FIELDS = ['name', 'addressLines', 'taxId', 'email', 'phone', 'website', 'paymentLines', 'logoBase64', 'envelopeFormat', 'envelopeWindow'] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];

export const COMPANY_LABELS: Record<CompanyField, MessageKey> = {
  name: 'companyForm.name',
  addressLines: 'companyForm.address',
  taxId: 'companyForm.taxId',
  email: 'companyForm.email',
  phone: 'companyForm.phone',
  website: 'companyForm.website',
  paymentLines: 'companyForm.payment',
  logoBase64: 'companyForm.logo',
  envelopeFormat: 'companyForm.envelopeFormat',
  envelopeWindow: 'companyForm.envelopeWindow',
};

export function companyValues(profile: CompanyProfile): CompanyValues {
  return {
    name: profile.name,
    address: profile.addressLines.join('\n'),
    taxId: profile.taxId ?? '',
    email: profile.email ?? '',
    phone: profile.phone ?? '',
    website: profile.website ?? '',
    payment: profile.paymentLines.join('\n'),
    envelopeFormat: profile.envelope.format,
    envelopeWindow: profile.envelope.window,
  };
}

/** The lines of a text box, without blank ones (a blank line prints nothing). */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** What a logo does on save: stays as it is, is replaced by new bytes, or is removed. */
export type LogoChange = { kind: 'keep' } | { kind: 'replace'; base64: string } | { kind: 'remove' };

export function companyUpdateOf(values: CompanyValues, logo: LogoChange): Input<'company.update'> {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: values.name,
    addressLines: linesOf(values.address),
    taxId: orNull(values.taxId),
    email: orNull(values.email),
    phone: orNull(values.phone),
    website: orNull(values.website),
    paymentLines: linesOf(values.payment),
    envelopeFormat: values.envelopeFormat,
    envelopeWindow: values.envelopeWindow,
    ...(logo.kind === 'replace' ? { logoBase64: logo.base64 } : logo.kind === 'remove' ? { logoBase64: null } : {}),
  };
}

/** The API field a refused path belongs to: `addressLines.2` is the address box. */
export const companyFieldOf = (path: string): CompanyField | null => {
  const head = path.split('.')[0]!;
  return (COMPANY_FIELDS as readonly string[]).includes(head) ? (head as CompanyField) : null;
};

/** Why a chosen logo file cannot be used, before it is read: its type, or its size. */
export function logoProblem(file: { type: string; size: number }): { kind: 'type' } | { kind: 'size'; maxBytes: number } | null {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return { kind: 'type' };
  if (file.size > LOGO_MAX_BYTES) return { kind: 'size', maxBytes: LOGO_MAX_BYTES };
  if (file.size === 0) return { kind: 'type' };
  return null;
}
