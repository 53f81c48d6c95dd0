/**
 * The search page's vocabulary made on a worker thread, as the build makes it, is exactly the one
 * made on the main thread; without a working thread the build still gets it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { buildVocabulary } from '../../src/lib/search-vocabulary.ts';
import { startSearchVocabulary } from '../../src/lib/search-vocabulary-thread.ts';
import { PROJECT_ROOT, seedCorpus } from '../reading/seed-corpus.ts';

const { papers } = seedCorpus();
const names = topicNames(readTopicDefinitions(join(PROJECT_ROOT, 'content/topics')));
const onMainThread = buildVocabulary(papers, names);

describe("the search page's vocabulary on a worker thread", () => {
  it.each([true, false])('is what the main thread makes from the seeds (on a thread: %s)', async (onThread) => {
    const warnings: string[] = [];
    const vocabulary = await startSearchVocabulary(papers, names, {
      onThread,
      projectRoot: PROJECT_ROOT,
      warn: (message) => warnings.push(message),
    })();
    expect(warnings).toEqual([]);
    // Not empty: the seeds' words, and the topics' names among them.
    expect(JSON.stringify(vocabulary)).toContain('"experts"');
    expect(JSON.stringify(vocabulary)).toContain('"alignment"');
    expect(vocabulary).toEqual(onMainThread);
  });

  it('is made on the main thread, with a warning saying why, when the thread cannot start', async () => {
    const warnings: string[] = [];
    const vocabulary = await startSearchVocabulary(papers, names, {
      onThread: true,
      projectRoot: PROJECT_ROOT,
      workerFile: join(PROJECT_ROOT, 'src', 'lib', 'no-such-worker.ts'),
      warn: (message) => warnings.push(message),
    })();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^making the search page's vocabulary on the main thread: the worker thread (did not start|failed).*no-such-worker/,
    );
    expect(vocabulary).toEqual(onMainThread);
  });

  it.each([
    ['in a full build', { onThread: false }],
    ["for a corpus above the thread's limit", { onThread: true, threadMaxPapers: papers.length - 1 }],
  ])('is made on the main thread, when first asked for, %s', async (_, choice) => {
    const warnings: string[] = [];
    const vocabulary = startSearchVocabulary(papers, names, {
      projectRoot: PROJECT_ROOT,
      // No thread may be tried: this one would fail, with a warning.
      workerFile: join(PROJECT_ROOT, 'src', 'lib', 'no-such-worker.ts'),
      ...choice,
      warn: (message) => warnings.push(message),
    });
    const first = vocabulary();
    expect(vocabulary()).toBe(first);
    expect(await first).toEqual(onMainThread);
    expect(warnings).toEqual([]);
  });
});
