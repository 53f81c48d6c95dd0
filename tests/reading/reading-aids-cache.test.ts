/**
 * The reading aids with the cache of what they derive from each paper's texts
 * (src/lib/reading-aids-cache.ts) are exactly the aids without it: from a cold cache, a warm one,
 * one an earlier corpus left (a dump fewer, an abstract since changed, a paper since merged away),
 * and a damaged or foreign one, which is read as no cache and written anew.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCorpus, seedTextPool } from '../../scripts/lib/synthetic-corpus.ts';
import {
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  topicNames,
  type DumpInput,
} from '../../src/ingest/index.ts';
import { papersNewestFirst } from '../../src/lib/paper-order.ts';
import { readingAids, type ReadingAidPaper, type ReadingAidsMemo } from '../../src/lib/reading-aids.ts';
import { PackedListsReader, type KeyTables } from '../../src/lib/text-derivations.ts';
import { decodeCacheFile, encodeCacheFile } from '../../src/lib/cache-file.ts';
import { readingAidsCached, type ReadingAidsCache } from '../../src/lib/reading-aids-cache.ts';
import { startReadingAids } from '../../src/lib/reading-aids-thread.ts';
import { PROJECT_ROOT, textsKnown } from './seed-corpus.ts';

const topicDefinitions = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const topicIds = [...topicNames(topicDefinitions).keys()];
const codeDirectory = join(PROJECT_ROOT, 'src', 'lib');

function newestFirst(dumps: readonly DumpInput[]): ReadingAidPaper[] {
  const corpus = ingestDumps(dumps, topicDefinitions);
  return papersNewestFirst(corpus.papers, corpus.dumps);
}

function newCache(): ReadingAidsCache {
  return { file: join(mkdtempSync(join(tmpdir(), 'reading-aids-cache-')), 'reading-aids.bin'), codeDirectory };
}

/** The papers of an earlier build: the later ones, one of its abstracts not yet changed, and one paper since merged away. */
function earlierCorpus(papers: readonly ReadingAidPaper[]): ReadingAidPaper[] {
  const [first, second, ...rest] = papers;
  return [
    { ...first!, abstract: `${first!.abstract} An earlier sentence of the abstract, since removed.` },
    { ...second!, id: `${second!.id}-merged-away`, title: `${second!.title}: A Preprint`, possiblySameWork: [] },
    second!,
    ...rest,
  ];
}

