// Reading the four kinds of statement file HostLedger accepts (samples in test/fixtures/statements,
// written after each wallet's own export: header lines above the table, 收/支 columns, GBK).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatementAmount, parseStatementDate, readStatement } from '../../../electron/core/statements/statementFile.js';

const sample = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/statements', name)).toString('base64');

describe('statement files', () => {
  it('reads an Alipay export in GBK: skips the header block, the 不计收支 row and the closing line; money out is negative', () => {
    const read = readStatement({ csvBase64: sample('alipay.csv'), format: 'alipay' });
    expect(read.encoding).toBe('gbk');
    expect(read.errors).toEqual([]);
    expect(read.skipped).toBe(1);
    expect(read.lines.map((l) => [l.date, l.amountMinor, l.currency])).toEqual([
      ['2026-11-20', 10000, 'CNY'],
      ['2026-11-21', 12000, 'CNY'],
      ['2026-11-22', 8000, 'CNY'],
      ['2026-11-23', 6600, 'CNY'],
      ['2026-11-23', -3000, 'CNY'],
      ['2026-11-25', 5000, 'CNY'],
    ]);
    expect(read.lines[0]).toMatchObject({ row: 19, reference: 'INV-2026-00001 主机续费', counterparty: '张三 zha***@example.cn' });
    expect(read.lines[1]!.reference).toBe('服务器费用 首付款');
  });

  it('reads a WeChat Pay export in UTF-8 with ¥ amounts and "/" for empty cells', () => {
    const read = readStatement({ csvBase64: sample('wechat.csv'), format: 'wechat' });
    expect(read.encoding).toBe('utf-8');
    expect(read.errors).toEqual([]);
    expect(read.lines.map((l) => [l.amountMinor, l.counterparty, l.reference])).toEqual([
      [8000, '王五', null],
      [30000, '卡尔云科技', 'INV-2026-00003'],
      [-1250, '美团外卖', '美团订单'],
    ]);
  });

  it('reads a PayPal activity export: US dates, thousands separators, only completed transactions', () => {
    const read = readStatement({ csvBase64: sample('paypal.csv'), format: 'paypal' });
    expect(read.skipped).toBe(1);
    expect(read.lines.map((l) => [l.date, l.amountMinor, l.currency, l.counterparty])).toEqual([
      ['2026-11-20', 6500, 'USD', 'Acme Web Ltd billing@acme.example'],
      ['2026-11-21', 125000, 'USD', 'Globex Corporation ap@globex.example'],
      ['2026-11-23', -4900, 'USD', 'Cloud Vendor Inc payments@kaerhost.example'],
    ]);
  });

  it('reads a generic bank CSV through a mapping: semicolons, decimal commas, day.month.year', () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/statements/bank-generic.csv'), 'utf8');
    expect(readStatement({ text, format: 'generic' }).columns).toEqual(['Buchungstag', 'Valuta', 'Auftraggeber/Empfänger', 'Verwendungszweck', 'Betrag', 'Währung']);
    const mapping = { date: 'Buchungstag', amount: 'Betrag', currency: 'Währung', reference: 'Verwendungszweck', counterparty: 'Auftraggeber/Empfänger', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', delimiter: ';' } as const;
    const read = readStatement({ text, format: 'generic', mapping });
    expect(read.lines.map((l) => [l.date, l.amountMinor])).toEqual([
      ['2026-11-20', 4000],
      ['2026-11-21', -123456],
      ['2026-11-22', 700],
    ]);
  });

  it('names the row and column of a bad date or amount', () => {
    const text = 'date,amount,ref\n2026-11-31,10.00,a\n2026-11-20,ten,b\n2026-11-21,1.005,c\n';
    const read = readStatement({ text, format: 'generic', currency: 'USD', mapping: { date: 'date', amount: 'amount', reference: 'ref', dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', delimiter: ',' } });
    expect(read.lines).toEqual([]);
    expect(read.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'date', 'invalid_date'],
      [3, null, 'invalid'],
      [4, null, 'invalid'],
    ]);
  });

  it("words a bad date in another form as plain 'invalid', its sentence naming the form", () => {
    // 'invalid_date' reads "enter a date as YYYY-MM-DD", which would mislead a reader of a DD.MM.YYYY file.
    const text = 'Tag;Betrag\n31.11.2026;10,00\n';
    const read = readStatement({ text, format: 'generic', currency: 'EUR', mapping: { date: 'Tag', amount: 'Betrag', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', delimiter: ';' } });
    expect(read.errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([[2, 'Tag', 'invalid', '"31.11.2026" is not a date in the form DD.MM.YYYY.']]);
  });

  it('parses amounts and dates the way banks write them', () => {
    expect(parseStatementAmount('¥1,234.50', 'CNY', '.')).toBe(123450);
    expect(parseStatementAmount('(12.00)', 'USD', '.')).toBe(-1200);
    expect(parseStatementAmount('+7', 'JPY', '.')).toBe(7);
    expect(parseStatementAmount('1.234,5', 'EUR', ',')).toBe(123450);
    expect(parseStatementAmount('1.2.3', 'EUR', '.')).toBeNull();
    expect(parseStatementDate('2026/3/1 10:20', 'wallet')).toBe('2026-03-01');
    expect(parseStatementDate('02/29/2026', 'MM/DD/YYYY')).toBeNull();
    expect(parseStatementDate('29/02/2028', 'DD/MM/YYYY')).toBe('2028-02-29');
  });
});
