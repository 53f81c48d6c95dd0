/**
 * Merging is a left fold over the dumps in arrival order (merge-papers.ts); this is its
 * accumulator, which merge-checkpoint.ts writes out so that a rebuild merges only the new dumps.
 */
import { AbstractIndex } from './abstract-index.ts';
import type { DumpMergeCounts, PaperDraft } from './merge-papers.ts';
import { MergeReview } from './merge-review.ts';
import { SlugRegistry } from './slug.ts';

/** Everything merging the next dump needs to know of the dumps merged so far. */
export interface MergeState {
  /** The dumps merged so far, in arrival order. */
  merged: string[];
  /** Drafts made so far (the next one's `created`). */
  created: number;
  slugs: SlugRegistry;
  /** Papers by title key; a short, generic title can name several. */
  byTitle: Map<string, PaperDraft[]>;
  byAbstract: AbstractIndex<PaperDraft>;
  review: MergeReview;
  /** The papers not merged into another, in order of creation. */
  live: Set<PaperDraft>;
  counts: Map<string, DumpMergeCounts>;
}

export function newMergeState(): MergeState {
  return {
    merged: [],
    created: 0,
    slugs: new SlugRegistry(),
    byTitle: new Map(),
    byAbstract: new AbstractIndex(),
    review: new MergeReview(),
    live: new Set(),
    counts: new Map(),
  };
}
