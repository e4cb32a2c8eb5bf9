// The PDF layout engine, read back with poppler: what a reseller and their client would check on
// paper — amounts, dates, numbers and Chinese text, the address inside the envelope window, page
// numbers, a long invoice flowing onto more pages, and each kind of bad input handled and reported.
import { describe, expect, it } from 'vitest';
import type { DocumentModel, InvoiceDocument } from '../../../../electron/core/documents/model.js';
import { addressField, labelKeysFor, loadFonts, renderDocument } from '../../../../electron/core/documents/pdf/index.js';
import { allSampleModels, sampleInvoice, sampleLetter, sampleStatement } from '../../../fixtures/documents/sampleModels.js';
import { pdfFonts, pdfInfo, pdfPages, pdfText, pdfTextIn } from '../../../fixtures/documents/readPdf.js';

const fonts = loadFonts();
/** pdftotext pads columns with spaces; compare words, not spacing. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('renderDocument', () => {
  it('prints an English invoice with its number, dates, lines, totals, payment details and page number', async () => {
    const model = sampleInvoice('en');
    const { bytes, pages, warnings } = await renderDocument(model, fonts);
    const text = squash(pdfText(bytes));
    expect(pages).toBe(1);
    expect(warnings).toEqual([]);
    for (const expected of ['Invoice INV-2026-0042', '26 November 2026', 'Due date 10 December 2026', 'Business hosting, annual (moreton.example) 1 £240.00 20% £240.00', 'Subtotal £303.50', 'VAT 20% £60.70', 'Balance due £364.20', 'IBAN GB33 BUKB 2020 1555 5555 55', 'Page 1 of 1', 'Tax ID: GB 123 4567 89', 'Mrs Alice Moreton', 'Bath BA1 2AB']) {
      expect(text).toContain(expected);
    }
  });

  it('prints a Chinese invoice in Chinese letters, with Noto Sans SC embedded as a subset', async () => {
    const model = sampleInvoice('zh-CN');
    const { bytes } = await renderDocument(model, fonts);
    const text = squash(pdfText(bytes));
    for (const expected of ['账单 INV-2026-0042', '2026年11月26日', '到期日 2026年12月10日', '企业虚拟主机 年付（xinghe.example） 1 ¥240.00 6% ¥240.00', '应付金额 ¥321.71', '卡尔云科技有限公司', '第 1 页，共 1 页', '张伟 先生', '付款时请备注账单编号。']) {
      expect(text).toContain(expected);
    }
    const fontList = pdfFonts(bytes);
    expect(fontList).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fontList).toMatch(/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(fontList).not.toMatch(/Helvetica/);
    // A subset: the 10 MB font becomes a few kilobytes.
    expect(bytes.length).toBeLessThan(120_000);
  });

  it('renders every kind in both languages without warnings, each saying what it is', async () => {
    for (const model of allSampleModels()) {
      const { bytes, pages, warnings } = await renderDocument(model, fonts);
      expect(warnings, `${model.kind} ${model.language}`).toEqual([]);
      expect(pages).toBe(1);
      const text = squash(pdfText(bytes));
      const heading = 'subject' in model ? model.subject : model.title;
      expect(text, `${model.kind} ${model.language}`).toContain(squash(heading));
      expect(pdfInfo(bytes).Title).toBe(model.title);
    }
  });

  it('puts the recipient inside the envelope window for DL and C5, window left and right', async () => {
    for (const envelope of [
      { format: 'DL', window: 'left' },
      { format: 'DL', window: 'right' },
      { format: 'C5', window: 'left' },
      { format: 'C5', window: 'right' },
    ] as const) {
      const model = { ...sampleLetter('en', 'first_notice'), envelope };
      const { bytes } = await renderDocument(model, fonts);
      const field = addressField(envelope);
      const inWindow = squash(pdfTextIn(bytes, field));
      expect(inWindow, `${envelope.format} ${envelope.window}`).toContain('Mrs Alice Moreton');
      expect(inWindow).toContain('Bath BA1 2AB');
      // Nothing else shares the window: the letterhead and the subject sit elsewhere.
      expect(inWindow).not.toContain('billing@harbourhosting.example');
      expect(inWindow).not.toContain('overdue');
    }
  });

  it('flows a 200-line invoice onto more pages, repeating the header row, with page x of y on each', async () => {
    const model = sampleInvoice('zh-CN', 'invoice', 200);
    const { bytes, pages } = await renderDocument(model, fonts);
    expect(pages).toBeGreaterThan(1);
    expect(Number(pdfInfo(bytes).Pages)).toBe(pages);
    const pageTexts = pdfPages(bytes);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(squash(page)).toMatch(/项目 数量 单价 税率 金额/);
      expect(page).toContain(`第 ${i + 1} 页，共 ${pages} 页`);
    });
    const all = squash(pageTexts.join('\n'));
    for (let line = 1; line <= 200; line += 1) expect(all).toContain(`#${line} `);
    expect(squash(pageTexts[pages - 1])).toContain('应付金额');
  });

  it('prints a statement with every entry and the running balance', async () => {
    const { bytes } = await renderDocument(sampleStatement('en'), fonts);
    const text = squash(pdfText(bytes));
    expect(text).toContain('2026-09-30 Payment, bank transfer £288.00 £0.00');
    expect(text).toContain('2026-11-14 Invoice INV-2026-0042 £355.19 £382.39');
    expect(text).toContain('Balance owed £382.39');
  });

  it('prints the payment plan agreement with its installments and two signature blocks with name and date lines', async () => {
    const { bytes } = await renderDocument(sampleLetter('zh-CN', 'payment_plan_agreement'), fonts);
    const text = squash(pdfText(bytes));
    // pdftotext drops the thin spaces between Chinese and digits.
    expect(text).toMatch(/第 ?2 ?期 2027年1月1日 ¥118\.40/);
    expect(text).toContain('卡尔云科技有限公司（盖章）');
    expect(text).toContain('客户：张伟（北京星河网络有限公司）');
    expect(text.match(/姓名：/g)).toHaveLength(2);
    expect(text.match(/日期：/g)).toHaveLength(2);
  });

  it('gives the same bytes for the same model, with the dates taken from the document', async () => {
    const model = sampleLetter('zh-CN', 'final_notice');
    const first = await renderDocument(model, fonts);
    const second = await renderDocument(structuredClone(model), fonts);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const info = pdfInfo(first.bytes);
    expect(info.CreationDate).toMatch(/Nov 26 00:00:00 2026/);
    expect(info.Author).toBe('卡尔云科技有限公司');
    expect(Buffer.from(first.bytes).toString('latin1')).toContain('/Lang (zh-CN)');
    const other = await renderDocument({ ...model, issuedOn: '2026-11-27' }, fonts);
    expect(Buffer.from(other.bytes).equals(Buffer.from(first.bytes))).toBe(false);
  });
});

describe('bad input', () => {
  it('draws a character the font lacks as □ and names it in a warning', async () => {
    const model = sampleLetter('en', 'reminder');
    model.recipient = { ...model.recipient, name: 'Mrs Alice Moreton 😀' };
    model.body = `${model.body}\n\nOur new sign: \u{1F680} (a rocket).`;
    const { bytes, warnings } = await renderDocument(model, fonts);
    const text = pdfText(bytes);
    expect(text).toContain('Mrs Alice Moreton □');
    expect(text).toContain('Our new sign: □ (a rocket).');
    expect(warnings).toContainEqual({ code: 'glyph_missing', field: 'recipient.name', character: '😀', codePoint: 'U+1F600' });
    expect(warnings).toContainEqual({ code: 'glyph_missing', field: 'body', character: '🚀', codePoint: 'U+1F680' });
  });

  it('renders without a logo when its bytes are empty or broken, and says so', async () => {
    const good = await renderDocument(sampleInvoice('en'), fonts);
    for (const [logo, code] of [
      [new Uint8Array(0), 'logo_missing'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'logo_unreadable'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'logo_unreadable'],
      [new TextEncoder().encode('not an image at all'), 'logo_unreadable'],
    ] as const) {
      const model = sampleInvoice('en');
      model.company = { ...model.company, logo };
      const { bytes, warnings } = await renderDocument(model, fonts);
      expect(warnings).toEqual([{ code, field: 'company.logo' }]);
      expect(squash(pdfText(bytes))).toContain('Balance due £364.20');
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Subtype /Image');
    }
    expect(Buffer.from(good.bytes).toString('latin1')).toContain('/Subtype /Image');
  });

  it('a PNG with a damaged image stream is refused before pdfkit sees it', async () => {
    const model = sampleInvoice('en');
    const logo = new Uint8Array(model.company.logo!);
    // Flip a byte inside the IDAT data and fix nothing: the chunk's CRC no longer matches.
    logo[60] ^= 0xff;
    model.company = { ...model.company, logo };
    const { warnings } = await renderDocument(model, fonts);
    expect(warnings).toEqual([{ code: 'logo_unreadable', field: 'company.logo' }]);
  });

  it('fits an over-long address and too many lines inside the window, with an ellipsis and warnings', async () => {
    const model = sampleLetter('en', 'first_notice');
    model.recipient = {
      name: 'Mrs Alice Moreton',
      addressLines: ['Moreton Design Studio and Associated Creative Consultancy Partners International', '7 Orchard Lane', 'Widcombe', 'Bath', 'BA1 2AB', 'Somerset', 'United Kingdom'],
    };
    const { bytes, warnings } = await renderDocument(model, fonts);
    expect(warnings).toContainEqual({ code: 'address_line_truncated', field: 'recipient.addressLines.0' });
    expect(warnings).toContainEqual({ code: 'address_too_many_lines', field: 'recipient.addressLines' });
    const inWindow = pdfTextIn(bytes, addressField(model.envelope));
    expect(inWindow).toContain('Moreton Design Studio and Associated');
    expect(inWindow).toMatch(/…/);
    expect(inWindow).toContain('BA1 2AB');
    // Six lines fit: the name and five address lines; the sixth ends with the ellipsis.
    expect(inWindow).not.toContain('Somerset');
    expect(inWindow).not.toContain('United Kingdom');
    expect(squash(inWindow)).toContain('BA1 2AB …');
  });

  it('wraps a long address line inside the window when there is room, losing nothing', async () => {
    const model = sampleLetter('zh-CN', 'restriction_notice', { format: 'C5', window: 'left' });
    model.recipient = { name: '欧阳娜娜 女士', addressLines: ['广东省深圳市南山区粤海街道科技园南区深圳湾科技生态园十栋 B 座 2201 室（前台代收）', '邮编 518057'] };
    const { bytes, warnings } = await renderDocument(model, fonts);
    expect(warnings).toEqual([]);
    const inWindow = pdfTextIn(bytes, addressField(model.envelope));
    expect(inWindow.replace(/\s+/g, '')).toContain('广东省深圳市南山区粤海街道科技园南区深圳湾科技生态园十栋B座2201室（前台代收）邮编518057');
    expect(inWindow).not.toContain('…');
  });

  it('says visibly that no payment details are set, and warns', async () => {
    const model: DocumentModel = sampleLetter('zh-CN', 'second_notice');
    model.company = { ...model.company, paymentLines: [] };
    const { bytes, warnings } = await renderDocument(model, fonts);
    expect(warnings).toEqual([{ code: 'payment_details_missing', field: 'company.paymentLines' }]);
    expect(squash(pdfText(bytes))).toContain('尚未设置付款方式，请与我们联系');
  });

  it('prints a missing label as its key and reports it', async () => {
    const model: InvoiceDocument = sampleInvoice('en');
    const { unitPrice: _dropped, ...labels } = model.labels;
    model.labels = labels;
    const { bytes, warnings } = await renderDocument(model, fonts);
    expect(warnings).toEqual([{ code: 'label_missing', field: 'labels.unitPrice' }]);
    expect(pdfText(bytes)).toContain('unitPrice');
  });

  it('sample labels cover every key each kind needs', () => {
    for (const model of allSampleModels()) for (const key of labelKeysFor(model.kind)) expect(model.labels[key], `${model.kind} ${key}`).toBeTruthy();
  });
});
