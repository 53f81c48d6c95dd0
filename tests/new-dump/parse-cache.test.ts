/**
 * The parse cache behind `loadDigestCorpus` (src/loaders/digest-corpus.ts): after one new dump,
 * only that dump is parsed; the corpus is the same as a fresh ingest of every dump.
 */
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDigestCorpus, type DigestSources } from '../../src/loaders/digest-corpus.ts';
import { dumpCacheKey } from '../../src/loaders/parsed-dump-cache.ts';
import { PARSER_VERSION, readDumpFolder } from '../../src/ingest/index.ts';
import { DUMPS, NEW_DUMP_FIXTURES, digestSourcesIn, ingestFirst } from './helpers.ts';

describe('loadDigestCorpus with the parse cache', () => {
  let root: string;
  let sources: DigestSources;
  const cacheFiles = () => readdirSync(sources.cacheDirectory).filter((name) => name.endsWith('.json')).length;
  const add = (name: string, as: string = name) =>
    copyFileSync(join(NEW_DUMP_FIXTURES, name), join(sources.seedsDirectory, as));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-parse-cache-'));
    sources = digestSourcesIn(root, join(root, 'topics'));
    mkdirSync(sources.seedsDirectory);
    mkdirSync(sources.topicsDirectory);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('parses every dump the first time', () => {
    add('001_alpha.txt');
    add('002_bravo.txt');
    const corpus = loadDigestCorpus(sources);
    expect([corpus.parsedFresh, corpus.parsedFromCache]).toEqual([['001_alpha.txt', '002_bravo.txt'], []]);
    expect(cacheFiles()).toBe(2);
  });

  it('parses only the new dump after one arrives, and builds the same corpus as a fresh ingest', () => {
    add('003_charlie.txt');
    const corpus = loadDigestCorpus(sources);
    expect([corpus.parsedFresh, corpus.parsedFromCache]).toEqual([
      ['003_charlie.txt'],
      ['001_alpha.txt', '002_bravo.txt'],
    ]);
    expect(corpus.papers).toEqual(ingestFirst(3).papers);
    expect(corpus.dumps).toEqual(ingestFirst(3).dumps);
  });

  it('parses the remaining three, then nothing when no dump changed', () => {
    for (const name of DUMPS.slice(3)) add(name);
    const corpus = loadDigestCorpus(sources);
    expect(corpus.parsedFresh).toEqual(['004_delta.txt', '005_echo.txt', '006_foxtrot.txt']);
    expect(corpus.parsedFromCache).toEqual(['001_alpha.txt', '002_bravo.txt', '003_charlie.txt']);
    expect(corpus.papers).toEqual(ingestFirst(6).papers);
    expect(cacheFiles()).toBe(6);
  });

  it('parses a dump again when its bytes change, and nothing else', () => {
    appendFileSync(join(sources.seedsDirectory, '004_delta.txt'), '\n');
    const corpus = loadDigestCorpus(sources);
    expect(corpus.parsedFresh).toEqual(['004_delta.txt']);
    expect(corpus.parsedFromCache).toHaveLength(5);
  });

  it('parses the same bytes again under a new name: a dump is known by its name as well', () => {
    add('002_bravo.txt', '007_bravo_again.txt');
    const corpus = loadDigestCorpus(sources);
    expect(corpus.parsedFresh).toEqual(['007_bravo_again.txt']);
    expect(corpus.papers).toHaveLength(8);
    expect(corpus.dumps.at(-1)).toMatchObject({ file: '007_bravo_again.txt', newPapers: 0, mergedEntries: 3 });
  });

  it('parses again when a cache file is unreadable', () => {
    for (const name of readdirSync(sources.cacheDirectory))
      writeFileSync(join(sources.cacheDirectory, name), '{ not json');
    rmSync(join(sources.seedsDirectory, '007_bravo_again.txt'));
    const corpus = loadDigestCorpus(sources);
    expect(corpus.parsedFresh).toHaveLength(6);
    expect(corpus.parsedFromCache).toEqual([]);
    expect(corpus.papers.map((paper) => paper.id)).toEqual(ingestFirst(6).papers.map((paper) => paper.id));
  });

  it('never reads a parse cached by another parser version; reads one cached under this version as it is', () => {
    // What a build under an older parser would have left: every dump's parse, here with its papers gone.
    const inputs = readDumpFolder(sources.seedsDirectory);
    const parses = inputs.map((input) =>
      readFileSync(join(sources.cacheDirectory, `${dumpCacheKey(input)}.json`), 'utf8'),
    );
    const cacheWithoutPapers = (version: number) =>
      inputs.forEach((input, index) =>
        writeFileSync(
          join(sources.cacheDirectory, `${dumpCacheKey(input, version)}.json`),
          JSON.stringify({ ...(JSON.parse(parses[index]!) as object), entries: [] }),
        ),
      );
    for (const name of readdirSync(sources.cacheDirectory)) rmSync(join(sources.cacheDirectory, name));
    cacheWithoutPapers(PARSER_VERSION - 1);
    // A seventh dump makes the set of dumps new, so nothing is served from the loader's memo; without
    // the merge checkpoint, every paper comes from the parses just made.
    add('002_bravo.txt', '007_bravo_again.txt');
    rmSync(sources.mergeCheckpointFile, { force: true });
    const afterOldVersion = loadDigestCorpus(sources);
    expect(afterOldVersion.parsedFresh).toHaveLength(7);
    expect(afterOldVersion.dumpsFromCheckpoint).toBe(0);
    expect(afterOldVersion.papers).toHaveLength(8);
    // The control: the same doctored files under this version's keys are read, and the papers are gone.
    cacheWithoutPapers(PARSER_VERSION);
    rmSync(join(sources.seedsDirectory, '007_bravo_again.txt'));
    const afterThisVersion = loadDigestCorpus(sources);
    expect(afterThisVersion.parsedFromCache).toHaveLength(6);
    expect(afterThisVersion.papers).toEqual([]);
  });
});
