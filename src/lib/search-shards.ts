/**
 * How the search index is cut into shards (used by the build, src/integrations/, and in the
 * browser). Papers are indexed in order of arrival (the dump that first listed them, then URL), and
 * the shards are consecutive runs of that order: a new dump adds papers at the end, so the shards
 * before the last keep their papers, and the build copies their index from its cache instead of
 * indexing them again. Shard 0 is Pagefind's own index at `/pagefind/`; shard k > 0 lives in
 * `/pagefind/shard-k/`, and the browser merges them (src/scripts/search-shard-merge.ts).
 */

/** Papers per shard: Pagefind holds one shard's pages in memory at a time. */
export const DEFAULT_SEARCH_SHARD_SIZE = 10_000;
/** Set it to cut smaller shards (the tests build the seeds in shards of 200). */
export const SEARCH_SHARD_SIZE_VARIABLE = 'RESEARCH_DIGEST_SEARCH_SHARD_SIZE';
/**
 * The synthetic filter each shard's pages get in the browser (Pagefind's `mergeFilter`), so that a
 * search can be run on one shard alone. Nothing is stored for it in the index.
 */
export const SHARD_FILTER = 'shard';

export function searchShardSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SEARCH_SHARD_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`${SEARCH_SHARD_SIZE_VARIABLE} must be a whole number of papers, not "${value}"`);
  return size;
}


/** The shard's folder, as a URL path (`/pagefind/` for shard 0). */
export const searchShardPath = (shard: number): string => (shard === 0 ? '/pagefind/' : `/pagefind/shard-${shard}/`);

/** The order of the index's pages: by arrival, then URL. */
export function compareByArrival(a: { firstSeen: string; url: string }, b: { firstSeen: string; url: string }): number {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? -1 : 1;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * The values of one sort key in one shard, in the order Pagefind sorts its pages by that key,
 * as runs: `[value, how many pages]`. A search sorted by the key scores each result by its place
 * in that order, which this turns back into the value, so that shards can be merged.
 */
export type SortValueRuns = [string, number][];
export interface ShardSortValues {
  /** Pagefind compares a key's values as numbers when every value of the shard is one. */
  numeric: Record<string, boolean>;
  runs: Record<string, SortValueRuns>;
}
/** One entry per shard; written by the build only when there is more than one shard. */
export const SORT_VALUES_PATH = '/pagefind/shard-sort-values.json';

const isNumber = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));

/** What Pagefind does with `data-pagefind-sort` values (pagefind/src/index/mod.rs): a stable sort, as numbers when all are. */
export function shardSortValues(sorts: readonly Record<string, string>[]): ShardSortValues {
  const keys = [...new Set(sorts.flatMap((sort) => Object.keys(sort)))].sort();
  const result: ShardSortValues = { numeric: {}, runs: {} };
  for (const key of keys) {
    const values = sorts.flatMap((sort) => (sort[key] === undefined ? [] : [sort[key]]));
    const numeric = values.every(isNumber);
    values.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const runs: SortValueRuns = [];
    for (const value of values) {
      const last = runs.at(-1);
      if (last && last[0] === value) last[1] += 1;
      else runs.push([value, 1]);
    }
    result.numeric[key] = numeric;
    result.runs[key] = runs;
  }
  return result;
}
