/**
 * `relatedPapers` with a second thread (related-scoring-worker.ts) for the per-paper scoring, for
 * a rebuild, where the second core is mostly free and every page waits for the reading aids: the
 * corpus-wide tables are made once, on SharedArrayBuffers, and both threads take chunks of papers
 * in turn; the calling thread first does `meanwhile` (the themes), then joins. The lists are the
 * same as `relatedPapers`' (each paper's are made by one thread, by the same code). A helper that
 * fails or never starts costs time only: the chunks it did not finish are scored here.
 */
import { Worker } from 'node:worker_threads';
import {
  relatedFromLists,
  relatedTables,
  type RelatedInput,
  type RelatedOptions,
  type RelatedPaper,
} from './related-papers.ts';
import type { TermTexts } from './shared-terms.ts';
import { CHUNK_PAPERS, relatedLists, scoreRelated } from './related-scoring.ts';
import { sharedChunks, type ScoringShare } from './related-scoring-share.ts';

export async function relatedPapersWithHelper(
  papers: readonly RelatedInput[],
  options: RelatedOptions,
  helperFile: string,
  meanwhile: () => void,
  chunkPapers = CHUNK_PAPERS,
): Promise<RelatedPaper[][]> {
  // Started first: the thread boots while the tables are made.
  const helper = startHelper(helperFile);
  let share: ScoringShare;
  let texts: TermTexts;
  try {
    const tables = relatedTables(papers, options, true);
    texts = tables.texts;
    share = {
      index: tables.index,
      words: tables.words,
      termWords: tables.termWords,
      lists: relatedLists(papers.length, true),
      chunkPapers,
      next: new Int32Array(new SharedArrayBuffer(4)),
      scored: new Uint8Array(new SharedArrayBuffer(Math.ceil(papers.length / chunkPapers))),
    };
    helper.start(share);
    meanwhile();
    scoreRelated(share.index, texts, share.lists, sharedChunks(share), chunkPapers);
  } catch (error) {
    // The build fails as it would on one thread; the helper must not hold the process meanwhile.
    helper.stop();
    throw error;
  }
  await helper.finished;
  const { index } = share;
  // Read through Atomics: what the helper wrote before it marked a chunk is seen here.
  const left: number[] = [];
  for (let chunk = 0; chunk < share.scored.length; chunk++)
    if (Atomics.load(share.scored, chunk) === 0) left.push(chunk);
  if (left.length > 0) scoreRelated(index, texts, share.lists, () => left.shift() ?? share.scored.length, chunkPapers);
  return relatedFromLists(papers, share.lists, texts);
}

/** The helper thread: `start` hands it the share; `finished` settles when it is done, failed or gone. */
function startHelper(file: string): {
  start: (share: ScoringShare) => void;
  stop: () => void;
  finished: Promise<void>;
} {
  let worker: Worker | null = null;
  try {
    worker = new Worker(file);
  } catch {
    // No thread: this thread scores every chunk.
  }
  const thread = worker;
  if (!thread) return { start: () => {}, stop: () => {}, finished: Promise.resolve() };
  const finished = new Promise<void>((resolve) => {
    thread.once('message', () => resolve());
    thread.once('error', () => resolve());
    thread.once('exit', () => resolve());
  });
  return {
    start: (share) => {
      try {
        thread.postMessage(share);
      } catch {
        void thread.terminate();
      }
    },
    stop: () => void thread.terminate(),
    finished: finished.then(() => void thread.terminate()),
  };
}
