import { describe, expect, it } from 'vitest';
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
  it('find the same clients: sorting the few index matches, or walking the name index for many', async () => {
    const { openTestBook } = await import('../../fixtures/book.js');
    const { createClientRepository } = await import('../../../electron/core/clients/clientRepository.js');
    const book = await openTestBook();
    await book.call('demo.load', {});
    await book.call('risk.list', { limit: 1 }); // scores every client, for the risk orders
    const sortingMatches = createClientRepository(book.backend.db, { denseMatches: 1_000_000 });
    const walkingNames = createClientRepository(book.backend.db, { denseMatches: 0 });
    const queries = ['a', 'sm', 'smith', 'Zhang', '王', '卡尔云', '上海', 'finance@', 'example', 'ÉMI', 'o brien', 'vip', 'shop.', 'zz', '科技 上海'];
    for (const query of queries) {
      for (const [status, order] of [['active', 'name'], ['all', 'name'], ['active', 'riskiest'], ['all', 'safest']] as const) {
        let cursor: string | undefined;
        const pages = [sortingMatches, walkingNames].map(() => [] as string[]);
        for (const [i, repo] of [sortingMatches, walkingNames].entries()) {
          cursor = undefined;
          do {
            const page = repo.search({ query, status, order }, 40, '2026-11-26', cursor);
            pages[i]!.push(...page.items.map((c) => c.id));
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
        }
        expect(pages[1], `${query} ${status} ${order}`).toEqual(pages[0]);
      }
    }
    expect(sortingMatches.search({ query: 'a', status: 'all', order: 'name' }, 500, '2026-11-26').items.length).toBeGreaterThan(50);
    book.close();
  });
});
