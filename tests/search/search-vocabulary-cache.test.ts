/**
 * The search page's vocabulary made with the cache of what it read of each paper
 * (src/lib/search-vocabulary-cache.ts) is exactly the one made without it: from a cold cache, a
 * warm one, one an earlier corpus left (a dump fewer, an abstract changed, a paper merged away), and
 * a damaged, malformed or foreign one, which is read as no cache and written anew. And the
 * vocabulary made from per-paper tables is the one a plain count over the papers defines.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCorpus, seedTextPool } from '../../scripts/lib/synthetic-corpus.ts';
import {
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  topicNames,
  type DumpInput,
  type PaperRecord,
} from '../../src/ingest/index.ts';
import { decodeCacheFile, encodeCacheFile } from '../../src/lib/cache-file.ts';
import { buildVocabulary, MAX_GZIP_BYTES } from '../../src/lib/search-vocabulary.ts';
import {
  buildVocabularyCached,
  READING_CODE,
  type SearchVocabularyCache,
} from '../../src/lib/search-vocabulary-cache.ts';
import { startSearchVocabulary } from '../../src/lib/search-vocabulary-thread.ts';
import { vocabularyWords, type Vocabulary } from '../../src/lib/vocabulary-text.ts';
import { PROJECT_ROOT, textsKnown } from '../reading/seed-corpus.ts';

const topicDefinitions = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const names = topicNames(topicDefinitions);
const codeDirectory = join(PROJECT_ROOT, 'src', 'lib');
const MAGIC = 'research-digest search vocabulary 1\n';

const papersOf = (dumps: readonly DumpInput[]) => ingestDumps(dumps, topicDefinitions).papers;

function newCache(): SearchVocabularyCache {
  return { file: join(mkdtempSync(join(tmpdir(), 'vocabulary-cache-')), 'search-vocabulary.bin'), codeDirectory };
}

/** The papers of an earlier build: one abstract not yet changed, and one paper since merged away. */
function earlierCorpus(papers: readonly PaperRecord[]): PaperRecord[] {
  const [first, second, ...rest] = papers;
  return [
    { ...first!, abstract: `${first!.abstract} An earlier sentence with zyxqword in it.` },
    { ...second!, id: `${second!.id}-merged-away`, title: `${second!.title}: A Preprint`, abstract: 'zyxqword' },
    second!,
    ...rest,
  ];
}

/**
 * The vocabulary as its definition reads (src/lib/search-vocabulary.ts's comments), counted the
 * plain way, a Set of words per paper: words in at least two papers, or in a title or a name, by
 * papers using them, in bands; titles' phrases of two or three words in at least two papers.
 */
function plainVocabulary(papers: readonly PaperRecord[], topics: ReadonlyMap<string, string>): Vocabulary {
  const isWord = (word: string) => word.length >= 3 && /\p{L}/u.test(word) && word.length <= 30;
  const counts = new Map<string, number>();
  const always = new Set<string>();
  const allNames = [...new Set([...topics.values(), ...papers.flatMap((paper) => paper.organization ?? [])])];
  for (const name of allNames) for (const word of vocabularyWords(name)) always.add(word);
  for (const paper of papers) {
    for (const word of vocabularyWords(paper.title)) always.add(word);
    const words = new Set([...vocabularyWords(paper.title), ...vocabularyWords(paper.abstract)].filter(isWord));
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const word of always) if (isWord(word) && !counts.has(word)) counts.set(word, 1);
  const order = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const ranked = [...counts].filter(([word, count]) => count >= 2 || always.has(word)).sort(order);
  const top = ranked[0]![1];
  const bands: string[][] = [];
  for (const [word, count] of ranked.slice(0, 12_000)) {
    const band = Math.max(0, Math.floor(Math.log2(top / count)));
    while (bands.length <= band) bands.push([]);
    bands[band]!.push(word);
  }
  for (const band of bands) band.sort();
  return { words: bands, phrases: expect.any(Array) as unknown as string[] };
}

