/**
 * The values the search page sorts by (date, upvotes), kept out of Pagefind's index in files of
 * their own, one a key: `/pagefind/search-date.json` and `/pagefind/search-upvotes.json`, each
 * fetched only when the reader sorts by its key. In the index they would cost every first search
 * (Pagefind lists, per sort key, every page's place in the metadata that a search loads whole: about
 * 21 KB gzip at 10,000 papers), and upvotes change when a later dump lists a paper again, which
 * would change the shard's index and have it indexed again.
 *
 * Each file has one entry per search shard, in shard order: the prefix of its fragment names
 * (src/integrations/search-index-compact.ts names page n's fragment `<prefix><n in base 36>`, which
 * is the id Pagefind gives its result), and the values in page order (src/lib/search-shards.ts), as
 * text: comma-separated, empty for an unknown value. Dates are day numbers, each written as its
 * difference from the previous known date of the shard (within a shard, pages go by length, not
 * date: src/integrations/search-page-order.ts).
 *
 * Results show their upvotes, but the whole upvotes file grows with the corpus (6.5 KB gzip at
 * 10,000 papers, 59 KB at 100,000), so a search not sorted by upvotes fetches only the upvotes of
 * the results it shows: each shard's upvotes are also cut into blocks of `UPVOTES_BLOCK_PAGES`
 * pages, `/pagefind/upvotes/<prefix>-<block number>.json`, each a JSON string of the same text for
 * its pages. A block's name says where it is, not what it holds: a later dump can change the upvotes
 * and keep the shard (its prefix), so a block is never cached as if its name were its content's.
 */
export type SortKey = 'date' | 'upvotes';

export const searchValuesPath = (key: SortKey): string => `/pagefind/search-${key}.json`;

/** A shard's values of both keys, as the build collects them. */
export interface ShardValues {
  prefix: string;
  date: string;
  upvotes: string;
}

/** One shard's entry in a key's file. */
export interface ShardKeyValues {
  prefix: string;
  values: string;
}

/** What the file of `key` holds, given every shard's values in shard order. */
export const keyFile = (key: SortKey, shards: readonly ShardValues[]): ShardKeyValues[] =>
  shards.map((shard) => ({ prefix: shard.prefix, values: shard[key] }));

const DAY_MS = 86_400_000;

/** A shard's entry, from its papers' `published` (YYYY-MM-DD) and `upvotes`, in page order. */
export function shardValues(
  prefix: string,
  papers: readonly { published: string | null; upvotes: number | null }[],
): ShardValues {
  let previous = 0;
  const dates = papers.map(({ published }) => {
    if (published === null) return '';
    const day = Date.parse(`${published}T00:00:00Z`) / DAY_MS;
    if (!Number.isInteger(day)) throw new Error(`not a date: ${published}`);
    const delta = day - previous;
    previous = day;
    return String(delta);
  });
  return {
    prefix,
    date: dates.join(','),
    upvotes: papers.map(({ upvotes }) => (upvotes === null ? '' : String(upvotes))).join(','),
  };
}

/** Where a result stands in the order of every page: its shard, then its page number. */
export interface PagePlace {
  shard: number;
  page: number;
}

/** One key's values, read from its file. */
export interface SearchValues {
  /** The place of a result (Pagefind's result id), or null for an id no shard names. */
  place: (id: string) => PagePlace | null;
  /** The value for a page, or null when it is unknown. */
  value: (place: PagePlace) => number | null;
}

/** Length of the prefix of every fragment name: the first characters of a result's id name its shard. */
export const FRAGMENT_PREFIX_LENGTH = 6;

/** A result's shard (by its prefix) and page, from its id; null for an id that names no page. */
function pageOfId(id: string): { prefix: string; page: number } | null {
  const page = parseInt(id.slice(FRAGMENT_PREFIX_LENGTH), 36);
  return id.length > FRAGMENT_PREFIX_LENGTH && Number.isInteger(page) && page >= 0
    ? { prefix: id.slice(0, FRAGMENT_PREFIX_LENGTH), page }
    : null;
}

