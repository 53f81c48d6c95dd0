/**
 * The search shards merged into one index at build time (src/integrations/search-index-merge.ts),
 * on the seeds' real records: indexed in shards of 200 papers (three Pagefind processes) and
 * merged, the index must be Pagefind's own single index of the same 477 records — the same words,
 * postings, positions and weights, the same filters, the same pages with the same word counts — so
 * that every search ranks, filters and counts exactly as with one index of the same build
 * (tests/site-quality/search-shards.test.ts checks that in the browser). Its chunks are cut as
 * Pagefind cuts them and also before a word that fills a chunk alone, with ranges that hold each
 * word in exactly one (src/integrations/search-index-words.ts; hand-made cases in
 * tests/search/search-index-words.test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { chunkBoundary } from '../../src/integrations/search-index-words.ts';
import { indexChunkSize, indexShards, indexShardsOnThread } from '../../src/integrations/search-shard-index.ts';
import { paperUrl } from '../../src/lib/format.ts';
import { arrivalShards } from '../../src/lib/search-shards.ts';
import { paperSearchHtml } from '../../src/pages/papers/_search-record.ts';
import { PROJECT_ROOT, SEEDS_DIR } from '../ingest/helpers.ts';
import { filesThatDiffer, hashTree } from '../site-build/helpers.ts';
import {
  byBytes,
  chunks,
  chunksForTerm,
  chunkWords,
  filterBytes,
  filters,
  firstChars,
  holding,
  indexWords,
  pages,
  postingsSize,
  readIndex,
  sum,
} from './index-helpers.ts';

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

  test("has Pagefind's own single index's words, each with the same pages, positions and weights, and its filters", () => {
    const ours = readIndex(merged);
    const theirs = readIndex(pagefinds);
    expect(chunks(theirs).length).toBeGreaterThan(20);
    // Decoded, each word's postings are its page numbers (the first from 0), positions and weights.
    expect(indexWords(ours).length).toBeGreaterThan(5000);
    expect(indexWords(ours)).toEqual(indexWords(theirs));
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

  test('is cut into chunks as Pagefind cuts them, and before each word that fills a chunk on its own', () => {
    const chunkSize = Number(indexChunkSize());
    const ours = chunkWords(readIndex(merged));
    const theirs = chunkWords(readIndex(pagefinds));
    // Pagefind's cut: after the word that brings a chunk to the chunk size, and only there.
    for (const [at, chunk] of theirs.entries()) {
      const sizes = chunk.map(([, postings]) => postingsSize(postings));
      expect(sum(sizes.slice(0, -1)), `chunk ${at}`).toBeLessThan(chunkSize);
      if (at < theirs.length - 1) expect(sum(sizes), `chunk ${at}`).toBeGreaterThanOrEqual(chunkSize);
    }
    // Ours: the same, and a word of the chunk size or more alone in its chunk.
    const alone = ours.filter((chunk) => postingsSize(chunk[0]![1]) >= chunkSize);
    expect(alone.length).toBeGreaterThan(0);
    for (const [at, chunk] of ours.entries()) {
      const sizes = chunk.map(([, postings]) => postingsSize(postings));
      expect(sum(sizes.slice(0, -1)), `chunk ${at}`).toBeLessThan(chunkSize);
      if (sizes.some((size) => size >= chunkSize)) expect(sizes, `chunk ${at}`).toHaveLength(1);
      const next = ours[at + 1]?.[0];
      if (next && postingsSize(next[1]) < chunkSize)
        expect(sum(sizes), `chunk ${at}`).toBeGreaterThanOrEqual(chunkSize);
    }
    expect(ours.length).toBeGreaterThan(theirs.length);
  });

  test('has chunk ranges that hold each word, and each beginning of a word, in exactly one range', () => {
    const index = readIndex(merged);
    const ranges = chunks(index).map(([from, to]) => [from!, to!] as const);
    const words = chunkWords(index).map((chunk) => chunk.map(([word]) => word));
    words.forEach((inChunk, at) => {
      // A chunk starts where Pagefind starts it: its first word cut against the word before.
      expect(ranges[at]![0]).toBe(at === 0 ? inChunk[0] : chunkBoundary(words[at - 1]!.at(-1)!, inChunk[0]!)[1]);
      expect(byBytes(ranges[at]![0], ranges[at]![1]), `chunk ${at}`).toBeLessThanOrEqual(0);
      if (at > 0) expect(byBytes(ranges[at - 1]![1], ranges[at]![0]), `chunk ${at}`).toBeLessThan(0);
    });
    expect(ranges.at(-1)![1]).toBe(words.at(-1)!.at(-1));
    words.forEach((inChunk, at) => {
      for (const word of inChunk) {
        expect(holding(ranges, word), word).toEqual([at]);
        // So Pagefind's browser code loads that chunk alone for it, and one chunk for any query word
        // that sorts among the index's words (a beginning of a word stands for those).
        expect(chunksForTerm(ranges, word), word).toEqual([at]);
        for (let length = 1; length < Array.from(word).length; length += 1) {
          const beginning = firstChars(word, length);
          if (byBytes(beginning, ranges[0]![0]) >= 0) expect(holding(ranges, beginning), beginning).toHaveLength(1);
        }
      }
    });
  });

  test("Pagefind's own ranges leave words out of every range: its browser code loads the chunks their beginnings match", () => {
    const index = readIndex(pagefinds);
    const ranges = chunks(index).map(([from, to]) => [from!, to!] as const);
    const outside = chunkWords(index).flatMap((chunk, at) =>
      chunk.flatMap(([word]) => (holding(ranges, word).length === 0 ? [[word, at] as const] : [])),
    );
    expect(outside.length).toBeGreaterThan(0);
    for (const [word, at] of outside) expect(chunksForTerm(ranges, word), word).toContain(at);
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
