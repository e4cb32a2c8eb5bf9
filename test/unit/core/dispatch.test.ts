import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, createFileLogger, memoryPreferences, memorySecretStore } from '../../../electron/core/index.js';
import { bookFingerprint, openTestBook, tempDir, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

describe('dispatch and the envelope', () => {
  it('answers an unknown method with not_found, including inherited object keys', async () => {
    book = await openTestBook();
    for (const name of ['clients.delete', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '']) {
      const answer = await book.backend.dispatch(name, {});
      expect(answer).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no operation') } });
    }
    expect((await book.backend.dispatch(42 as unknown as string, {})).ok).toBe(false);
  });

  it('validates strictly and names every bad field, changing nothing', async () => {
    book = await openTestBook();
    const before = bookFingerprint(book.backend.db);
    const answer = await book.backend.dispatch('clients.create', {
      name: '  ',
      currency: 'XYZ',
      email: 'not-an-email',
      country: 'QQ',
      notes: 'x'.repeat(6000),
      channels: ['email', 'fax'],
      tags: 'vip',
      colour: 'red',
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    const byField = Object.fromEntries((answer.error.details?.fields ?? []).map((f) => [f.field, f.code]));
    expect(byField).toEqual({
      name: 'required',
      currency: 'invalid_currency',
      email: 'invalid_email',
      country: 'invalid_country',
      notes: 'too_long',
      'channels.1': 'invalid_choice',
      tags: 'invalid_type',
      colour: 'unknown_field',
    });
    expect(bookFingerprint(book.backend.db)).toBe(before);
  });

  it('treats a missing input as {} and rejects non-object input', async () => {
    book = await openTestBook();
    expect((await book.backend.dispatch('app.info')).ok).toBe(true);
    const answer = await book.backend.dispatch('clients.create', 'Zhang Wei');
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns an unexpected failure into an internal error with a reference, logged with its stack', async () => {
    const dataDir = tempDir();
    const logger = createFileLogger(join(dataDir, 'logs'));
    const backend = await createBackend({ dataDir, prefs: memoryPreferences(), secrets: memorySecretStore(), logger });
    backend.db.exec('DROP TABLE client_search'); // sabotage: the insert will fail inside the handler
    const answer = await backend.dispatch('clients.create', { name: 'Zhang Wei', currency: 'CNY' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('internal');
    expect(answer.error.message).toMatch(/nothing was saved/);
    const ref = answer.error.details?.ref as string;
    const log = readFileSync(logger.file, 'utf8');
    expect(log).toContain(ref);
    expect(log).toContain('"stack"');
    // The transaction rolled back: no client row, no audit row.
    expect(backend.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(backend.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    backend.close();
  });

  it('reports not_found and conflict as their own codes', async () => {
    book = await openTestBook();
    expect(await book.backend.dispatch('clients.get', { id: 'cl_0000000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const client = await book.call('clients.create', { name: 'Li Na', currency: 'CNY' });
    await book.call('clients.update', { id: client.id, phone: '+86 10 1234 5678', expectedVersion: 1 });
    const stale = await book.backend.dispatch('clients.update', { id: client.id, phone: '+86 10 0000 0000', expectedVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: 2 } } });
    expect((await book.call('clients.get', { id: client.id })).phone).toBe('+86 10 1234 5678');
  });
});

describe('preferences through the API', () => {
  it('reads and changes language and theme only', async () => {
    book = await openTestBook();
    expect(await book.call('preferences.get', {})).toEqual({ language: null, theme: 'system' });
    expect(await book.call('preferences.update', { language: 'zh-CN' })).toEqual({ language: 'zh-CN', theme: 'system' });
    expect(await book.backend.dispatch('preferences.update', { window: { width: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
