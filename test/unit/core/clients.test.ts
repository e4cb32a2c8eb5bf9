import { afterEach, describe, expect, it } from 'vitest';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

describe('clients.create', () => {
  it('needs only a name and a currency, and fills the defaults', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', { name: '  Zhang Wei ', currency: 'cny' });
    expect(client).toMatchObject({
      id: expect.stringMatching(/^cl_[0-9a-z]{16}$/),
      name: 'Zhang Wei',
      currency: 'CNY',
      language: 'en',
      channels: ['email'],
      tags: [],
      company: null,
      address: null,
      status: 'active',
      version: 1,
      createdAt: '2026-11-26T09:00:00.000Z',
    });
  });

  it('keeps every optional field, and treats blank text as not given', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', {
      name: '卡尔云测试有限公司',
      company: '卡尔云测试',
      contactName: '李娜',
      email: 'li.na@kaeryun.example.cn',
      billingEmail: 'finance@kaeryun.example.cn',
      phone: '+86 21 5555 0100',
      address: { lines: ['浦东新区世纪大道 100 号', '20 楼'], city: '上海', postalCode: '200120', country: 'cn' },
      country: 'CN',
      taxId: '91310000MA1FL0000X',
      language: 'zh-CN',
      currency: 'CNY',
      channels: ['email', 'letter'],
      notes: '  ',
      tags: ['vip', '年付'],
    });
    expect(client.address).toEqual({ lines: ['浦东新区世纪大道 100 号', '20 楼'], city: '上海', region: null, postalCode: '200120', country: 'CN' });
    expect(client.notes).toBeNull();
    expect(await book.call('clients.get', { id: client.id })).toEqual(client);
  });

  it('allows a client who wants letters but has no address yet', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', { name: 'Paper Only Ltd', currency: 'GBP', channels: ['letter'] });
    expect(client.channels).toEqual(['letter']);
    expect(client.address).toBeNull();
  });
});

describe('clients.update', () => {
  it('changes only what was sent, clears fields sent as null, and bumps the version', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', { name: 'Acme', currency: 'USD', email: 'a@acme.example', phone: '555 0100', tags: ['a'] });
    book.clock.advanceDays(1);
    const updated = await book.call('clients.update', { id: client.id, phone: null, tags: ['a', 'b'], expectedVersion: 1 });
    expect(updated).toMatchObject({ email: 'a@acme.example', phone: null, tags: ['a', 'b'], version: 2, updatedAt: '2026-11-27T09:00:00.000Z', createdAt: client.createdAt });
  });

  it('cannot clear the name or the currency', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', { name: 'Acme', currency: 'USD' });
    const answer = await book.backend.dispatch('clients.update', { id: client.id, name: null, currency: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps the search index in step with the record', async () => {
    book = await openTestBook();
    const client = await book.call('clients.create', { name: 'Old Name Hosting', currency: 'USD' });
    await book.call('clients.update', { id: client.id, name: 'Brand New Hosting' });
    expect((await book.call('clients.search', { query: 'old' })).items).toEqual([]);
    expect((await book.call('clients.search', { query: 'bran' })).items.map((c) => c.id)).toEqual([client.id]);
  });
});

describe('clients.search', () => {
  async function seed() {
    book = await openTestBook();
    const add = (input: Parameters<TestBook['call']>[1] & object) => book.call('clients.create', input as never);
    await add({ name: 'Zhang Wei', currency: 'CNY', email: 'zhangwei@mail.example.cn' });
    await add({ name: '王芳', company: '卡尔云测试', currency: 'CNY' });
    await add({ name: 'Émilie Durand', company: 'Hébergement Durand', currency: 'EUR', email: 'emilie@durand.example.fr' });
    await add({ name: 'Bob Smith', company: 'Smith Web Design', currency: 'USD', email: 'bob@smithweb.example', tags: ['vip'] });
    await add({ name: 'Wei Zhang Trading', currency: 'USD' });
  }
  const names = async (query: string) => (await book.call('clients.search', { query })).items.map((c) => c.name);

  it('matches the start of any word of the name, company or email', async () => {
    await seed();
    expect(await names('Zhan')).toEqual(['Wei Zhang Trading', 'Zhang Wei']);
    expect(await names('zhang wei')).toEqual(['Wei Zhang Trading', 'Zhang Wei']);
    expect(await names('smithw')).toEqual(['Bob Smith']);
    expect(await names('bob@smith')).toEqual(['Bob Smith']);
    expect(await names('design')).toEqual(['Bob Smith']);
    expect(await names('hang')).toEqual([]); // not the start of a word
  });

  it('finds Chinese names and companies by their characters', async () => {
    await seed();
    expect(await names('卡尔云')).toEqual(['王芳']);
    expect(await names('测试')).toEqual(['王芳']);
    expect(await names('王')).toEqual(['王芳']);
    expect(await names('卡云')).toEqual([]); // characters must be adjacent
  });

  it('ignores case and accents, and treats query syntax as text', async () => {
    await seed();
    expect(await names('emilie')).toEqual(['Émilie Durand']);
    expect(await names('HEBERG')).toEqual(['Émilie Durand']);
    expect(await names('vip')).toEqual(['Bob Smith']);
    for (const odd of ['"', 'NEAR(', 'a OR', '*', '^bob', 'bob"; DROP TABLE clients; --']) {
      const answer = await book.backend.dispatch('clients.search', { query: odd });
      expect(answer.ok, odd).toBe(true);
    }
  });

  it('lists everyone by name for an empty query, one page at a time', async () => {
    await seed();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await book.call('clients.search', { query: '', limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Bob Smith', 'Émilie Durand', 'Wei Zhang Trading', 'Zhang Wei', '王芳']);
  });

  it('pages through matches without repeats even when names are equal', async () => {
    book = await openTestBook();
    for (let i = 0; i < 7; i += 1) await book.call('clients.create', { name: 'Same Name', currency: 'USD' });
    const first = await book.call('clients.search', { query: 'same', limit: 4 });
    const second = await book.call('clients.search', { query: 'same', limit: 4, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(ids).size).toBe(7);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a cursor it did not hand out', async () => {
    book = await openTestBook();
    const answer = await book.backend.dispatch('clients.search', { query: '', cursor: 'not-a-cursor' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: [{ field: 'cursor' }] } } });
  });
});
