// The pure parts of the documents screens: file names, warnings in both languages, the company
// profile form's values, template errors and placeholder insertion, letter parameters and whom a
// batch of letters goes to.
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../../shared/documents/kinds.js';
import { recipientsOf } from '../../../renderer/src/documents/batchRecipients.js';
import { companyFieldOf, companyUpdateOf, companyValues, linesOf, logoProblem } from '../../../renderer/src/documents/companyProfileValues.js';
import { documentFileName, fileNamePart } from '../../../renderer/src/documents/documentFileName.js';
import { letterDefaults, letterErrorText, letterFieldsOf, letterParamsOf } from '../../../renderer/src/documents/letterParams.js';
import { insertAt, placeholderOf, templateErrorText } from '../../../renderer/src/documents/templateErrorText.js';
import { distinctWarnings, warningText } from '../../../renderer/src/documents/warningText.js';
import type { CompanyProfile } from '../../../shared/api/documents.js';

describe('document file names', () => {
  it('keeps numbers, names and Chinese, and replaces what a file system refuses', () => {
    expect(documentFileName(['INV-2026-00042', 'Lotus Web Studio'], 'pdf')).toBe('INV-2026-00042 Lotus Web Studio.pdf');
    expect(documentFileName(['对账单', '卡尔云测试', '2026-11-01', '2026-11-26'], 'pdf')).toBe('对账单 卡尔云测试 2026-11-01 2026-11-26.pdf');
    expect(fileNamePart('A/B: "C" <D>|E?*')).toBe('A-B- -C- -D-E');
    expect(fileNamePart('  ..hidden.  ')).toBe('hidden');
    expect(fileNamePart('a\u0000b\nc')).toBe('a-b-c');
  });

  it('leaves out empty parts and never makes an empty name', () => {
    expect(documentFileName([null, '', '///', 'Register'], 'csv')).toBe('Register.csv');
    expect(documentFileName([null, undefined], 'pdf')).toBe('document.pdf');
    expect(fileNamePart('x'.repeat(200))).toHaveLength(60);
  });
});

describe('document warnings', () => {
  it('names a missing character and where it is, in both languages', () => {
    const warning = { code: 'glyph_missing', field: 'lines.3.description', message: 'The font lacks 𠀋', params: { character: '𠀋', codePoint: 'U+2000B' } };
    expect(warningText('en', warning)).toBe('The font has no character “𠀋” U+2000B; it is printed as □ (lines.3.description).');
    expect(warningText('zh-CN', warning)).toBe('字体中没有字符“𠀋”U+2000B，已打印为 □（lines.3.description）。');
  });

  it('says what to do about missing payment details, and falls back to the sentence for an unknown code', () => {
    expect(warningText('zh-CN', { code: 'payment_details_missing', field: null, message: 'x' })).toContain('付款方式');
    expect(warningText('en', { code: 'paper_jam', field: null, message: 'The printer jammed.' })).toBe('The printer jammed.');
  });

  it('lists a warning once however many letters of a batch report it', () => {
    const logo = { code: 'logo_unreadable', field: 'company.logo', message: 'm' };
    expect(distinctWarnings([logo, { ...logo }, { ...logo, field: 'other' }])).toHaveLength(2);
  });
});

const profile: CompanyProfile = {
  name: 'Lotus Hosting',
  addressLines: ['1 Harbour Road', 'Hong Kong'],
  taxId: null,
  email: 'billing@lotus.example',
  phone: null,
  website: null,
  paymentLines: ['Bank: 123-456'],
  logo: null,
  envelope: { format: 'DL', window: 'left' },
  configured: true,
  updatedAt: null,
};