function decodeKey(text: string, deltas: boolean): (number | null)[] {
  let running = 0;
  return text.split(',').map((entry) => {
    if (entry === '') return null;
    running = deltas ? running + Number(entry) : Number(entry);
    return running;
  });
}

export function readSearchValues(key: SortKey, shards: readonly ShardKeyValues[]): SearchValues {
  const decoded = shards.map((shard) => ({ prefix: shard.prefix, values: decodeKey(shard.values, key === 'date') }));
  const byPrefix = new Map(decoded.map((shard, index) => [shard.prefix, index]));
  return {
    place: (id) => {
      const named = pageOfId(id);
      const shard = named ? byPrefix.get(named.prefix) : undefined;
      return named && shard !== undefined ? { shard, page: named.page } : null;
    },
    value: ({ shard, page }) => decoded[shard]?.values[page] ?? null,
  };
}

/**
 * Pages per block of upvotes. A page of ten results mostly needs ten blocks (results are spread over
 * the shards): at 10,000 papers, 250 pages make a block of about 0.2 KB gzip (0.4 KB with the
 * response's headers), 4 KB for ten; blocks of 500 cost 5–6 KB, of 1,000 5–7 KB (fewer blocks,
 * but larger), of 100 3 KB in as many requests.
 */
const UPVOTES_BLOCK_PAGES = 250;

const upvotesBlockPath = (prefix: string, block: number): string => `/pagefind/upvotes/${prefix}-${block}.json`;

/** A file of upvotes for the build to write: its path on the site, and its text. */
export interface UpvotesBlock {
  path: string;
  text: string;
}

/** For the build: a shard's upvotes (its entry in the upvotes file) cut into the blocks the page fetches. */
export function upvotesBlocks(shard: ShardKeyValues, pagesPerBlock = UPVOTES_BLOCK_PAGES): UpvotesBlock[] {
  const values = shard.values.split(',');
  return Array.from({ length: Math.ceil(values.length / pagesPerBlock) }, (_, block) => ({
    path: upvotesBlockPath(shard.prefix, block),
    text: JSON.stringify(values.slice(block * pagesPerBlock, (block + 1) * pagesPerBlock).join(',')),
  }));
}

/**
 * For the page: the block that holds a result's upvotes (by its id), and the page's place in it;
 * null for an id that names no page.
 */
export function upvotesBlockOf(
  id: string,
  pagesPerBlock = UPVOTES_BLOCK_PAGES,
): { path: string; index: number } | null {
  const named = pageOfId(id);
  return named
    ? {
        path: upvotesBlockPath(named.prefix, Math.floor(named.page / pagesPerBlock)),
        index: named.page % pagesPerBlock,
      }
    : null;
}

/** A block's upvotes, in page order, from its file's text (null: unknown). */
export const readUpvotesBlock = (text: string): (number | null)[] => decodeKey(JSON.parse(text) as string, false);

/**
 * `items` with a known value (ascending: by value, equal values by `tieRank`, then in page order;
 * descending: exactly the reverse), then those without one, in their order.
 */
export function sortByValue<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  values: SearchValues,
  direction: 'asc' | 'desc',
  tieRank: (id: string) => number | undefined = () => undefined,
): { known: T[]; unknown: T[] } {
  const known: { item: T; value: number; rank: number; place: PagePlace }[] = [];
  const unknown: T[] = [];
  for (const item of items) {
    const id = idOf(item);
    const place = values.place(id);
    const value = place && values.value(place);
    if (place && value !== null) known.push({ item, value, rank: tieRank(id) ?? 0, place });
    else unknown.push(item);
  }
  // Equal values by tie rank (the same order whatever the shards: search-query.ts `orderTies`), or page.
  known.sort(
    (a, b) => a.value - b.value || a.rank - b.rank || a.place.shard - b.place.shard || a.place.page - b.place.page,
  );
  if (direction === 'desc') known.reverse();
  return { known: known.map(({ item }) => item), unknown };
}
