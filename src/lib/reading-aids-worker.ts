/** The worker thread of `startReadingAids` (src/lib/reading-aids-thread.ts). */
import { serveWorkerTask, yieldThreadCores } from './worker-task.ts';
import { readingAidsWithCache } from './reading-aids-cache.ts';
import type { ReadingAidsTask } from './reading-aids-thread.ts';
import { packReadingAids } from './reading-aids-transfer.ts';

serveWorkerTask(async ({ papers, topicIds, yieldCores, cache, helperFile }: ReadingAidsTask) => {
  if (yieldCores) yieldThreadCores();
  return packReadingAids(papers, await readingAidsWithCache(papers, topicIds, cache, helperFile));
});
