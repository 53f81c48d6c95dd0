/**
 * The search page's copies of the values files (src/lib/search-values.ts), each fetched at most once
 * per page load: a key's whole file at the first search sorted by it, and otherwise, for the results
 * shown, only the blocks that hold their upvotes. A fetch that fails (offline, say) is forgotten, so
 * the next search tries it again.
 */
import {
  readSearchValues,
  readUpvotesBlock,
  searchValuesPath,
  upvotesBlockOf,
  type SearchValues,
  type ShardKeyValues,
  type SortKey,
} from '../lib/search-values.ts';

/** Fetches once: a failed fetch is dropped from `cache` and tried again by the next caller. */
function fetchOnce<T>(cache: Map<string, Promise<T>>, path: string, read: (response: Response) => Promise<T>) {
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = (async () => {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return read(response);
    })();
    loaded.catch(() => cache.delete(path));
    cache.set(path, loaded);
  }
  return loaded;
}

const wholeFiles = new Map<string, Promise<SearchValues>>();

/** A key's values for every page (the search page sorts by them). */
export const loadSearchValues = (key: SortKey): Promise<SearchValues> =>
  fetchOnce(wholeFiles, searchValuesPath(key), async (response) =>
    readSearchValues(key, (await response.json()) as ShardKeyValues[]),
  );

const upvotesBlocks = new Map<string, Promise<(number | null)[]>>();

/** A result's upvotes by its id: null when unknown, or when its values could not be fetched. */
export type UpvotesOf = (id: string) => number | null;

/**
 * The upvotes of the results `ids`: from the whole upvotes file if a sort by upvotes has fetched
 * it, otherwise from the blocks that hold them, fetched side by side.
 */
export async function upvotesOf(ids: readonly string[]): Promise<UpvotesOf> {
  const whole = await wholeFiles.get(searchValuesPath('upvotes'))?.catch(() => null);
  if (whole)
    return (id) => {
      const place = whole.place(id);
      return place && whole.value(place);
    };
  const paths = new Set(ids.flatMap((id) => upvotesBlockOf(id)?.path ?? []));
  const blocks = new Map(
    await Promise.all(
      [...paths].map(async (path) => {
        const values = await fetchOnce(upvotesBlocks, path, async (response) =>
          readUpvotesBlock(await response.text()),
        ).catch(() => null);
        return [path, values] as const;
      }),
    ),
  );
  return (id) => {
    const block = upvotesBlockOf(id);
    // A block that could not be fetched leaves its results without upvotes, not without results.
    return (block && blocks.get(block.path)?.[block.index]) ?? null;
  };
}
