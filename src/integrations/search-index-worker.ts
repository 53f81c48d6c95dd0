/** The worker thread of `indexShardsOnThread` (src/integrations/search-shard-index.ts). */
import { serveWorkerTask } from '../lib/worker-task.ts';
import type { SearchPaper } from '../pages/papers/_search-record.ts';
import { indexShards, type ShardOptions } from './search-shard-index.ts';

interface IndexTask {
  papers: SearchPaper[];
  topicNames: [string, string][];
  outputPath: string;
  options: Omit<ShardOptions, 'mergeThread'>;
}

serveWorkerTask(({ papers, topicNames, outputPath, options }: IndexTask) =>
  indexShards({ papers, topicNames: new Map(topicNames) }, outputPath, options),
);
