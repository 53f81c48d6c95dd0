/**
 * The search page's vocabulary (src/lib/search-vocabulary.ts), made in a rebuild on a worker thread
 * started when the papers loader publishes the corpus, as the reading aids are
 * (src/lib/reading-aids-thread.ts). It reads every title and abstract (a second at 10,000 papers,
 * several at 50,000): made on the main thread when the pages are done, it came after them in every
 * rebuild, where the search index is mostly taken from its cache and nothing else is left to wait
 * for. In a full build it is still made there, while Pagefind finishes the index (the longest task
 * of a full build): on a thread it ran beside the rendering and added its copy of the texts to the
 * render's peak of memory (3,991 MB of all processes at 100,000 papers, against a budget of 4 GB).
 * Beyond the aids' limit of papers, the main thread too.
 */
import { join } from 'node:path';
import { READING_AIDS_THREAD_MAX_PAPERS } from './reading-aids-thread.ts';
import type { VocabularyPaper } from './vocabulary-terms.ts';
import { vocabularyWithCache, type SearchVocabularyCache } from './search-vocabulary-cache.ts';
import type { Vocabulary } from './vocabulary-text.ts';
import { startWorkerTaskIf, type BuildThreadOptions } from './worker-task.ts';

/** What the worker receives (src/lib/search-vocabulary-worker.ts). */
export interface SearchVocabularyTask {
  papers: readonly VocabularyPaper[];
  /** Topic id → name, as entries (in the order of the map). */
  topicNames: readonly (readonly [string, string])[];
  /** What was read of each paper in an earlier build (src/lib/search-vocabulary-cache.ts), if kept. */
  cache?: SearchVocabularyCache | undefined;
}

export interface SearchVocabularyThreadOptions extends BuildThreadOptions {
  /** Whether to make it on a thread: in a rebuild (`shouldAidsYieldCores` false), see above. */
  onThread: boolean;
  /** The worker's file (tests point it elsewhere). */
  workerFile?: string;
  /** Above this many papers, no thread (tests lower it). */
  threadMaxPapers?: number;
  /** The file that keeps what was read of each paper for the next build (src/lib/search-vocabulary-cache.ts); none without. */
  cacheFile?: string;
}

/** Starts the vocabulary of `papers` on a thread, or not (see above); the result is asked for when needed. */
export function startSearchVocabulary(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
  options: SearchVocabularyThreadOptions,
): () => Promise<Vocabulary> {
  const cache = options.cacheFile
    ? { file: options.cacheFile, codeDirectory: join(options.projectRoot, 'src', 'lib') }
    : undefined;
  const onThread = options.onThread && papers.length <= (options.threadMaxPapers ?? READING_AIDS_THREAD_MAX_PAPERS);
  return startWorkerTaskIf(onThread, {
    file: options.workerFile ?? join(options.projectRoot, 'src', 'lib', 'search-vocabulary-worker.ts'),
    // Only what the vocabulary reads crosses to the thread; made only when a thread is started.
    get data() {
      const slim = papers.map(({ title, abstract, organization }) => ({ title, abstract, organization }));
      return { papers: slim, topicNames: [...topicNames], cache } satisfies SearchVocabularyTask;
    },
    onThisThread: () => vocabularyWithCache(papers, topicNames, cache),
    what: "making the search page's vocabulary",
    warn: options.warn,
  });
}
