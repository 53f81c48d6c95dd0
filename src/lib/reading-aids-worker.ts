/** The worker thread of `startReadingAids` (src/lib/reading-aids-thread.ts). */
import { setPriority } from 'node:os';
import { serveWorkerTask } from './worker-task.ts';
import { readingAids } from './reading-aids.ts';
import type { ReadingAidsTask } from './reading-aids-thread.ts';

serveWorkerTask(({ papers, topicIds, yieldCores }: ReadingAidsTask) => {
  // On Linux the nice value is the calling thread's own.
  if (yieldCores)
    try {
      setPriority(10);
    } catch {
      // A system that does not let a thread lower its own priority runs it at the usual one.
    }
  return readingAids(papers, topicIds);
});
