// The arrears ladder over many simulated days (issue 8): a purpose-built book driven day by day
// with the injected clock, the ladder run every day as the daily run does, the desk's approvals
// given as a reseller would, and the panel queue working a memory cPanel. Each client's story is
// checked step by step: the messages in order, the fee once, restriction only after approval,
// final notice before suspension, backup before suspend; a promise pauses and a broken promise
// resumes at the step that fits today; a payment mid-ladder stops it and lifts the restriction;
// after ten closed days the catch-up sends the notice first and the escalation waits.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.js';
import { COMPANY, pdfText } from '../fixtures/documents.js';
import { openLadderBook, recordingDeliver, type LadderBook } from '../fixtures/ladderBook.js';
import { startSmtpPeer, type SmtpPeer } from '../fixtures/smtpPeer.js';

let book: LadderBook;
const peers: SmtpPeer[] = [];
afterEach(async () => {
  book?.close();
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

type Mail = ReturnType<typeof recordingDeliver>;
const story = (mail: Mail, invoiceId: string) => mail.sent.filter((m) => m.invoiceIds.includes(invoiceId)).map((m) => `${m.on} ${m.letter} ${m.channel}`);
const fees = (b: LadderBook) =>
  b.backend.db.prepare<[], { invoice_id: string; due_date: string; issue_date: string; description: string }>(
    "SELECT f.invoice_id, f.due_date, i.issue_date, l.description FROM late_fees f JOIN invoices i ON i.id = f.fee_invoice_id JOIN invoice_lines l ON l.invoice_id = i.id AND l.kind = 'late_fee'",
  ).all();
const panelActions = (b: LadderBook, contractId: string) =>
  b.backend.db.prepare<[string], { kind: string; state: string; requested_by: string }>('SELECT kind, state, requested_by FROM panel_actions WHERE contract_id = ? ORDER BY seq').all(contractId).map((a) => `${a.kind} ${a.state} ${a.requested_by}`);

describe('the ladder over 45 simulated days', () => {
  it('gives every client exactly the right steps in order: no payment, a broken promise, a payment mid-ladder', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-01', deliver: mail.deliver });
    // A never pays and wants paper; B promises and breaks it; C pays once restricted.
    const a = await book.client('Never Pays', { channels: ['email', 'letter'], address: { lines: ['1 Main St'], city: 'Springfield', postalCode: '12345' } });
    const b = await book.client('Promise Breaker');
    const c = await book.client('Late Payer');
    const contractA = await book.contractFor(a, 'alpha');
    const contractB = await book.contractFor(b, 'bravo');
    const contractC = await book.contractFor(c, 'charlie');
    const invA = await book.invoice(10_000, '2026-11-01', '2026-11-15', contractA, a);
    const invB = await book.invoice(8_000, '2026-11-01', '2026-11-15', contractB, b);
    const invC = await book.invoice(6_000, '2026-11-01', '2026-11-15', contractC, c);
    const resumedOn: string[] = [];
    const pausedOn: string[] = [];

    for (let date = '2026-11-01'; date <= '2026-12-15'; date = addDays(date, 1)) {
      book.day(date);
      if (date === '2026-11-18') await book.call('promises.create', { clientId: b, promisedDate: '2026-11-25', amountMinor: 8_000 });
      if (date === '2026-11-24') await book.pay(6_000, c);
      const desk = await book.desk();
      for (const line of desk.lines.filter((l) => l.clientId === b)) {
        if (line.status === 'paused') pausedOn.push(date);
        if (line.resumedFrom?.kind === 'promise' && !resumedOn.includes(date)) resumedOn.push(date);
      }
      // The reseller approves restrictions and suspensions of the arrears (not of the fee invoices), never a termination review.
      const approve = desk.lines.filter((l) => l.status === 'needs_approval' && [invA, invB, invC].includes(l.invoiceId) && ['restriction', 'suspension'].includes(l.stepKey));
      if (approve.length > 0) await book.call('dunning.approve', { lines: approve.map((l) => ({ invoiceId: l.invoiceId, stepKey: l.stepKey })) });
      await book.ladder();
      await book.run();
    }

    // A: the whole ladder, letters too (they want paper), the fee once, restriction after approval,
    // the final notice naming the suspension day, backup then suspend.
    expect(story(mail, invA)).toEqual([
      '2026-11-08 reminder email',
      '2026-11-08 reminder letter',
      '2026-11-14 reminder email',
      '2026-11-14 reminder letter',
      '2026-11-16 first_notice email',
      '2026-11-16 first_notice letter',
      '2026-11-20 second_notice email',
      '2026-11-20 second_notice letter',
      '2026-11-22 restriction_notice email',
      '2026-11-25 final_notice email',
      '2026-11-25 final_notice letter',
      '2026-11-29 suspension_notice email',
    ]);
    expect(mail.sent.find((m) => m.invoiceIds.includes(invA) && m.letter === 'final_notice')!.suspensionDate).toBe('2026-11-29');
    expect(panelActions(book, contractA)).toEqual(['limit_bandwidth succeeded ladder', 'backup succeeded ladder', 'suspend succeeded ladder']);
    expect(book.panel.changes().filter((ch) => ch.endsWith(' alpha'))).toEqual(['limit alpha', 'backup alpha', 'suspend alpha']);
    expect((await book.call('contracts.get', { id: contractA })).status).toBe('suspended');
    const lastDesk = await book.desk(a);
    expect(lastDesk.lines.filter((l) => l.invoiceId === invA).map((l) => `${l.stepKey} ${l.status}`)).toEqual(['termination_review needs_approval']);

    // B: paused by the promise from 11-18 to its date; broken on 11-26, the ladder resumes at the
    // step that fits today: the final notice (the second notice overtaken, its fee still charged
    // with its own date), and the escalations wait the minimum notice days after it.
    // The desk shows the paused step from the first day one falls due during the promise (the second notice's).
    expect(pausedOn[0]).toBe('2026-11-20');
    expect(pausedOn.at(-1)).toBe('2026-11-25');
    expect(resumedOn[0]).toBe('2026-11-26');
    expect(story(mail, invB)).toEqual([
      '2026-11-08 reminder email',
      '2026-11-14 reminder email',
      '2026-11-16 first_notice email',
      '2026-11-16 first_notice letter',
      '2026-11-26 final_notice email',
      '2026-11-26 final_notice letter',
      '2026-11-29 suspension_notice email',
    ]);
    expect(book.rungs(invB)).toMatchObject({ second_notice: 'superseded', restriction: 'superseded', final_notice: 'done', suspension: 'done' });
    expect(panelActions(book, contractB)).toEqual(['backup succeeded ladder', 'suspend succeeded ladder']);

    // C: restricted on 11-22, paid on 11-24: nothing more happens, and the payment lifted the limit.
    expect(story(mail, invC)).toEqual([
      '2026-11-08 reminder email',
      '2026-11-14 reminder email',
      '2026-11-16 first_notice email',
      '2026-11-16 first_notice letter',
      '2026-11-20 second_notice email',
      '2026-11-22 restriction_notice email',
    ]);
    expect(panelActions(book, contractC)).toEqual(['limit_bandwidth succeeded ladder', 'restore_bandwidth succeeded payment']);
    expect((await book.call('contracts.get', { id: contractC })).status).toBe('active');

    // Each arrears invoice's fee charged once, dated its own day (B's too, though its notice was overtaken).
    expect(fees(book).map((f) => [f.invoice_id, f.due_date, f.issue_date]).sort()).toEqual(
      [
        [invA, '2026-11-20', '2026-11-20'],
        [invB, '2026-11-20', '2026-11-20'],
        [invC, '2026-11-20', '2026-11-20'],
      ].sort(),
    );
    // No rung was carried out twice: each message key went out once.
    const keys = mail.sent.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    await book.call('books.check', {}).then((check) => expect(check.checks.filter((ch) => !ch.ok)).toEqual([]));
  }, 120_000);

  it('catches up after 10 closed days: no stale reminder, the notice first, the escalation waits, the fee dated its own day', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-08', deliver: mail.deliver });
    const contractId = await book.contract('delta');
    const invoiceId = await book.invoice(10_000, '2026-11-01', '2026-11-15', contractId);
    for (let date = '2026-11-08'; date <= '2026-11-12'; date = addDays(date, 1)) {
      book.day(date);
      await book.ladder();
    }
    // Closed from 11-13 to 11-22; opened on 11-23 (eight days past due).
    book.day('2026-11-23');
    const desk = await book.desk();
    expect(desk.lines.map((l) => `${l.stepKey} ${l.status}${l.waitsUntil ? ` ${l.waitsUntil}` : ''}`)).toEqual([
      'reminder_1 missed',
      'first_notice superseded',
      'second_notice due',
      'restriction waiting_notice 2026-11-26',
    ]);
    expect(desk.lines.every((l) => l.catchUp)).toBe(true);
    const summary = await book.ladder();
    expect(summary).toMatchObject({ done: 1, failed: 0, missed: 1, superseded: 1, waiting: 1 });
    expect(story(mail, invoiceId)).toEqual(['2026-11-08 reminder email', '2026-11-23 second_notice email']);
    expect(fees(book)).toEqual([{ invoice_id: invoiceId, due_date: '2026-11-20', issue_date: '2026-11-20', description: expect.stringContaining('Late fee') }]);

    // The escalation waits its notice period after the notice actually went out.
    for (const date of ['2026-11-24', '2026-11-25']) {
      book.day(date);
      expect((await book.desk()).lines.find((l) => l.stepKey === 'restriction')).toMatchObject({ status: 'waiting_notice', waitsUntil: '2026-11-26' });
      await book.ladder();
    }
    book.day('2026-11-26');
    expect((await book.desk()).lines.find((l) => l.stepKey === 'restriction')!.status).toBe('needs_approval');
    expect(panelActions(book, contractId)).toEqual([]);
  });

  it('dates a caught-up fee today when its own day is in the locked period, naming the day in its line', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-23', deliver: mail.deliver });
    const invoiceId = await book.invoice(10_000, '2026-11-01', '2026-11-15');
    await book.call('books.lock', { lockDate: '2026-11-21' });
    await book.ladder();
    const [fee] = fees(book);
    expect(fee).toMatchObject({ invoice_id: invoiceId, due_date: '2026-11-20', issue_date: '2026-11-23' });
    expect(fee!.description).toContain('2026-11-20');
    // The step's record says so in a form each language words (the English detail stays for the record).
    const rungs = (await book.call('dunning.history', { clientId: book.clientId })).rungs;
    const charged = rungs.flatMap((r) => r.outcomes).find((o) => o.kind === 'late_fee' && o.result === 'done');
    expect(charged).toMatchObject({ note: 'fee_redated', noteParams: { date: '2026-11-23', feeDate: '2026-11-20' }, detail: 'dated 2026-11-23: 2026-11-20 is in the locked period' });
  });
});

