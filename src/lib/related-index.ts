/**
 * The related papers' corpus-wide tables (src/lib/related-papers.ts) as flat typed arrays: each
 * paper's weighted terms one after the other, the inverted index over the indexed terms, the
 * shared terms' ranking and the papers each paper must not list. Flat, so that the scoring
 * (related-scoring.ts) runs over plain numbers, and so that a second thread can score with the
 * same tables without a copy (`shared`: on SharedArrayBuffers).
 */
import { sharedTermRanking, type SharedTermRanking } from './shared-terms.ts';
import type { TermCounts } from './term-counts.ts';
import { allocate } from './shared-numbers.ts';

/** A term in more papers than this share of the corpus is left out of the index… */
const MAX_DOCUMENT_SHARE = 0.005;
/** …but never below this many papers, so that a small corpus keeps its ordinary terms. */
const MIN_DOCUMENT_CAP = 60;

/**
 * The inverse document frequency is softened (its square root): a topic's own vocabulary ("reward
 * model", "expert") is common in a digest of four topics, yet it is what makes two papers alike.
 * Measured on the labelled papers (tests/reading/related-papers-labels.test.ts): full IDF puts 61–69% of
 * related papers in the paper's topic, its square root 75–78% (with IDF_CORPUS below: 81.0%; the
 * full IDF 80.0% and the square 77.0%, and these two changed more lists when a dump arrived).
 */
const IDF_POWER = 0.5;
/**
 * The numerator of the IDF, log(IDF_CORPUS / document frequency): a constant, not the number of
 * papers, so that a new dump changes the weights of only the terms its papers hold (with the
 * number of papers, every weight of every paper moved and near-ties flipped all over the corpus).
 * A constant far above the corpus also softens the IDF. Measured on the labelled papers and on the
 * 10,000-paper corpus plus one dump (BENCHMARKS.md, "Related lists that stay put"): 10⁵, 10⁶, 10⁷
 * put 80.6%, 81.0%, 80.8% of related papers in the paper's topic and changed 1,241, 1,219, 1,184
 * of the 10,000 lists; the number of papers, 76.2% and 1,931.
 */
const IDF_CORPUS = 1_000_000;

/** The tables; paper `p`'s terms are at `vectorStart[p]…vectorStart[p + 1]`, its excluded papers at `excludedStart[p]…`. */
export interface RelatedIndex {
  papers: number;
  termCount: number;
  /** The paper's terms that some other paper holds too, ascending, with their weights and sublinear frequencies. */
  vectorStart: Int32Array;
  vectorTerms: Int32Array;
  /** TF-IDF weights, each paper's vector of unit length over all its terms. */
  vectorWeights: Float64Array;
  /** 1 + log(count): the shared terms' ranking reads it. */
  vectorFrequencies: Float64Array;
  /** Postings of term `t` at `postingStart[t]…postingStart[t + 1]`, papers ascending; none for a term not indexed. */
  postingStart: Int32Array;
  postingPapers: Int32Array;
  postingWeights: Float64Array;
  /** Papers never to be listed as related to the paper (its possible duplicates), by index. */
  excludedStart: Int32Array;
  excludedPapers: Int32Array;
  ranking: SharedTermRanking;
}

/**
 * The tables of papers whose term counts are `counts` (term-counts.ts) and whose excluded papers
 * are `excluded` (indices, unknown ids left out).
 */
export function relatedIndex(
  counts: readonly TermCounts[],
  termCount: number,
  excluded: readonly (readonly number[])[],
  shared: boolean,
): RelatedIndex {
  const size = counts.length;
  const documentFrequency = new Int32Array(termCount);
  for (const paperCounts of counts) for (const term of paperCounts.terms) documentFrequency[term]! += 1;
  const cap = Math.max(MIN_DOCUMENT_CAP, Math.floor(size * MAX_DOCUMENT_SHARE));
  const inverseFrequency = Float64Array.from(
    documentFrequency,
    (frequency) => Math.max(0, Math.log(IDF_CORPUS / frequency)) ** IDF_POWER,
  );
  const ranking = sharedTermRanking(documentFrequency, cap, IDF_CORPUS, shared);

  // Terms no other paper has count in the norm but can never be shared: they are not kept.
  const vectorStart = allocate(Int32Array, size + 1, shared);
  for (let paper = 0; paper < size; paper++) {
    let kept = 0;
    for (const term of counts[paper]!.terms) if (documentFrequency[term]! > 1) kept++;
    vectorStart[paper + 1] = vectorStart[paper]! + kept;
  }
  const total = vectorStart[size]!;
  const vectorTerms = allocate(Int32Array, total, shared);
  const vectorWeights = allocate(Float64Array, total, shared);
  const vectorFrequencies = allocate(Float64Array, total, shared);
  let sublinear = new Float64Array(1024);
  let weights = new Float64Array(1024);
  for (let paper = 0; paper < size; paper++) {
    const { terms, counts: frequencies } = counts[paper]!;
    if (terms.length > sublinear.length) {
      sublinear = new Float64Array(terms.length * 2);
      weights = new Float64Array(terms.length * 2);
    }
    // Sublinear term frequency times inverse document frequency, normalised to unit length over
    // every term (unshared and pruned ones included, so that pruning changes which papers are
    // found, not scores).
    let norm = 0;
    for (let index = 0; index < terms.length; index++) {
      sublinear[index] = 1 + Math.log(frequencies[index]!);
      const weight = sublinear[index]! * inverseFrequency[terms[index]!]!;
      weights[index] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    let at = vectorStart[paper]!;
    for (let index = 0; index < terms.length; index++) {
      if (documentFrequency[terms[index]!]! <= 1) continue;
      vectorTerms[at] = terms[index]!;
      vectorFrequencies[at] = sublinear[index]!;
      vectorWeights[at++] = weights[index]! / norm;
    }
  }

  // Postings of the indexed terms: in at least two papers (else nobody shares them), at most `cap`.
  const postingStart = allocate(Int32Array, termCount + 1, shared);
  for (let term = 0; term < termCount; term++) {
    const frequency = documentFrequency[term]!;
    postingStart[term + 1] = postingStart[term]! + (frequency >= 2 && frequency <= cap ? frequency : 0);
  }
  const postingPapers = allocate(Int32Array, postingStart[termCount]!, shared);
  const postingWeights = allocate(Float64Array, postingStart[termCount]!, shared);
  const postingEnd = postingStart.slice(0, termCount);
  for (let paper = 0; paper < size; paper++) {
    for (let i = vectorStart[paper]!, end = vectorStart[paper + 1]!; i < end; i++) {
      const term = vectorTerms[i]!;
      if (postingStart[term + 1] === postingStart[term]) continue;
      const at = postingEnd[term]!++;
      postingPapers[at] = paper;
      postingWeights[at] = vectorWeights[i]!;
    }
  }

  const excludedStart = allocate(Int32Array, size + 1, shared);
  for (let paper = 0; paper < size; paper++)
    excludedStart[paper + 1] = excludedStart[paper]! + (excluded[paper]?.length ?? 0);
  const excludedPapers = allocate(Int32Array, excludedStart[size]!, shared);
  excluded.forEach((list, paper) => excludedPapers.set(list, excludedStart[paper]!));

  return {
    papers: size,
    termCount,
    vectorStart,
    vectorTerms,
    vectorWeights,
    vectorFrequencies,
    postingStart,
    postingPapers,
    postingWeights,
    excludedStart,
    excludedPapers,
    ranking,
  };
}
