/**
 * Pagefind matches a word it does not know by the words that share its first few letters
 * ("mixtral" finds "mixing", "mixed" and "mix"), and ranks those loose matches like real ones: a
 * paper that says "mixed" five times can outrank the papers that match the query's other, correctly
 * spelt words best. Here such words are recognised from the words the first results matched, and the
 * results are put in the order that the query's other words alone give them.
 */
import type { PagefindResult, PagefindResultData } from './pagefind-types.ts';
import { STOP_WORDS } from './search-terms.ts';
import { vocabularyWords } from '../lib/vocabulary-text.ts';

const sharedPrefix = (a: string, b: string): number => {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  return at;
};

/**
 * True when `found` (a word Pagefind matched) is the query's `word` or a form of it: it keeps all
 * but the last three letters of `word` (plurals, stems such as "studies"/"study", a typo near the
 * end). "mixtral" and "mixing", "mix" or "mixed" share only their first three.
 */
export function isCloseMatch(word: string, found: string): boolean {
  const shared = sharedPrefix(word, found);
  return shared >= 3 && shared >= word.length - 3;
}

/** The words of a query that Pagefind may have matched loosely: not stop words, three letters or more. */
export const checkedWords = (query: string): string[] =>
  vocabularyWords(query).filter((word) => !STOP_WORDS.has(word) && word.length >= 3);

/** The words each result matched, as its indexed text spells them (lower case, split like the query). */
export function matchedWords(data: Pick<PagefindResultData, 'content' | 'locations'>): string[] {
  const words = data.content.split(/[^\S\uFEFF]+/);
  return data.locations.flatMap((at) => vocabularyWords(words[at] ?? ''));
}

/** The query's `checkedWords` that no sampled result matched closely: the likely misspellings. */
export function looseWords(words: readonly string[], sampled: readonly string[][]): string[] {
  const matched = sampled.flat();
  return words.filter((word) => !matched.some((found) => isCloseMatch(word, found)));
}

/** `results` in the order `ranking` gives them; results it lacks keep their order, after the others. */
export function orderLike(results: readonly PagefindResult[], ranking: readonly PagefindResult[]): PagefindResult[] {
  const rank = new Map(ranking.map((result, at) => [result.id, at]));
  return results
    .map((result, at) => ({ result, at, rank: rank.get(result.id) ?? Infinity }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .map(({ result }) => result);
}
