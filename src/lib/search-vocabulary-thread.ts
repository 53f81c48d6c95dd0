/**
 * The search page's vocabulary (src/lib/search-vocabulary.ts) made on a worker thread, started when
 * the papers loader publishes the corpus, as the reading aids are (src/lib/reading-aids-thread.ts):
 * it reads every title and abstract (a second at 10,000 papers, several at 50,000), and made on the
 * main thread when the pages are done it came after them in every rebuild, where the search index
 * is mostly taken from its cache and nothing else is left to wait for.
 *
 * Up to the aids' limit of papers, for the same reason (the thread's copy of the texts is memory on
 * top of Astro's); beyond it the vocabulary is made on the main thread when first asked for.
 */
import { join } from 'node:path';
import { READING_AIDS_THREAD_MAX_PAPERS } from './reading-aids-thread.ts';
import { buildVocabulary, type VocabularyPaper } from './search-vocabulary.ts';
import type { Vocabulary } from './vocabulary-text.ts';
import { startWorkerTask, type BuildThreadOptions } from './worker-task.ts';

/** What the worker receives (src/lib/search-vocabulary-worker.ts). */
export interface SearchVocabularyTask {
  papers: readonly VocabularyPaper[];
  /** Topic id → name, as entries (in the order of the map). */
  topicNames: readonly (readonly [string, string])[];
  yieldCores: boolean;
}

export interface SearchVocabularyThreadOptions extends BuildThreadOptions {
  /** As the aids' thread's (`ReadingAidsThreadOptions.yieldCores`). */
  yieldCores: boolean;
  /** The worker's file (tests point it elsewhere). */
  workerFile?: string;
  /** Above this many papers, no thread (tests lower it). */
  threadMaxPapers?: number;
}

/** Starts the vocabulary of `papers` on a thread, or not (see above); the result is asked for when needed. */
export function startSearchVocabulary(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
  options: SearchVocabularyThreadOptions,
): () => Promise<Vocabulary> {
  if (papers.length > (options.threadMaxPapers ?? READING_AIDS_THREAD_MAX_PAPERS)) {
    let onMainThread: Promise<Vocabulary> | null = null;
    return () => (onMainThread ??= Promise.resolve().then(() => buildVocabulary(papers, topicNames)));
  }
  // Only what the vocabulary reads crosses to the thread.
  const slim = papers.map(({ title, abstract, organization }) => ({ title, abstract, organization }));
  return startWorkerTask({
    file: options.workerFile ?? join(options.projectRoot, 'src', 'lib', 'search-vocabulary-worker.ts'),
    data: { papers: slim, topicNames: [...topicNames], yieldCores: options.yieldCores } satisfies SearchVocabularyTask,
    onThisThread: () => buildVocabulary(papers, topicNames),
    what: "making the search page's vocabulary",
    warn: options.warn,
  });
}
