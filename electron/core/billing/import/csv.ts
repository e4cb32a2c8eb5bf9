// An RFC 4180 CSV reader (no CSV library is installed): fields separated by commas, records by
// CRLF or LF, quoted fields may hold commas, line breaks and doubled quotes. Text is pushed in
// chunks of any size, so a file can be read as it streams; complete records come out at once.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based record number where the problem is (the header is record 1). */
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** A parsed record, or null when the text ends before the record does (more may come). */
type Parsed = { fields: string[]; next: number } | null;

function parseRecord(text: string, start: number, final: boolean, record: number): Parsed {
  const n = text.length;
  const fields: string[] = [];
  let i = start;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          if (final) throw new CsvSyntaxError('A quoted field is never closed.', record);
          return null;
        }
        // A quote at the very end of a chunk may be the first of a doubled pair.
        if (quote + 1 >= n && !final) return null;
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      fields.push(value);
    } else {
      let j = i;
      for (; j < n; j += 1) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) throw new CsvSyntaxError('A quote inside an unquoted field: quote the whole field and double the quote.', record);
      }
      if (j >= n && !final) return null;
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) return final ? { fields, next: n } : null;
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      continue;
    }
    if (c === LF) return { fields, next: i + 1 };
    if (c === CR) {
      if (i + 1 >= n && !final) return null;
      return { fields, next: text.charCodeAt(i + 1) === LF ? i + 2 : i + 1 };
    }
    throw new CsvSyntaxError('Text after a closing quote: a quoted field must end at a comma or the end of the line.', record);
  }
}

export interface CsvReader {
  /** Adds text; returns the records it completed. */
  push(chunk: string): string[][];
  /** No more text: returns the last record, if any. Throws CsvSyntaxError on an unclosed quote. */
  end(): string[][];
}

export function createCsvReader(): CsvReader {
  let carry = '';
  let records = 0;
  const drain = (final: boolean): string[][] => {
    const out: string[][] = [];
    const text = carry;
    let pos = 0;
    while (pos < text.length) {
      const parsed = parseRecord(text, pos, final, records + 1);
      if (!parsed) break;
      out.push(parsed.fields);
      records += 1;
      pos = parsed.next;
    }
    carry = text.slice(pos);
    return out;
  };
  return {
    push(chunk) {
      carry += chunk;
      return drain(false);
    },
    end: () => drain(true),
  };
}

/** All records of a whole text; a leading byte-order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const reader = createCsvReader();
  const records = reader.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return records.concat(reader.end());
}
