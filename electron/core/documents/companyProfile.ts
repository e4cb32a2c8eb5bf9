// The company profile: the reseller as printed on every document. One row in the book, so it is
// backed up with the data; the logo's bytes sit in that row too, capped well below browser mode's
// 1 MiB request limit.
import type { CompanyProfile } from '../../../shared/api/documents.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import { LOGO_MAX_BYTES } from '../../../shared/documents/kinds.js';
import type { Db } from '../db/database.js';
import { invalidField } from '../errors.js';
import type { CompanyBlock, EnvelopeLayout } from './model.js';

interface ProfileRow {
  name: string;
  address_json: string;
  tax_id: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  payment_json: string;
  logo: Buffer | null;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  logo_width: number | null;
  logo_height: number | null;
  envelope_format: 'DL' | 'C5';
  envelope_window: 'left' | 'right';
  updated_at: string;
}

const EMPTY: CompanyProfile = {
  name: '',
  addressLines: [],
  taxId: null,
  email: null,
  phone: null,
  website: null,
  paymentLines: [],
  logo: null,
  envelope: { format: 'DL', window: 'left' },
  configured: false,
  updatedAt: null,
};

export interface Logo {
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

/** Reads the size of a PNG or JPEG from its header; null when the bytes are neither. */
export function readLogo(bytes: Buffer): Logo | null {
  if (bytes.length > 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    return width > 0 && height > 0 ? { mime: 'image/png', bytes, width, height } : null;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the frame header (SOF0–SOF15, except DHT, JPG and DAC), which holds the size.
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      const length = bytes.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = bytes.readUInt16BE(at + 5);
        const width = bytes.readUInt16BE(at + 7);
        return width > 0 && height > 0 ? { mime: 'image/jpeg', bytes, width, height } : null;
      }
      at += 2 + length;
    }
  }
  return null;
}

export function createCompanyProfile(db: Db) {
  const read = db.prepare<[], ProfileRow>('SELECT * FROM company_profile WHERE id = 1');
  const readName = db.prepare<[], string>('SELECT name FROM company_profile WHERE id = 1').pluck();

  const toProfile = (row: ProfileRow | undefined): CompanyProfile =>
    row
      ? {
          name: row.name,
          addressLines: JSON.parse(row.address_json) as string[],
          taxId: row.tax_id,
          email: row.email,
          phone: row.phone,
          website: row.website,
          paymentLines: JSON.parse(row.payment_json) as string[],
          logo:
            row.logo && row.logo_mime
              ? { mime: row.logo_mime, base64: row.logo.toString('base64'), bytes: row.logo.length, width: row.logo_width ?? 0, height: row.logo_height ?? 0 }
              : null,
          envelope: { format: row.envelope_format, window: row.envelope_window },
          configured: row.name !== '',
          updatedAt: row.updated_at,
        }
      : EMPTY;

  return {
    get: (): CompanyProfile => toProfile(read.get()),

    /** Whether a name is saved, which issuing a document needs (without reading the logo). */
    named: (): boolean => (readName.get() ?? '') !== '',

    /** What documents print: the profile as the PDF layer takes it. */
    block(): { company: CompanyBlock; envelope: EnvelopeLayout } {
      const row = read.get();
      const profile = toProfile(row);
      return {
        company: {
          name: profile.name,
          addressLines: profile.addressLines,
          taxId: profile.taxId,
          email: profile.email,
          phone: profile.phone,
          website: profile.website,
          paymentLines: profile.paymentLines,
          logo: row?.logo ? new Uint8Array(row.logo) : null,
        },
        envelope: profile.envelope,
      };
    },

    /** Writes the changed fields (inside the caller's transaction); returns what changed, for the audit row. */
    update(input: ParsedInput<'company.update'>, at: string): string[] {
      const current = read.get();
      if (!current && input.name === undefined) {
        throw invalidField({ field: 'name', code: 'required', message: 'The company name is required the first time the profile is saved.' });
      }
      let logo: Logo | null | undefined;
      if (input.logoBase64 === null) logo = null;
      else if (input.logoBase64 !== undefined) {
        const text = input.logoBase64.replace(/\s+/g, '');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
          throw invalidField({ field: 'logoBase64', code: 'invalid', message: 'The logo is not valid base64 text.' });
        }
        const bytes = Buffer.from(text, 'base64');
        if (bytes.length > LOGO_MAX_BYTES) {
          throw invalidField({ field: 'logoBase64', code: 'too_large', message: `The logo may be at most ${LOGO_MAX_BYTES / 1024} KiB.`, params: { max: LOGO_MAX_BYTES } });
        }
        logo = readLogo(bytes);
        if (!logo) throw invalidField({ field: 'logoBase64', code: 'invalid', message: 'The logo must be a PNG or JPEG image.' });
      }
      const next = {
        name: input.name ?? current!.name,
        address_json: input.addressLines !== undefined ? JSON.stringify(input.addressLines) : (current?.address_json ?? '[]'),
        tax_id: input.taxId === undefined ? (current?.tax_id ?? null) : (input.taxId ?? null),
        email: input.email === undefined ? (current?.email ?? null) : input.email,
        phone: input.phone === undefined ? (current?.phone ?? null) : (input.phone ?? null),
        website: input.website === undefined ? (current?.website ?? null) : (input.website ?? null),
        payment_json: input.paymentLines !== undefined ? JSON.stringify(input.paymentLines) : (current?.payment_json ?? '[]'),
        logo: logo === undefined ? (current?.logo ?? null) : (logo?.bytes ?? null),
        logo_mime: logo === undefined ? (current?.logo_mime ?? null) : (logo?.mime ?? null),
        logo_width: logo === undefined ? (current?.logo_width ?? null) : (logo?.width ?? null),
        logo_height: logo === undefined ? (current?.logo_height ?? null) : (logo?.height ?? null),
        envelope_format: input.envelopeFormat ?? current?.envelope_format ?? 'DL',
        envelope_window: input.envelopeWindow ?? current?.envelope_window ?? 'left',
        updated_at: at,
      };
      const changed = current
        ? (Object.keys(next) as (keyof typeof next)[]).filter((key) => key !== 'updated_at' && !sameValue(current[key], next[key]))
        : Object.keys(next).filter((key) => key !== 'updated_at');
      db.prepare(
        `INSERT INTO company_profile (id, name, address_json, tax_id, email, phone, website, payment_json, logo, logo_mime, logo_width, logo_height, envelope_format, envelope_window, updated_at)
         VALUES (1, @name, @address_json, @tax_id, @email, @phone, @website, @payment_json, @logo, @logo_mime, @logo_width, @logo_height, @envelope_format, @envelope_window, @updated_at)
         ON CONFLICT (id) DO UPDATE SET name = @name, address_json = @address_json, tax_id = @tax_id, email = @email, phone = @phone, website = @website,
           payment_json = @payment_json, logo = @logo, logo_mime = @logo_mime, logo_width = @logo_width, logo_height = @logo_height,
           envelope_format = @envelope_format, envelope_window = @envelope_window, updated_at = @updated_at`,
      ).run(next);
      return changed;
    },
  };
}

const sameValue = (a: unknown, b: unknown) => (Buffer.isBuffer(a) && Buffer.isBuffer(b) ? a.equals(b) : a === b);

export type CompanyProfileStore = ReturnType<typeof createCompanyProfile>;
