import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates.js';
import { pdfText } from '../../../fixtures/documents.js';
import { openLadderBook, recordingDeliver, type LadderBook } from '../../../fixtures/ladderBook.js';

let book: LadderBook;
afterEach(() => book?.close());

const feeInvoices = (b: LadderBook) => b.backend.db.prepare<[], { invoice_id: string; n: number; due_date: string; issue_date: string }>('SELECT f.invoice_id, f.n, f.due_date, i.issue_date FROM late_fees f JOIN invoices i ON i.id = f.fee_invoice_id').all();

describe('the ladder run', () => {
  it('carries an unpaid invoice up the default ladder day by day, asking before it restricts or suspends', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-05', deliver: mail.deliver });
    const contractId = await book.contract('acme');
    const invoiceId = await book.invoice(10_000, '2026-11-01', '2026-11-15', contractId);
    const events: string[] = [];
    book.backend.subscribe((event) => {
      if (event.name === 'dunning.attention') events.push(`${book.today()} attention ${JSON.stringify(event.payload)}`);
      if (event.name === 'job.progress' && event.payload.label === 'dunning.run' && event.payload.finished) events.push(`${book.today()} finished`);
    });
    const asked: Record<string, string[]> = {};
    for (let date = '2026-11-05'; date <= '2026-12-16'; date = addDays(date, 1)) {
      book.day(date);
      const desk = await book.desk();
      const waiting = desk.lines.filter((l) => l.status === 'needs_approval').map((l) => l.stepKey);
      if (waiting.length > 0) asked[date] = waiting;
      // The reseller approves restriction and suspension on their day, never the termination review.
      await book.approveAll('restriction');
      await book.approveAll('suspension');
      await book.ladder();
    }
    // The late-fee invoice (due 12-04) climbs its own ladder: only the invoice's messages here.
    const messages = mail.sent.filter((m) => m.invoiceIds.includes(invoiceId)).map((m) => `${m.on} ${m.letter} ${m.channel}`);
    expect(messages).toEqual([
      '2026-11-08 reminder email',
      '2026-11-14 reminder email',
      '2026-11-16 first_notice email',
      '2026-11-16 first_notice letter',
      '2026-11-20 second_notice email',
      '2026-11-22 restriction_notice email',
      '2026-11-25 final_notice email',
      '2026-11-25 final_notice letter',
      '2026-11-29 suspension_notice email',
    ]);
    expect(mail.sent.find((m) => m.letter === 'final_notice')!.suspensionDate).toBe('2026-11-29');
    expect(mail.sent.every((m) => m.invoiceIds.length === 1)).toBe(true);
    expect(asked).toMatchObject({ '2026-11-22': ['restriction'], '2026-11-29': ['suspension'], '2026-12-15': ['termination_review'], '2026-12-16': ['termination_review'] });
    expect(Object.keys(asked).filter((d) => d < '2026-12-11')).toEqual(['2026-11-22', '2026-11-29']);
    expect(book.rungs(invoiceId)).toEqual({
      reminder_7: 'done',
      reminder_1: 'done',
      first_notice: 'done',
      second_notice: 'done',
      restriction: 'done',
      final_notice: 'done',
      suspension: 'done',
    });
    // The fee once, dated its day; the panel work queued without asking again (the desk approved it).
    expect(feeInvoices(book)).toEqual([{ invoice_id: invoiceId, n: 1, due_date: '2026-11-20', issue_date: '2026-11-20' }]);
    // Every run reports its end; the desk's work for a person is announced (the review waits from 12-15).
    expect(events.filter((e) => e.endsWith('finished'))).toHaveLength(42);
    expect(events).toContain('2026-12-15 attention {"needsApproval":1,"failed":0,"callsDue":0}');
    const actions = book.backend.db.prepare<[], { kind: string; state: string; requested_by: string; approved_by: string | null }>('SELECT kind, state, requested_by, approved_by FROM panel_actions ORDER BY seq').all();
    expect(actions).toEqual([
      { kind: 'limit_bandwidth', state: 'queued', requested_by: 'ladder', approved_by: 'tester' },
      { kind: 'backup', state: 'queued', requested_by: 'ladder', approved_by: null },
      { kind: 'suspend', state: 'queued', requested_by: 'ladder', approved_by: 'tester' },
    ]);
    await book.run();
    expect(book.panel.changes()).toEqual(expect.arrayContaining(['suspend acme']));
    const history = await book.call('dunning.history', { clientId: book.clientId });
    expect(history.rungs.find((r) => r.stepKey === 'restriction')).toMatchObject({ state: 'done', decidedBy: 'tester', doneOn: '2026-11-22' });
    expect(history.rungs.find((r) => r.stepKey === 'second_notice')!.outcomes.map((o) => `${o.kind} ${o.result}`)).toEqual(['send:email done', 'late_fee done']);
  });

  it('reminds of an unpaid proforma through the real channels, as of an invoice', async () => {
    // A critical client's renewals are proformas: the ladder reminds of them before the due date.
    book = await openLadderBook({ now: '2026-11-05' });
    await book.call('company.update', { name: 'Lantern Web Hosting Ltd' });
    const clientId = await book.client('Prepaid Co', { channels: ['letter'], address: { lines: ['1 Main St'], city: 'Springfield', postalCode: '12345', country: 'US' } });
    const draft = await book.call('invoices.createDraft', { clientId, kind: 'proforma', dueDate: '2026-11-15', lines: [{ description: 'VPS renewal', unitPriceMinor: 4900 }] });
    const proforma = await book.call('invoices.issue', { id: draft.id, issueDate: '2026-11-05' });
    book.day('2026-11-08');
    await book.ladder();
    // The letter goes (email, which the step always tries, waits for its server to be set up).
    const outcomes = JSON.parse(book.backend.db.prepare<[string], string>("SELECT outcomes_json FROM dunning_rungs WHERE invoice_id = ? AND step_key = 'reminder_7'").pluck().get(proforma.id)!) as { kind: string; result: string; problem?: string }[];
    expect(outcomes.map((o) => [o.kind, o.result, o.problem ?? null])).toEqual([
      ['send:email', 'failed', 'email_no_server'],
      ['send:letter', 'done', null],
    ]);
    const print = await book.call('channels.lettersToPrint', { date: '2026-11-08' });
    expect(print.letters).toBe(1);
    const text = pdfText(print.pdfBase64!);
    expect(text).toContain(proforma.number!);
    expect(text).toContain('US$49.00');
  });

  it('groups one client’s invoices with the same letter into one message, and records it on each rung', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-16', deliver: mail.deliver });
    const a = await book.invoice(1000, '2026-11-01', '2026-11-15');
    const b = await book.invoice(2000, '2026-11-02', '2026-11-15');
    const summary = await book.ladder();
    expect(summary).toMatchObject({ done: 2, failed: 0 });
    expect(mail.sent.map((m) => [m.letter, m.channel, [...m.invoiceIds].sort()])).toEqual([
      ['first_notice', 'email', [a, b].sort()],
      ['first_notice', 'letter', [a, b].sort()],
    ]);
    const history = await book.call('dunning.history', { clientId: book.clientId });
    const refs = history.rungs.filter((r) => r.stepKey === 'first_notice').map((r) => r.outcomes.map((o) => o.refs).flat());
    expect(refs[0]).toEqual(refs[1]);
    // The reminders had passed without a run: recorded missed, never sent late.
    expect(book.rungs(a)).toEqual({ reminder_7: 'missed', reminder_1: 'missed', first_notice: 'done' });
    expect(summary.missed).toBe(4);
  });

  it('leaves a failed message failed and retryable, and a retry sends it once', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-16', deliver: mail.deliver });
    const invoiceId = await book.invoice(1000, '2026-11-01', '2026-11-15');
    mail.failNext(1);
    const first = await book.ladder();
    expect(first).toMatchObject({ done: 0, failed: 1 });
    const desk = await book.desk();
    const line = desk.lines.find((l) => l.stepKey === 'first_notice')!;
    expect(line).toMatchObject({ status: 'failed', failures: [{ kind: 'send:email', result: 'failed', detail: 'connection refused', refs: [] }] });
    expect(mail.sent.map((m) => m.channel)).toEqual(['letter']);
    const second = await book.ladder();
    expect(second).toMatchObject({ done: 1, failed: 0 });
    expect(mail.sent.map((m) => m.channel)).toEqual(['letter', 'email']);
    expect(book.rungs(invoiceId).first_notice).toBe('done');
    await book.ladder();
    expect(mail.sent).toHaveLength(2);
  });

  it('retries a failed message under its own key, about its own invoice, while a new invoice gets a message of its own', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-16', deliver: mail.deliver });
    const a = await book.invoice(1000, '2026-11-01', '2026-11-15');
    mail.failNext(1);
    await book.ladder();
    expect(book.rungs(a).first_notice).toBe('failed');
    book.day('2026-11-17');
    const b = await book.invoice(2000, '2026-11-02', '2026-11-16');
    expect(await book.ladder()).toMatchObject({ done: 2, failed: 0 });
    const emails = mail.sent.filter((m) => m.channel === 'email').map((m) => [m.key, m.invoiceIds]);
    expect(emails).toEqual([
      [`rung:${a}:first_notice:email`, [a]],
      [`rung:${b}:first_notice:email`, [b]],
    ]);
  });

  it('charges no fee when late fees are off, and says so on the rung', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-20', deliver: mail.deliver });
    await book.call('billingSettings.update', { lateFee: { enabled: false, kind: 'fixed', fixedMinorByCurrency: {}, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} } });
    await book.invoice(1000, '2026-11-01', '2026-11-15');
    expect(await book.ladder()).toMatchObject({ done: 1, failed: 0 });
    const rung = (await book.call('dunning.history', { clientId: book.clientId })).rungs.find((r) => r.stepKey === 'second_notice')!;
    expect(rung.outcomes.find((o) => o.kind === 'late_fee')).toEqual({ kind: 'late_fee', result: 'not_applicable', detail: 'Late fees are off (Settings → Billing → Late fee).', refs: [], note: 'late_fees_off' });
    expect(feeInvoices(book)).toEqual([]);
  });

  it('refuses decisions on lines that are not on today’s desk, are automatic or already decided', async () => {
    const mail = recordingDeliver();
    book = await openLadderBook({ now: '2026-11-20', deliver: mail.deliver });
    const contractId = await book.contract('acme');
    const invoiceId = await book.invoice(1000, '2026-11-01', '2026-11-15', contractId);
    await book.ladder();
    book.day('2026-11-22');
    await book.ladder();
    const desk = await book.desk();
    expect(desk.lines.map((l) => `${l.stepKey} ${l.status}`)).toEqual(['restriction needs_approval']);
    expect(desk.counts).toMatchObject({ needs_approval: 1 });
    expect(desk.lastRun).toMatchObject({ asOf: '2026-11-22', startedBy: 'tester' });

    // Not on the desk: a step not due yet, an unknown invoice, a done step.
    const notYet = await book.refused('dunning.approve', { lines: [{ invoiceId, stepKey: 'final_notice' }] });
    expect(notYet.code).toBe('conflict');
    expect(notYet.message).toMatch(/^Step final_notice of invoice INV-2026-\d+ is not on today's desk/);
    expect((await book.refused('dunning.approve', { lines: [{ invoiceId: 'in_0000000000000000', stepKey: 'restriction' }] })).code).toBe('conflict');
    expect((await book.refused('dunning.skip', { lines: [{ invoiceId, stepKey: 'second_notice' }], reason: 'no' })).code).toBe('conflict');
    expect((await book.refused('dunning.postpone', { lines: [{ invoiceId, stepKey: 'restriction' }], until: '2026-11-22' })).fields).toEqual(['until:date_order']);

    expect(await book.call('dunning.postpone', { lines: [{ invoiceId, stepKey: 'restriction' }], until: '2026-11-24', reason: 'Promised by phone' })).toEqual({ postponed: 1 });
    // Postponed: it cannot be approved until it is back.
    expect((await book.refused('dunning.approve', { lines: [{ invoiceId, stepKey: 'restriction' }] })).code).toBe('conflict');
    book.day('2026-11-24');
    expect((await book.desk()).lines.find((l) => l.stepKey === 'restriction')!.status).toBe('needs_approval');
    expect(await book.call('dunning.approve', { lines: [{ invoiceId, stepKey: 'restriction' }] })).toEqual({ approved: 1 });
    expect((await book.refused('dunning.approve', { lines: [{ invoiceId, stepKey: 'restriction' }] })).code).toBe('conflict');
    expect(await book.call('dunning.skip', { lines: [{ invoiceId, stepKey: 'restriction' }], reason: 'Changed my mind' })).toEqual({ skipped: 1 });
    // Skipped is final: off the desk for good, the skip and who took it recorded.
    expect((await book.refused('dunning.skip', { lines: [{ invoiceId, stepKey: 'restriction' }], reason: 'again' })).code).toBe('conflict');
    const history = await book.call('dunning.history', { clientId: book.clientId });
    expect(history.rungs.find((r) => r.stepKey === 'restriction')).toMatchObject({ state: 'skipped', decidedBy: 'tester', reason: 'Changed my mind' });
    const audit = book.backend.db.prepare<[], string>("SELECT action FROM audit_log WHERE action LIKE 'dunning.%' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['dunning.postponed', 'dunning.approved', 'dunning.skipped']);
  });
});
