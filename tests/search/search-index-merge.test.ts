/**
 * The search shards merged into one index at build time (src/integrations/search-index-merge.ts),
 * on the seeds' real records: indexed in shards of 200 papers (three Pagefind processes) and
 * merged, the index must be Pagefind's own single index of the same 477 records given in the same
 * order — the same words, postings, positions and weights, the same filters, the same pages with
 * the same word counts — so that every search ranks, filters and counts exactly as with one index
 * of the same build (tests/site-quality/search-shards.test.ts checks that in the browser). Its
 * chunks are cut as Pagefind cuts them and also before a word that fills a chunk alone, with ranges
 * that hold each word in exactly one (src/integrations/search-index-words.ts; hand-made cases in
 * tests/search/search-index-words.test.ts). The page list the browser loads instead of the
 * metadata must give the metadata back, byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { chunkBoundary } from '../../src/integrations/search-index-words.ts';
import { indexChunkSize, indexShards, indexShardsOnThread } from '../../src/integrations/search-shard-index.ts';
import { arrivalPages, lengthOrder } from '../../src/integrations/search-page-order.ts';
import { CborReader, decodeIndexFile, readIndexFile, type Cbor } from '../../src/integrations/pagefind-cbor.ts';
import { pageListFile, pageListOf } from '../../src/integrations/search-page-list.ts';
import { patchedPagefindScript, strippedSource } from '../../src/integrations/pagefind-script.ts';
import { expandPageList } from '../../src/pagefind/expand-page-list.js';
import { arrivalShards } from '../../src/lib/search-shards.ts';
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
  // The build indexes on a worker thread too: the whole of it there, from a cache of its own, and
  // published into the site's folder (src/integrations/search-index-publish.ts).
  const indexWarnings: string[] = [];
  const indexed = await indexShardsOnThread(
    published,
    join(work, 'thread-staging'),
    {
      cacheDirectory: join(work, 'thread-cache'),
      pagefindVersion: 'test',
      shardSize: 200,
      publishTo: indexedOnThread,
    },
    { projectRoot: PROJECT_ROOT, warn: (message) => indexWarnings.push(message) },
  );
  indexThreadLog = { shards: indexed.shards, fromCache: indexed.fromCache, warnings: indexWarnings };
  await indexShards(published, single, { ...options, shardSize: 477 });
  // Pagefind's own index of the same records, neither compacted nor merged.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = indexChunkSize();
  const { index } = await pagefind.createIndex({});
  // The same records in the same order as the merged index: shard by shard, each in its pages' order.
  for (const shard of arrivalShards(corpus.papers, 200))
    for (const { record } of lengthOrder(arrivalPages(shard, published.topicNames))) await index!.addHTMLFile(record);
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

  test('holds the index of the one-shard build of the same records, paper for paper', () => {
    // Pages are numbered shard by shard, so the two number them differently; each paper's postings
    // (positions, weights), word count and filter values must be the same.
    const byPaper = (folder: string) => {
      const index = readIndex(folder);
      const urls = pages(index).map(([fragment]) => {
        const json = readIndexFile(join(folder, 'fragment', `${fragment}.pf_fragment`)).toString('utf8');
        return (JSON.parse(json) as { url: string }).url;
      });
      const words = new Map<string, string[]>();
      for (const [, , name] of chunks(index))
        for (const [word, postings] of (
          decodeIndexFile(join(folder, 'index', `${name!}.pf_index`)) as Cbor[][][]
        )[0]! as [string, [number, Cbor, Cbor][]][]) {
          let page = 0;
          const papers = postings.map(([delta, positions, metaPositions]) => {
            page += delta;
            return JSON.stringify([urls[page], positions, metaPositions]);
          });
          words.set(word, papers.sort());
        }
      const counts = Object.fromEntries(pages(index).map(([, count], page) => [urls[page], count]));
      const filterValues = filters(index).map(([name, file]) => [
        name,
        (decodeIndexFile(join(folder, 'filter', `${file!}.pf_filter`)) as [string, [string, number[]][]])[1].map(
          ([value, numbers]) => [value, numbers.map((page) => urls[page]).sort()],
        ),
      ]);
      return { words, counts, filterValues, urls: [...urls].sort() };
    };
    const ours = byPaper(merged);
    const theirs = byPaper(single);
    expect(ours.urls).toHaveLength(477);
    expect(ours.words.size).toBeGreaterThan(2000);
    expect(ours).toEqual(theirs);
  });
});

interface PagefindEntry {
  languages: { en: { hash: string; page_count: number } };
}

describe('the page list that the browser loads instead of the metadata', () => {
  test("a second build from the cache patches Pagefind's script again, leaving the cached one as Pagefind wrote it", async () => {
    const options = { cacheDirectory: join(work, 'cache-twice'), pagefindVersion: 'test', shardSize: 200 };
    const builds = [join(work, 'first-build'), join(work, 'second-build')];
    const fromCache = [];
    for (const build of builds) fromCache.push((await indexShards(published, build, options)).fromCache);
    expect(fromCache).toEqual([0, 3]);
    for (const build of builds) expect(filesThatDiffer(hashTree(build), hashTree(merged))).toEqual([]);
    const cached = Object.keys(hashTree(options.cacheDirectory)).filter((file) => file.endsWith('pagefind.js'));
    expect(cached).toHaveLength(3);
    for (const file of cached)
      expect(readFileSync(join(options.cacheDirectory, file), 'utf8')).not.toContain('researchDigest');
  });

  const metaBytes = (folder: string) => {
    const hash = (JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry).languages.en
      .hash;
    return { hash, meta: readIndexFile(join(folder, `pagefind.${hash}.pf_meta`)) };
  };

  test.each([
    ['three shards merged', () => merged],
    ['one shard', () => single],
  ])('expands to the metadata, byte for byte (%s)', (_, folder) => {
    const { hash, meta } = metaBytes(folder());
    const list = readIndexFile(join(folder(), pageListFile(hash)));
    expect(list.length).toBeLessThan(meta.length / 2);
    expect(Buffer.from(expandPageList(list)).equals(meta)).toBe(true);
    // The same code as Pagefind's patched script carries it: without comments and indentation.
    const stripped = strippedSource(
      readFileSync(new URL('../../src/pagefind/expand-page-list.js', import.meta.url), 'utf8'),
    );
    expect(stripped).not.toMatch(/\/\*|^\s*\/\//m);
    const carried = new Function(`${stripped}\nreturn expandPageList;`)() as typeof expandPageList;
    expect(Buffer.from(carried(list)).equals(meta)).toBe(true);
    // Every chunk's end but the last follows from the next chunk's start, and is left out.
    const ranges = new CborReader(list).value() as Cbor[];
    const ends = (ranges[4] as string[]).filter((_, at) => at % 2 === 1);
    expect(ends.length).toBeGreaterThan(20);
    expect(ends.slice(0, -1).every((end) => end === '')).toBe(true);
    expect(ends.at(-1)).not.toBe('');
  });

  test("numbers each shard's pages by length, so that the word counts only grow", () => {
    const index = readIndex(merged);
    const shards = Map.groupBy(pages(index), ([fragment]) => fragment.slice(0, 6));
    expect([...shards.values()].map((shard) => shard.length)).toEqual([200, 200, 77]);
    for (const shard of shards.values()) {
      const counts = shard.map(([, count]) => count);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
  });

  test('refuses metadata whose names do not follow from the shards and chunk numbers', () => {
    const index = readIndex(merged);
    const shards = [...Map.groupBy(pages(index), ([fragment]) => fragment.slice(0, 6))].map(([prefix, shard]) => ({
      prefix,
      pages: shard.length,
    }));
    const chunkPrefix = chunks(index)[0]![2]!.slice(0, 6);
    expect(() => pageListOf(index.meta, shards, chunkPrefix)).not.toThrow();
    const renamedPage = structuredClone(index.meta);
    (renamedPage[1] as string[][])[5]![0] = 'elsewhere';
    expect(() => pageListOf(renamedPage, shards, chunkPrefix)).toThrow(/page 5 \(elsewhere\)/);
    const grouped = structuredClone(index.meta);
    (grouped[1] as string[][])[7]![2] = 'group';
    expect(() => pageListOf(grouped, shards, chunkPrefix)).toThrow(/page 7/);
    expect(() => pageListOf(index.meta, shards.slice(0, 2), chunkPrefix)).toThrow(/477 pages, the shards hold 400/);
    expect(() => pageListOf(index.meta, shards, 'abcdef')).toThrow(/index chunk 0 is named/);
  });

  test("Pagefind's script loads the page list, once patched; another script stops the build", () => {
    const script = readFileSync(join(merged, 'pagefind.js'), 'utf8');
    expect(script.split('researchDigestLoadMeta(this,index)')).toHaveLength(2);
    expect(script).not.toContain('"Pagefind metadata");}catch');
    const original = readFileSync(join(pagefinds, 'pagefind.js'), 'utf8');
    expect(patchedPagefindScript(original)).toBe(script);
    expect(() => patchedPagefindScript(script)).toThrow(/found 0 times/);
    expect(() => patchedPagefindScript(original + original)).toThrow(/found 2 times/);
  });
});
