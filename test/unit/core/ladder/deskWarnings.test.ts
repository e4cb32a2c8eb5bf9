import { afterEach, describe, expect, it } from 'vitest';
import { openLadderBook, recordingDeliver, type LadderBook } from '../../../fixtures/ladderBook.js';

let book: LadderBook;
afterEach(() => book?.close());

const rungsDone = (b: LadderBook, invoiceId: string, clientId: string, steps: [string, string][]) => {
  const insert = b.backend.db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, ?, ?, 'dp_standard0', 'done', ?, ?, 't')");
  for (const [step, day] of steps) insert.run(invoiceId, step, clientId, day, day);
};

describe('what the desk warns the approver about', () => {
  it('a suspension where the panel cannot back up, and queues it only for a person on the actions page', async () => {
    const mail = recordingDeliver();
    // DirectAdmin cannot report a finished backup: its suspension always waits (DESIGN §4).
    book = await openLadderBook({ now: '2026-11-29', deliver: mail.deliver, kind: 'directadmin' });
    const contractId = await book.contractFor(book.clientId, 'delta');
    const invoiceId = await book.invoice(10_000, '2026-11-01', '2026-11-15', contractId);
    rungsDone(book, invoiceId, book.clientId, [['reminder_7', '2026-11-08'], ['reminder_1', '2026-11-14'], ['first_notice', '2026-11-16'], ['second_notice', '2026-11-20'], ['restriction', '2026-11-22'], ['final_notice', '2026-11-25']]);
    const line = (await book.desk()).lines.find((l) => l.stepKey === 'suspension')!;
    expect(line).toMatchObject({ status: 'needs_approval', warnings: ['no_backup_possible'] });
    await book.approveAll('suspension');
    await book.ladder();
    const actions = book.backend.db.prepare<[], { kind: string; state: string; no_backup: number }>('SELECT kind, state, no_backup FROM panel_actions').all();
    expect(actions).toEqual([{ kind: 'suspend', state: 'pending_approval', no_backup: 1 }]);
  });

  it('a restriction with no panel account linked, and messages to a client with no address for them', async () => {
    // The book's own deliver: it finds no address and says so.
    book = await openLadderBook({ now: '2026-11-22' });
    const bare = await book.client('No Contact', { email: undefined, phone: undefined, channels: ['email', 'sms', 'letter'] });
    const unlinked = (await book.call('contracts.create', { clientId: bare, kind: 'shared_hosting', label: 'bare.example', cycle: 'monthly', priceMinor: 1000, startDate: '2026-11-01' })).id;
    const invoiceId = await book.invoice(5_000, '2026-11-01', '2026-11-15', unlinked, bare);
    rungsDone(book, invoiceId, bare, [['reminder_7', '2026-11-08'], ['reminder_1', '2026-11-14'], ['first_notice', '2026-11-16'], ['second_notice', '2026-11-20']]);
    const line = (await book.desk(bare)).lines.find((l) => l.stepKey === 'restriction')!;
    // The restriction's own letter goes by email, and by SMS to a client who asked for SMS.
    expect(line.warnings.sort()).toEqual(['no_email_address', 'no_panel_link', 'no_phone']);
    await book.approveAll('restriction');
    await book.ladder();
    const rung = (await book.call('dunning.history', { clientId: bare })).rungs.find((r) => r.stepKey === 'restriction')!;
    expect(rung.state).toBe('done');
    expect(rung.outcomes.map((o) => `${o.kind} ${o.result} ${o.detail ?? ''}`.trim())).toEqual([
      'limit_bandwidth not_applicable no_panel_link',
      'send:email not_applicable No Contact has no email address.',
      'send:sms not_applicable No Contact has no phone number.',
    ]);
    book.day('2026-11-25');
    const notice = (await book.desk(bare)).lines.find((l) => l.stepKey === 'final_notice')!;
    expect(notice.warnings.sort()).toEqual(['no_email_address', 'no_phone', 'no_postal_address']);
  });
});
