/**
 * How the search index is cut into shards (src/lib/search-shards.ts, src/integrations/search-shard-index.ts)
 * and how the browser turns a sorted result's place back into its value
 * (src/scripts/search-shard-merge.ts), on the seeds and on hand-made sort values.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions } from '../../src/ingest/index.ts';
import { arrivalShards, searchShardSize, shardSortValues } from '../../src/lib/search-shards.ts';
import { sortValueLookup } from '../../src/scripts/search-shard-merge.ts';
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

describe("a shard's sort values", () => {
  // Pagefind sorts a key as numbers when every value is one (so 9 < 10 < 100), else as text.
  const values = shardSortValues([
    { date: '2025-03-01', upvotes: '10' },
    { date: '2024-12-31', upvotes: '9' },
    { upvotes: '100' },
    { date: '2025-03-01', upvotes: '9' },
  ]);

  test('are runs of equal values in the order Pagefind sorts them', () => {
    expect(values.numeric).toEqual({ date: false, upvotes: true });
    expect(values.runs.upvotes).toEqual([
      ['9', 2],
      ['10', 1],
      ['100', 1],
    ]);
    expect(values.runs.date).toEqual([
      ['2024-12-31', 1],
      ['2025-03-01', 2],
    ]);
  });

  test('give back the value at each place of that order', () => {
    const upvotesAt = sortValueLookup(values.runs.upvotes!);
    expect([0, 1, 2, 3, 4].map(upvotesAt)).toEqual(['9', '9', '10', '100', undefined]);
    const dateAt = sortValueLookup(values.runs.date!);
    expect([0, 1, 2].map(dateAt)).toEqual(['2024-12-31', '2025-03-01', '2025-03-01']);
  });
});
