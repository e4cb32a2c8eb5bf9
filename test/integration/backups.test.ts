// Backups, restore and export against real book files: every backup is verified, the rule keeps
// what it should, a restore keeps the current book first and reopens on the restored one.
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/api/events.js';
import { openTestBook, tempDir, type TestBook } from '../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

async function bookWithAPayment() {
  book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
  const client = await book.call('clients.create', { name: '卡尔云测试', currency: 'CNY' });
  await book.call('payments.record', { clientId: client.id, date: '2026-11-25', amountMinor: 12_345, method: 'alipay' });
  return client.id;
}

describe('backups', () => {
  it('backs up now with progress, verified, and lists what the copy holds', async () => {
    await bookWithAPayment();
    const events: BackendEvent[] = [];
    book.backend.subscribe((e) => events.push(e));
    const { backup, jobId } = await book.call('backups.create', {});
    expect(backup).toMatchObject({ reason: 'manual', verified: true, contents: { clients: 1, payments: 1, lastPaymentDate: '2026-11-25' } });
    expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.filter((e) => e.name === 'job.progress' && e.payload.jobId === jobId).at(-1)).toMatchObject({ payload: { finished: true } });
    const { folder, items } = await book.call('backups.list', {});
    expect(folder).toBe(join(book.dataDir, 'backups'));
    expect(items.map((b) => b.file)).toEqual([backup.file]);
    // Nothing half-written is left behind.
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('makes one daily backup a day, and applies the retention rule to automatic ones only', async () => {
    await bookWithAPayment();
    await book.call('backups.settings.update', { retention: { daily: 3, weekly: 0, monthly: 0 } });
    await book.call('backups.create', {});
    for (let day = 0; day < 6; day += 1) {
      const first = await book.call('backups.daily', {});
      expect(first.made).toBe(true);
      expect((await book.call('backups.daily', {})).made).toBe(false);
      book.clock.advanceDays(1);
    }
    const { items } = await book.call('backups.list', {});
    expect(items.filter((b) => b.reason === 'daily').map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-12-01', '2026-11-30', '2026-11-29']);
    expect(items.filter((b) => b.reason === 'manual')).toHaveLength(1);
  });

  it('moves backups to a chosen folder, refusing one it cannot write', async () => {
    await bookWithAPayment();
    const chosen = join(tempDir('hostledger-backups-'), 'synced', 'HostLedger');
    expect(await book.call('backups.settings.update', { folder: chosen })).toMatchObject({ folder: chosen, chosen: true });
    await book.call('backups.create', {});
    expect(readdirSync(chosen).some((f) => f.endsWith('.sqlite'))).toBe(true);

    const readOnly = tempDir('hostledger-readonly-');
    chmodSync(readOnly, 0o500);
    const refused = await book.backend.dispatch('backups.settings.update', { folder: join(readOnly, 'x') });
    // root may write anywhere; where it cannot, the refusal names the field and nothing changes
    if (!refused.ok) {
      expect(refused.error.details?.fields?.[0]?.field).toBe('folder');
      expect((await book.call('backups.settings.get', {})).folder).toBe(chosen);
    }
    const relative = await book.backend.dispatch('backups.settings.update', { folder: 'relative/path' });
    expect(relative.ok ? null : relative.error.details?.fields?.[0]?.field).toBe('folder');
  });

  it('restores a backup: the current book is kept first, and the app reopens on the restored one', async () => {
    const clientId = await bookWithAPayment();
    const { backup } = await book.call('backups.create', {});
    await book.call('payments.record', { clientId, date: '2026-11-26', amountMinor: 999, method: 'cash' });
    expect((await book.call('payments.listByClient', { clientId })).items).toHaveLength(2);

    const inspected = await book.call('backups.inspect', { file: backup.file });
    expect(inspected.contents).toMatchObject({ payments: 1, clients: 1 });
    const events: BackendEvent[] = [];
    book.backend.subscribe((e) => events.push(e));
    const { safetyBackup } = await book.call('backups.restore', { file: backup.file });
    expect(safetyBackup).toMatchObject({ reason: 'restore', verified: true, contents: { payments: 2 } });

    // The next call waits for the reopen and sees the restored book.
    expect((await book.call('payments.listByClient', { clientId })).items).toHaveLength(1);
    expect(events.some((e) => e.name === 'app.reopened')).toBe(true);
    // The restored book's own audit log records where it came from.
    const restoredRow = book.backend.db.prepare("SELECT data_json FROM audit_log WHERE action = 'book.restored'").pluck().get() as string;
    expect(JSON.parse(restoredRow)).toMatchObject({ from: backup.file, safetyBackup: safetyBackup.file });
    expect((await book.call('books.check', {})).ok).toBe(true);
    // …and the restore itself can be undone from the safety backup.
    await book.call('backups.restore', { file: safetyBackup.file });
    expect((await book.call('payments.listByClient', { clientId })).items).toHaveLength(2);
  });

  it('refuses to restore a file that is not a sound HostLedger book, changing nothing', async () => {
    await bookWithAPayment();
    const dir = tempDir('hostledger-junk-');
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    for (const file of [junk, join(dir, 'missing.sqlite'), '../escape.sqlite', book.backend.dbFile]) {
      const answer = await book.backend.dispatch('backups.restore', { file });
      expect(answer.ok ? 'restored' : answer.error.details?.fields?.[0]?.field).toBe('file');
    }
    expect(existsSync(`${book.backend.dbFile}.restore`)).toBe(false);
    expect((await book.call('backups.list', {})).items).toEqual([]);
  });

  it('exports the whole book as one file that opens on another machine', async () => {
    const clientId = await bookWithAPayment();
    const outbox = tempDir('hostledger-export-');
    const { path } = await book.call('backups.exportBook', { folder: outbox });
    expect(existsSync(path)).toBe(true);
    // "Another machine": a fresh book elsewhere opens the exported file through restore.
    const elsewhere = await openTestBook({ now: '2026-11-27T09:00:00Z' });
    try {
      await elsewhere.call('backups.restore', { file: path });
      expect((await elsewhere.call('payments.listByClient', { clientId })).items).toHaveLength(1);
      expect((await elsewhere.call('clients.get', { id: clientId })).name).toBe('卡尔云测试');
    } finally {
      elsewhere.close();
    }
  });

  it('health: integrity, audit chain, ledger and the last backup, each with a plain result', async () => {
    await bookWithAPayment();
    const before = await book.call('health.check', {});
    expect(before.checks.map((c) => [c.name, c.ok])).toEqual([
      ['integrity', true],
      ['audit', true],
      ['ledger', true],
      ['backup', false],
    ]);
    expect(before.checks.find((c) => c.name === 'backup')?.problems).toEqual(['none']);
    await book.call('backups.create', {});
    expect((await book.call('health.check', {})).ok).toBe(true);
    book.clock.advanceDays(3);
    expect((await book.call('health.check', {})).checks.find((c) => c.name === 'backup')?.problems).toEqual(['old']);
    // A tampered audit row breaks the chain, and the page says so.
    const triggers = book.backend.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[];
    for (const name of triggers) book.backend.db.exec(`DROP TRIGGER ${name}`);
    book.backend.db.prepare("UPDATE audit_log SET data_json = '{}' WHERE seq = 1").run();
    const audit = (await book.call('health.check', {})).checks.find((c) => c.name === 'audit');
    expect(audit).toMatchObject({ ok: false });
  });
});
