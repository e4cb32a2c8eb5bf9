// SMS through a local HTTP gateway (node:http) configured like a real one — method, headers with
// a secret API key, a body template — printed letters of the day, and phone calls as tasks, each
// ending up in the client's communication log.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsSegments } from '../../shared/ladder/smsText.js';
import { openTestBook, type TestBook } from '../fixtures/book.js';
import { documentBook, pdfPages, pdfText } from '../fixtures/documents.js';

interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function startGateway(reply: (hit: Hit) => { status: number; body: string }) {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const hit = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      hits.push(hit);
      const answer = reply(hit);
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { hits, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let book: TestBook;
const closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  book = await openTestBook();
});
afterEach(async () => {
  book.close();
  await Promise.all(closers.splice(0).map((close) => close()));
});

const API_KEY = 'sms-key-9Xq2LmT7';

describe('SMS gateway', () => {
  it('posts the body template with the text, the secret header from the secret store, and logs it sent', async () => {
    let status = 200;
    const gateway = await startGateway(() => ({ status, body: status === 200 ? '{"ok":true,"id":"m-1"}' : '{"error":"quota"}' }));
    closers.push(gateway.close);
    const { zh, zhInvoice } = await documentBook(book);
    await book.call('clients.update', { id: zh.id, phone: '+86 138 0013 8000' });
    const settings = await book.call('channels.settings.update', {
      sms: {
        url: `${gateway.url}/send?account=cloudlet`,
        method: 'POST',
        headers: [
          { name: 'X-Api-Key', secret: true, value: API_KEY },
          { name: 'X-Account', secret: false, value: 'cloudlet' },
        ],
        bodyTemplate: '{"to":"{{to}}","from":"{{sender}}","message":"{{text}}"}',
        senderId: 'Cloudlet',
        successContains: '"ok":true',
      },
    });
    expect(settings.sms.headers).toEqual([
      { name: 'X-Api-Key', secret: true, value: '', hasValue: true },
      { name: 'X-Account', secret: false, value: 'cloudlet', hasValue: true },
    ]);
    expect(JSON.stringify(settings)).not.toContain(API_KEY);
    expect(JSON.stringify(book.backend.db.prepare('SELECT * FROM settings').all())).not.toContain(API_KEY);

    const input = { clientId: zh.id, letter: 'first_notice', channel: 'sms', key: 'rung:zh:first_notice:sms' } as const;
    const sent = await book.call('channels.send', input);
    expect(sent).toMatchObject({ status: 'sent', documentId: null });
    expect(gateway.hits).toHaveLength(1);
    const hit = gateway.hits[0]!;
    expect(hit.method).toBe('POST');
    expect(hit.url).toBe('/send?account=cloudlet');
    expect(hit.headers['x-api-key']).toBe(API_KEY);
    expect(hit.headers['x-account']).toBe('cloudlet');
    expect(hit.headers['content-type']).toBe('application/json');
    const body = JSON.parse(hit.body) as { to: string; from: string; message: string };
    expect(body.to).toBe('+86 138 0013 8000');
    expect(body.from).toBe('Cloudlet');
    expect(body.message).toContain(zhInvoice.number!);
    expect(body.message).toContain('¥337.00');
    expect(body.message).toContain('逾期');
    expect(smsSegments(body.message)).toBeLessThanOrEqual(2);

    // Same key again: no second text.
    expect((await book.call('channels.send', input)).communicationId).toBe(sent.communicationId);
    expect(gateway.hits).toHaveLength(1);

    // A non-2xx answer fails the message with the reason; it is retried with the same key.
    status = 503;
    const other = { ...input, key: 'rung:zh:second_notice:sms', letter: 'second_notice' } as const;
    const failed = await book.call('channels.send', other);
    expect(failed.status).toBe('failed');
    expect(failed.detail).toContain('503');
    expect(failed.detail).toContain('quota');
    status = 200;
    expect((await book.call('channels.send', other)).status).toBe('sent');
    expect(gateway.hits).toHaveLength(3);

    const log = await book.call('communications.list', { clientId: zh.id });
    expect(log.items.filter((c) => c.channel === 'sms').map((c) => [c.status, c.recipient])).toEqual([
      ['sent', '+86 138 0013 8000'],
      ['failed', '+86 138 0013 8000'],
      ['sent', '+86 138 0013 8000'],
    ]);
  });

  it('GET with the placeholders in the URL; a 2xx without the success text fails; test SMS answers the gateway', async () => {
    const gateway = await startGateway((hit) => ({ status: 200, body: hit.url.includes('to=%2B1') ? 'OK queued' : 'ERR' }));
    closers.push(gateway.close);
    await book.call('channels.settings.update', { sms: { url: `${gateway.url}/sms?to={{to}}&text={{text}}&from={{sender}}`, method: 'GET', senderId: 'HL', successContains: 'OK' } });
    const answer = await book.call('channels.testSms', { to: '+1 555 0100' });
    expect(answer).toEqual({ ok: true, message: '200 OK queued', setupProblem: null });
    const url = new URL(gateway.hits[0]!.url, 'http://x');
    expect(gateway.hits[0]!.method).toBe('GET');
    expect(url.searchParams.get('to')).toBe('+1 555 0100');
    expect(url.searchParams.get('text')).toBe('HostLedger test message.');
    expect(url.searchParams.get('from')).toBe('HL');
    const refused = await book.call('channels.testSms', { to: '555 0100' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('ERR');
  });

  it('a client without a phone number is not applicable; an unconfigured gateway fails with what to do', async () => {
    const { en } = await documentBook(book);
    expect((await book.call('channels.send', { clientId: en.id, letter: 'reminder', channel: 'sms' })).status).toBe('not_applicable');
    await book.call('clients.update', { id: en.id, phone: '+1 555 0100' });
    const failed = await book.call('channels.send', { clientId: en.id, letter: 'reminder', channel: 'sms' });
    expect(failed).toMatchObject({ status: 'failed', problem: 'sms_no_gateway', communicationId: null });
    expect(failed.detail).toContain('Settings → Email & SMS');
    // Not tried: nothing written to the outbox or the client's communication log.
    const count = (table: string) => book.backend.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('outgoing_messages'), count('communications')]).toEqual([0, 0]);
    expect(await book.call('channels.testSms', { to: '+1 555 0100' })).toMatchObject({ ok: false, setupProblem: 'sms_no_gateway' });
    expect(await book.call('channels.testEmail', { to: 'me@example.com' })).toMatchObject({ ok: false, setupProblem: 'email_no_server' });
  });
});

