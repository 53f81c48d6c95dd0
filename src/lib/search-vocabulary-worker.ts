/** The worker thread of `startSearchVocabulary` (src/lib/search-vocabulary-thread.ts). */
import { serveWorkerTask, yieldThreadCores } from './worker-task.ts';
import { buildVocabulary } from './search-vocabulary.ts';
import type { SearchVocabularyTask } from './search-vocabulary-thread.ts';

serveWorkerTask(({ papers, topicNames, yieldCores }: SearchVocabularyTask) => {
  if (yieldCores) yieldThreadCores();
  return buildVocabulary(papers, new Map(topicNames));
});
