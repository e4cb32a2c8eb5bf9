// Reading a statement file: its bytes decoded (Alipay writes GBK, WeChat UTF-8 with a byte-order
// mark), the table found below whatever summary lines the wallet puts above it, and each row
// turned into a dated, signed amount in minor units with its reference and counterparty.
// Nothing here touches the book; statementHandlers.ts stores what this returns.
import { parse } from 'csv-parse/sync';
import type { RowError } from '../../../shared/api/imports.js';
import { MAX_STATEMENT_CHARS, type StatementDateFormat, type StatementFormat, type StatementMapping } from '../../../shared/api/statements.js';
import { isIsoDate } from '../../../shared/dates.js';
import { parseAmount } from '../../../shared/money.js';
import { isCurrencyCode } from '../../../shared/validation/isoCodes.js';
import { invalidField } from '../errors.js';

export interface StatementLine {
  row: number;
  date: string;
  amountMinor: number;
  currency: string;
  reference: string | null;
  counterparty: string | null;
}

export interface ReadStatement {
  columns: string[];
  /** The separator read with: the mapping's, else the one the first line uses most. */
  delimiter: ',' | ';' | '\t';
  encoding: 'utf-8' | 'gbk';
  lines: StatementLine[];
  skipped: number;
  errors: RowError[];
}

export interface StatementSource {
  text?: string | undefined;
  csvBase64?: string | undefined;
  format: StatementFormat;
  mapping?: StatementMapping | undefined;
  currency?: string | undefined;
}

/** References and counterparties are kept to this length (a payment's reference is at most 200). */
const MAX_TEXT = 500;

export function decodeStatement(source: StatementSource): { text: string; encoding: 'utf-8' | 'gbk' } {
  for (const field of ['text', 'csvBase64'] as const) {
    if ((source[field]?.length ?? 0) > MAX_STATEMENT_CHARS) {
      throw invalidField({ field, code: 'too_long', message: `A statement may have at most ${MAX_STATEMENT_CHARS} characters; import it in parts.`, params: { max: MAX_STATEMENT_CHARS } });
    }
  }
  if (source.text !== undefined && source.csvBase64 !== undefined) {
    throw invalidField({ field: 'csvBase64', code: 'not_allowed', message: 'Send the file either as text or as base64, not both.' });
  }
  if (source.text !== undefined) return { text: stripBom(source.text), encoding: 'utf-8' };
  if (source.csvBase64 === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(source.csvBase64)) {
    throw invalidField({ field: 'csvBase64', code: 'required', message: 'Choose a statement file.' });
  }
  const bytes = Buffer.from(source.csvBase64, 'base64');
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the Chinese wallets' other encoding.
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** The separator a bank's first line uses most: some write semicolons, some tabs. */
function guessDelimiter(text: string): ',' | ';' | '\t' {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  return ([',', ';', '\t'] as const).reduce((best, c) => (count(c) > count(best) ? c : best));
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

interface Record {
  row: number;
  cells: string[];
}

function records(text: string, delimiter: string): Record[] {
  try {
    const parsed = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ row: info.lines, cells: record }));
  } catch (error) {
    throw invalidField({ field: 'text', code: 'invalid', message: `The file is not a CSV HostLedger can read: ${(error as Error).message}` });
  }
}

/** How each wallet names its columns, and which of its rows are money that really moved. */
interface Layout {
  isHeader(cells: string[]): boolean;
  date: string;
  dateFormat: StatementDateFormat | 'wallet';
  amount: (get: (name: string) => string) => { text: string; sign: 1 | -1 } | 'skip';
  currency: (get: (name: string) => string) => string;
  reference: string[];
  counterparty: string[];
}

const has = (cells: string[], ...names: string[]) => names.every((name) => cells.includes(name));
/** Wallets write "/" where a cell has nothing. */
const present = (value: string) => (value === '/' ? '' : value);

function walletDirection(direction: string): 1 | -1 | 'skip' {
  if (direction === '收入') return 1;
  if (direction === '支出') return -1;
  return 'skip';
}

const failedStatus = (status: string) => /关闭|失败|撤销/.test(status);