describe('company profile form', () => {
  it('turns rows of text into lines and empty boxes into cleared fields', () => {
    const values = { ...companyValues(profile), address: ' 1 Harbour Road \n\n Hong Kong\r\n', taxId: '  ', website: ' lotus.example ' };
    const update = companyUpdateOf(values, { kind: 'keep' });
    expect(update).toMatchObject({ addressLines: ['1 Harbour Road', 'Hong Kong'], taxId: null, website: 'lotus.example', paymentLines: ['Bank: 123-456'], envelopeFormat: 'DL', envelopeWindow: 'left' });
    expect(update).not.toHaveProperty('logoBase64');
    expect(companyUpdateOf(values, { kind: 'remove' }).logoBase64).toBeNull();
    expect(companyUpdateOf(values, { kind: 'replace', base64: 'iVBOR' }).logoBase64).toBe('iVBOR');
    expect(linesOf('\n \n')).toEqual([]);
  });

  it('puts an error on a line of the address on the address box', () => {
    expect(companyFieldOf('addressLines.3')).toBe('addressLines');
    expect(companyFieldOf('email')).toBe('email');
    expect(companyFieldOf('logo.width')).toBeNull();
  });

  it('refuses a logo that is not PNG or JPEG, empty, or larger than the book takes', () => {
    expect(logoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoProblem({ type: 'image/jpeg', size: LOGO_MAX_BYTES })).toBeNull();
    expect(logoProblem({ type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toEqual({ kind: 'size', maxBytes: LOGO_MAX_BYTES });
    expect(logoProblem({ type: 'image/svg+xml', size: 10 })).toEqual({ kind: 'type' });
    expect(logoProblem({ type: 'image/png', size: 0 })).toEqual({ kind: 'type' });
  });
});

describe('letter templates', () => {
  it('names the unknown placeholder from the params or from the sentence', () => {
    expect(placeholderOf({ field: 'body', code: 'invalid', message: 'x', params: { placeholder: 'client.nmae' } })).toBe('client.nmae');
    expect(placeholderOf({ field: 'body', code: 'invalid', message: 'Unknown placeholder {{ foo.bar }} in the body.' })).toBe('foo.bar');
    expect(templateErrorText('en', { field: 'body', code: 'invalid', message: 'Unknown placeholder {{foo}}.' })).toBe('{{foo}} is not a placeholder this letter can use. Pick one from the list.');
    expect(templateErrorText('zh-CN', { field: 'body', code: 'invalid', message: 'Unknown placeholder {{foo}}.' })).toBe('{{foo}} 不是此信函可用的占位符，请从列表中选择。');
    expect(templateErrorText('en', { field: 'subject', code: 'required', message: 'Required' })).toBe('This field is required');
  });

  it('inserts a placeholder at the caret, replacing a selection', () => {
    expect(insertAt('Dear ,', 5, 5, '{{client.name}}')).toEqual({ value: 'Dear {{client.name}},', caret: 20 });
    expect(insertAt('Dear XX,', 5, 7, '{{a}}')).toEqual({ value: 'Dear {{a}},', caret: 10 });
    expect(insertAt('abc', 99, 99, '!')).toEqual({ value: 'abc!', caret: 4 });
  });
});

describe('letter parameters', () => {
  it('asks each kind for its own dates, sending only what was filled in', () => {
    const values = letterDefaults('2026-11-26');
    expect(values.suspensionDate).toBe('2026-11-30');
    expect(values.terminationDate).toBe('2026-12-10');
    expect(letterParamsOf('final_notice', values)).toEqual({ suspensionDate: '2026-11-30' });
    expect(letterParamsOf('termination_letter', values)).toEqual({ terminationDate: '2026-12-10' });
    expect(letterParamsOf('restriction_notice', values)).toEqual({});
    expect(letterParamsOf('restriction_notice', { ...values, restriction: ' Bandwidth limited to 1 Mbit/s ' })).toEqual({ restriction: 'Bandwidth limited to 1 Mbit/s' });
    expect(letterFieldsOf('reminder')).toEqual([]);
  });

  it('says why a suspension date was refused', () => {
    expect(letterErrorText('en', { field: 'params.suspensionDate', code: 'date_order', message: 'x' })).toBe('Choose a day after today, so the client has time to pay.');
    expect(letterErrorText('zh-CN', { field: 'letters.3.params.suspensionDate', code: 'date_order', message: 'x' })).toBe('请选择今天之后的日期，让客户有时间付款。');
    expect(letterErrorText('en', { field: 'params.terminationDate', code: 'invalid_date', message: 'x' })).toBe('Enter a date as YYYY-MM-DD');
  });
});

describe('batch recipients', () => {
  const bucket = (current: number, late: number) => ({ current, days1to30: late, days31to60: 0, days61to90: 0, over90: 0 });
  const clients = [
    { clientId: 'cl_b', clientName: 'Beta', currency: 'USD', buckets: bucket(500, 0), totalMinor: 500 },
    { clientId: 'cl_a', clientName: 'Alpha', currency: 'CNY', buckets: bucket(0, 1200), totalMinor: 1200 },
    { clientId: 'cl_c', clientName: 'Credit', currency: 'USD', buckets: bucket(0, 0), totalMinor: 0 },
  ];

  it('picks clients with overdue invoices, or with anything open, by name', () => {
    expect(recipientsOf(clients, 'overdue')).toEqual([{ clientId: 'cl_a', clientName: 'Alpha', currency: 'CNY', amountMinor: 1200 }]);
    expect(recipientsOf(clients, 'open').map((recipient) => recipient.clientName)).toEqual(['Alpha', 'Beta']);
  });
});
