// One ranking for every typeahead: the closer the match, the higher the choice.

/** Match tiers, best first: the whole name, its start, a word's start, anywhere, then word by word. */
export const MATCH_TIERS = {
  exact: 0,
  prefix: 1,
  wordPrefix: 2,
  contains: 3,
  allWordPrefixes: 4,
  allWords: 5,
} as const;

/** A typeahead's most choices. */
export const SEARCH_LIMIT = 25;

function tierOfKey(query: string, words: readonly string[], key: string): number | null {
  if (key === query) return MATCH_TIERS.exact;
  if (key.startsWith(query)) return MATCH_TIERS.prefix;
  if (key.includes(` ${query}`)) return MATCH_TIERS.wordPrefix;
  if (key.includes(query)) return MATCH_TIERS.contains;
  const keyWords = key.split(" ");
  if (words.every((word) => keyWords.some((keyWord) => keyWord.startsWith(word)))) return MATCH_TIERS.allWordPrefixes;
  if (words.every((word) => key.includes(word))) return MATCH_TIERS.allWords;
  return null;
}

/**
 * The best tier at which normalized `query` matches one of the normalized `keys`, or null when
 * none matches. `words` are the query's words (any order matches at the last two tiers).
 */
export function matchRank(query: string, keys: readonly string[]): number | null {
  if (query === "") return null;
  const words = query.split(" ");
  let best: number | null = null;
  for (const key of keys) {
    const tier = tierOfKey(query, words, key);
    if (tier !== null && (best === null || tier < best)) best = tier;
  }
  return best;
}

/** Keeps the items with a rank, best rank first, then by label (French order), at most `limit`. */
export function rankItems<T>(items: readonly T[], rankOf: (item: T) => number | null, labelOf: (item: T) => string, limit: number = SEARCH_LIMIT): T[] {
  const ranked: { item: T; rank: number; label: string }[] = [];
  for (const item of items) {
    const rank = rankOf(item);
    if (rank !== null) ranked.push({ item, rank, label: labelOf(item) });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, "fr"));
  return ranked.slice(0, limit).map((entry) => entry.item);
}