/** Alipay's and WeChat Pay's bills: one table under a preamble, 收/支 for the direction, a status that can say the payment failed. */
function walletLayout(columns: { status: string; amount: [string, string]; reference: string[]; counterparty: string[] }, currency: string): Layout {
  return {
    isHeader: (cells) => has(cells, '交易时间', '收/支', '交易对方'),
    date: '交易时间',
    dateFormat: 'wallet',
    amount: (get) => {
      const sign = walletDirection(get('收/支'));
      if (sign === 'skip' || failedStatus(get(columns.status))) return 'skip';
      return { text: get(columns.amount[0]) || get(columns.amount[1]), sign };
    },
    currency: () => currency,
    reference: columns.reference,
    counterparty: columns.counterparty,
  };
}

function layoutOf(source: StatementSource): Layout {
  const fixedCurrency = source.currency ?? 'CNY';
  switch (source.format) {
    case 'alipay':
      return walletLayout({ status: '交易状态', amount: ['金额', '金额（元）'], reference: ['商品说明', '备注'], counterparty: ['交易对方', '对方账号'] }, fixedCurrency);
    case 'wechat':
      return walletLayout({ status: '当前状态', amount: ['金额(元)', '金额'], reference: ['商品', '备注'], counterparty: ['交易对方'] }, fixedCurrency);
    case 'paypal':
      return {
        isHeader: (cells) => has(cells, 'Date', 'Gross', 'Currency'),
        date: 'Date',
        dateFormat: source.mapping?.dateFormat && source.mapping.dateFormat !== 'YYYY-MM-DD' ? source.mapping.dateFormat : 'MM/DD/YYYY',
        amount: (get) => (get('Status') && get('Status') !== 'Completed' ? 'skip' : { text: get('Gross'), sign: 1 }),
        currency: (get) => get('Currency'),
        reference: ['Invoice Number', 'Subject', 'Note', 'Item Title'],
        counterparty: ['Name', 'From Email Address'],
      };
    case 'generic': {
      const m = source.mapping!;
      return {
        isHeader: (cells) => cells.includes(m.date),
        date: m.date,
        dateFormat: m.dateFormat,
        amount: (get) => {
          if (m.amount) return { text: get(m.amount), sign: 1 };
          const credit = m.credit ? get(m.credit) : '';
          if (credit && !/^[0.,\s]*$/.test(credit)) return { text: credit, sign: 1 };
          const debit = m.debit ? get(m.debit) : '';
          if (debit && !/^[0.,\s]*$/.test(debit)) return { text: debit.replace(/^-/, ''), sign: -1 };
          return { text: credit || debit, sign: 1 };
        },
        currency: (get) => (m.currency ? get(m.currency).toUpperCase() : (source.currency ?? '')),
        reference: m.reference ? [m.reference] : [],
        counterparty: m.counterparty ? [m.counterparty] : [],
      };
    }
  }
}

/** "2024-03-01 10:20:30", "2024/3/1 10:20" or a date in the mapping's format → YYYY-MM-DD, or null. */
export function parseStatementDate(text: string, format: StatementDateFormat | 'wallet'): string | null {
  const day = text.trim().split(/[\sT]/)[0] ?? '';
  const pad = (n: string) => n.padStart(2, '0');
  let parts: RegExpExecArray | null;
  let iso: string | null = null;
  if (format === 'wallet' || format === 'YYYY-MM-DD' || format === 'YYYY/MM/DD') {
    parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(day);
    if (parts) iso = `${parts[1]}-${pad(parts[2]!)}-${pad(parts[3]!)}`;
  } else {
    parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(day);
    if (parts) iso = format === 'MM/DD/YYYY' ? `${parts[3]}-${pad(parts[1]!)}-${pad(parts[2]!)}` : `${parts[3]}-${pad(parts[2]!)}-${pad(parts[1]!)}`;
  }
  return iso && isIsoDate(iso) ? iso : null;
}

