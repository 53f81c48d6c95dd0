/**
 * The related papers' per-paper work over the corpus-wide tables (related-index.ts): the
 * candidates found through the index, the best by their partial scores reranked by their full
 * cosines, and the terms each pair shares. Paper by paper, in chunks that one thread or two take in
 * turn (`nextChunk`), the results written into flat arrays (`RelatedLists`) that may be shared.
 */
import { allocate } from './shared-numbers.ts';
import type { RelatedIndex } from './related-index.ts';
import { sharedTermIds, type TermTexts } from './shared-terms.ts';

/** Related papers per paper. */
export const RELATED_COUNT = 5;
/** Shared terms listed per related paper. */
export const SHARED_TERM_COUNT = 3;
/** The candidates with the best partial scores whose full cosine is computed. */
const RERANK_COUNT = 20;
/** Papers per chunk that a thread takes at a time, unless told otherwise. */
export const CHUNK_PAPERS = 256;

/** Paper `p`'s related papers at `p * RELATED_COUNT…`, -1 past its last; each one's shared terms at `(p * RELATED_COUNT + r) * SHARED_TERM_COUNT…`. */
export interface RelatedLists {
  others: Int32Array;
  /** Full cosines, unrounded. */
  scores: Float64Array;
  sharedTerms: Int32Array;
}

export function relatedLists(papers: number, shared: boolean): RelatedLists {
  const lists = {
    others: allocate(Int32Array, papers * RELATED_COUNT, shared),
    scores: allocate(Float64Array, papers * RELATED_COUNT, shared),
    sharedTerms: allocate(Int32Array, papers * RELATED_COUNT * SHARED_TERM_COUNT, shared),
  };
  lists.others.fill(-1);
  lists.sharedTerms.fill(-1);
  return lists;
}

/**
 * Scores the papers of the chunks that `nextChunk` hands out (chunk `c`: papers from
 * `c * chunkPapers`; a chunk past the last paper ends the work) into `lists`.
 */
export function scoreRelated(
  index: RelatedIndex,
  texts: TermTexts,
  lists: RelatedLists,
  nextChunk: () => number,
  chunkPapers = CHUNK_PAPERS,
): void {
  const { vectorStart, vectorTerms, vectorWeights, vectorFrequencies, postingStart, postingPapers, postingWeights } =
    index;
  const { excludedStart, excludedPapers } = index;
  const size = index.papers;
  const scores = new Float64Array(size);
  const touched = new Int32Array(size);
  // The current paper's weights and sublinear frequencies by term id (zero elsewhere).
  const termWeights = new Float64Array(index.termCount);
  const termFrequencies = new Float64Array(index.termCount);
  // The best candidates by partial score, best first: by score, then by the lower index.
  const bestPapers = new Int32Array(RERANK_COUNT);
  const bestScores = new Float64Array(RERANK_COUNT);
  const rankedPapers = new Int32Array(RERANK_COUNT);
  const rankedScores = new Float64Array(RERANK_COUNT);
  for (let chunk = nextChunk(); chunk * chunkPapers < size; chunk = nextChunk()) {
    for (let paper = chunk * chunkPapers, last = Math.min(size, paper + chunkPapers); paper < last; paper++) {
      const from = vectorStart[paper]!;
      const to = vectorStart[paper + 1]!;
      // Every indexed term of the paper finds candidates, its terms in ascending order (the order
      // in which a partial score is summed decides its last bits, and so near-ties).
      let touchedCount = 0;
      for (let i = from; i < to; i++) {
        const term = vectorTerms[i]!;
        const weight = vectorWeights[i]!;
        for (let j = postingStart[term]!, end = postingStart[term + 1]!; j < end; j++) {
          const other = postingPapers[j]!;
          if (other === paper) continue;
          const score = scores[other]!;
          if (score === 0) touched[touchedCount++] = other;
          scores[other] = score + weight * postingWeights[j]!;
        }
      }
      const excludedFrom = excludedStart[paper]!;
      const excludedTo = excludedStart[paper + 1]!;
      let bestCount = 0;
      for (let t = 0; t < touchedCount; t++) {
        const other = touched[t]!;
        const score = scores[other]!;
        scores[other] = 0;
        if (bestCount === RERANK_COUNT) {
          const worst = bestScores[RERANK_COUNT - 1]!;
          if (score < worst || (score === worst && other > bestPapers[RERANK_COUNT - 1]!)) continue;
        }
        if (excludedFrom < excludedTo && isExcluded(excludedPapers, excludedFrom, excludedTo, other)) continue;
        let position = bestCount === RERANK_COUNT ? RERANK_COUNT - 1 : bestCount++;
        while (
          position > 0 &&
          (score > bestScores[position - 1]! ||
            (score === bestScores[position - 1] && other < bestPapers[position - 1]!))
        ) {
          bestScores[position] = bestScores[position - 1]!;
          bestPapers[position] = bestPapers[position - 1]!;
          position--;
        }
        bestScores[position] = score;
        bestPapers[position] = other;
      }
      // The index's partial scores pick the candidates; the full cosine, every shared term
      // counted, ranks them.
      for (let i = from; i < to; i++) {
        termWeights[vectorTerms[i]!] = vectorWeights[i]!;
        termFrequencies[vectorTerms[i]!] = vectorFrequencies[i]!;
      }
      // Reranked by insertion: by cosine, then by the lower index.
      let rankedCount = 0;
      for (let b = 0; b < bestCount; b++) {
        const other = bestPapers[b]!;
        let cosine = 0;
        for (let i = vectorStart[other]!, end = vectorStart[other + 1]!; i < end; i++)
          cosine += termWeights[vectorTerms[i]!]! * vectorWeights[i]!;
        let position = rankedCount++;
        while (
          position > 0 &&
          (cosine > rankedScores[position - 1]! ||
            (cosine === rankedScores[position - 1] && other < rankedPapers[position - 1]!))
        ) {
          rankedScores[position] = rankedScores[position - 1]!;
          rankedPapers[position] = rankedPapers[position - 1]!;
          position--;
        }
        rankedScores[position] = cosine;
        rankedPapers[position] = other;
      }
      const listed = Math.min(RELATED_COUNT, rankedCount);
      for (let r = 0; r < listed; r++) {
        const other = rankedPapers[r]!;
        const slot = paper * RELATED_COUNT + r;
        lists.others[slot] = other;
        lists.scores[slot] = rankedScores[r]!;
        const terms = sharedTermIds(
          termFrequencies,
          index,
          vectorStart[other]!,
          vectorStart[other + 1]!,
          texts,
          SHARED_TERM_COUNT,
        );
        lists.sharedTerms.set(terms, slot * SHARED_TERM_COUNT);
      }
      for (let i = from; i < to; i++) {
        termWeights[vectorTerms[i]!] = 0;
        termFrequencies[vectorTerms[i]!] = 0;
      }
    }
  }
}

function isExcluded(excluded: Int32Array, from: number, to: number, paper: number): boolean {
  for (let i = from; i < to; i++) if (excluded[i] === paper) return true;
  return false;
}
