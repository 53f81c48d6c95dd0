/**
 * Turns the search form's state into Pagefind searches and one ordered list of results.
 * - A quoted phrase: Pagefind returns exact-phrase matches unranked (in index order), and finds
 *   "mixture of experts" and "mixture-of-experts" separately. Both spellings are searched, and the
 *   matches are put in the order of the same words searched unquoted (relevance, or the sort).
 * - A sort by date or upvotes: the index holds no sort keys; the results are sorted by the values of
 *   src/lib/search-values.ts, and papers with no known value
 *   are listed after the others in either direction, in the order of relevance.
 * - A word no paper has, matched by Pagefind through words that merely begin like it
 *   (src/scripts/search-loose-words.ts): the results are ranked by the query's other words.
 */
import type { Pagefind, PagefindResult, PagefindResultData } from './pagefind-types.ts';
import { checkedWords, looseWords, matchedWords, orderLike } from './search-loose-words.ts';
import { quotedPhrase, searchTerms } from './search-terms.ts';
import { sortByValue, type SearchValues, type SortKey } from '../lib/search-values.ts';

export type SortOrder = 'relevance' | 'date' | 'date-asc' | 'upvotes' | 'upvotes-asc';
export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'date', 'date-asc', 'upvotes', 'upvotes-asc'];

export interface SearchState {
  query: string;
  sort: SortOrder;
  topics: string[];
  year: string;
  organization: string;
}

export interface FoundPapers {
  results: PagefindResult[];
  /** With a date or upvotes sort: how many results (listed last) have no known value. */
  unknownCount: number | null;
  /** The sort key the unknowns lack. */
  sortKey: SortKey | null;
  /** Query words matched only loosely, left out of the ranking (relevance order only). */
  looseWords: string[];
}

/**
 * Results that tie in the order of `tieRank` (length, then arrival, whatever the shards:
 * src/pagefind/expand-page-list.js `tieRanks`). Pagefind's own order for equal scores (every result
 * of a search with filters and no words) depends on the shards; without ranks it stands.
 */
export function orderTies(results: readonly PagefindResult[], tieRank: TieRank): PagefindResult[] {
  return results
    .map((result, at) => ({ result, at, rank: tieRank(result.id) ?? at }))
    .sort((a, b) => b.result.score - a.result.score || a.rank - b.rank || a.at - b.at)
    .map(({ result }) => result);
}

export type TieRank = (id: string) => number | undefined;

/** Results whose data is fetched once, however often it is asked for (ranking, rendering, suggestions). */
function fetchingOnce(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindResultData> | null = null;
  return { ...result, data: () => (data ??= result.data()) };
}

/** How many of the first results show which words Pagefind matched loosely. */
const SAMPLED_RESULTS = 5;

async function rankedByCloseWords(
  pagefind: Pagefind,
  state: SearchState,
  results: PagefindResult[],
  filters: Record<string, unknown>,
): Promise<{ results: PagefindResult[]; looseWords: string[] }> {
  const words = checkedWords(pagefindQuery(state) ?? '');
  if (words.length < 2 || quotedPhrase(state.query)) return { results, looseWords: [] };
  const sampled = await Promise.all(
    results.slice(0, SAMPLED_RESULTS).map(async (result) => matchedWords(await result.data())),
  );
  const loose = looseWords(words, sampled);
  if (loose.length === 0 || loose.length === words.length) return { results, looseWords: [] };
  const ranking =
    (await pagefind.search(words.filter((word) => !loose.includes(word)).join(' '), { filters }))?.results ?? [];
  return { results: orderLike(results, orderTies(ranking, tieRankOf(pagefind))), looseWords: loose };
}

/** Results' tie ranks by id; none if Pagefind's script could not read the page list. */
const tieRankOf =
  (pagefind: Pagefind): TieRank =>
  (id) =>
    pagefind.researchDigestTieRank?.(id);

export function hasFilters(state: SearchState): boolean {
  return state.topics.length > 0 || state.year !== '' || state.organization !== '';
}

export function pagefindFilters(state: SearchState): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (state.topics.length > 0) filters.topic = { any: state.topics };
  if (state.year) filters.year = state.year;
  if (state.organization) filters.organization = state.organization;
  return filters;
}

function sortKey(sort: SortOrder): SortKey | null {
  return sort === 'relevance' ? null : sort.startsWith('date') ? 'date' : 'upvotes';
}

/** The query Pagefind is given for the words (the phrase's words, for a quoted query). */
export const pagefindQuery = (state: SearchState): string | null => (state.query ? searchTerms(state.query) : null);

async function ordered(
  pagefind: Pagefind,
  state: SearchState,
  filters: Record<string, unknown>,
): Promise<PagefindResult[]> {
  const found = (await pagefind.search(pagefindQuery(state), { filters }))?.results ?? [];
  const ranked = orderTies(found, tieRankOf(pagefind)).map(fetchingOnce);
  const phrase = quotedPhrase(state.query);
  if (!phrase || !phrase.includes(' ')) return ranked;
  const spellings = [`"${phrase}"`, `"${phrase.replaceAll(' ', '-')}"`];
  const exact = await Promise.all(spellings.map((spelling) => pagefind.search(spelling, { filters })));
  const matching = new Map(exact.flatMap((search) => search?.results ?? []).map((result) => [result.id, result]));
  const inOrder = ranked.filter((result) => matching.delete(result.id));
  // A phrase match the unquoted words missed (it should not happen) still comes, last.
  return [...inOrder, ...matching.values()];
}

/** `sortValues` is asked for only when the state sorts by a value. */
export async function findPapers(
  pagefind: Pagefind,
  state: SearchState,
  sortValues: (key: SortKey) => Promise<SearchValues>,
): Promise<FoundPapers> {
  const filters = pagefindFilters(state);
  const key = sortKey(state.sort);
  if (!key)
    return {
      ...(await rankedByCloseWords(pagefind, state, await ordered(pagefind, state, filters), filters)),
      unknownCount: null,
      sortKey: null,
    };
  const direction = state.sort.endsWith('-asc') ? 'asc' : 'desc';
  const [results, values] = await Promise.all([ordered(pagefind, state, filters), sortValues(key)]);
  const { known, unknown } = sortByValue(results, (result) => result.id, values, direction, tieRankOf(pagefind));
  return { results: [...known, ...unknown], unknownCount: unknown.length, sortKey: key, looseWords: [] };
}
