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
