/** The worker thread of `readingAidsInThread` (src/lib/reading-aids-thread.ts). */
import { serveWorkerTask } from './worker-task.ts';
import { readingAids, type ReadingAidPaper } from './reading-aids.ts';

serveWorkerTask(({ papers, topicIds }: { papers: ReadingAidPaper[]; topicIds: string[] }) =>
  readingAids(papers, topicIds),
);