describe('reading aids with the per-paper cache, on the seeds', () => {
  const dumps = readDumpFolder(join(PROJECT_ROOT, 'seeds'));
  const papers = newestFirst(dumps);
  const uncached = readingAids(papers, topicIds);

  it('are the same from a cold cache and a warm one, and the warm one reads no paper', () => {
    const cache = newCache();
    const cold = readingAidsCached(papers, topicIds, cache);
    expect(cold).toMatchObject({ replayed: 0, written: true });
    expect(cold.aids).toEqual(uncached);
    const warm = readingAidsCached(papers, topicIds, cache);
    expect(warm).toMatchObject({ replayed: papers.length, written: false });
    expect(warm.aids).toEqual(uncached);
  });

  it('are the same from the cache of an earlier corpus: a dump fewer, an abstract changed, a paper merged away', () => {
    const earlier = earlierCorpus(newestFirst(dumps.slice(0, -1)));
    const cache = newCache();
    readingAidsCached(earlier, topicIds, cache);
    const later = readingAidsCached(papers, topicIds, cache);
    // Read again: the last dump's papers, the one whose abstract changed, any the last dump changed.
    expect(later.replayed).toBe(textsKnown(papers, earlier));
    expect(papers.length - later.replayed).toBeGreaterThan(10);
    expect(later.written).toBe(true);
    expect(later.aids).toEqual(uncached);
    // The cache now holds this corpus only: the paper merged away is gone, every paper is replayed.
    expect(readingAidsCached(papers, topicIds, cache)).toMatchObject({ replayed: papers.length, written: false });
  });

  it('are the same from a truncated, a corrupt or a foreign cache file, which is written anew', () => {
    const cache = newCache();
    readingAidsCached(papers, topicIds, cache);
    const whole = readFileSync(cache.file);
    const flipped = Buffer.from(whole);
    flipped[flipped.length >> 1]! ^= 0x55;
    // A whole file (its checksum right) whose header is not JSON: read as no cache, never a failed build.
    const parts = decodeCacheFile(whole, 'research-digest reading aids 1\n', 11)!;
    const badHeader = Buffer.concat(
      encodeCacheFile('research-digest reading aids 1\n', [Buffer.from('{"code": '), ...parts.slice(1)]),
    );
    const damaged: [string, Buffer][] = [
      ['a header that is not JSON', badHeader],
      ['truncated', whole.subarray(0, whole.length >> 1)],
      ['one byte changed', flipped],
      ['not a cache', Buffer.from('{"papers": []}\n')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(cache.file, bytes);
      const fromDamaged = readingAidsCached(papers, topicIds, cache);
      expect(fromDamaged, what).toMatchObject({ replayed: 0, written: true });
      expect(fromDamaged.aids, what).toEqual(uncached);
      expect(readFileSync(cache.file).equals(whole), what).toBe(true);
    }
    // Written by other word rules: a changed file among the deriving code makes the cache foreign.
    const otherCode = mkdtempSync(join(tmpdir(), 'reading-aids-code-'));
    const deriving = ['text-terms.ts', 'word-stream.ts', 'term-counts.ts', 'phrase-keys.ts', 'text-derivations.ts'];
    for (const file of [...deriving, 'reading-aids-cache.ts', 'cache-file.ts'])
      copyFileSync(join(codeDirectory, file), join(otherCode, file));
    writeFileSync(
      join(otherCode, 'word-stream.ts'),
      `${readFileSync(join(codeDirectory, 'word-stream.ts'), 'utf8')}\n// changed`,
    );
    const foreign = readingAidsCached(papers, topicIds, { ...cache, codeDirectory: otherCode });
    expect(foreign).toMatchObject({ replayed: 0, written: true });
    expect(foreign.aids).toEqual(uncached);
  });

  it('are the same without a cache when the deriving code cannot be read', () => {
    const cache = { ...newCache(), codeDirectory: join(tmpdir(), 'no-such-folder-of-code') };
    expect(readingAidsCached(papers, topicIds, cache)).toMatchObject({ replayed: 0, written: false });
  });

  it('are the same made on the worker thread with the cache, cold and warm', async () => {
    const cacheFolder = mkdtempSync(join(tmpdir(), 'reading-aids-thread-cache-'));
    const options = {
      // At the usual priority, as in a rebuild, where the cache serves.
      yieldCores: false,
      projectRoot: PROJECT_ROOT,
      cacheFile: join(cacheFolder, 'reading-aids.bin'),
      warn: (message: string) => expect.fail(message),
    };
    expect(await startReadingAids(papers, topicIds, options)()).toEqual(uncached);
    expect(readingAidsCached(papers, topicIds, { file: options.cacheFile, codeDirectory }).replayed).toBe(
      papers.length,
    );
    expect(await startReadingAids(papers, topicIds, options)()).toEqual(uncached);
    // Above the thread's limit, on the main thread: the same cache.
    expect(await startReadingAids(papers, topicIds, { ...options, threadMaxPapers: 10 })()).toEqual(uncached);
  });
});

it('reading aids on a generated corpus are the same from the cache of the corpus before its last dump', () => {
  const encoder = new TextEncoder();
  // 2,000 papers from the seeds' own sentences in 20 dumps; the last one arrives later.
  const dumps = generateSyntheticCorpus(seedTextPool(join(PROJECT_ROOT, 'seeds')), { papers: 2000, seed: 7 }).map(
    (dump) => ({ name: dump.name, bytes: encoder.encode(dump.text) }),
  );
  const earlier = earlierCorpus(newestFirst(dumps.slice(0, -1)));
  const later = newestFirst(dumps);
  const cache = newCache();
  readingAidsCached(earlier, topicIds, cache);
  const fromEarlier = readingAidsCached(later, topicIds, cache);
  expect(fromEarlier.replayed).toBe(textsKnown(later, earlier));
  expect(later.length - fromEarlier.replayed).toBeGreaterThanOrEqual(100);
  expect(fromEarlier.aids).toEqual(readingAids(later, topicIds));
  expect(readingAidsCached(later, topicIds, cache).aids).toEqual(fromEarlier.aids);
});

/** Each paper's phrase keys as text, sorted. */
function keyTexts(tables: KeyTables, papers: number): string[][] {
  const text = (node: number): string =>
    tables.nodeParents[node]! > 0
      ? `${text(tables.nodeParents[node]!)} ${tables.parts[tables.nodeParts[node]!]!}`
      : tables.parts[tables.nodeParts[node]!]!;
  const reader = new PackedListsReader(tables.papers);
  return Array.from({ length: papers }, (_, paper) => {
    const length = reader.read(paper);
    const keys: string[] = [];
    for (let i = 0, node = 0; i < length; i++) keys.push(text((node += reader.values[i]!)));
    return keys.sort();
  });
}

it('replayed derivations are those a reading makes: terms numbered in reading order, the same phrase keys', () => {
  const dumps = readDumpFolder(join(PROJECT_ROOT, 'seeds'));
  const papers = newestFirst(dumps);
  const memoOf = (prior: ReadingAidsMemo | null, priorIndex: Int32Array): ReadingAidsMemo => ({
    terms: { prior: prior?.terms.made ?? null, priorIndex },
    keys: { prior: prior?.keys.made ?? null, priorIndex },
  });
  const read = memoOf(null, new Int32Array(papers.length).fill(-1));
  readingAids(papers, topicIds, read);
  // A previous build that had the papers in reverse order and not the first ten: the numbers it
  // gave are not this build's, and the first ten are read.
  const earlier = papers.slice(10).reverse();
  const earlierMemo = memoOf(null, new Int32Array(earlier.length).fill(-1));
  readingAids(earlier, topicIds, earlierMemo);
  const replayed = memoOf(
    earlierMemo,
    Int32Array.from(papers, (_, index) => (index < 10 ? -1 : papers.length - 1 - index)),
  );
  readingAids(papers, topicIds, replayed);
  // Compared whole, not diffed: a diff of some 100,000 numbers takes minutes to print.
  expect(isDeepStrictEqual(replayed.terms.made, read.terms.made)).toBe(true);
  expect(
    isDeepStrictEqual(keyTexts(replayed.keys.made!, papers.length), keyTexts(read.keys.made!, papers.length)),
  ).toBe(true);
  // Not by chance: the earlier build numbered the words otherwise.
  expect(earlierMemo.terms.made!.words.slice(0, 20)).not.toEqual(read.terms.made!.words.slice(0, 20));
});
