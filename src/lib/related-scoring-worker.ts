/**
 * The second thread of the related papers' scoring (related-papers-parallel.ts): started early,
 * it waits for the corpus-wide tables (on SharedArrayBuffers), scores the chunks it takes in turn
 * with the thread that made them, and says when it has no more to take.
 */
import { parentPort } from 'node:worker_threads';
import { scoreRelated } from './related-scoring.ts';
import { TermTexts } from './shared-terms.ts';
import { sharedChunks, type ScoringShare } from './related-scoring-share.ts';

const port = parentPort;
if (!port) throw new Error('related-scoring-worker.ts runs in a worker thread only');
port.once('message', (share: ScoringShare) => {
  scoreRelated(
    share.index,
    new TermTexts(share.words, share.termWords),
    share.lists,
    sharedChunks(share),
    share.chunkPapers,
  );
  port.postMessage('done');
  port.close();
});
