/** When the search page offers spelling suggestions (src/scripts/search-suggestion-view.ts). */
import type { PagefindResult } from './pagefind-types.ts';
import { checkedWords, looseWords, matchedWords } from './search-loose-words.ts';

/** Fewer results than this and spellings are suggested whatever the words. */
const FEW_RESULTS = 3;

/**
 * True when the query found few papers, or when the best result matched some word of the query
 * only loosely (Pagefind falls back to words sharing a first few letters: "mixtral" finds
 * "mixing"), a sign of a misspelling. Only then is the vocabulary fetched.
 */
export async function needsSuggestions(query: string, results: readonly PagefindResult[]): Promise<boolean> {
  if (results.length < FEW_RESULTS) return true;
  return looseWords(checkedWords(query), [matchedWords(await results[0]!.data())]).length > 0;
}
