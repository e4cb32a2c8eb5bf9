// Email over SMTP, received by a real SMTP server on 127.0.0.1: the reminder arrives To the
// client, Cc their billing contact, with the template's subject, the letter as text and its PDF
// attached (read back with pdftotext). A refused recipient, a refused login and a server that
// never greets each leave the message failed and retryable; fixed, it is sent exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAmount } from '../../shared/documents/wording.js';
import { openTestBook, type TestBook } from '../fixtures/book.js';
import { COMPANY, documentBook, pdfText } from '../fixtures/documents.js';
import { startSilentPeer, startSmtpPeer, type SmtpPeer } from '../fixtures/smtpPeer.js';

let book: TestBook;
const peers: Array<{ close(): Promise<void> }> = [];
beforeEach(async () => {
  book = await openTestBook();
});
afterEach(async () => {
  book.close();
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function peer(options?: Parameters<typeof startSmtpPeer>[0]): Promise<SmtpPeer> {
  const started = await startSmtpPeer(options);
  peers.push(started);
  return started;
}

async function useServer(port: number, extra: { username?: string; password?: string | null } = {}) {
  await book.call('channels.settings.update', {
    email: { host: '127.0.0.1', port, security: 'none', fromAddress: 'billing@cloudlet.example', fromName: 'Cloudlet Billing', replyTo: 'help@cloudlet.example', timeoutSeconds: 1, ...extra },
  });
}

async function clientWithEmail() {
  const { en, enInvoice, zh, zhInvoice } = await documentBook(book);
  await book.call('clients.update', { id: en.id, email: 'ops@acme.example', billingEmail: 'ap@acme.example', phone: '+1 555 0100' });
  return { en, enInvoice, zh, zhInvoice };
}

const log = (clientId: string) => book.backend.db.prepare("SELECT channel, status, detail, recipient, message_id FROM communications WHERE client_id = ? AND channel = 'email' ORDER BY seq").all(clientId) as Array<{ channel: string; status: string; detail: string | null; recipient: string; message_id: string | null }>;

describe('email over SMTP', () => {
  it('arrives with To, Cc, subject, Message-ID, the letter as text and the PDF attached', async () => {
    const server = await peer();
    await useServer(server.port);
    const { en, enInvoice } = await clientWithEmail();
    const result = await book.call('channels.send', { clientId: en.id, letter: 'first_notice', channel: 'email', key: 'rung:inv:first_notice:email' });
    expect(result.status).toBe('sent');
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    const addresses = (field: typeof mail.to) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));
    expect(addresses(mail.to)).toEqual(['ops@acme.example']);
    expect(addresses(mail.cc)).toEqual(['ap@acme.example']);
    expect(mail.from?.value[0]).toMatchObject({ address: 'billing@cloudlet.example', name: 'Cloudlet Billing' });
    expect(mail.replyTo?.value[0]?.address).toBe('help@cloudlet.example');
    expect(server.envelopes[0]).toEqual(['ops@acme.example', 'ap@acme.example']);
    expect(mail.subject).toMatch(/overdue/i);
    expect(mail.text).toContain(enInvoice.number!);
    expect(mail.text).toContain(formatAmount('en', 12_345, 'USD'));
    const row = book.backend.db.prepare('SELECT id, state, provider_answer FROM outgoing_messages').get() as { id: string; state: string; provider_answer: string };
    expect(row.state).toBe('sent');
    expect(mail.messageId).toBe(`<${row.id}@cloudlet.example>`);
    expect(row.provider_answer).toContain(mail.messageId);
    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toMatch(/Acme Hosting\.pdf$/);
    const text = pdfText(pdf.content);
    expect(text).toContain(enInvoice.number!);
    expect(text).toContain('US$123.45');
    expect(text).toContain(COMPANY.paymentLines[0]);

    const entries = await book.call('communications.list', { clientId: en.id });
    const sent = entries.items.find((c) => c.channel === 'email')!;
    expect(sent).toMatchObject({ status: 'sent', recipient: 'ops@acme.example (Cc ap@acme.example)', kind: 'first_notice', documentId: result.documentId });
    expect(sent.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    // The PDF is archived once, and not logged a second time as a letter.
    expect(entries.items.filter((c) => c.documentId === result.documentId)).toHaveLength(1);
  });

  it('does not copy the billing contact when that is switched off or the same address', async () => {
    const server = await peer();
    await useServer(server.port);
    const { en } = await clientWithEmail();
    await book.call('channels.settings.update', { email: { copyBillingContact: false } });
    await book.call('channels.send', { clientId: en.id, letter: 'reminder', channel: 'email' });
    expect(server.envelopes[0]).toEqual(['ops@acme.example']);
    expect(server.received[0]!.cc).toBeUndefined();
  });

  it('sends one email for two deliveries with one key, also when they run at the same time', async () => {
    const server = await peer();
    await useServer(server.port);
    const { en } = await clientWithEmail();
    const input = { clientId: en.id, letter: 'reminder', channel: 'email', key: 'rung:x:reminder_7:email' } as const;
    const [a, b] = await Promise.all([book.call('channels.send', input), book.call('channels.send', input)]);
    const c = await book.call('channels.send', input);
    expect(server.received).toHaveLength(1);
    expect([a.status, b.status, c.status]).toEqual(['sent', 'sent', 'sent']);
    expect(c.communicationId).toBe(a.communicationId);
    expect(log(en.id)).toHaveLength(1);
  });

  it('a message a crash left "sending" (intent committed, outcome never written) is sent on the next delivery with its key', async () => {
    const server = await peer();
    const { en } = await clientWithEmail();
    // The server is unreachable for the first attempt; then the row is put back as a crash between commit and send leaves it.
    await useServer(1);
    const input = { clientId: en.id, letter: 'reminder', channel: 'email', key: 'rung:crash:reminder_1:email' } as const;
    expect((await book.call('channels.send', input)).status).toBe('failed');
    book.backend.db.prepare("UPDATE outgoing_messages SET state = 'sending', last_error = NULL").run();
    await useServer(server.port);
    expect((await book.call('channels.send', input)).status).toBe('sent');
    expect((await book.call('channels.send', input)).status).toBe('sent');
    expect(server.received).toHaveLength(1);
  });

  it('a client without an email address is not applicable, and nothing is written', async () => {
    const server = await peer();
    await useServer(server.port);
    const { zh } = await clientWithEmail();
    const result = await book.call('channels.send', { clientId: zh.id, letter: 'reminder', channel: 'email', key: 'k1' });
    expect(result).toMatchObject({ status: 'not_applicable', communicationId: null });
    expect(book.backend.db.prepare('SELECT count(*) FROM outgoing_messages').pluck().get()).toBe(0);
  });

  const failures: Array<[string, () => Promise<{ port: number; fix: () => Promise<number> }>, RegExp]> = [
    [
      'the server refuses the recipient',
      async () => {
        const refusing = await peer({ refuseRecipients: 'Mailbox unavailable' });
        return { port: refusing.port, fix: async () => (await peer()).port };
      },
      /refused the recipient.*Mailbox unavailable/,
    ],
    [
      'the server refuses the login',
      async () => {
        const strict = await peer({ login: { user: 'mailer', pass: 'right-Pa55' } });
        await useServer(strict.port, { username: 'mailer', password: 'wrong-pass' });
        return { port: strict.port, fix: async () => (await book.call('channels.settings.update', { email: { password: 'right-Pa55' } }), strict.port) };
      },
      /refused the user name or password/,
    ],
    [
      'the server never greets (timeout)',
      async () => {
        const silent = await startSilentPeer();
        peers.push(silent);
        return { port: silent.port, fix: async () => (await peer()).port };
      },
      /did not answer in time|timeout/i,
    ],
  ];

  for (const [name, start, reason] of failures) {
    it(`${name}: failed with the reason, never sent; retried after the fix it is sent exactly once`, async () => {
      const { en } = await clientWithEmail();
      const broken = await start();
      const settings = await book.call('channels.settings.get', {});
      if (settings.email.port !== broken.port) await useServer(broken.port);
      const input = { clientId: en.id, letter: 'second_notice', channel: 'email', key: 'rung:inv:second_notice:email' } as const;
      const failed = await book.call('channels.send', input);
      expect(failed.status).toBe('failed');
      expect(failed.detail).toMatch(reason);
      expect(failed.detail).not.toContain('wrong-pass');
      expect(book.backend.db.prepare('SELECT state, attempts FROM outgoing_messages').get()).toEqual({ state: 'failed', attempts: 1 });
      expect(log(en.id).map((e) => e.status)).toEqual(['failed']);

      const fixedPort = await broken.fix();
      if (fixedPort !== broken.port) await useServer(fixedPort);
      const retried = await book.call('channels.send', input);
      expect(retried.status).toBe('sent');
      expect(retried.documentId).toBe(failed.documentId);
      const again = await book.call('channels.send', input);
      expect(again.communicationId).toBe(retried.communicationId);
      expect(book.backend.db.prepare('SELECT state, attempts FROM outgoing_messages').get()).toEqual({ state: 'sent', attempts: 2 });
      expect(log(en.id).map((e) => e.status)).toEqual(['failed', 'sent']);
      const received = peers.flatMap((p) => ('received' in p ? (p as SmtpPeer).received : []));
      expect(received).toHaveLength(1);
    });
  }

  it('test email: the message arrives and the answer is the server reply; a refusal says why', async () => {
    const server = await peer();
    await useServer(server.port);
    const ok = await book.call('channels.testEmail', { to: 'me@cloudlet.example' });
    expect(ok.ok).toBe(true);
    expect(ok.message).toMatch(/^250/);
    expect(server.received[0]!.subject).toBe('HostLedger test email');
    const refusing = await peer({ refuseRecipients: 'No such user here' });
    await useServer(refusing.port);
    const refused = await book.call('channels.testEmail', { to: 'me@cloudlet.example' });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toContain('No such user here');
  });

  it('a bounce is appended to the log for a sent email only', async () => {
    const server = await peer();
    await useServer(server.port);
    const { en } = await clientWithEmail();
    const sent = await book.call('channels.send', { clientId: en.id, letter: 'reminder', channel: 'email' });
    const bounce = await book.call('communications.recordBounce', { communicationId: sent.communicationId!, reason: '550 5.1.1 user unknown' });
    expect(bounce).toMatchObject({ channel: 'email', status: 'bounced', detail: '550 5.1.1 user unknown', documentId: sent.documentId });
    expect(log(en.id).map((e) => e.status)).toEqual(['sent', 'bounced']);
    const again = await book.backend.dispatch('communications.recordBounce', { communicationId: bounce.id, reason: 'twice' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
