/**
 * The values the search page sorts by (date, upvotes), kept out of Pagefind's index in files of
 * their own, one a key: `/pagefind/search-date.json`, fetched only when the reader sorts by date,
 * and `/pagefind/search-upvotes.json`, fetched with Pagefind, since results show the upvotes. In
 * the index they would cost every first search (Pagefind lists, per sort key, every page's place in
 * the metadata that a search loads whole: about 21 KB gzip at 10,000 papers), and upvotes change
 * when a later dump lists a paper again, which would change the shard's index and have it indexed
 * again.
 *
 * Each file has one entry per search shard, in shard order: the prefix of its fragment names
 * (src/integrations/search-index-compact.ts names page n's fragment `<prefix><n in base 36>`, which
 * is the id Pagefind gives its result), and the values in page order (the order of arrival,
 * src/lib/search-shards.ts), as text: comma-separated, empty for an unknown value. Dates are day
 * numbers, each written as its difference from the previous known date of the shard (papers arrive
 * roughly by date, so the differences are short).
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
  const prefixLength = decoded[0]?.prefix.length ?? 0;
  return {
    place: (id) => {
      const shard = byPrefix.get(id.slice(0, prefixLength));
      const page = parseInt(id.slice(prefixLength), 36);
      return shard === undefined || !Number.isInteger(page) ? null : { shard, page };
    },
    value: ({ shard, page }) => decoded[shard]?.values[page] ?? null,
  };
}

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
