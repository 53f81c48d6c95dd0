/**
 * The search index in shards, merged in the browser. The build writes this module, compiled to
 * JavaScript, to `/pagefind/shard-merge.js` when it made more than one shard, and the search page
 * loads it only then (src/scripts/search-index-loader.ts); so it imports nothing but types, and is
 * given what it needs from src/lib/search-shards.ts.
 *
 * Pagefind merges the shards' results by score. Unsorted, that is relevance (each shard scores
 * with its own word statistics). Sorted by a key, a result's score is its place in its own
 * shard's order, which cannot be compared across shards: a sorted search is therefore run on each
 * shard alone (each shard's pages carry a synthetic `shard` filter), each place is turned back
 * into its value (the build writes each shard's sort values), and the lists are merged by value.
 * Pages are in arrival order and the shards are runs of it, so equal values are ordered by shard
 * and then by place, exactly as one index of every page would order them.
 */
import type { ShardSortValues, SortValueRuns } from '../lib/search-shards.ts';
import type { Pagefind, PagefindResult, PagefindSearch } from './pagefind-types.ts';

export interface ShardLayout {
  shards: number;
  /** The synthetic filter that holds each page's shard number. */
  filter: string;
  /** The URL path of a shard's folder. */
  path: (shard: number) => string;
  sortValuesUrl: string;
}

/** Looks up the value at a place of a key's order (0 = first). */
export function sortValueLookup(runs: SortValueRuns): (place: number) => string | undefined {
  const ends: number[] = [];
  let end = 0;
  for (const [, count] of runs) ends.push((end += count));
  return (place) => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle]! > place) high = middle;
      else low = middle + 1;
    }
    return runs[low]?.[0];
  };
}

type SearchOptions = { filters?: Record<string, unknown>; sort?: Record<string, string> } & Record<string, unknown>;

function searchSortedAcrossShards(pagefind: Pagefind, layout: ShardLayout): Pagefind['search'] {
  let sortValues: Promise<ShardSortValues[]> | null = null;
  const loadSortValues = (): Promise<ShardSortValues[]> => {
    sortValues ??= fetch(layout.sortValuesUrl).then((response) => {
      if (!response.ok) throw new Error(`${layout.sortValuesUrl}: ${response.status}`);
      return response.json() as Promise<ShardSortValues[]>;
    });
    sortValues.catch(() => (sortValues = null));
    return sortValues;
  };
  return async (query, options: SearchOptions = {}) => {
    const [sort] = Object.entries(options.sort ?? {});
    if (!sort) return pagefind.search(query, options);
    const [key, direction] = sort;
    const [values, ...searches] = await Promise.all([
      loadSortValues(),
      ...Array.from({ length: layout.shards }, (_, shard) => pagefind.search(query, { ...options, filters: { ...options.filters, [layout.filter]: String(shard) } })),
    ]);
    type Placed = { result: PagefindResult; value: string; numeric: boolean; shard: number; place: number };
    const placed: Placed[] = searches.flatMap((search, shard) => {
      const valueAt = sortValueLookup(values[shard]?.runs[key] ?? []);
      const numeric = values[shard]?.numeric[key] ?? false;
      // Pagefind scores a sorted result by its place: descending, the place; ascending, minus it.
      return (search?.results ?? []).map((result) => {
        const place = Math.abs(result.score);
        return { result, value: valueAt(place) ?? '', numeric, shard, place };
      });
    });
    const sign = direction === 'asc' ? 1 : -1;
    placed.sort((a, b) => {
      const byValue = a.numeric && b.numeric ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return sign * (byValue || a.shard - b.shard || a.place - b.place);
    });
    const merged: PagefindSearch = { results: placed.map(({ result }) => result) };
    return merged;
  };
}

/** Pagefind options that put a shard's pages in the shard filter. */
export const shardOptions = (layout: ShardLayout, shard: number) => ({ mergeFilter: { [layout.filter]: String(shard) } });

/** Merges shards 1… into `pagefind` (shard 0, started with `shardOptions(layout, 0)`); returns the merged index. */
export async function mergeShards(pagefind: Pagefind, layout: ShardLayout, options: Record<string, unknown>): Promise<Pagefind> {
  await Promise.all(Array.from({ length: layout.shards - 1 }, (_, at) => pagefind.mergeIndex(layout.path(at + 1), { ...options, ...shardOptions(layout, at + 1) })));
  return { ...pagefind, search: searchSortedAcrossShards(pagefind, layout) };
}
