/**
 * The search shards merged into one index at build time (src/integrations/search-index-merge.ts),
 * on the seeds' real records: indexed in shards of 200 papers (three Pagefind processes) and
 * merged, the index must be Pagefind's own single index of the same 477 records — the same words,
 * postings, positions and weights, cut into the same chunks with the same ranges, the same filters,
 * the same pages with the same word counts — so that every search ranks, filters and counts exactly
 * as with one index (tests/site-quality/search-shards.test.ts checks that in the browser).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { decodeIndexFile, readIndexFile, type Cbor } from '../../src/integrations/pagefind-cbor.ts';
import { mergeShardIndexes } from '../../src/integrations/search-index-merge.ts';
import { chunkBoundary, chunkRangeCut } from '../../src/integrations/search-index-words.ts';
import { indexChunkSize, indexShards, indexShardsOnThread } from '../../src/integrations/search-shard-index.ts';
import { paperUrl } from '../../src/lib/format.ts';
import { arrivalShards } from '../../src/lib/search-shards.ts';
import { paperSearchHtml } from '../../src/pages/papers/_search-record.ts';
import { PROJECT_ROOT, SEEDS_DIR } from '../ingest/helpers.ts';
import { filesThatDiffer, hashTree } from '../site-build/helpers.ts';

const topics = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const corpus = ingestDumps(readDumpFolder(SEEDS_DIR), topics);
const published = { papers: corpus.papers, dumps: corpus.dumps, topicNames: topicNames(topics) };

const work = mkdtempSync(join(tmpdir(), 'rd-search-merge-'));
const merged = join(work, 'merged');
const single = join(work, 'single');
const pagefinds = join(work, 'pagefind-own');
const indexedOnThread = join(work, 'indexed-on-a-thread');
let log = { shards: 0, fromCache: 0 };
let indexThreadLog = { shards: 0, fromCache: 0, warnings: [] as string[] };

interface Index {
  meta: Cbor[];
  folder: string;
}

function readIndex(folder: string): Index {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: { en: { hash: string; page_count: number } };
  };
  const meta = decodeIndexFile(join(folder, `pagefind.${entry.languages.en.hash}.pf_meta`)) as Cbor[];
  expect((meta[1] as Cbor[]).length).toBe(entry.languages.en.page_count);
  return { meta, folder };
}

const chunks = (index: Index) => index.meta[2] as string[][];
const filters = (index: Index) => index.meta[3] as string[][];
const pages = (index: Index) => index.meta[1] as [string, number, string][];
const chunkBytes = (index: Index, name: string) => readIndexFile(join(index.folder, 'index', `${name}.pf_index`));
const filterBytes = (index: Index, name: string) => readIndexFile(join(index.folder, 'filter', `${name}.pf_filter`));

beforeAll(async () => {
  const options = { cacheDirectory: join(work, 'cache'), pagefindVersion: 'test' };
  const sharded = await indexShards(published, merged, { ...options, shardSize: 200 });
  log = { shards: sharded.shards, fromCache: sharded.fromCache };
  // The build indexes on a worker thread too: the whole of it there, from a cache of its own.
  const indexWarnings: string[] = [];
  const indexed = await indexShardsOnThread(
    published,
    indexedOnThread,
    { cacheDirectory: join(work, 'thread-cache'), pagefindVersion: 'test', shardSize: 200 },
    { projectRoot: PROJECT_ROOT, warn: (message) => indexWarnings.push(message) },
  );
  indexThreadLog = { shards: indexed.shards, fromCache: indexed.fromCache, warnings: indexWarnings };
  await indexShards(published, single, { ...options, shardSize: 477 });
  // Pagefind's own index of the same records, neither compacted nor merged.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = indexChunkSize();
  const { index } = await pagefind.createIndex({});
  for (const paper of arrivalShards(corpus.papers, 477)[0]!)
    await index!.addHTMLFile({ url: paperUrl(paper.id), content: paperSearchHtml(paper, published.topicNames) });
  await index!.writeFiles({ outputPath: pagefinds });
  await pagefind.close();
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the seeds indexed in three shards of 200 and merged', () => {
  test('indexed and merged on a worker thread (as the build does), with no cache, is the same index byte for byte', () => {
    expect(indexThreadLog).toEqual({ shards: 3, fromCache: 0, warnings: [] });
    const onMainThread = hashTree(merged);
    expect(Object.keys(onMainThread).length).toBeGreaterThan(477);
    expect(filesThatDiffer(onMainThread, hashTree(indexedOnThread))).toEqual([]);
    expect(filesThatDiffer(hashTree(indexedOnThread), onMainThread)).toEqual([]);
  });

  test('is one index: one metadata file, no shard folders, one fragment a page', () => {
    expect(log).toEqual({ shards: 3, fromCache: 0 });
    const names = readdirSync(merged);
    expect(names.filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
    expect(names.filter((name) => name.startsWith('shard-'))).toEqual([]);
    expect(names).toContain('pagefind.js');
    expect(names).toContain('wasm.en.pagefind');
    expect(readdirSync(join(merged, 'fragment'))).toHaveLength(477);
    // Each shard's fragments keep their names: three prefixes, pages numbered within each shard.
    const prefixes = new Set(pages(readIndex(merged)).map(([fragment]) => fragment.slice(0, 6)));
    expect(prefixes.size).toBe(3);
  });

  test("has Pagefind's own single index's word chunks, ranges and filters, content for content", () => {
    const ours = readIndex(merged);
    const theirs = readIndex(pagefinds);
    expect(chunks(theirs).length).toBeGreaterThan(20);
    expect(chunks(ours).map(([from, to]) => [from, to])).toEqual(chunks(theirs).map(([from, to]) => [from, to]));
    chunks(ours).forEach(([, , name], at) => {
      expect(chunkBytes(ours, name!).equals(chunkBytes(theirs, chunks(theirs)[at]![2]!)), `chunk ${at}`).toBe(true);
    });
    expect(filters(ours).map(([name]) => name)).toEqual(['organization', 'topic', 'year']);
    expect(filters(ours).map(([name]) => name)).toEqual(filters(theirs).map(([name]) => name));
    filters(ours).forEach(([name, file], at) => {
      expect(filterBytes(ours, file!).equals(filterBytes(theirs, filters(theirs)[at]![1]!)), name).toBe(true);
    });
    expect(pages(ours).map(([, words, rest]) => [words, rest])).toEqual(
      pages(theirs).map(([, words, rest]) => [words, rest]),
    );
    expect([ours.meta[0], ours.meta[4], ours.meta[5]]).toEqual([theirs.meta[0], theirs.meta[4], theirs.meta[5]]);
  });

  test('each page is the same page: its fragment is the single index’s, byte for byte', () => {
    const ours = pages(readIndex(merged));
    const theirs = pages(readIndex(pagefinds));
    ours.forEach(([fragment], page) => {
      const own = readFileSync(join(merged, 'fragment', `${fragment}.pf_fragment`));
      const reference = readFileSync(join(pagefinds, 'fragment', `${theirs[page]![0]}.pf_fragment`));
      expect(own.equals(reference), `page ${page}`).toBe(true);
    });
  });

  test('equals the one-shard build of the same records, file for file, but the fragments’ names', () => {
    const files = (folder: string) =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.parentPath.endsWith('fragment'))
        .map((entry) => join(entry.parentPath.slice(folder.length), entry.name))
        .filter((file) => !file.endsWith('.pf_meta'))
        .sort();
    expect(files(merged)).toEqual(files(single));
    for (const file of files(merged))
      expect(readFileSync(join(merged, file)).equals(readFileSync(join(single, file))), file).toBe(
        !file.endsWith('pagefind-entry.json'),
      );
  });
});

describe('chunk ranges', () => {
  test("cut each boundary word to one character more than it shares with its neighbour (Pagefind's get_prefixes)", () => {
    // Pagefind's own unit tests (pagefind/src/index/mod.rs, `common_prefix`).
    expect(chunkBoundary('apple', 'apricot')).toEqual(['app', 'apr']);
    expect(chunkBoundary('cataraman', 'yacht')).toEqual(['c', 'y']);
    expect(chunkBoundary('cath', 'cathartic')).toEqual(['cath', 'catha']);
    // Characters, not UTF-16 units: a word beyond the Basic Multilingual Plane is not cut in half.
    expect(chunkBoundary('a😀b', 'a😀c')).toEqual(['a😀b', 'a😀c']);
    expect(chunkBoundary('x😀', 'x😁')).toEqual(['x😀', 'x😁']);
  });

  test("keep a chunk's whole last word where the cut would end its range before it starts, as Pagefind 1.6 writes", async () => {
    // Pagefind's own index of one page, four postings a chunk: "cart" alone (four positions and its
    // page), then "cartwheel", then "dog". "cartwheel" shares "cart" with the word before it, so its
    // range starts at "cartw"; cut against "dog" it would end at "c", before it starts.
    const folder = join(work, 'pagefind-cartwheel');
    const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '4';
    try {
      const { index } = await pagefind.createIndex({});
      const content = ['cart', 'cartwheel', 'dog'].map((word) => Array(4).fill(word).join(' ')).join(' ');
      await index!.addCustomRecord({ url: '/cartwheel/', content, language: 'en' });
      await index!.writeFiles({ outputPath: folder });
      await pagefind.close();
    } finally {
      process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;
    }
    const theirs = readIndex(folder);
    expect(chunks(theirs).map(([from, to]) => [from, to])).toEqual([
      ['cart', 'cart'],
      ['cartw', 'cartwheel'],
      ['d', 'dog'],
    ]);
    const words = chunks(theirs).map(([, , name]) =>
      (decodeIndexFile(join(folder, 'index', `${name}.pf_index`)) as [string][][])[0]!.map(([word]) => word),
    );
    const ranges = words.map((inChunk) => [inChunk[0]!, inChunk.at(-1)!]);
    for (let at = 1; at < ranges.length; at += 1)
      [ranges[at - 1]![1], ranges[at]![0]] = chunkRangeCut(ranges[at - 1]![0]!, ranges[at - 1]![1]!, ranges[at]![0]!);
    expect(ranges).toEqual(chunks(theirs).map(([from, to]) => [from, to]));
    expect(chunkRangeCut('a', 'apple', 'apricot')).toEqual(['app', 'apr']);
    // The merge of that index alone writes the same ranges.
    cpSync(folder, join(work, 'cartwheel-shard'), { recursive: true });
    await mergeShardIndexes([join(work, 'cartwheel-shard')], join(work, 'cartwheel-merged'), 4);
    expect(chunks(readIndex(join(work, 'cartwheel-merged'))).map(([from, to]) => [from, to])).toEqual(
      chunks(theirs).map(([from, to]) => [from, to]),
    );
  });
});
