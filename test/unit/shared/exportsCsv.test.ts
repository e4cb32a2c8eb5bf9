// The accountant export's CSV writer against csv-parse: any text survives the round trip in both
// delimiters; amounts are decimals in the chosen separator; the column description feeds the
// README and the package's README.txt.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsMarkdown, EXPORT_DATASETS, headersOf, packageReadme } from '../../../shared/exports/columns.js';
import { csvFormat } from '../../../shared/exports/csvFormat.js';

describe('csvFormat', () => {
  for (const delimiter of [',', ';'] as const) {
    it(`writes records csv-parse reads back, delimiter ${delimiter}`, () => {
      const format = csvFormat({ delimiter, decimal: ',' });
      fc.assert(
        fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (records) => {
          const text = records.map((r) => format.record(r)).join('');
          // A record of one empty field is an empty line; keep them.
          expect(parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false })).toEqual(records.map((r) => (r.length === 1 && r[0] === '' ? [''] : r)));
        }),
      );
    });
  }

  it('quotes only what needs it and keeps Chinese as it is', () => {
    const format = csvFormat({ delimiter: ',', decimal: '.' });
    expect(format.record(['卡尔云', 'a,b', 'say "hi"', 'x;y', null, ' padded'])).toBe('卡尔云,"a,b","say ""hi""",x;y,," padded"\r\n');
    expect(csvFormat({ delimiter: ';', decimal: ',' }).record(['x;y', '1,5'])).toBe('"x;y";1,5\r\n');
  });

  it('writes money in the currency’s minor units with the chosen separator', () => {
    const point = csvFormat({ delimiter: ',', decimal: '.' });
    const comma = csvFormat({ delimiter: ';', decimal: ',' });
    expect(point.money(123456, 'USD')).toBe('1234.56');
    expect(point.money(5, 'CNY')).toBe('0.05');
    expect(point.money(-1999, 'EUR')).toBe('-19.99');
    expect(point.money(1500, 'JPY')).toBe('1500');
    expect(point.money(1234, 'KWD')).toBe('1.234');
    expect(comma.money(123456, 'USD')).toBe('1234,56');
    expect(point.money(null, 'USD')).toBe('');
    expect(comma.scaled(2500, 3)).toBe('2,5');
    expect(point.scaled(1000, 3)).toBe('1');
    expect(point.scaled(1300, 2)).toBe('13');
    expect(point.scaled(650, 2)).toBe('6.5');
  });
});

describe('the column description', () => {
  it('is the README’s table', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(columnsMarkdown());
  });

  it('names every column in the package README', () => {
    const readme = packageReadme('2026-10-01', '2026-10-31', { delimiter: ';', decimal: ',', bom: true });
    for (const dataset of EXPORT_DATASETS) for (const column of headersOf(dataset)) expect(readme).toContain(`  ${column}`);
  });
});
