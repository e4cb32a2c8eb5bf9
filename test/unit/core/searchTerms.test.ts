import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRepository } from '../../../electron/core/clients/clientRepository.js';
import type { TestBook } from '../../fixtures/book.js';
import { indexTerms, matchExpression } from '../../../electron/core/search/searchTerms.js';

describe('search terms', () => {
  it('makes every Chinese character a word of its own', () => {
    expect(indexTerms(['卡尔云测试', 'Zhang Wei'])).toBe(' 卡  尔  云  测  试  \u0001 Zhang Wei');
  });

  it('turns each typed word into a prefix phrase, Chinese as adjacent characters', () => {
    expect(matchExpression('Zhan')).toBe('"Zhan"*');
    expect(matchExpression('bob@exa wei')).toBe('"bob exa"* AND "wei"*');
    expect(matchExpression('卡尔云')).toBe('"卡 尔 云"*');
    expect(matchExpression('ＡＢＣ')).toBe('"ABC"*'); // full-width letters fold to ASCII
  });

  it('has nothing to match for an empty or punctuation-only query', () => {
    expect(matchExpression('')).toBeNull();
    expect(matchExpression('  " * ( ')).toBeNull();
  });
});

describe('the two ways a client search runs', () => {
  let book: TestBook;
  let sortingMatches: ClientRepository;
  let walkingIndex: ClientRepository;

  beforeAll(async () => {
    const { openTestBook } = await import('../../fixtures/book.js');
    const { createClientRepository } = await import('../../../electron/core/clients/clientRepository.js');
    book = await openTestBook();
    await book.call('demo.load', {});
    await book.call('risk.list', { limit: 1 }); // scores every client, for the risk orders
    sortingMatches = createClientRepository(book.backend.db, { denseMatches: 1_000_000 });
    walkingIndex = createClientRepository(book.backend.db, { denseMatches: 0 });
  }, 60_000); // the sample book takes a few seconds to write
  afterAll(() => book.close());

  const QUERIES = ['a', 'sm', 'smith', 'Zhang', '王', '卡尔云', '上海', 'finance@', 'example', 'ÉMI', 'o brien', 'vip', 'shop.', 'zz', '科技 上海'];

  function samePages(query: string, status: 'active' | 'all', order: 'name' | 'riskiest' | 'safest') {
    const pages = [sortingMatches, walkingIndex].map((repo) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = repo.search({ query, status, order }, 40, '2026-11-26', cursor);
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    });
    expect(pages[1], `${query} ${status} ${order}`).toEqual(pages[0]);
  }

  it('find the same clients: sorting the few index matches, or walking the name index for many', () => {
    for (const query of QUERIES) for (const status of ['active', 'all'] as const) samePages(query, status, 'name');
    expect(sortingMatches.search({ query: 'a', status: 'all', order: 'name' }, 500, '2026-11-26').items.length).toBeGreaterThan(50);
  });

  it('find the same clients riskiest or safest first: sorting the few matches, or walking the score index', () => {
    for (const query of ['', ...QUERIES]) {
      samePages(query, 'active', 'riskiest');
      samePages(query, 'all', 'safest');
    }
    expect(sortingMatches.search({ query: 'a', status: 'all', order: 'riskiest' }, 500, '2026-11-26').items.length).toBeGreaterThan(50);
  });
});
