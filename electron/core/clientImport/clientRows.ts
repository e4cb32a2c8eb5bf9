// Reading a client and contract CSV into clients.create and contracts.create inputs, checked with
// those methods' own schemas, so an import refuses exactly what the client form would. Column
// names of WHMCS and Blesta exports are known; any other file is mapped by the person importing.
// Rows naming the same client (by its id in the old system, else email, else name) add contracts
// to the first row's client. Writes nothing: clientImportHandlers.ts commits the plan.
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { MAX_CLIENT_IMPORT_CHARS, type ClientImportField, type ClientImportSource } from '../../../shared/api/clientImports.js';
import type { RowError } from '../../../shared/api/imports.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import { BILLING_CYCLES, type BillingCycle } from '../../../shared/domain/billingCycle.js';
import { clientCreateInput } from '../../../shared/domain/client.js';
import { contractCreateInput } from '../../../shared/domain/contract.js';
import { SERVICE_KINDS } from '../../../shared/domain/plan.js';
import { isIsoDate } from '../../../shared/dates.js';
import { parseAmount } from '../../../shared/money.js';
import { toFieldErrors } from '../../../shared/validation/fieldErrors.js';
import type { Db } from '../db/database.js';
import { invalidField } from '../errors.js';

/** The column names each source uses for a field, tried in order, case-insensitively. */
const PRESETS: Record<ClientImportSource, Partial<Record<ClientImportField, string[]>>> = {
  generic: {
    externalId: ['id', 'client id', 'customer id', '客户编号'],
    name: ['name', 'client', 'client name', 'customer', '客户', '客户名称', '名称'],
    firstName: ['first name', 'firstname'],
    lastName: ['last name', 'lastname'],
    company: ['company', 'company name', '公司'],
    email: ['email', 'e-mail', 'email address', '邮箱', '电子邮件'],
    phone: ['phone', 'telephone', '电话', '手机'],
    address1: ['address', 'address 1', 'street', '地址'],
    address2: ['address 2'],
    city: ['city', '城市'],
    region: ['state', 'region', 'province', '省份'],
    postalCode: ['postcode', 'postal code', 'zip', '邮编'],
    country: ['country', '国家'],
    currency: ['currency', '币种', '货币'],
    language: ['language', '语言'],
    taxId: ['tax id', 'vat', '税号'],
    notes: ['notes', '备注'],
    label: ['domain', 'service', 'label', 'hostname', '域名', '服务'],
    kind: ['kind', 'type', '类型'],
    cycle: ['cycle', 'billing cycle', '付款周期', '计费周期'],
    price: ['price', 'amount', '价格', '金额'],
    startDate: ['start date', 'start', '开始日期'],
    nextDueDate: ['next due date', 'due date', '到期日'],
    panelAccount: ['username', 'panel account', '用户名'],
  },
  whmcs: {
    externalId: ['id', 'userid', 'client id'],
    firstName: ['firstname', 'first name'],
    lastName: ['lastname', 'last name'],
    company: ['companyname', 'company name'],
    email: ['email', 'email address'],
    phone: ['phonenumber', 'phone number'],
    address1: ['address1', 'address 1'],
    address2: ['address2', 'address 2'],
    city: ['city'],
    region: ['state'],
    postalCode: ['postcode'],
    country: ['country'],
    currency: ['currency_code', 'currency'],
    taxId: ['tax_id'],
    notes: ['notes'],
    label: ['domain'],
    kind: ['type', 'producttype'],
    cycle: ['billingcycle', 'billing cycle'],
    price: ['amount', 'recurring amount', 'recurringamount'],
    startDate: ['regdate', 'registration date'],
    nextDueDate: ['nextduedate', 'next due date'],
    panelAccount: ['username'],
  },
  blesta: {
    externalId: ['client id', 'id_code', 'id'],
    firstName: ['first name', 'first_name'],
    lastName: ['last name', 'last_name'],
    company: ['company'],
    email: ['email'],
    phone: ['phone', 'phone number'],
    address1: ['address 1', 'address1'],
    address2: ['address 2', 'address2'],
    city: ['city'],
    region: ['state'],
    postalCode: ['zip', 'zip code'],
    country: ['country'],
    currency: ['currency'],
    taxId: ['tax id'],
    label: ['service', 'service label', 'domain', 'label'],
    kind: ['module', 'type'],
    cycle: ['term', 'period'],
    price: ['price', 'amount'],
    startDate: ['date added', 'date_added'],
    nextDueDate: ['date renews', 'date_renews', 'renew date'],
    panelAccount: ['username'],
  },
};

type ClientInput = ParsedInput<'clients.create'>;
type ContractInput = Omit<ParsedInput<'contracts.create'>, 'clientId'>;

export interface PlannedClient {
  row: number;
  key: string;
  input: ClientInput;
  contracts: { row: number; input: ContractInput }[];
}

export interface ClientImportPlan {
  columns: string[];
  mapping: Record<string, string>;
  rowCount: number;
  clients: PlannedClient[];
  errors: RowError[];
}

