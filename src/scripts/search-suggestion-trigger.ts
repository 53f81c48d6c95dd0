/** When the search page offers spelling suggestions (src/scripts/search-suggestion-view.ts). */
import type { PagefindResult } from './pagefind-types.ts';
import { STOP_WORDS } from './search-terms.ts';
import { vocabularyWords } from '../lib/vocabulary-text.ts';

/** Fewer results than this and spellings are suggested whatever the words. */
const FEW_RESULTS = 3;

const sharedPrefix = (a: string, b: string): number => {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  return at;
};

/**
 * True when the query found few papers, or when the best result matched some word of the query
 * only loosely (Pagefind falls back to words sharing a first few letters: "mixtral" finds
 * "mixing"), a sign of a misspelling. Only then is the vocabulary fetched.
 */
export async function needsSuggestions(query: string, results: readonly PagefindResult[]): Promise<boolean> {
  if (results.length < FEW_RESULTS) return true;
  const data = await results[0]!.data();
  const words = data.content.split(/[^\S\uFEFF]+/);
  const matched = data.locations.flatMap((at) => vocabularyWords(words[at] ?? ''));
  return vocabularyWords(query)
    .filter((word) => !STOP_WORDS.has(word) && word.length >= 3)
    .some((word) => !matched.some((other) => sharedPrefix(word, other) >= Math.min(word.length, other.length) - 2 && sharedPrefix(word, other) >= 3));
}
