/**
 * Loads Pagefind for the search page and, when the build cut the index into shards
 * (src/lib/search-shards.ts), merges the other shards into it with the module the build writes
 * for that (src/scripts/search-shard-merge.ts, loaded only then), so the search page sees one index.
 */
import type { Pagefind } from './pagefind-types.ts';
import type * as ShardMerge from './search-shard-merge.ts';
import { SHARD_FILTER, SHARD_MERGE_PATH, SORT_VALUES_PATH, searchShardPath } from '../lib/search-shards.ts';

const PAGEFIND_URL = '/pagefind/pagefind.js';
const INDEX_OPTIONS = { excerptLength: 30 };

/** How many shards the build made, as the search page says (`data-search-shards`). */
function shardCount(): number {
  const count = Number(document.querySelector<HTMLElement>('[data-search-shards]')?.dataset.searchShards);
  return Number.isInteger(count) && count > 1 ? count : 1;
}

/**
 * Pagefind, started (its entry file, index metadata and WebAssembly fetched now rather than at the
 * first search), with every shard merged in.
 */
export async function loadSearchIndex(): Promise<Pagefind> {
  const shards = shardCount();
  const [pagefind, merge] = await Promise.all([
    import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>,
    shards > 1 ? (import(/* @vite-ignore */ SHARD_MERGE_PATH) as Promise<typeof ShardMerge>) : null,
  ]);
  const layout = { shards, filter: SHARD_FILTER, path: searchShardPath, sortValuesUrl: SORT_VALUES_PATH };
  // On the page's own thread: a web worker would cost another script (12 KB) and its start-up
  // before the first results. These options apply to shard 0 only; merged shards get their own.
  await pagefind.options({ ...INDEX_OPTIONS, noWorker: true, ...(merge ? merge.shardOptions(layout, 0) : {}) });
  await pagefind.init();
  return merge ? merge.mergeShards(pagefind, layout, INDEX_OPTIONS) : pagefind;
}
