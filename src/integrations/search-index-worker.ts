/** The worker thread of `indexShardsOnThread` (src/integrations/search-shard-index.ts). */
import { serveWorkerTask } from '../lib/worker-task.ts';
import { indexShards, type IndexTask } from './search-shard-index.ts';

serveWorkerTask(({ papers, topicNames, outputPath, options }: IndexTask) =>
  indexShards({ papers, topicNames: new Map(topicNames) }, outputPath, options),
);
