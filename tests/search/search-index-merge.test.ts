/**
 * The search shards merged into one index at build time (src/integrations/search-index-merge.ts),
 * on the seeds' real records: indexed in shards of 200 papers (three Pagefind processes) and
 * merged, the index must be Pagefind's own single index of the same 477 records — the same words,
 * postings, positions and weights, the same filters, the same pages with the same word counts — so
 * that every search ranks, filters and counts exactly as with one index of the same build
 * (tests/site-quality/search-shards.test.ts checks that in the browser). Its chunks are cut as
 * Pagefind cuts them and also before a word that fills a chunk alone
 * (src/integrations/search-index-words.ts), with ranges as Pagefind's writer and browser code make
 * and read them.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import {
  CborReader,
  decodeIndexFile,
  encodeCbor,
  indexFileBytes,
  readIndexFile,
  type Cbor,
} from '../../src/integrations/pagefind-cbor.ts';
import { mergeShardIndexes } from '../../src/integrations/search-index-merge.ts';
import { chunkBoundary, chunkRangeCut, mergedChunks } from '../../src/integrations/search-index-words.ts';
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
const filterBytes = (index: Index, name: string) => readIndexFile(join(index.folder, 'filter', `${name}.pf_filter`));

type Postings = [number, number[], number[]][];
/** Every chunk's words, in order, with their postings decoded. */
const chunkWords = (index: Index) =>
  chunks(index).map(([, , name]) =>
    (decodeIndexFile(join(index.folder, 'index', `${name!}.pf_index`)) as [string, Postings, []][][])[0]!.map(
      ([word, postings]) => [word, postings] as const,
    ),
  );
const indexWords = (index: Index) => chunkWords(index).flat();
/** What Pagefind counts to cut chunks: a page and each position and meta position. */
const postingsSize = (postings: Postings) =>
  postings.reduce((size, [, positions, metaPositions]) => size + 1 + positions.length + metaPositions.length, 0);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** Rust's order of strings: their UTF-8 bytes'. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const inRange = (term: string, from: string, to: string) => byBytes(term, from) >= 0 && byBytes(term, to) <= 0;
const firstChars = (text: string, count: number) => Array.from(text).slice(0, count).join('');
/** The chunks whose range holds `term`. */
const holding = (ranges: readonly (readonly [string, string])[], term: string) =>
  ranges.flatMap(([from, to], at) => (inRange(term, from, to) ? [at] : []));

/**
 * The chunks Pagefind 1.6's browser code loads for one term (pagefind_web/src/lib.rs,
 * `request_indexes`): the chunks whose range holds it; if none does, those whose range holds it
 * cut, on each side, to as many characters as the range's end has.
 */
function chunksForTerm(ranges: readonly (readonly [string, string])[], term: string): number[] {
  const strict = holding(ranges, term);
  if (strict.length > 0) return strict;
  const length = Array.from(term).length;
  return ranges.flatMap(([from, to], at) => {
    const fromLength = Math.min(length, Array.from(from).length);
    const toLength = Math.min(length, Array.from(to).length);
    return byBytes(firstChars(term, fromLength), firstChars(from, fromLength)) >= 0 &&
      byBytes(firstChars(term, toLength), firstChars(to, toLength)) <= 0
      ? [at]
      : [];
  });
}

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

  test('end each chunk just before the next one starts, so that no word falls between two ranges', () => {
    const top = '\u{10FFFF}';
    // The next chunk's start as Pagefind cuts it, its last character one lower, then the highest.
    expect(chunkRangeCut('apple', 'apricot')).toEqual([`apq${top}`, 'apr']);
    expect(chunkRangeCut('across', 'act')).toEqual([`acs${top}`, 'act']);
    expect(chunkRangeCut('re', 'reach')).toEqual([`re\`${top}`, 'rea']);
    expect(chunkRangeCut('cartwheel', 'dog')).toEqual([`c${top}`, 'd']);
    // Below U+E000 come UTF-16's surrogates, no characters: the next one lower is U+D7FF.
    expect(chunkRangeCut('a', 'a\u{E000}')).toEqual([`a\u{D7FF}${top}`, 'a\u{E000}']);
  });

  test("hold a word Pagefind's own ranges leave out, as the merge of Pagefind's own index writes them", async () => {
    // Pagefind's own index of one page, four postings a chunk: "achieve", "across" and "act" (stemmed
    // "achiev", "across", "act"), four times each, a chunk each. Pagefind's ranges end "across"'s chunk at
    // "acr", before "across": its browser code finds no range for it, and loads every chunk whose
    // range its beginning matches.
    const folder = join(work, 'pagefind-across');
    const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '4';
    try {
      const { index } = await pagefind.createIndex({});
      const content = ['achieve', 'across', 'act'].map((word) => Array(4).fill(word).join(' ')).join(' ');
      await index!.addCustomRecord({ url: '/across/', content, language: 'en' });
      await index!.writeFiles({ outputPath: folder });
      await pagefind.close();
    } finally {
      process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize;
    }
    const theirs = chunks(readIndex(folder)).map(([from, to]) => [from!, to!] as const);
    expect(theirs).toEqual([
      ['achiev', 'achiev'],
      ['acr', 'acr'],
      ['act', 'act'],
    ]);
    expect(holding(theirs, 'across')).toEqual([]);
    cpSync(folder, join(work, 'across-shard'), { recursive: true });
    await mergeShardIndexes([join(work, 'across-shard')], join(work, 'across-merged'), 4);
    const ours = chunks(readIndex(join(work, 'across-merged'))).map(([from, to]) => [from!, to!] as const);
    const top = '\u{10FFFF}';
    expect(ours).toEqual([
      ['achiev', `acq${top}`],
      ['acr', `acs${top}`],
      ['act', 'act'],
    ]);
    expect(['achiev', 'across', 'act'].map((word) => holding(ours, word))).toEqual([[0], [1], [2]]);
  });
});