describe('a book not set up yet', () => {
  it('makes no letter, email or SMS without the company name: failed, naming the problem, nothing written', async () => {
    const client = await book.call('clients.create', { name: 'Early Client', email: 'early@example.com', phone: '+1 555 0101', address: { lines: ['1 Main St'], city: 'Springfield' }, currency: 'USD' });
    for (const channel of ['email', 'sms', 'letter'] as const) {
      expect(await book.call('channels.send', { clientId: client.id, letter: 'reminder', channel })).toMatchObject({ status: 'failed', problem: 'company_profile_missing', documentId: null });
    }
    const count = (table: string) => book.backend.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('outgoing_messages'), count('documents'), count('communications')]).toEqual([0, 0, 0]);
  });
});

describe('channel settings', () => {
  it('refuses unencrypted SMTP to another machine and a new secret header without its value, changing nothing', async () => {
    const before = await book.call('channels.settings.get', {});
    const plain = await book.backend.dispatch('channels.settings.update', { email: { host: 'smtp.example.com', security: 'none', password: 'x-Secret-1' } });
    expect(plain).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'email.security' }] } } });
    const header = await book.backend.dispatch('channels.settings.update', { sms: { headers: [{ name: 'X-Api-Key', secret: true }] } });
    expect(header).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'sms.headers.0.value' }] } } });
    expect(await book.call('channels.settings.get', {})).toEqual(before);
    expect(before.email.hasPassword).toBe(false);

    // Loopback may go unencrypted; the password is stored, kept when left out, and removed with null.
    await book.call('channels.settings.update', { email: { host: '127.0.0.1', security: 'none', password: 'x-Secret-1' } });
    expect((await book.call('channels.settings.update', { email: { fromName: 'Billing' } })).email).toMatchObject({ hasPassword: true, fromName: 'Billing' });
    expect((await book.call('channels.settings.update', { email: { password: null } })).email.hasPassword).toBe(false);
  });
});

