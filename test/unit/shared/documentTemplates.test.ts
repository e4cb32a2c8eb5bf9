import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../shared/documents/defaultTemplates.js';
import { DOCUMENT_KINDS as MODEL_DOCUMENT_KINDS } from '../../../electron/core/documents/model.js';
import { DOCUMENT_KINDS, LETTER_KINDS } from '../../../shared/documents/kinds.js';
import { checkTemplate, fillLetter, fillText, placeholdersFor, placeholdersIn } from '../../../shared/documents/templates.js';
import { formatDate, formatRate, formatQuantity } from '../../../shared/documents/wording.js';
import { LANGUAGES } from '../../../shared/domain/language.js';

describe('letter templates', () => {
  it('archives every kind the PDF layer prints', () => {
    expect(MODEL_DOCUMENT_KINDS.every((kind) => (DOCUMENT_KINDS as readonly string[]).includes(kind))).toBe(true);
  });

  it('finds placeholders, spaces inside the braces allowed, each once', () => {
    expect(placeholdersIn('Dear {{client.name}}, {{ amount.due }} by {{date.due}}; {{client.name}}')).toEqual(['client.name', 'amount.due', 'date.due']);
  });

  it('refuses an unknown placeholder, naming the field and the placeholder', () => {
    expect(checkTemplate('reminder', { subject: 'Hi {{client.nmae}}', body: 'Pay {{amount.due}}' })).toEqual([{ field: 'subject', placeholder: 'client.nmae', problem: 'unknown' }]);
    // The suspension date belongs to the final notice, not to a reminder.
    expect(checkTemplate('reminder', { subject: 'x', body: 'by {{date.suspension}}' })).toEqual([{ field: 'body', placeholder: 'date.suspension', problem: 'unknown' }]);
    expect(checkTemplate('final_notice', { subject: 'x', body: 'by {{date.suspension}}' })).toEqual([]);
    expect(checkTemplate('reminder', { subject: '{{invoices.open}}', body: 'x' })[0]?.problem).toBe('table_in_subject');
    expect(checkTemplate('reminder', { subject: 'x', body: '{{invoices.open}} {{invoices.open}}' })[0]?.problem).toBe('table_twice');
  });

  it.each(LANGUAGES.flatMap((language) => LETTER_KINDS.map((kind) => [language, kind] as const)))('the default %s %s uses only its placeholders, one table at most', (language, kind) => {
    const template = DEFAULT_TEMPLATES[language][kind];
    expect(checkTemplate(kind, template)).toEqual([]);
    if (language === 'zh-CN' && ['reminder', 'first_notice', 'second_notice'].includes(kind)) expect(template.body).toContain('温馨提示');
    if (language === 'zh-CN') expect(template.body).not.toContain('发票');
    // Every letter says whom to contact; every one before termination offers a payment plan or instalments.
    expect(template.body).toContain('{{company.contact}}');
    if (!['receipt', 'payment_plan_agreement'].includes(kind)) expect(template.body).toMatch(/payment plan|instalments|还款计划|分期/);
  });

  it('fills text placeholders, leaves an unfilled one visible, and splits the body at the table', () => {
    expect(fillText('{{a}} and {{b}}', { a: '1' })).toBe('1 and {{b}}');
    const filled = fillLetter({ subject: 'Owe {{amount.due}}', body: 'Dear {{client.name}},\n\nPlease pay.\n\n{{invoices.open}}\n\nThanks,  \nus' }, { 'amount.due': '$5.00', 'client.name': 'Ann' });
    expect(filled).toEqual({ subject: 'Owe $5.00', before: 'Dear Ann,\n\nPlease pay.', table: 'invoices.open', after: 'Thanks,\nus' });
    expect(placeholdersFor('receipt')).toContain('payment.amount');
    expect(placeholdersFor('receipt')).not.toContain('invoices.open');
  });

  it('writes dates, rates and quantities as a client reads them', () => {
    expect(formatDate('en', '2026-11-06')).toBe('6 November 2026');
    expect(formatDate('zh-CN', '2026-11-06')).toBe('2026年11月6日');
    expect([formatRate(600), formatRate(1250), formatRate(0), formatRate(1000)]).toEqual(['6%', '12.5%', '0%', '10%']);
    expect([formatQuantity(1000), formatQuantity(12500), formatQuantity(10000)]).toEqual(['1', '12.5', '10']);
  });
});
