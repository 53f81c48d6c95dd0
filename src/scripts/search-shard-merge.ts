/**
 * The search index in shards, merged in the browser. When the build made more than one shard it
 * moves Pagefind's script to `/pagefind/pagefind-core.js` and writes in its place a
 * `/pagefind/pagefind.js` that exports this module's `shardedPagefind` over it
 * (src/integrations/search-shard-index.ts): the search page imports Pagefind as ever and gets one
 * index of every shard, and a site of one shard loads nothing more. The build compiles this file
 * by stripping its types, so it imports nothing else.
 *
 * Pagefind merges the shards' results by score. Unsorted, that is relevance (each shard scores
 * with its own word statistics). Sorted by a key, a result's score is its place in its own
 * shard's order, which cannot be compared across shards: a sorted search is therefore run on each
 * shard alone (each shard's pages carry a synthetic `shard` filter, Pagefind's `mergeFilter`),
 * each place is turned back into its value (the build writes each shard's sort values), and the
 * lists are merged by value. Pages are in arrival order and the shards are runs of it, so equal
 * values are ordered by shard and then by place, exactly as one index of every page would order them.
 */
import type { ShardSortValues, SortValueRuns } from '../lib/search-shards.ts';
import type { Pagefind, PagefindResult, PagefindSearch } from './pagefind-types.ts';

export interface ShardLayout {
  /** The URL path of each shard's folder, shard 0 (Pagefind's own) first. */
  paths: string[];
  /** The synthetic filter that holds each page's shard number. */
  filter: string;
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
      ...Array.from({ length: layout.paths.length }, (_, shard) =>
        pagefind.search(query, { ...options, filters: { ...options.filters, [layout.filter]: String(shard) } }),
      ),
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
      const byValue =
        a.numeric && b.numeric ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return sign * (byValue || a.shard - b.shard || a.place - b.place);
    });
    const merged: PagefindSearch = { results: placed.map(({ result }) => result) };
    return merged;
  };
}

/** The options a merged index takes (Pagefind warns about any other). */
const INDEX_OPTIONS = [
  'baseUrl',
  'indexWeight',
  'excerptLength',
  'highlightParam',
  'ranking',
  'exactDiacritics',
  'metaCacheTag',
];

/**
 * Pagefind's API (`core`, shard 0) with the other shards merged in when it starts; sorted
 * searches are merged by value.
 */
export function shardedPagefind(core: Pagefind, layout: ShardLayout): Pagefind {
  let given: Record<string, unknown> = {};
  let started: Promise<void> | null = null;
  const start = (): Promise<void> => {
    started ??= (async () => {
      await core.options({ ...given, basePath: layout.paths[0], mergeFilter: { [layout.filter]: '0' } });
      await core.init();
      const options = Object.fromEntries(Object.entries(given).filter(([key]) => INDEX_OPTIONS.includes(key)));
      await Promise.all(
        layout.paths
          .slice(1)
          .map((path, at) => core.mergeIndex(path, { ...options, mergeFilter: { [layout.filter]: String(at + 1) } })),
      );
    })();
    // A failed start (offline, say) is tried again by the next search.
    started.catch(() => (started = null));
    return started;
  };
  const sorted = searchSortedAcrossShards(core, layout);
  return {
    ...core,
    // Options are Pagefind's starting options: they apply to every shard.
    options: async (options) => {
      given = { ...given, ...options };
    },
    init: start,
    search: async (query, options) => {
      await start();
      return sorted(query, options);
    },
    preload: async (query, options) => {
      await start();
      return core.preload(query, options);
    },
  };
}