/** "¥1,234.50", "+200.00", "(12.00)" or, with a decimal comma, "1.234,50" → minor units; null if not an amount. */
export function parseStatementAmount(text: string, currency: string, decimalSeparator: '.' | ','): number | null {
  let value = text.replace(/[\s¥￥$€£元']|CNY|RMB|USD|EUR/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(value)) {
    negative = true;
    value = value.slice(1, -1);
  }
  if (value.startsWith('-')) {
    negative = !negative;
    value = value.slice(1);
  } else if (value.startsWith('+')) value = value.slice(1);
  value = decimalSeparator === ',' ? value.replaceAll('.', '').replace(',', '.') : value.replaceAll(',', '');
  if (!/^\d+(\.\d+)?$/.test(value)) return null;
  const minor = parseAmount(value, currency);
  if (minor === null) return null;
  return negative ? -minor : minor;
}

function joined(get: (name: string) => string, names: string[]): string | null {
  const parts = names.map((name) => present(get(name))).filter((value) => value !== '');
  const text = [...new Set(parts)].join(' ').slice(0, MAX_TEXT);
  return text === '' ? null : text;
}

/** Reads the statement. A generic file without a mapping yields only its columns (for the mapping step). */
export function readStatement(source: StatementSource): ReadStatement {
  const { text, encoding } = decodeStatement(source);
  const delimiter = source.format === 'generic' ? (source.mapping?.delimiter ?? guessDelimiter(text)) : ',';
  const rows = records(text, delimiter);
  if (source.format === 'generic' && !source.mapping) {
    return { columns: rows[0]?.cells ?? [], delimiter, encoding, lines: [], skipped: 0, errors: [] };
  }
  if (source.format === 'generic') {
    const m = source.mapping!;
    if (!m.amount && !m.credit) throw invalidField({ field: 'mapping.amount', code: 'required', message: 'Name the amount column, or the credit (money in) column.' });
    if (!m.currency && !source.currency) throw invalidField({ field: 'currency', code: 'required', message: "Name the currency column, or give the account's currency." });
  }
  const layout = layoutOf(source);
  const headerAt = rows.findIndex((r) => layout.isHeader(r.cells));
  if (headerAt === -1) {
    const expected = source.format === 'generic' ? `a header row with the column ${source.mapping!.date}` : `the header row of a ${source.format} export`;
    throw invalidField({ field: 'format', code: 'invalid', message: `This file has no ${expected}.` });
  }
  const columns = rows[headerAt]!.cells;
  const index = new Map(columns.map((name, i) => [name, i] as const));
  const lines: StatementLine[] = [];
  const errors: RowError[] = [];
  let skipped = 0;
  for (const { row, cells } of rows.slice(headerAt + 1)) {
    // Wallets close the table with a line of dashes or a summary sentence: not a transaction.
    const filled = cells.filter((cell) => cell !== '').length;
    if (filled === 0 || (source.format !== 'generic' && filled < 3)) continue;
    const get = (name: string) => {
      const at = index.get(name);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const fail = (column: string | null, code: string, message: string) => errors.push({ row, column, code, message });
    const amount = layout.amount(get);
    if (amount === 'skip') {
      skipped += 1;
      continue;
    }
    const date = parseStatementDate(get(layout.date), layout.dateFormat);
    if (!date) {
      const form = layout.dateFormat === 'wallet' ? 'YYYY-MM-DD' : layout.dateFormat;
      // 'invalid_date' is worded "enter a date as YYYY-MM-DD": right only for a file in that form.
      fail(layout.date, form === 'YYYY-MM-DD' ? 'invalid_date' : 'invalid', `"${get(layout.date)}" is not a date in the form ${form}.`);
    }
    const currency = layout.currency(get);
    if (!isCurrencyCode(currency)) {
      fail(source.format === 'generic' ? (source.mapping!.currency ?? null) : 'Currency', 'invalid_currency', `"${currency}" is not a currency code (ISO 4217, e.g. USD, CNY).`);
      continue;
    }
    const minor = parseStatementAmount(amount.text, currency, source.mapping?.decimalSeparator ?? '.');
    if (minor === null) {
      fail(null, 'invalid', `"${amount.text}" is not an amount in ${currency}.`);
      continue;
    }
    if (minor === 0) {
      skipped += 1;
      continue;
    }
    if (!date) continue;
    lines.push({ row, date, amountMinor: minor * amount.sign, currency, reference: joined(get, layout.reference), counterparty: joined(get, layout.counterparty) });
  }
  return { columns, delimiter, encoding, lines, skipped, errors };
}
