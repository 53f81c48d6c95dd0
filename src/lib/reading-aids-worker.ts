/** The worker thread of `startReadingAids` (src/lib/reading-aids-thread.ts). */
import { serveWorkerTask, yieldThreadCores } from './worker-task.ts';
import { readingAids } from './reading-aids.ts';
import type { ReadingAidsTask } from './reading-aids-thread.ts';

serveWorkerTask(({ papers, topicIds, yieldCores }: ReadingAidsTask) => {
  if (yieldCores) yieldThreadCores();
  return readingAids(papers, topicIds);
});
