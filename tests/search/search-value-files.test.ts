/**
 * The search page's fetching of the values files (src/scripts/search-value-files.ts), against a
 * site of two shards served by a stand-in `fetch`: which files a page of results costs, each once.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { keyFile, searchValuesPath, shardValues, upvotesBlocks } from '../../src/lib/search-values.ts';

// Shard aaaaaa: 300 pages, page n has n upvotes but page 7 (unknown); shard bbbbbb: 2 pages.
const shards = [
  shardValues(
    'aaaaaa',
    Array.from({ length: 300 }, (_, page) => ({ published: null, upvotes: page === 7 ? null : page })),
  ),
  shardValues('bbbbbb', [
    { published: null, upvotes: 5 },
    { published: null, upvotes: 0 },
  ]),
];
const site = new Map<string, string>([
  [searchValuesPath('upvotes'), JSON.stringify(keyFile('upvotes', shards))],
  ...keyFile('upvotes', shards)
    .flatMap((shard) => upvotesBlocks(shard))
    .map((block) => [block.path, block.text] as const),
]);

let requested: string[];
let unreachable: Set<string>;
beforeEach(() => {
  requested = [];
  unreachable = new Set();
  vi.resetModules();
  vi.stubGlobal('fetch', async (path: string) => {
    requested.push(path);
    if (unreachable.has(path)) throw new TypeError('Failed to fetch');
    const text = site.get(path);
    return new Response(text ?? 'not found', { status: text === undefined ? 404 : 200 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fresh page load's module. */
const files = () => import('../../src/scripts/search-value-files.ts');

describe("the shown results' upvotes", () => {
  // Pages 7 ("7"), 10 ("a") and 260 ("78": 7 × 36 + 8) of shard aaaaaa, page 1 of bbbbbb.
  const ids = ['aaaaaa7', 'aaaaaaa', 'aaaaaa78', 'bbbbbb1'];

  test('come from the blocks that hold them, each fetched once, and never from the whole file', async () => {
    const { upvotesOf } = await files();
    const upvotes = await upvotesOf(ids);
    expect(ids.map(upvotes)).toEqual([null, 10, 260, 0]);
    expect(requested.sort()).toEqual([
      '/pagefind/upvotes/aaaaaa-0.json',
      '/pagefind/upvotes/aaaaaa-1.json',
      '/pagefind/upvotes/bbbbbb-0.json',
    ]);
    // The next page of results: only the block not fetched yet.
    const next = await upvotesOf(['bbbbbb0', 'aaaaaa79']);
    expect([next('bbbbbb0'), next('aaaaaa79')]).toEqual([5, 261]);
    expect(requested).toHaveLength(3);
  });

  test('come from the whole file once a sort by upvotes has fetched it', async () => {
    const { loadSearchValues, upvotesOf } = await files();
    await loadSearchValues('upvotes');
    expect(ids.map(await upvotesOf(ids))).toEqual([null, 10, 260, 0]);
    expect(requested).toEqual([searchValuesPath('upvotes')]);
  });

  test('are unknown where a block cannot be fetched, and that block is tried again by the next page', async () => {
    const { upvotesOf } = await files();
    unreachable.add('/pagefind/upvotes/aaaaaa-1.json');
    expect(ids.map(await upvotesOf(ids))).toEqual([null, 10, null, 0]);
    unreachable.clear();
    expect((await upvotesOf(['aaaaaa78']))('aaaaaa78')).toBe(260);
    expect(requested.filter((path) => path === '/pagefind/upvotes/aaaaaa-1.json')).toHaveLength(2);
  });

  test('of an id that names no page are unknown, and cost no fetch', async () => {
    const { upvotesOf } = await files();
    expect((await upvotesOf(['zzz']))('zzz')).toBeNull();
    expect(requested).toEqual([]);
  });
});
