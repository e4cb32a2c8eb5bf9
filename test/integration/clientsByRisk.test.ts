// The client list by payment risk, through dispatch on a real book: the Risk column's score and
// band on every row, the riskiest or safest first across pages, a band filter combined with the
// search box, and stored scores read as they are (marked when stale) until risk.refresh.
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/methods.js';
import { openTestBook, type TestBook } from '../fixtures/book.js';

let book: TestBook;
afterEach(() => book.close());

type Item = Output<'clients.search'>['items'][number];

/** Three clients' histories: Good Co pays on time, Slow Co pays late, Owing Co pays late and owes since September. */
function historyCsv(): string {
  const rows = ['customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed'];
  for (const [i, month] of ['03', '04', '05', '06', '07', '08', '09', '10'].entries()) {
    rows.push(`Good Co,G-${i},2026-${month}-01,2026-${month}-15,100.00,2026-${month}-10,0`);
    rows.push(`Slow Co,S-${i},2026-${month}-01,2026-${month}-15,100.00,2026-${month}-${i % 2 === 0 ? '25' : '12'},0`);
    const owing = month === '09' || month === '10' ? '' : `2026-${month}-28`;
    rows.push(`Owing Co,O-${i},2026-${month}-01,2026-${month}-15,100.00,${owing},0`);
  }
  return rows.join('\n');
}

async function scoredBook() {
  book = await openTestBook({ now: '2026-11-01T09:00:00Z' });
  await book.call('imports.commit', { csv: historyCsv(), fileName: 'h.csv', createMissingClients: true });
  // A client with no invoices at all, to show where the unhistoried sit.
  await book.call('clients.create', { name: 'New Co', currency: 'USD' });
  await book.call('risk.refresh', {});
}

/** Every page of a search, one at a time. */
async function allPages(input: Parameters<TestBook['call']>[1] & object, limit = 1): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await book.call('clients.search', { ...(input as object), limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const names = (items: Item[]) => items.map((item) => item.name);

describe('clients.search by payment risk', () => {
  it('orders the list riskiest or safest first, page by page, with the score and band on each row', async () => {
    await scoredBook();
    const riskiest = await allPages({ order: 'riskiest' });
    expect(names(riskiest).slice(0, 2)).toEqual(['Owing Co', 'Slow Co']);
    expect(names(riskiest).at(-1)).toBe('Good Co');
    const scores = riskiest.map((item) => item.risk!.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(riskiest[0]!.risk).toEqual({ score: expect.any(Number), band: 'critical', current: true });
    expect(riskiest.at(-1)!.risk!.band).toBe('low');

    const safest = await allPages({ order: 'safest' }, 2);
    expect(names(safest)).toEqual(names(riskiest).reverse());
    // The same scores as the risk screens show.
    const owing = riskiest[0]!;
    expect((await book.call('risk.client', { clientId: owing.id })).score).toBe(owing.risk!.score);
  });

  it('filters by band, with the search box and in name order too', async () => {
    await scoredBook();
    const critical = await allPages({ band: 'critical' });
    expect(names(critical)).toEqual(['Owing Co']);
    expect(names(await allPages({ band: 'low', order: 'riskiest' }))).toContain('Good Co');
    expect(names(await allPages({ band: 'low', order: 'riskiest' }))).not.toContain('Owing Co');
    expect(await allPages({ band: 'critical', query: 'good' })).toEqual([]);
    expect(names(await allPages({ band: 'critical', query: 'owing' }))).toEqual(['Owing Co']);
  });

  it('reads scores as stored, never rescoring, and marks a stale one until risk.refresh', async () => {
    book = await openTestBook({ now: '2026-11-01T09:00:00Z' });
    await book.call('imports.commit', { csv: historyCsv(), fileName: 'h.csv', createMissingClients: true });
    // Never scored: no score to show, and none to order by.
    expect((await book.call('clients.search', {})).items.every((item) => item.risk === null)).toBe(true);
    expect((await book.call('clients.search', { order: 'riskiest' })).items).toEqual([]);

    await book.call('risk.refresh', {});
    const owing = (await book.call('clients.search', { order: 'riskiest' })).items[0]!;
    expect(owing).toMatchObject({ name: 'Owing Co', risk: { band: 'critical', current: true } });

    // Paying the arrears marks the stored score stale; every order shows it as such, unchanged.
    await book.call('payments.record', { clientId: owing.id, date: '2026-11-01', amountMinor: 20_000, method: 'bank_transfer' });
    for (const order of ['name', 'riskiest'] as const) {
      expect((await book.call('clients.search', { order, query: 'owing' })).items[0]!.risk).toEqual({ ...owing.risk, current: false });
    }

    await book.call('risk.refresh', {});
    const rescored = (await book.call('clients.search', { order: 'riskiest', query: 'owing' })).items[0]!;
    expect(rescored.risk!.current).toBe(true);
    expect(rescored.risk!.score).toBeLessThan(owing.risk!.score);
  });

  it('refuses a cursor from another order, and an unknown band or order, naming the field', async () => {
    await scoredBook();
    const byName = await book.call('clients.search', { limit: 1 });
    const mixed = await book.backend.dispatch('clients.search', { order: 'riskiest', cursor: byName.nextCursor! });
    expect(mixed.ok ? null : mixed.error.details?.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    for (const [field, input] of [
      ['band', { band: 'severe' }],
      ['order', { order: 'loudest' }],
    ] as const) {
      const answer = await book.backend.dispatch('clients.search', input);
      expect(answer.ok ? null : answer.error.details?.fields).toEqual([expect.objectContaining({ field })]);
    }
  });
});
