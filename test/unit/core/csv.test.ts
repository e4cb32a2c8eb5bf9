import { describe, expect, it } from 'vitest';
import { createCsvReader, CsvSyntaxError, parseCsv } from '../../../electron/core/billing/import/csv.js';

const TEXT = 'a,b,c\r\n"quoted, with comma","say ""hi""",plain\n"two\nlines",,"last"\n';
const RECORDS = [
  ['a', 'b', 'c'],
  ['quoted, with comma', 'say "hi"', 'plain'],
  ['two\nlines', '', 'last'],
];

describe('the CSV reader (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv(TEXT)).toEqual(RECORDS);
  });

  it('gives the same records however the text is cut into chunks', () => {
    for (let cut = 0; cut <= TEXT.length; cut += 1) {
      const reader = createCsvReader();
      const records = [...reader.push(TEXT.slice(0, cut)), ...reader.push(TEXT.slice(cut)), ...reader.end()];
      expect(records, `cut at ${cut}`).toEqual(RECORDS);
    }
    const reader = createCsvReader();
    const oneByOne = [...TEXT].flatMap((char) => reader.push(char)).concat(reader.end());
    expect(oneByOne).toEqual(RECORDS);
  });

  it('keeps a last record without a line break, a trailing empty field, a lone CR, and drops a byte-order mark', () => {
    expect(parseCsv('\uFEFFx,y\r1,\r2,"3"')).toEqual([['x', 'y'], ['1', ''], ['2', '3']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n')).toEqual([['']]);
  });

  it('names the record of a syntax error', () => {
    const failure = (text: string) => {
      try {
        parseCsv(text);
      } catch (error) {
        return error instanceof CsvSyntaxError ? `${error.record}: ${error.message}` : String(error);
      }
      return 'no error';
    };
    expect(failure('a,b\n"open,2\n')).toMatch(/^2: A quoted field is never closed/);
    expect(failure('a,b\n1,"2"x\n')).toMatch(/^2: Text after a closing quote/);
    expect(failure('a,b\n1,2\n3,4"\n')).toMatch(/^3: A quote inside an unquoted field/);
  });
});
