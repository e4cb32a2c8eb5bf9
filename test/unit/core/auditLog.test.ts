import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

async function bookWithHistory() {
  book = await openTestBook();
  const a = await book.call('clients.create', { name: 'Acme Hosting', currency: 'USD' });
  await book.call('clients.create', { name: '王芳', currency: 'CNY', language: 'zh-CN' });
  await book.call('clients.update', { id: a.id, email: 'billing@acme.example' });
  return a;
}

describe('the audit chain', () => {
  it('records every write, with who, what and the change', async () => {
    const a = await bookWithHistory();
    const entries = book.backend.db.prepare('SELECT action, actor, entity_id FROM audit_log ORDER BY seq').all();
    expect(entries).toEqual([
      { action: 'client.created', actor: 'tester', entity_id: a.id },
      { action: 'client.created', actor: 'tester', entity_id: expect.stringMatching(/^cl_/) },
      { action: 'client.updated', actor: 'tester', entity_id: a.id },
    ]);
    const update = JSON.parse(book.backend.db.prepare('SELECT data_json FROM audit_log WHERE seq = 3').pluck().get() as string);
    expect(update).toEqual({ email: { from: null, to: 'billing@acme.example' } });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const a = await bookWithHistory();
    await book.call('clients.update', { id: a.id, email: 'billing@acme.example', name: 'Acme Hosting' });
    expect(book.backend.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(3);
    expect((await book.call('clients.get', { id: a.id })).version).toBe(2);
  });

  it('verifies an untouched chain', async () => {
    await bookWithHistory();
    const { verifyAudit } = await import('../../../electron/core/audit/verify.js');
    expect(verifyAudit(book.backend.db)).toEqual({ ok: true, checked: 3 });
  });

  it.each([
    ['a changed row', "UPDATE audit_log SET data_json = '{\"email\":{\"from\":null,\"to\":\"thief@example.com\"}}' WHERE seq = 3", 3],
    ['a removed row', 'DELETE FROM audit_log WHERE seq = 2', 3],
    ['a changed actor', "UPDATE audit_log SET actor = 'someone else' WHERE seq = 1", 1],
  ])('detects %s', async (_what, tamper, brokenAt) => {
    await bookWithHistory();
    const { dbFile } = book.backend;
    book.backend.close();
    // Tampering from outside HostLedger: drop the append-only triggers first, as an attacker would.
    const raw = new Database(dbFile);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(tamper);
    const { verifyAudit } = await import('../../../electron/core/audit/verify.js');
    expect(verifyAudit(raw)).toMatchObject({ ok: false, brokenAt });
    raw.close();
    book.close = () => {};
  });
});
