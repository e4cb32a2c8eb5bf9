import { describe, expect, it } from 'vitest';
import { LADDER_LETTERS } from '../../../shared/ladder/policy.js';
import { smsSegments, smsText } from '../../../shared/ladder/smsText.js';

const facts = (language: 'en' | 'zh-CN', company: string, payHow: string) => ({
  language,
  company,
  currency: language === 'en' ? 'USD' : 'CNY',
  invoices: [
    { number: 'INV-2026-00042', dueDate: '2026-11-10', openMinor: 33_700 },
    { number: 'INV-2026-00051', dueDate: '2026-11-20', openMinor: 1_000 },
  ],
  payHow,
  suspensionDate: '2026-12-04',
});

describe('SMS text', () => {
  it('counts GSM-7 and UCS-2 segments', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('€'.repeat(81))).toBe(2);
    expect(smsSegments('欠'.repeat(70))).toBe(1);
    expect(smsSegments('欠'.repeat(71))).toBe(2);
    expect(smsSegments('欠'.repeat(134))).toBe(2);
  });

  for (const language of ['en', 'zh-CN'] as const) {
    for (const letter of LADDER_LETTERS) {
      it(`${language} ${letter}: amount, first invoice, date, how to pay; at most two segments even with long names`, () => {
        const short = smsText({ ...facts(language, 'Cloudlet', 'Alipay pay@cloudlet.example'), letter });
        expect(short).toContain('INV-2026-00042 +1');
        expect(short).toContain(language === 'en' ? 'US$347.00' : '347.00');
        expect(short).toContain('Cloudlet');
        expect(short).toContain('pay@cloudlet.example');
        if (letter === 'final_notice' || letter === 'suspension_notice') expect(short).toMatch(/12.*4|4 Dec/);
        expect(smsSegments(short)).toBeLessThanOrEqual(2);
        const long = smsText({ ...facts(language, 'Cloudlet Hosting International 云端主机有限公司 Shenzhen Branch', 'China Merchants Bank 6214 8301 2345 6789 Shenzhen Nanshan Sub-branch, reference your client number'), letter });
        expect(smsSegments(long)).toBeLessThanOrEqual(2);
        expect(long).toContain('INV-2026-00042');
      });
    }
  }

  it('keeps an English text in GSM-7 when it has to shorten it', () => {
    const text = smsText({ ...facts('en', 'Cloudlet Hosting and Domains Limited of Springfield', 'Bank transfer to account 12345678, sort code 12-34-56, reference your invoice number please'), letter: 'second_notice' });
    expect(text).not.toContain('…');
    expect(smsSegments(text)).toBeLessThanOrEqual(2);
  });
});