/** WHMCS, Blesta and people write a billing cycle many ways: "Annually", "1 Year", "年付". */
export function parseCycle(text: string): BillingCycle | null {
  const value = text.trim().toLowerCase();
  if ((BILLING_CYCLES as readonly string[]).includes(value)) return value as BillingCycle;
  const words: [RegExp, BillingCycle][] = [
    [/^(monthly|1 ?months?|month|月付|每月|月)$/, 'monthly'],
    [/^(quarterly|3 ?months?|季付|每季度|季)$/, 'quarterly'],
    [/^(semi-?annually|semi-?annual|6 ?months?|半年付|半年)$/, 'semiannual'],
    [/^(annually|annual|yearly|1 ?years?|12 ?months?|year|年付|每年|年)$/, 'annual'],
    [/^(biennially|biennial|2 ?years?|24 ?months?|两年付|两年)$/, 'biennial'],
  ];
  return words.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** The kind of service from a word the old system used ("hostingaccount", "VPS", "域名"). */
export function parseKind(text: string): (typeof SERVICE_KINDS)[number] | null {
  const value = text.trim().toLowerCase();
  if ((SERVICE_KINDS as readonly string[]).includes(value)) return value as (typeof SERVICE_KINDS)[number];
  const words: [RegExp, (typeof SERVICE_KINDS)[number]][] = [
    [/reseller|分销/, 'reseller_hosting'],
    [/dedicated|独立服务器/, 'dedicated_server'],
    [/vps|virtual|server|云服务器|服务器/, 'vps'],
    [/domain|域名/, 'domain'],
    [/ssl|certificate|证书/, 'ssl_certificate'],
    [/hosting|shared|cpanel|plesk|directadmin|虚拟主机|主机/, 'shared_hosting'],
  ];
  return words.find(([pattern]) => pattern.test(value))?.[1] ?? null;
}

/** "2026-03-01", "2026-03-01 10:00:00"; WHMCS's "0000-00-00" means none. */
function dateOf(text: string): string | null | 'invalid' {
  const day = text.trim().split(/[\sT]/)[0] ?? '';
  if (day === '' || day === '0000-00-00') return null;
  return isIsoDate(day) ? day : 'invalid';
}

function guessDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

/** Where the schemas' field names come from in the file, so an error names the column. */
const SCHEMA_FIELD_TO: Record<string, ClientImportField> = {
  name: 'name',
  company: 'company',
  contactName: 'firstName',
  email: 'email',
  phone: 'phone',
  'address.lines': 'address1',
  'address.city': 'city',
  'address.region': 'region',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
  country: 'country',
  currency: 'currency',
  language: 'language',
  taxId: 'taxId',
  notes: 'notes',
  label: 'label',
  kind: 'kind',
  cycle: 'cycle',
  priceMinor: 'price',
  startDate: 'startDate',
  nextDueDate: 'nextDueDate',
  panelAccount: 'panelAccount',
};

export function planClientImport(
  db: Db,
  input: { csv: string; source: ClientImportSource; mapping: Partial<Record<ClientImportField, string>>; currency?: string | undefined },
  today: string,
): ClientImportPlan {
  if (input.csv.length > MAX_CLIENT_IMPORT_CHARS) {
    throw invalidField({ field: 'csv', code: 'too_long', message: `A client file may have at most ${MAX_CLIENT_IMPORT_CHARS} characters; split it into several imports.`, params: { max: MAX_CLIENT_IMPORT_CHARS } });
  }
  const text = input.csv.charCodeAt(0) === 0xfeff ? input.csv.slice(1) : input.csv;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw invalidField({ field: 'csv', code: 'invalid', message: `The file is not a CSV HostLedger can read: ${(error as Error).message}` });
  }
  const columns = records[0]?.record ?? [];
  const lower = columns.map((c) => c.toLowerCase());
  const mapping: Partial<Record<ClientImportField, string>> = {};
  for (const [field, names] of Object.entries(PRESETS[input.source]) as [ClientImportField, string[]][]) {
    const at = names.map((n) => lower.indexOf(n)).find((i) => i >= 0);
    if (at !== undefined) mapping[field] = columns[at]!;
  }
  for (const [field, column] of Object.entries(input.mapping) as [ClientImportField, string][]) {
    if (column === '') delete mapping[field];
    else if (!columns.includes(column)) throw invalidField({ field: `mapping.${field}`, code: 'unknown_reference', message: `The file has no column "${column}".` });
    else mapping[field] = column;
  }
  if (!mapping.name && !mapping.firstName && !mapping.lastName && !mapping.company) {
    // Reported on the header row, with the columns, so the person can map one and check again.
    const error = { row: 1, column: null, code: 'required', message: "Say which column holds the client's name." };
    return { columns, mapping: mapping as Record<string, string>, rowCount: Math.max(0, records.length - 1), clients: [], errors: [error] };
  }
  const index = new Map(columns.map((c, i) => [c, i] as const));
  const fallbackCurrency = input.currency ?? null;
  const knownEmails = new Set(db.prepare<[], string>('SELECT lower(email) FROM clients WHERE email IS NOT NULL').pluck().all());

  const errors: RowError[] = [];
  const clients = new Map<string, PlannedClient>();
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    const cell = (field: ClientImportField) => {
      const column = mapping[field];
      const at = column === undefined ? undefined : index.get(column);
      return at === undefined ? '' : (record[at] ?? '').trim();
    };
    const rowErrors: RowError[] = [];
    const fail = (field: ClientImportField | null, code: string, message: string) => rowErrors.push({ row, column: field ? (mapping[field] ?? field) : null, code, message });
    const fromSchema = (issues: readonly z.core.$ZodIssue[]) => {
      for (const error of toFieldErrors(issues)) {
        const key = Object.keys(SCHEMA_FIELD_TO).find((k) => error.field === k || error.field.startsWith(`${k}.`));
        fail(key ? SCHEMA_FIELD_TO[key]! : null, error.code, error.message);
      }
    };

    const person = [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    const name = cell('name') || person || cell('company');
    const email = cell('email');
    const key = cell('externalId') || email.toLowerCase() || name;
    let client = clients.get(key);
    if (!client) {
      const addressLines = [cell('address1'), cell('address2')].filter(Boolean);
      const address = { lines: addressLines, city: cell('city'), region: cell('region'), postalCode: cell('postalCode'), country: cell('country') || undefined };
      const hasAddress = addressLines.length > 0 || address.city || address.region || address.postalCode;
      const languageText = cell('language');
      const raw = {
        name,
        company: cell('company') && cell('company') !== name ? cell('company') : undefined,
        contactName: person && person !== name ? person : undefined,
        email: email || undefined,
        phone: cell('phone') || undefined,
        address: hasAddress ? address : undefined,
        country: cell('country') || undefined,
        taxId: cell('taxId') || undefined,
        language: languageText === '' ? undefined : /^(zh|chinese|中文|简体)/i.test(languageText) ? 'zh-CN' : /^(en|english|英文)/i.test(languageText) ? 'en' : languageText,
        currency: cell('currency') || fallbackCurrency || undefined,
        notes: cell('notes') || undefined,
      };
      const parsed = clientCreateInput.safeParse(raw, { reportInput: true });
      if (!parsed.success) fromSchema(parsed.error.issues);
      if (raw.currency === undefined && !rowErrors.some((e) => e.column === (mapping.currency ?? 'currency'))) {
        fail('currency', 'required', "The row has no currency: map a currency column or choose the clients' currency.");
      }
      if (email && knownEmails.has(email.toLowerCase())) fail('email', 'duplicate', `A client with the email ${email} is already in the book.`);
      if (parsed.success && rowErrors.length === 0) {
        client = { row, key, input: parsed.data, contracts: [] };
        clients.set(key, client);
      }
    }

    const label = cell('label');
    if (label) {
      const currency = client?.input.currency ?? null;
      const cycleText = cell('cycle');
      const cycle = cycleText ? parseCycle(cycleText) : 'monthly';
      if (!cycle) fail('cycle', 'invalid_choice', `"${cycleText}" is not a billing cycle (monthly, quarterly, semiannual, annual, biennial).`);
      const kindText = cell('kind');
      const kind = kindText ? parseKind(kindText) : parseKind(label.includes('.') ? 'hosting' : '') ?? 'other';
      if (!kind) fail('kind', 'invalid_choice', `"${kindText}" is not a kind of service HostLedger knows.`);
      const priceText = cell('price');
      const price = priceText && currency ? parseAmount(priceText.replace(/[^\d.,-]/g, ''), currency) : null;
      if (!priceText) fail('price', 'required', 'The row names a service but no price.');
      else if (currency && (price === null || price < 0)) fail('price', 'invalid', `"${priceText}" is not an amount in ${currency}.`);
      const start = dateOf(cell('startDate'));
      const due = dateOf(cell('nextDueDate'));
      if (start === 'invalid') fail('startDate', 'invalid_date', `"${cell('startDate')}" is not a date in the form YYYY-MM-DD.`);
      if (due === 'invalid') fail('nextDueDate', 'invalid_date', `"${cell('nextDueDate')}" is not a date in the form YYYY-MM-DD.`);
      const contract = {
        clientId: 'cl_importing',
        kind: kind ?? 'other',
        label,
        panelAccount: cell('panelAccount') || undefined,
        priceMinor: price ?? 0,
        cycle: cycle ?? 'monthly',
        startDate: (start !== 'invalid' && start) || (due !== 'invalid' && due) || today,
        nextDueDate: (due !== 'invalid' && due) || undefined,
      };
      const parsed = contractCreateInput.safeParse(contract, { reportInput: true });
      if (!parsed.success) fromSchema(parsed.error.issues);
      else if (parsed.data.nextDueDate && parsed.data.nextDueDate < parsed.data.startDate) fail('nextDueDate', 'date_order', 'The next due date is before the start date.');
      if (client && rowErrors.length === 0 && parsed.success) {
        const { clientId: _placeholder, ...rest } = parsed.data;
        client.contracts.push({ row, input: rest });
      }
    }
    errors.push(...rowErrors);
  }
  return { columns, mapping: mapping as Record<string, string>, rowCount: Math.max(0, records.length - 1), clients: [...clients.values()], errors };
}