describe("the search page's vocabulary with the per-paper cache, on the seeds", () => {
  const dumps = readDumpFolder(join(PROJECT_ROOT, 'seeds'));
  const papers = papersOf(dumps);
  const uncached = buildVocabulary(papers, names);

  it('counts what a plain count over the papers counts', () => {
    // The seeds' vocabulary is far below the size cap, so nothing is cut: every word is there.
    expect(gzipSync(JSON.stringify(uncached)).length).toBeLessThan(MAX_GZIP_BYTES);
    expect(uncached).toEqual(plainVocabulary(papers, names));
    expect(uncached.phrases.length).toBeGreaterThan(20);
  });

  it('is the same from a cold cache and a warm one, and the warm one reads no paper', () => {
    const cache = newCache();
    const cold = buildVocabularyCached(papers, names, cache);
    expect(cold).toMatchObject({ replayed: 0, written: true });
    expect(cold.vocabulary).toEqual(uncached);
    const warm = buildVocabularyCached(papers, names, cache);
    expect(warm).toMatchObject({ replayed: papers.length, written: false });
    expect(warm.vocabulary).toEqual(uncached);
  });

  it('is the same from the cache of an earlier corpus, whose words of papers since changed are gone', () => {
    const earlier = earlierCorpus(papersOf(dumps.slice(0, -1)));
    const cache = newCache();
    const before = buildVocabularyCached(earlier, names, cache);
    // Two papers used the word then: it was suggested. Neither does now.
    expect(before.vocabulary.words.flat()).toContain('zyxqword');
    const later = buildVocabularyCached(papers, names, cache);
    expect(later.replayed).toBe(textsKnown(papers, earlier));
    expect(papers.length - later.replayed).toBeGreaterThan(10);
    expect(later.written).toBe(true);
    expect(later.vocabulary).toEqual(uncached);
    expect(later.vocabulary.words.flat()).not.toContain('zyxqword');
    // The cache now holds this corpus only: every paper is replayed.
    expect(buildVocabularyCached(papers, names, cache)).toMatchObject({ replayed: papers.length, written: false });
  });

  it('is the same from a truncated, corrupt, malformed or foreign cache file, which is written anew', () => {
    const cache = newCache();
    buildVocabularyCached(papers, names, cache);
    const whole = readFileSync(cache.file);
    const flipped = Buffer.from(whole);
    flipped[flipped.length >> 1]! ^= 0x55;
    // A whole file (its checksum right) whose lists name strings the table does not have.
    const parts = decodeCacheFile(whole, MAGIC, 5)!;
    const strings = parts[2]!.toString('utf8').split('\n');
    const shortTable = Buffer.concat(
      encodeCacheFile(MAGIC, [
        parts[0]!,
        parts[1]!,
        Buffer.from(strings.slice(0, 10).join('\n')),
        parts[3]!,
        parts[4]!,
      ]),
    );
    // Whole files whose header is not JSON, or not an object: read as no cache, never a failed build.
    const badHeader = (header: string) =>
      Buffer.concat(encodeCacheFile(MAGIC, [Buffer.from(header), ...parts.slice(1)]));
    const damaged: [string, Buffer][] = [
      ['a header that is not JSON', badHeader('{"code": ')],
      ['a header of null', badHeader('null')],
      ['truncated', whole.subarray(0, whole.length >> 1)],
      ['one byte changed', flipped],
      ['lists beyond the table', shortTable],
      ['not a cache', Buffer.from('{"papers": []}\n')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(cache.file, bytes);
      const fromDamaged = buildVocabularyCached(papers, names, cache);
      expect(fromDamaged, what).toMatchObject({ replayed: 0, written: true });
      expect(fromDamaged.vocabulary, what).toEqual(uncached);
      expect(readFileSync(cache.file).equals(whole), what).toBe(true);
    }
    // Written by other word rules: a changed file among the reading code makes the cache foreign.
    const otherCode = join(mkdtempSync(join(tmpdir(), 'vocabulary-code-')), 'lib');
    for (const file of READING_CODE) {
      mkdirSync(dirname(join(otherCode, file)), { recursive: true });
      copyFileSync(join(codeDirectory, file), join(otherCode, file));
    }
    const sameCode = buildVocabularyCached(papers, names, { ...cache, codeDirectory: otherCode });
    expect(sameCode).toMatchObject({ replayed: papers.length, written: false });
    writeFileSync(
      join(otherCode, '../scripts/search-terms.ts'),
      `${readFileSync(join(codeDirectory, '../scripts/search-terms.ts'), 'utf8')}\n// changed`,
    );
    const foreign = buildVocabularyCached(papers, names, { ...cache, codeDirectory: otherCode });
    expect(foreign).toMatchObject({ replayed: 0, written: true });
    expect(foreign.vocabulary).toEqual(uncached);
  });

  it('is the same without a cache when the reading code cannot be read, or the file cannot be written', () => {
    const noCode = { ...newCache(), codeDirectory: join(tmpdir(), 'no-such-folder-of-code') };
    expect(buildVocabularyCached(papers, names, noCode)).toMatchObject({ replayed: 0, written: false });
    // A folder where the file should be: nothing can be written there.
    const blocked = newCache();
    mkdirSync(`${blocked.file}.pending-${process.pid}`, { recursive: true });
    const unwritable = buildVocabularyCached(papers, names, blocked);
    expect(unwritable.vocabulary).toEqual(uncached);
    expect(buildVocabularyCached(papers, names, blocked).replayed).toBe(0);
  });

  it('is the same made on the worker thread with the cache, cold and warm', async () => {
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'vocabulary-thread-cache-')), 'search-vocabulary.bin');
    const options = {
      onThread: true,
      projectRoot: PROJECT_ROOT,
      cacheFile,
      warn: (message: string) => expect.fail(message),
    };
    expect(await startSearchVocabulary(papers, names, options)()).toEqual(uncached);
    expect(buildVocabularyCached(papers, names, { file: cacheFile, codeDirectory }).replayed).toBe(papers.length);
    expect(await startSearchVocabulary(papers, names, options)()).toEqual(uncached);
    // On the main thread (a full build): the same cache.
    expect(await startSearchVocabulary(papers, names, { ...options, onThread: false })()).toEqual(uncached);
  });
});

it('the vocabulary of a generated corpus is the same from the cache of the corpus before its last dump', () => {
  const encoder = new TextEncoder();
  // 3,000 papers from the seeds' own sentences in 30 dumps; the last one arrives later.
  const dumps = generateSyntheticCorpus(seedTextPool(join(PROJECT_ROOT, 'seeds')), { papers: 3000, seed: 11 }).map(
    (dump) => ({ name: dump.name, bytes: encoder.encode(dump.text) }),
  );
  const earlier = earlierCorpus(papersOf(dumps.slice(0, -1)));
  const later = papersOf(dumps);
  const cache = newCache();
  buildVocabularyCached(earlier, names, cache);
  const fromEarlier = buildVocabularyCached(later, names, cache);
  expect(fromEarlier.replayed).toBe(textsKnown(later, earlier));
  expect(later.length - fromEarlier.replayed).toBeGreaterThanOrEqual(100);
  const uncached = buildVocabulary(later, names);
  expect(fromEarlier.vocabulary).toEqual(uncached);
  expect(uncached.words.flat().length).toBeGreaterThan(1000);
  expect(buildVocabularyCached(later, names, cache).vocabulary).toEqual(uncached);
});
