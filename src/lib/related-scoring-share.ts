/**
 * What the two threads of the related papers' scoring share (related-papers-parallel.ts): the
 * tables, the lists they fill, and the chunks, taken in turn through an atomic counter and each
 * marked once scored, so that the chunks of a thread that failed are scored again by the other.
 */
import type { RelatedIndex } from './related-index.ts';
import type { RelatedLists } from './related-scoring.ts';

export interface ScoringShare {
  index: RelatedIndex;
  /** The terms' texts (`TermTexts`), which each thread builds for itself. */
  words: readonly string[];
  termWords: Int32Array;
  lists: RelatedLists;
  /** Papers per chunk. */
  chunkPapers: number;
  /** [0]: the next chunk to take. */
  next: Int32Array;
  /** 1 for each chunk scored. */
  scored: Uint8Array;
}

/** `scoreRelated`'s chunks, taken from the shared counter: each call marks the chunk handed out before as scored. */
export function sharedChunks({ next, scored }: Pick<ScoringShare, 'next' | 'scored'>): () => number {
  let current = -1;
  return () => {
    if (current >= 0 && current < scored.length) Atomics.store(scored, current, 1);
    current = Atomics.add(next, 0, 1);
    return current;
  };
}
