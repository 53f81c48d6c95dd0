/**
 * How the search index is cut into shards (src/lib/search-shards.ts, src/integrations/search-shard-index.ts)
 * and how the search page sorts results by the values of src/lib/search-values.ts, on the seeds
 * and on hand-made values.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions } from '../../src/ingest/index.ts';
import { shardCacheKey } from '../../src/integrations/search-shard-cache.ts';
import { arrivalShards, searchShardSize } from '../../src/lib/search-shards.ts';
import {
  keyFile,
  readSearchValues,
  readUpvotesBlock,
  shardValues,
  sortByValue,
  upvotesBlockOf,
  upvotesBlocks,
  type SortKey,
} from '../../src/lib/search-values.ts';
import {
  arrivalPages,
  countedOrder,
  lengthOrder,
  writtenWordCounts,
} from '../../src/integrations/search-page-order.ts';
import { indexShards } from '../../src/integrations/search-shard-index.ts';
import { searchPaperOf } from '../../src/pages/papers/_search-record.ts';
import { orderTies } from '../../src/scripts/search-query.ts';
import { tieRanks } from '../../src/pagefind/expand-page-list.js';
import { paperRecord } from '../reading/paper-fixture.ts';
import { PROJECT_ROOT, SEEDS_DIR } from '../ingest/helpers.ts';

const topics = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const { papers } = ingestDumps(readDumpFolder(SEEDS_DIR), topics);

describe('shards of the seeds', () => {
  test('in shards of 200, the 477 papers make 200, 200 and 77, in order of the dump that first listed them', () => {
    const shards = arrivalShards(papers, 200);
    expect(papers).toHaveLength(477);
    expect(shards.map((shard) => shard.length)).toEqual([200, 200, 77]);
    const order = shards.flat();
    expect(new Set(order.map((paper) => paper.id)).size).toBe(477);
    for (let at = 1; at < order.length; at += 1) expect(order[at - 1]!.firstSeen <= order[at]!.firstSeen).toBe(true);
    // The seeds' first dump (000_…) is all of the first shard's start, the last dump the end of the last.
    expect(order[0]!.firstSeen).toMatch(/^000_/);
    expect(order.at(-1)!.firstSeen).toMatch(/^004_/);
  });

  test('a paper of a later dump never lands before a paper of an earlier one, whatever the ids', () => {
    const later = { ...papers[0]!, id: '0-sorts-first-by-id', firstSeen: '999_later.txt' };
    const shards = arrivalShards([...papers, later], 200);
    expect(shards.at(-1)!.at(-1)!.id).toBe('0-sorts-first-by-id');
    // The shards before the last keep their papers.
    expect(shards.slice(0, 2)).toEqual(arrivalShards(papers, 200).slice(0, 2));
  });

  test('the shard size comes from RESEARCH_DIGEST_SEARCH_SHARD_SIZE, 2,000 unless set; nonsense stops the build', () => {
    expect(searchShardSize(undefined)).toBe(2_000);
    expect(searchShardSize('200')).toBe(200);
    expect(() => searchShardSize('0')).toThrow(/whole number/);
    expect(() => searchShardSize('ten')).toThrow(/whole number/);
    expect(arrivalShards([], 200)).toEqual([[]]);
    expect(arrivalShards(papers, 477).map((shard) => shard.length)).toEqual([477]);
    expect(arrivalShards(papers, 476).map((shard) => shard.length)).toEqual([476, 1]);
  });
});

describe('sort values', () => {
  // Two shards (fragment prefixes abc123 and def456); pages in arrival order.
  const shards = [
    shardValues('abc123', [
      { published: '2025-03-01', upvotes: 10 },
      { published: '2024-12-31', upvotes: 9 },
      { published: null, upvotes: 100 },
      { published: '2025-03-01', upvotes: null },
    ]),
    shardValues('def456', [
      { published: '2025-03-02', upvotes: 9 },
      { published: null, upvotes: 0 },
    ]),
  ];
  const values = (key: SortKey) => readSearchValues(key, keyFile(key, shards));

  test('are written compactly: dates as day differences, unknowns empty', () => {
    // 2024-12-31 is day 20088 since 1970-01-01; 2025-03-01 is 60 days later.
    expect(
      shardValues('p', [
        { published: '2024-12-31', upvotes: 3 },
        { published: null, upvotes: null },
        { published: '2025-03-01', upvotes: 0 },
      ]),
    ).toEqual({
      prefix: 'p',
      date: '20088,,60',
      upvotes: '3,,0',
    });
  });

  test("name a result's shard and page by its id, the page in base 36", () => {
    const upvotes = values('upvotes');
    expect(upvotes.place('abc1233')).toEqual({ shard: 0, page: 3 });
    expect(upvotes.place('def456a')).toEqual({ shard: 1, page: 10 });
    expect(upvotes.place('0000001')).toBeNull();
    expect(upvotes.value({ shard: 0, page: 2 })).toBe(100);
    expect(upvotes.value({ shard: 0, page: 3 })).toBeNull();
    // 2025-03-02 is day 20149: 20088 (2024-12-31) + 61.
    expect(values('date').value({ shard: 1, page: 0 })).toBe(20149);
    expect(keyFile('date', shards)).toEqual([
      { prefix: 'abc123', values: '20148,-60,,60' },
      { prefix: 'def456', values: '20149,' },
    ]);
  });

  const ids = ['abc1230', 'abc1231', 'abc1232', 'abc1233', 'def4560', 'def4561'];
  const sorted = (key: 'date' | 'upvotes', direction: 'asc' | 'desc') =>
    sortByValue(ids, (id) => id, values(key), direction);

  test('sort as numbers (9 < 10 < 100), equal values in page order, shard by shard; unknowns apart, in their order', () => {
    expect(sorted('upvotes', 'asc')).toEqual({
      known: ['def4561', 'abc1231', 'def4560', 'abc1230', 'abc1232'],
      unknown: ['abc1233'],
    });
    expect(sorted('date', 'asc')).toEqual({
      known: ['abc1231', 'abc1230', 'abc1233', 'def4560'],
      unknown: ['abc1232', 'def4561'],
    });
  });

  test('descending is the exact reverse of ascending, ties included, as Pagefind sorted', () => {
    expect(sorted('upvotes', 'desc').known).toEqual(['abc1232', 'abc1230', 'def4560', 'abc1231', 'def4561']);
    expect(sorted('date', 'desc')).toEqual({
      known: ['def4560', 'abc1233', 'abc1230', 'abc1231'],
      unknown: ['abc1232', 'def4561'],
    });
  });

  describe('ties, whatever the shards', () => {
    // Equal upvotes (9) for abc1231 and def4560; equal dates for abc1230 and abc1233.
    const ranks = new Map([
      ['abc1230', 3],
      ['abc1231', 5],
      ['abc1232', 2],
      ['abc1233', 1],
      ['def4560', 4],
      ['def4561', 0],
    ]);
    const sortedByRank = (key: SortKey, direction: 'asc' | 'desc') =>
      sortByValue(
        ids,
        (id) => id,
        values(key),
        direction,
        (id) => ranks.get(id),
      );

    test('equal values come in order of tie rank; descending is the exact reverse', () => {
      // upvotes 9: def4560 (rank 4) before abc1231 (5), though its shard comes later.
      expect(sortedByRank('upvotes', 'asc').known).toEqual(['def4561', 'def4560', 'abc1231', 'abc1230', 'abc1232']);
      expect(sortedByRank('upvotes', 'desc').known).toEqual(['abc1232', 'abc1230', 'abc1231', 'def4560', 'def4561']);
      // 2025-03-01: abc1233 (rank 1) before abc1230 (3).
      expect(sortedByRank('date', 'asc').known).toEqual(['abc1231', 'abc1233', 'abc1230', 'def4560']);
    });

    test('equal scores come in order of tie rank, whatever order Pagefind gave them in', () => {
      const result = (id: string, score: number) => ({ id, score, data: () => Promise.reject(new Error('unused')) });
      const found = [
        result('abc1230', 2),
        result('abc1231', 1),
        result('def4560', 1),
        result('abc1232', 1),
        result('def4561', 0.5),
      ];
      expect(orderTies(found, (id) => ranks.get(id)).map(({ id }) => id)).toEqual([
        'abc1230',
        'abc1232',
        'def4560',
        'abc1231',
        'def4561',
      ]);
      // Without the page list's ranks, Pagefind's order stands.
      expect(orderTies(found, () => undefined).map(({ id }) => id)).toEqual(found.map(({ id }) => id));
    });

    test('tie ranks: by length, equal lengths in page order', () => {
      // Pages in page order: two shards, each numbered by length.
      const counts = new Map([
        ['s1-0', 80],
        ['s1-1', 120],
        ['s1-2', 120],
        ['s2-0', 60],
        ['s2-1', 120],
      ]);
      const ranks = tieRanks(counts);
      expect([...ranks.keys()].sort((a, b) => ranks.get(a)! - ranks.get(b)!)).toEqual([
        's2-0',
        's1-0',
        's1-1',
        's1-2',
        's2-1',
      ]);
      expect(new Set(ranks.values()).size).toBe(counts.size);
    });
  });
});

describe('a search shard’s pages', () => {
  test('are indexed again in the order of Pagefind’s own word counts when the build miscounted them', async () => {
    // "&nbsp;" joins two words for the build's count, not for Pagefind's: a (first to arrive)
    // counts one word less than b to the build, and one more to Pagefind.
    const paper = (id: string, abstractHtml: string, upvotes: number) => ({
      ...searchPaperOf(paperRecord({ id, title: 'Same title', firstSeen: 'dump-1.txt' })),
      abstractHtml,
      upvotes,
    });
    const papers = [paper('a-paper', 'alpha&nbsp;beta gamma', 5), paper('b-paper', 'delta epsilon', 7)];
    expect(lengthOrder(arrivalPages(papers, new Map())).map(({ paper }) => paper.id)).toEqual(['a-paper', 'b-paper']);
    const work = mkdtempSync(join(tmpdir(), 'rd-page-order-'));
    try {
      const options = { cacheDirectory: join(work, 'cache'), pagefindVersion: 'test', shardSize: 10 };
      for (const [build, fromCache] of [
        ['first', 0],
        ['from-cache', 1],
      ] as const) {
        const output = join(work, build);
        const indexed = await indexShards({ papers, topicNames: new Map() }, output, options);
        expect(indexed.fromCache).toBe(fromCache);
        // Pages by Pagefind's counts: b (2 words in its abstract) before a (3), and the values in that order.
        expect(indexed.values.map((shard) => shard.upvotes)).toEqual(['7,5']);
        const counts = writtenWordCounts(output);
        expect(counts[0]).toBeLessThan(counts[1]!);
        expect(readdirSync(output).filter((file) => file.includes('page-order'))).toEqual([]);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  test('in order of Pagefind’s counts, equal counts by arrival; none when they already are', () => {
    const pages = [{ arrival: 2 }, { arrival: 0 }, { arrival: 1 }];
    expect(countedOrder([10, 10, 12], pages)).toEqual([1, 0, 2]);
    expect(countedOrder([10, 11, 12], pages)).toBeNull();
    expect(countedOrder([12, 10, 11], pages)).toEqual([1, 2, 0]);
  });

  test('are numbered shortest first, equal lengths in arrival order', () => {
    const paper = (id: string, abstract: string) => ({
      ...searchPaperOf(paperRecord({ id, title: `Paper ${id}` })),
      abstractHtml: abstract,
    });
    const papers = [
      paper('a', 'one two three four'),
      paper('b', 'one <em>two</em>'),
      paper('c', 'one two three four'),
      paper('d', '<math><mi>x</mi></math> two'),
    ];
    expect(lengthOrder(arrivalPages(papers, new Map())).map(({ paper }) => paper.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('blocks of upvotes', () => {
  test("cut a shard's upvotes into blocks of so many pages, the last one shorter, each a JSON string", () => {
    // Pages 0–4 of shard abc123: 3, unknown, 0, 7, 12.
    expect(upvotesBlocks({ prefix: 'abc123', values: '3,,0,7,12' }, 2)).toEqual([
      { path: '/pagefind/upvotes/abc123-0.json', text: '"3,"' },
      { path: '/pagefind/upvotes/abc123-1.json', text: '"0,7"' },
      { path: '/pagefind/upvotes/abc123-2.json', text: '"12"' },
    ]);
    expect(upvotesBlocks({ prefix: 'abc123', values: '3,,0,7,12' })).toEqual([
      { path: '/pagefind/upvotes/abc123-0.json', text: '"3,,0,7,12"' },
    ]);
    expect(readUpvotesBlock('"3,"')).toEqual([3, null]);
    expect(readUpvotesBlock('"0,7"')).toEqual([0, 7]);
  });

  test("name the block of a result's page, and its place there, from the result's id alone", () => {
    // Page 4 ("4"), with blocks of 2 pages: block 2, its first page.
    expect(upvotesBlockOf('abc1234', 2)).toEqual({ path: '/pagefind/upvotes/abc123-2.json', index: 0 });
    // Page "a" is 10: block 0 of 250 pages. Page "ww" is 32 × 36 + 32 = 1184: block 4 (pages 1000–1249), place 184.
    expect(upvotesBlockOf('def456a')).toEqual({ path: '/pagefind/upvotes/def456-0.json', index: 10 });
    expect(upvotesBlockOf('def456ww')).toEqual({ path: '/pagefind/upvotes/def456-4.json', index: 184 });
    // No page number, or not one.
    expect(upvotesBlockOf('def456')).toBeNull();
    expect(upvotesBlockOf('def456-1')).toBeNull();
    expect(upvotesBlockOf('')).toBeNull();
  });

  test("give every seed paper's upvotes, as the whole file does, in shards of 200 and of 2,000", () => {
    for (const shardSize of [200, 2_000]) {
      const shards = arrivalShards(papers, shardSize).map((shard, index) =>
        shardValues(`${index}`.padStart(6, 'a'), shard),
      );
      const file = keyFile('upvotes', shards);
      const whole = readSearchValues('upvotes', file);
      const written = new Map(file.flatMap((shard) => upvotesBlocks(shard)).map((block) => [block.path, block.text]));
      // 477 papers: 200, 200 and 77 make one block each; 477 in one shard make 250 and 227.
      expect(written.size).toBe(shardSize === 200 ? 3 : 2);
      const shown = arrivalShards(papers, shardSize).flatMap((shard, index) =>
        shard.map((paper, page) => {
          const id = `${index}`.padStart(6, 'a') + page.toString(36);
          const block = upvotesBlockOf(id)!;
          return { id, upvotes: paper.upvotes, fromBlock: readUpvotesBlock(written.get(block.path)!)[block.index] };
        }),
      );
      expect(shown).toHaveLength(477);
      for (const { id, upvotes, fromBlock } of shown) {
        expect(fromBlock).toBe(upvotes);
        expect(whole.value(whole.place(id)!)).toBe(upvotes);
      }
      // The seeds have unknown, zero and other upvotes.
      expect(
        new Set(shown.map(({ upvotes }) => (upvotes === null ? 'unknown' : upvotes === 0 ? 'zero' : 'some'))),
      ).toEqual(new Set(['unknown', 'zero', 'some']));
    }
  });
});

describe('a search shard’s cache key', () => {
  const records = [
    { url: '/papers/a/', content: '<html><body><article data-pagefind-body><h1>A</h1></article></body></html>' },
    { url: '/papers/b/', content: '<html><body><article data-pagefind-body><h1>B</h1></article></body></html>' },
  ];
  const key = shardCacheKey(records, '1.6.0', '5000');

  test('is the same for the same records, Pagefind version and chunk size', () => {
    expect(
      shardCacheKey(
        records.map((record) => ({ ...record })),
        '1.6.0',
        '5000',
      ),
    ).toBe(key);
  });

  test('changes when a record’s text, a URL, the order, the Pagefind version or the chunk size does', () => {
    const changed = [
      shardCacheKey(
        [records[0]!, { ...records[1]!, content: records[1]!.content.replace('B', 'B2') }],
        '1.6.0',
        '5000',
      ),
      shardCacheKey([records[0]!, { ...records[1]!, url: '/papers/c/' }], '1.6.0', '5000'),
      shardCacheKey([records[1]!, records[0]!], '1.6.0', '5000'),
      shardCacheKey(records, '1.6.1', '5000'),
      shardCacheKey(records, '1.6.0', '2500'),
    ];
    for (const other of changed) expect(other).not.toBe(key);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
