// How text becomes searchable words. SQLite's unicode61 tokenizer splits on spaces and
// punctuation, which suits Latin scripts, but Chinese is written without spaces: "卡尔云测试"
// would be a single word. So every Han (and kana, hangul) character is made a word of its own,
// both in what is indexed and in the query, and a Chinese query becomes a phrase of adjacent
// characters: "卡尔云" then finds "卡尔云测试", and "测试" finds it too.

const CJK = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

function spaceOutCjk(text: string): string {
  return text.normalize('NFKC').replace(CJK, ' $1 ');
}

/** The text stored in the search index for a record made of these fields. */
export function indexTerms(fields: readonly (string | null | undefined)[]): string {
  return fields
    .filter((field): field is string => Boolean(field))
    .map(spaceOutCjk)
    .join(' \u0001 '); // a separator that is never a token, so words of two fields never join
}

/**
 * An FTS5 MATCH expression for what the user typed, or null when there is nothing to match
 * (an empty or punctuation-only query lists everything). Each word the user typed must match
 * the start of a word in the record; its parts (as in "bob@exa") must follow each other.
 */
export function matchExpression(query: string): string | null {
  const phrases: string[] = [];
  for (const word of query.trim().split(/\s+/u)) {
    const tokens = spaceOutCjk(word)
      .split(SEPARATOR)
      .filter((token) => token.length > 0);
    if (tokens.length === 0) continue;
    // Tokens only hold letters, digits and marks, so quoting cannot be escaped from.
    phrases.push(`"${tokens.join(' ')}"*`);
  }
  return phrases.length > 0 ? phrases.join(' AND ') : null;
}

/**
 * The key clients are listed by: the name without accents, case-folded, so "Émilie" sorts with
 * "Emily" rather than after "Z". (Chinese names sort by code point; SQLite has no pinyin order.)
 */
export function sortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}