describe('the ladder with the real channels', () => {
  it('emails the notice to a real SMTP server with its PDF, queues the letter, and retries a refused send once', async () => {
    // No test Deliver: the book's own (SMTP, print queue).
    book = await openLadderBook({ now: '2026-11-16' });
    await book.call('company.update', COMPANY);
    await book.call('clients.update', { id: book.clientId, expectedVersion: 2, address: { lines: ['1 Main St'], city: 'Springfield', postalCode: '12345', country: 'US' } });
    const refusing = await startSmtpPeer({ refuseRecipients: 'Mailbox unavailable' });
    peers.push(refusing);
    const useServer = (port: number) =>
      book.call('channels.settings.update', { email: { host: '127.0.0.1', port, security: 'none', fromAddress: 'billing@cloudlet.example', fromName: 'Cloudlet Billing', timeoutSeconds: 2 } });
    await useServer(refusing.port);
    const invoiceId = await book.invoice(12_345, '2026-11-01', '2026-11-15');
    const number = (await book.call('invoices.get', { id: invoiceId })).number!;

    const first = await book.ladder();
    expect(first).toMatchObject({ done: 0, failed: 1, missed: 2 });
    const failed = (await book.desk()).lines.find((l) => l.stepKey === 'first_notice')!;
    expect(failed.status).toBe('failed');
    expect(failed.failures).toEqual([expect.objectContaining({ kind: 'send:email', result: 'failed', detail: expect.stringMatching(/Mailbox unavailable/) })]);
    // The letter went to the print queue already; it is not queued again on the retry.
    const letters = () => book.backend.db.prepare<[], number>("SELECT count(*) FROM communications WHERE channel = 'letter'").pluck().get();
    expect(letters()).toBe(1);

    const server = await startSmtpPeer();
    peers.push(server);
    await useServer(server.port);
    const second = await book.ladder();
    expect(second).toMatchObject({ done: 1, failed: 0 });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.subject).toMatch(/overdue/i);
    expect(mail.text).toContain(number);
    expect(mail.attachments).toHaveLength(1);
    expect(pdfText(mail.attachments[0]!.content)).toContain(number);
    expect(letters()).toBe(1);
    const messages = book.backend.db.prepare<[], { key: string; state: string; attempts: number }>('SELECT key, state, attempts FROM outgoing_messages').all();
    expect(messages).toEqual([{ key: `rung:${invoiceId}:first_notice:email`, state: 'sent', attempts: 2 }]);
    const rung = (await book.call('dunning.history', { clientId: book.clientId })).rungs.find((r) => r.stepKey === 'first_notice')!;
    expect(rung).toMatchObject({ state: 'done', doneOn: '2026-11-16' });
    expect(rung.outcomes.map((o) => `${o.kind} ${o.result}`)).toEqual(['send:email done', 'send:letter done']);

    // Run again: nothing goes out twice.
    await book.ladder();
    expect(server.received).toHaveLength(1);
    expect(letters()).toBe(1);
  });

  it('waits for the company name, then the email server: nothing made or logged before, the desk names what is missing, the run after setup sends', async () => {
    // A new book: no company profile, no email settings; the client has an email and a postal address.
    book = await openLadderBook({ now: '2026-11-16' });
    await book.call('clients.update', { id: book.clientId, expectedVersion: 2, address: { lines: ['1 Main St'], city: 'Springfield', postalCode: '12345', country: 'US' } });
    const invoiceId = await book.invoice(12_345, '2026-11-01', '2026-11-15');
    const count = (table: string) => book.backend.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get();
    const notice = async () => (await book.desk()).lines.find((l) => l.invoiceId === invoiceId && l.stepKey === 'first_notice')!;

    expect((await notice()).blockedBy).toEqual(['company_profile_missing']);
    expect(await book.ladder()).toMatchObject({ done: 0, failed: 1 });
    const failed = await notice();
    expect(failed.status).toBe('failed');
    expect(failed.failures.map((f) => `${f.kind} ${f.problem}`)).toEqual(['send:email company_profile_missing', 'send:letter company_profile_missing']);
    expect(failed.failures[0]!.detail).toMatch(/company profile/);
    // Not tried: no message written, no PDF archived, no failure logged to the client's record.
    expect([count('outgoing_messages'), count('documents'), count('communications')]).toEqual([0, 0, 0]);

    await book.call('company.update', COMPANY);
    expect((await notice()).blockedBy).toEqual(['email_no_server']);
    expect(await book.ladder()).toMatchObject({ failed: 1 });
    expect((await notice()).failures.map((f) => `${f.kind} ${f.problem}`)).toEqual(['send:email email_no_server']);
    expect([count('outgoing_messages'), count("communications WHERE channel = 'letter'"), count("communications WHERE channel = 'email'")]).toEqual([0, 1, 0]);

    const server = await startSmtpPeer();
    peers.push(server);
    await book.call('channels.settings.update', { email: { host: '127.0.0.1', port: server.port, security: 'none', fromAddress: 'billing@cloudlet.example', fromName: 'Cloudlet Billing', timeoutSeconds: 2 } });
    expect((await notice()).blockedBy).toEqual([]);
    expect(await book.ladder()).toMatchObject({ done: 1, failed: 0 });
    expect(server.received).toHaveLength(1);
    const messages = book.backend.db.prepare<[], { state: string; attempts: number }>('SELECT state, attempts FROM outgoing_messages').all();
    expect(messages).toEqual([{ state: 'sent', attempts: 1 }]);
    expect(count("communications WHERE channel = 'letter'")).toBe(1);
  });
});
