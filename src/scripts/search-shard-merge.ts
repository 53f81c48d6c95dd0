/**
 * The search index in shards, merged in the browser. When the build made more than one shard it
 * moves Pagefind's script to `/pagefind/pagefind-core.js` and writes in its place a
 * `/pagefind/pagefind.js` that exports this module's `shardedPagefind` over it
 * (src/integrations/search-shard-index.ts): the search page imports Pagefind as ever and gets one
 * index of every shard, and a site of one shard loads nothing more. The build compiles this file
 * by stripping its types, so it imports nothing else.
 *
 * Pagefind merges the shards' results by score, that is relevance (each shard scores with its own
 * word statistics). The index holds no sort keys: the search page sorts by values of its own
 * (src/lib/search-values.ts), which name each result's shard and page, so a sorted list is the same
 * whether the index is in shards or not.
 */
import type { Pagefind } from './pagefind-types.ts';

export interface ShardLayout {
  /** The URL path of each shard's folder, shard 0 (Pagefind's own) first. */
  paths: string[];
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

/** Pagefind's API (`core`, shard 0) with the other shards merged in when it starts. */
export function shardedPagefind(core: Pagefind, layout: ShardLayout): Pagefind {
  let given: Record<string, unknown> = {};
  let started: Promise<void> | null = null;
  const start = (): Promise<void> => {
    started ??= (async () => {
      await core.options({ ...given, basePath: layout.paths[0] });
      await core.init();
      const options = Object.fromEntries(Object.entries(given).filter(([key]) => INDEX_OPTIONS.includes(key)));
      await Promise.all(layout.paths.slice(1).map((path) => core.mergeIndex(path, options)));
    })();
    // A failed start (offline, say) is tried again by the next search.
    started.catch(() => (started = null));
    return started;
  };
  return {
    ...core,
    // Options are Pagefind's starting options: they apply to every shard.
    options: async (options) => {
      given = { ...given, ...options };
    },
    init: start,
    search: async (query, options) => {
      await start();
      return core.search(query, options);
    },
    preload: async (query, options) => {
      await start();
      return core.preload(query, options);
    },
  };
}
