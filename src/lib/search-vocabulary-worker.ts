/** The worker thread of `startSearchVocabulary` (src/lib/search-vocabulary-thread.ts). */
import { serveWorkerTask } from './worker-task.ts';
import { vocabularyWithCache } from './search-vocabulary-cache.ts';
import type { SearchVocabularyTask } from './search-vocabulary-thread.ts';

serveWorkerTask(({ papers, topicNames, cache }: SearchVocabularyTask) =>
  vocabularyWithCache(papers, new Map(topicNames), cache),
);
