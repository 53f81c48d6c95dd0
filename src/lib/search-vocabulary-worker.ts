/** The worker thread of `startSearchVocabulary` (src/lib/search-vocabulary-thread.ts). */
import { serveWorkerTask } from './worker-task.ts';
import { buildVocabulary } from './search-vocabulary.ts';
import type { SearchVocabularyTask } from './search-vocabulary-thread.ts';

serveWorkerTask(({ papers, topicNames }: SearchVocabularyTask) => buildVocabulary(papers, new Map(topicNames)));
