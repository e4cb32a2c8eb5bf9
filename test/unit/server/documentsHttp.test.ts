// The documents API over browser mode's HTTP transport: the largest logo allowed fits under the
// 1 MiB body limit, and a PDF comes back as base64 that is a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope.js';
import { LOGO_MAX_BYTES } from '../../../shared/documents/kinds.js';
import { call, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const value = <T>(json: unknown): T => {
  const envelope = json as Envelope<T>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
};

/** A PNG header (1000 × 400) padded to `size` bytes: as large as a logo may be. */
function largestPng(size: number): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452000003e800000190080600000000000000', 'hex');
  return Buffer.concat([header, Buffer.alloc(size - header.length, 7)]);
}

describe('documents over HTTP', () => {
  it('takes a logo of the largest size allowed in one request, and refuses a larger one as invalid input', async () => {
    const logo = largestPng(LOGO_MAX_BYTES);
    const body = JSON.stringify({ name: 'Cloudlet', paymentLines: ['Bank 1'], logoBase64: logo.toString('base64') });
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const saved = await call(h, 'company.update', JSON.parse(body));
    expect(saved.status).toBe(200);
    expect(value<{ logo: { bytes: number; width: number; height: number } }>(saved.json).logo).toMatchObject({ bytes: LOGO_MAX_BYTES, width: 1000, height: 400 });

    const larger = await call(h, 'company.update', { logoBase64: largestPng(LOGO_MAX_BYTES + 3000).toString('base64') });
    expect(larger.status).toBe(200);
    expect((larger.json as Envelope<unknown> & { ok: false }).error).toMatchObject({ code: 'invalid_input', details: { fields: [{ field: 'logoBase64', code: 'too_long' }] } });
  });

  it("answers an invoice's PDF as base64 bytes of a PDF, and the same bytes the second time", async () => {
    const client = value<{ id: string }>((await call(h, 'clients.create', { name: 'Kaer Cloud', currency: 'CNY', language: 'zh-CN' })).json);
    const draft = value<{ id: string }>((await call(h, 'invoices.createDraft', { clientId: client.id, lines: [{ description: '主机', unitPriceMinor: 9900 }] })).json);
    value((await call(h, 'invoices.issue', { id: draft.id })).json);
    const first = value<{ pdfBase64: string; warnings: { code: string }[] }>((await call(h, 'documents.invoicePdf', { invoiceId: draft.id })).json);
    expect(Buffer.from(first.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The padded logo is no image a PDF can hold: drawn without it, and said so.
    expect(first.warnings.map((w) => w.code)).toContain('logo_unreadable');
    const again = value<{ pdfBase64: string; reopened: boolean }>((await call(h, 'documents.invoicePdf', { invoiceId: draft.id })).json);
    expect(again).toMatchObject({ reopened: true, pdfBase64: first.pdfBase64 });
  });
});
