/** The worker thread of `startReadingAids` (src/lib/reading-aids-thread.ts). */
import { setPriority } from 'node:os';
import { serveWorkerTask } from './worker-task.ts';
import { readingAids, type ReadingAidPaper } from './reading-aids.ts';
import { readingAidsCached, type ReadingAidsCache } from './reading-aids-cache.ts';

// This thread yields the cores to the rest of the build: in a full build the search index
// (Pagefind's process, fed from another thread) is the longest task and ends it, while the pages
// that wait for the aids have time to spare. On Linux the nice value is the calling thread's own.
try {
  setPriority(10);
} catch {
  // A system that does not let a thread lower its own priority runs it at the usual one.
}

serveWorkerTask(
  ({ papers, topicIds, cache }: { papers: ReadingAidPaper[]; topicIds: string[]; cache?: ReadingAidsCache }) =>
    cache ? readingAidsCached(papers, topicIds, cache).aids : readingAids(papers, topicIds),
);
