/**
 * The merged search index's cut into chunks and its chunk ranges (src/integrations/search-index-words.ts),
 * on hand-made words and on Pagefind's own index of hand-made pages: a chunk ends after the word
 * that brings it to the chunk size (Pagefind's rule) and before a word that fills a chunk alone;
 * each range ends just before the next one starts, so that no word falls between two ranges.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { CborReader, encodeCbor, indexFileBytes, type Cbor } from '../../src/integrations/pagefind-cbor.ts';
import { compactShardIndex } from '../../src/integrations/search-index-compact.ts';
import { mergeShardIndexes } from '../../src/integrations/search-index-merge.ts';
import { chunkBoundary, chunkRangeCut, mergedChunks } from '../../src/integrations/search-index-words.ts';
import { chunks, holding, readIndex, type Postings } from './index-helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'rd-search-words-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    // Compacted as the build compacts a shard (the merge's page list needs its fragments' names).
    compactShardIndex(join(work, 'across-shard'));
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
