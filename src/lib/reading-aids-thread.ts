/**
 * The reading aids (related papers, themes) made on a worker thread (src/lib/worker-task.ts), so
 * that a build computes them on the second core while Astro writes its content store and bundles
 * the pages: the papers loader starts them when it publishes the corpus, and the site data waits
 * for them before the first page (about 4 s of a 10,000-paper build's critical path).
 *
 * Only up to `READING_AIDS_THREAD_MAX_PAPERS`: the thread holds a copy of the texts and its results
 * cross back as copies, so its memory comes on top of Astro's store and bundle (measured at 100,000
 * papers: +1,582 MB at its peak, against +731 MB on the main thread), while the time it saves is at
 * most the store's and the bundle's (~10 s at 50,000 papers, ~26 s at 100,000, where the aids take
 * ~85 s). Beyond it the aids are made on the main thread when the site data first asks for them.
 */
import { join } from 'node:path';
import type { ReadingAidPaper, ReadingAids } from './reading-aids.ts';
import { readingAidsWithCache, type ReadingAidsCache } from './reading-aids-cache.ts';
import { startWorkerTaskIf, type BuildThreadOptions } from './worker-task.ts';
import { unpackReadingAids, type PackedReadingAids } from './reading-aids-transfer.ts';

export const READING_AIDS_THREAD_MAX_PAPERS = 60_000;

/**
 * Below this share of the dumps continuing from an earlier build's merge checkpoint, a build is
 * taken for a full one. A rebuild after a dump continues all dumps but the new one (100 of 101); a
 * build after a change to the ingest code, or with the caches deleted, none.
 */
const REBUILD_SHARE = 0.5;

/** What the worker receives (src/lib/reading-aids-worker.ts). */
export interface ReadingAidsTask {
  papers: readonly ReadingAidPaper[];
  topicIds: readonly string[];
  yieldCores: boolean;
  /** What was read of each paper in an earlier build (src/lib/reading-aids-cache.ts), if kept. */
  cache?: ReadingAidsCache | undefined;
  /**
   * The related papers' second scoring thread (src/lib/related-scoring-worker.ts), when the aids
   * do not yield the cores: a rebuild, where the second core is mostly free and every page waits
   * for the aids. Not in a full build, where the search index has the other core's work, and the
   * thread's tables on top of the build would raise its peak of memory.
   */
  helperFile?: string | undefined;
}

/**
 * Whether the aids' thread should yield the cores (`ReadingAidsThreadOptions.yieldCores`): unless
 * most dumps continue from an earlier build's merge checkpoint (`DigestCorpus.dumpsFromCheckpoint`),
 * which is when the search shards of their papers are most likely in the cache too. A wrong guess
 * costs time, never a different site.
 */
export function shouldAidsYieldCores(dumps: number, dumpsFromCheckpoint: number): boolean {
  return dumpsFromCheckpoint < dumps * REBUILD_SHARE;
}

export interface ReadingAidsThreadOptions extends BuildThreadOptions {
  /**
   * Whether the thread runs at a lower priority, yielding the cores to the rest of the build: right
   * when the search index has the whole corpus to do (it then ends the build, and the pages that
   * wait for the aids have time to spare), wrong in a rebuild, where the index takes most shards
   * from its cache and the pages, waiting for the aids, end the build (`shouldAidsYieldCores`).
   */
  yieldCores: boolean;
  /** The worker's file (tests point it elsewhere). */
  workerFile?: string;
  /** Above this many papers, no thread (tests lower it). */
  threadMaxPapers?: number;
  /** The file that keeps what was read of each paper for the next build (src/lib/reading-aids-cache.ts); none without. */
  cacheFile?: string;
}

/** Starts the aids of `papers` (newest first) on a thread, or not (see above); the result is asked for when needed. */
export function startReadingAids(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  options: ReadingAidsThreadOptions,
): () => Promise<ReadingAids> {
  const cache = options.cacheFile
    ? { file: options.cacheFile, codeDirectory: join(options.projectRoot, 'src', 'lib') }
    : undefined;
  const onThread = papers.length <= (options.threadMaxPapers ?? READING_AIDS_THREAD_MAX_PAPERS);
  const ask = startWorkerTaskIf<ReadingAids | PackedReadingAids>(onThread, {
    file: options.workerFile ?? join(options.projectRoot, 'src', 'lib', 'reading-aids-worker.ts'),
    // Only what the aids read crosses to the thread (the whole records are ~4 KB a paper); made
    // only when a thread is started.
    get data() {
      const slim = papers.map(({ id, title, abstract, possiblySameWork, topics }) => ({
        id,
        title,
        abstract,
        possiblySameWork,
        topics,
      }));
      const helperFile = options.yieldCores
        ? undefined
        : join(options.projectRoot, 'src', 'lib', 'related-scoring-worker.ts');
      return { papers: slim, topicIds, yieldCores: options.yieldCores, cache, helperFile } satisfies ReadingAidsTask;
    },
    onThisThread: () => readingAidsWithCache(papers, topicIds, cache),
    what: 'making the related papers and themes',
    warn: options.warn,
  });
  // The thread's aids come packed (reading-aids-transfer.ts); unpacked once, however often asked.
  let aids: Promise<ReadingAids> | null = null;
  return () => (aids ??= ask().then((value) => ('packed' in value ? unpackReadingAids(papers, value) : value)));
}
