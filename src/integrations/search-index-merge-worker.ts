/** The worker thread of `mergeStagedShards` (src/integrations/search-shard-index.ts). */
import { serveWorkerTask } from '../lib/worker-task.ts';
import { mergeShardIndexes } from './search-index-merge.ts';

serveWorkerTask(({ folders, outputPath, chunkSize }: { folders: string[]; outputPath: string; chunkSize: number }) =>
  mergeShardIndexes(folders, outputPath, chunkSize),
);