describe('the cut into chunks, on hand-made shards', () => {
  /** A shard of one index chunk: each word's pages (in the shard) and how many positions it has on each. */
  function shard(name: string, words: [string, [page: number, positions: number][]][], offset: number) {
    const folder = join(work, name);
    mkdirSync(join(folder, 'index'), { recursive: true });
    const chunk = words.map(([word, pages]) => [
      word,
      pages.map(([page, positions], at) => [
        page - (pages[at - 1]?.[0] ?? 0),
        Array.from({ length: positions }, (_, position) => position),
        [],
      ]),
      [],
    ]);
    writeFileSync(join(folder, 'index', 'c0.pf_index'), indexFileBytes(encodeCbor([chunk as Cbor])));
    return { folder, chunks: ['c0'], offset };
  }

  test('ends a chunk after the word that brings it to the chunk size, and before a word that fills one alone', () => {
    // Chunks of 10, counting a page and each position: ant 3, bee 4, cat 7 reach 14 (Pagefind's
    // cut, after cat); dog 12 fills a chunk alone (after an end already); eel 2, then fox, 7 in the
    // first shard and 6 in the second, 13 merged: a chunk ends before it, though no shard's part
    // fills one (Pagefind's cut: "eel".."fox"); gnu 4 and hen 1 end the index.
    const first = shard(
      'hand-first',
      [
        ['ant', [[0, 2]]],
        ['cat', [[1, 6]]],
        ['fox', [[1, 6]]],
        ['hen', [[0, 0]]],
      ],
      0,
    );
    const second = shard(
      'hand-second',
      [
        ['bee', [[0, 3]]],
        [
          'dog',
          [
            [0, 5],
            [1, 5],
          ],
        ],
        ['eel', [[1, 1]]],
        ['fox', [[0, 5]]],
        ['gnu', [[1, 3]]],
      ],
      2,
    );
    const written = [...mergedChunks([first, second], 10)];
    expect(written.map(({ from, to }) => [from, to])).toEqual([
      ['ant', 'cat'],
      ['dog', 'dog'],
      ['eel', 'eel'],
      ['fox', 'fox'],
      ['gnu', 'hen'],
    ]);
    const decoded = written.map(({ cbor }) => {
      const reader = new CborReader(cbor);
      return reader.value() as [[string, Postings, []][]];
    });
    expect(decoded.map(([words]) => words.map(([word]) => word))).toEqual([
      ['ant', 'bee', 'cat'],
      ['dog'],
      ['eel'],
      ['fox'],
      ['gnu', 'hen'],
    ]);
    // fox: page 1 of the first shard, page 0 of the second (page 2 merged), each with its positions.
    expect(decoded[3]![0]![0]).toEqual([
      'fox',
      [
        [1, [0, 1, 2, 3, 4, 5], []],
        [1, [0, 1, 2, 3, 4], []],
      ],
      [],
    ]);
  });

  test('does not end a chunk before its first word, nor leave a chunk empty', () => {
    const alone = shard(
      'hand-alone',
      [
        ['big', [[0, 20]]],
        ['bigger', [[0, 30]]],
        ['small', [[0, 1]]],
      ],
      0,
    );
    expect([...mergedChunks([alone], 10)].map(({ from, to }) => [from, to])).toEqual([
      ['big', 'big'],
      ['bigger', 'bigger'],
      ['small', 'small'],
    ]);
  });
});
