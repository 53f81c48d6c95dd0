/** The worker thread of the spelling vocabulary (src/integrations/pagefind-index.ts starts it). */
import { serveWorkerTask } from './worker-task.ts';
import { buildVocabulary, type VocabularyPaper } from './search-vocabulary.ts';

serveWorkerTask(({ papers, topicNames }: { papers: VocabularyPaper[]; topicNames: Map<string, string> }) =>
  buildVocabulary(papers, topicNames),
);
