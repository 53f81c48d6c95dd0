/**
 * The reading aids (related papers, themes) made on a worker thread (src/lib/worker-task.ts), so
 * that a build computes them on the second core while Astro writes its content store and bundles
 * the pages: the papers loader starts them when it publishes the corpus, and the site data waits
 * for them before the first page (about 4 s of a 10,000-paper build's critical path, growing with
 * the corpus).
 */
import { join } from 'node:path';
import { readingAids, type ReadingAidPaper, type ReadingAids } from './reading-aids.ts';
import { runWorkerTask } from './worker-task.ts';

export interface ReadingAidsThreadOptions {
  /** The project folder, which holds src/lib/reading-aids-worker.ts. */
  projectRoot: string;
  /** Told why the aids are made on the main thread after all. */
  warn: (message: string) => void;
  /** The worker's file (tests point it elsewhere). */
  workerFile?: string;
}

export function readingAidsInThread(
  papers: readonly ReadingAidPaper[],
  topicIds: readonly string[],
  options: ReadingAidsThreadOptions,
): Promise<ReadingAids> {
  // Only what the aids read crosses to the thread (the whole records are ~4 KB a paper).
  const slim = papers.map(({ id, title, abstract, possiblySameWork, topics }) => ({
    id,
    title,
    abstract,
    possiblySameWork,
    topics,
  }));
  return runWorkerTask({
    file: options.workerFile ?? join(options.projectRoot, 'src', 'lib', 'reading-aids-worker.ts'),
    data: { papers: slim, topicIds },
    onThisThread: () => readingAids(papers, topicIds),
    what: 'making the related papers and themes',
    warn: options.warn,
  });
}
