/**
 * The faster related papers (flat tables, src/lib/related-index.ts and related-scoring.ts) and
 * their two-thread form for a rebuild (related-papers-parallel.ts, reading-aids.ts
 * `readingAidsWithHelper`) make exactly what the code before them made (related-papers-reference.ts):
 * the same papers, scores, shared terms, in the same order, on the seeds and on a generated
 * corpus; and a helper thread that cannot start costs time only.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateSyntheticCorpus, seedTextPool } from '../../scripts/lib/synthetic-corpus.ts';
import { ingestDumps, readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { papersNewestFirst } from '../../src/lib/paper-order.ts';
import { readingAids, readingAidsWithHelper } from '../../src/lib/reading-aids.ts';
import { readingAidsCached, readingAidsCachedWithHelper } from '../../src/lib/reading-aids-cache.ts';
import { relatedInputOf, relatedPapers, type RelatedPaper } from '../../src/lib/related-papers.ts';
import { relatedPapersWithHelper } from '../../src/lib/related-papers-parallel.ts';
import { referenceRelatedPapers } from './related-papers-reference.ts';
import { PROJECT_ROOT, seedCorpus } from './seed-corpus.ts';

const topicDefinitions = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));
const topicIds = [...topicNames(topicDefinitions).keys()];
const helperFile = join(PROJECT_ROOT, 'src', 'lib', 'related-scoring-worker.ts');
const nothing = () => {};

/** Equal as a whole (a failing diff of thousands of lists takes long to print), and not empty. */
function expectSameLists(actual: RelatedPaper[][], expected: RelatedPaper[][]): void {
  expect(actual.length).toBe(expected.length);
  const firstDifferent = actual.findIndex((list, index) => !isDeepStrictEqual(list, expected[index]));
  expect(
    firstDifferent === -1
      ? null
      : { paper: firstDifferent, actual: actual[firstDifferent], expected: expected[firstDifferent] },
  ).toBeNull();
  expect(expected.filter((list) => list.length === 5).length).toBeGreaterThan(expected.length * 0.9);
}

describe('related papers on the seeds', () => {
  const corpus = seedCorpus();
  const inputs = papersNewestFirst(corpus.papers, corpus.dumps).map(relatedInputOf);
  const reference = referenceRelatedPapers(inputs);

  it('are those of the reference code, on one thread', () => {
    expectSameLists(relatedPapers(inputs), reference);
  });

  it('are those of the reference code, on two threads taking small chunks in turn', async () => {
    expectSameLists(await relatedPapersWithHelper(inputs, {}, helperFile, nothing, 7), reference);
  });

  it('are the same when the helper thread cannot start: this thread scores every chunk', async () => {
    const missing = join(PROJECT_ROOT, 'src', 'lib', 'no-such-worker.ts');
    expectSameLists(await relatedPapersWithHelper(inputs, {}, missing, nothing, 7), reference);
  });

  it('leave out a paper listed as possibly the same work, on both threads', async () => {
    // The paper's best related paper, made a possible duplicate of it.
    const [first, ...rest] = inputs;
    const duplicate = reference[0]![0]!.id;
    const excluding = [{ ...first!, exclude: [duplicate] }, ...rest];
    const expected = referenceRelatedPapers(excluding);
    expect(expected[0]!.map((item) => item.id)).not.toContain(duplicate);
    expectSameLists(await relatedPapersWithHelper(excluding, {}, helperFile, nothing, 7), expected);
  });
});

describe('reading aids on a generated corpus of 3,000 papers', () => {
  const encoder = new TextEncoder();
  const dumps = generateSyntheticCorpus(seedTextPool(join(PROJECT_ROOT, 'seeds')), { papers: 3000, seed: 11 }).map(
    (dump) => ({ name: dump.name, bytes: encoder.encode(dump.text) }),
  );
  const newestFirst = (some: typeof dumps) => {
    const ingested = ingestDumps(some, topicDefinitions);
    return papersNewestFirst(ingested.papers, ingested.dumps);
  };
  const papers = newestFirst(dumps);
  const onOneThread = readingAids(papers, topicIds);

  it('have the related papers of the reference code', () => {
    expectSameLists([...onOneThread.related.values()], referenceRelatedPapers(papers.map(relatedInputOf)));
  });

  it('are the same with the helper thread: related papers and themes', async () => {
    const aids = await readingAidsWithHelper(papers, topicIds, undefined, helperFile);
    expectSameLists([...aids.related.values()], [...onOneThread.related.values()]);
    expect([...aids.related.keys()]).toEqual([...onOneThread.related.keys()]);
    expect(aids.themes).toEqual(onOneThread.themes);
    expect(aids.topicIds).toEqual(topicIds);
  });

  it('are the same in a rebuild: the cache of the corpus before its last dump, with the helper thread', async () => {
    const cache = {
      file: join(mkdtempSync(join(tmpdir(), 'related-parallel-')), 'reading-aids.bin'),
      codeDirectory: join(PROJECT_ROOT, 'src', 'lib'),
    };
    readingAidsCached(newestFirst(dumps.slice(0, -1)), topicIds, cache);
    const rebuilt = await readingAidsCachedWithHelper(papers, topicIds, cache, helperFile);
    expect(rebuilt.replayed).toBeGreaterThan(2800);
    expect(rebuilt.replayed).toBeLessThan(papers.length);
    expect(isDeepStrictEqual(rebuilt.aids, onOneThread)).toBe(true);
  });
});