describe('printed letters', () => {
  it("queues the ladder's letters; the day's print is one PDF of them, logged printed once", async () => {
    const { zh, en, zhInvoice, enInvoice } = await documentBook(book);
    const a = await book.call('channels.send', { clientId: zh.id, letter: 'first_notice', channel: 'letter', key: 'rung:a:first_notice:letter' });
    const b = await book.call('channels.send', { clientId: en.id, letter: 'final_notice', channel: 'letter', key: 'rung:b:final_notice:letter', suspensionDate: '2026-12-04' });
    expect(a.status).toBe('queued_for_print');
    expect(b.status).toBe('queued_for_print');
    // Idempotent by key: the same letter, not a second one.
    expect((await book.call('channels.send', { clientId: zh.id, letter: 'first_notice', channel: 'letter', key: 'rung:a:first_notice:letter' })).documentId).toBe(a.documentId);

    const print = await book.call('channels.lettersToPrint', { date: '2026-11-26' });
    expect(print).toMatchObject({ letters: 2, newlyPrinted: 2 });
    expect(pdfPages(print.pdfBase64!)).toBe(print.pages);
    const text = pdfText(print.pdfBase64!);
    expect(text).toContain(zhInvoice.number!);
    expect(text).toContain(enInvoice.number!);
    expect((await book.call('channels.lettersToPrint', { date: '2026-11-26' })).newlyPrinted).toBe(0);
    expect(await book.call('channels.lettersToPrint', { date: '2026-11-25' })).toEqual({ pdfBase64: null, letters: 0, pages: 0, newlyPrinted: 0 });
    // A final notice names its suspension date; refused naming this method's own field, nothing written.
    const before = book.backend.db.prepare('SELECT count(*) FROM documents').pluck().get();
    const refused = await book.backend.dispatch('channels.send', { clientId: en.id, letter: 'final_notice', channel: 'letter' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'suspensionDate' }] } } });
    expect(book.backend.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
    const log = await book.call('communications.list', { clientId: zh.id });
    expect(log.items.filter((c) => c.documentId === a.documentId).map((c) => c.status)).toEqual(['printed', 'queued_for_print']);
  });
});

describe('phone calls', () => {
  it('a person asks for a call, records how it went, and it is in the communication log', async () => {
    const { en, enInvoice } = await documentBook(book);
    await book.call('clients.update', { id: en.id, phone: '+1 555 0100' });
    const task = await book.call('calls.create', { clientId: en.id, invoiceId: enInvoice.id, note: 'Ask about the renewal' });
    expect(task).toMatchObject({ state: 'open', phone: '+1 555 0100', invoiceNumber: enInvoice.number, clientName: 'Acme Hosting', dueOn: '2026-11-26', kind: 'requested' });
    expect((await book.call('calls.list', { state: 'open' })).items.map((t) => t.id)).toEqual([task.id]);

    const done = await book.call('calls.record', { id: task.id, outcome: 'promised_to_pay', note: 'Pays Friday' });
    expect(done).toMatchObject({ state: 'done', outcome: 'promised_to_pay', note: 'Pays Friday', doneBy: 'tester' });
    expect((await book.call('calls.list', { state: 'open' })).items).toEqual([]);
    expect((await book.call('calls.list', { state: 'done' })).items.map((t) => t.id)).toEqual([task.id]);
    const log = await book.call('communications.list', { clientId: en.id });
    expect(log.items[0]).toMatchObject({ id: done.communicationId, channel: 'call', status: 'promised_to_pay', recipient: '+1 555 0100', detail: 'Pays Friday' });

    const twice = await book.backend.dispatch('calls.record', { id: task.id, outcome: 'refused' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const foreign = await book.backend.dispatch('calls.create', { clientId: en.id, invoiceId: 'inv_00000000000000' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
