/**
 * Related papers: for each paper, the papers whose title and abstract are most alike, by TF-IDF
 * weighting over words and two-word phrases and cosine similarity. Only the candidates that share
 * a term with the paper are ever scored, through an inverted index from which terms in more than
 * a few papers are pruned: those say little about likeness and are what would make the cost grow
 * with the square of the corpus. So the cost stays near linear in the number of papers.
 *
 * A new dump should change only the lists that a new paper enters (a rebuild renders again every
 * paper page whose list changes): no weight depends on the number of papers, candidates come
 * through every indexed term (no cut-off among a paper's terms for near-ties to cross), and the
 * shared terms shown are ranked by a key that only a coarse step in a term's frequency moves
 * (shared-terms.ts).
 */
import { sharedTermRanking, sharedTerms, type WeightedTerms } from './shared-terms.ts';
import { topK } from './top-k.ts';
import { countTerms } from './term-counts.ts';
import { wordStream, type StreamItem } from './word-stream.ts';
import type { DerivationMemo, TermTables } from './text-derivations.ts';

import type { PaperRecord } from '../ingest/index.ts';

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  /** Ids never to be listed as related (the paper's possible duplicates). */
  exclude?: readonly string[];
}

/** A paper record as `relatedPapers` reads it: its possible duplicates are never listed as related. */
export const relatedInputOf = (
  paper: Pick<PaperRecord, 'id' | 'title' | 'abstract' | 'possiblySameWork'>,
): RelatedInput => ({
  id: paper.id,
  title: paper.title,
  abstract: paper.abstract,
  exclude: paper.possiblySameWork,
});

export interface RelatedPaper {
  id: string;
  /** Cosine similarity, 0…1. */
  score: number;
  /** The terms both papers hold that count most towards their likeness, strongest first. */
  sharedTerms: string[];
}

export interface RelatedOptions {
  /** The words of a text (`wordStream`, or a memo of it that the topic themes share). */
  wordStream?: (text: string) => readonly StreamItem[];
  /** A previous build's term counts of the papers it read (not read again), and this build's for the next. */
  memo?: DerivationMemo<TermTables>;
}

/** Related papers per paper. */
const RELATED_COUNT = 5;
/** Shared terms listed per related paper. */
const SHARED_TERM_COUNT = 3;
/** A term in more papers than this share of the corpus is left out of the index… */
const MAX_DOCUMENT_SHARE = 0.005;
/** …but never below this many papers, so that a small corpus keeps its ordinary terms. */
const MIN_DOCUMENT_CAP = 60;
/** The candidates with the best partial scores whose full cosine is computed. */
const RERANK_COUNT = 20;

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

/** For every paper, in input order, its most similar papers. */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): RelatedPaper[][] {
  const size = papers.length;
  const { termText, termCount, counts } = countTerms(papers, options.wordStream ?? wordStream, options.memo);

  const documentFrequency = new Int32Array(termCount);
  for (const paperCounts of counts) for (const term of paperCounts.terms) documentFrequency[term]! += 1;
  const cap = Math.max(MIN_DOCUMENT_CAP, Math.floor(size * MAX_DOCUMENT_SHARE));
  const inverseFrequency = Float64Array.from(
    documentFrequency,
    (frequency) => Math.max(0, Math.log(IDF_CORPUS / frequency)) ** IDF_POWER,
  );
  const sharedRanking = sharedTermRanking(documentFrequency, cap, IDF_CORPUS);

  // Sublinear term frequency times inverse document frequency, normalised to unit length over
  // every term (pruned ones included, so that pruning changes which papers are found, not scores).
  const vectors: WeightedTerms[] = counts.map(({ terms, counts: frequencies }) => {
    const weights = new Float64Array(terms.length);
    const sublinear = new Float64Array(terms.length);
    let norm = 0;
    for (let index = 0; index < terms.length; index++) {
      sublinear[index] = 1 + Math.log(frequencies[index]!);
      const weight = sublinear[index]! * inverseFrequency[terms[index]!]!;
      weights[index] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    // Terms no other paper has count in the norm but can never be shared: they are dropped.
    let kept = 0;
    for (let i = 0; i < terms.length; i++) if (documentFrequency[terms[i]!]! > 1) kept++;
    const keptTerms = new Int32Array(kept);
    const keptWeights = new Float64Array(kept);
    const keptFrequencies = new Float64Array(kept);
    for (let i = 0, j = 0; i < terms.length; i++) {
      if (documentFrequency[terms[i]!]! <= 1) continue;
      keptTerms[j] = terms[i]!;
      keptFrequencies[j] = sublinear[i]!;
      keptWeights[j++] = weights[i]! / norm;
    }
    return { terms: keptTerms, weights: keptWeights, frequencies: keptFrequencies };
  });

  // Postings of the indexed terms: in at least two papers (else nobody shares them), at most `cap`.
  // One typed array for all terms, term by term (`postingStart`), papers ascending: every paper
  // queries all its indexed terms, so these are read some million times.
  const indexed = (term: number) => documentFrequency[term]! >= 2 && documentFrequency[term]! <= cap;
  const postingStart = new Int32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) {
    postingStart[term + 1] = postingStart[term]! + (indexed(term) ? documentFrequency[term]! : 0);
  }
  const postingPapers = new Int32Array(postingStart[termCount]!);
  const postingWeights = new Float64Array(postingStart[termCount]!);
  const postingEnd = postingStart.slice(0, termCount);
  vectors.forEach((vector, paper) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      if (!indexed(term)) continue;
      const at = postingEnd[term]!++;
      postingPapers[at] = paper;
      postingWeights[at] = vector.weights[i]!;
    }
  });

  const idIndex = new Map(papers.map((paper, index) => [paper.id, index]));
  const scores = new Float64Array(size);
  // The current paper's weights and sublinear frequencies by term id (zero elsewhere): array reads,
  // not map lookups, in the thousands of cosines.
  const termWeights = new Float64Array(termCount);
  const termFrequencies = new Float64Array(termCount);
  const touched: number[] = [];
  return vectors.map((vector, paper) => {
    // Every indexed term of the paper finds candidates: a cut to its strongest few made near-ties
    // between its terms' weights decide which candidates were seen.
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      if (!indexed(term)) continue;
      const weight = vector.weights[i]!;
      for (let j = postingStart[term]!, end = postingStart[term + 1]!; j < end; j++) {
        const other = postingPapers[j]!;
        if (other === paper) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * postingWeights[j]!;
      }
    }
    const excluded = new Set((papers[paper]!.exclude ?? []).map((id) => idIndex.get(id)));
    // The index's partial scores pick the candidates; the full cosine, every shared term
    // counted, ranks them.
    for (let i = 0; i < vector.terms.length; i++) {
      termWeights[vector.terms[i]!] = vector.weights[i]!;
      termFrequencies[vector.terms[i]!] = vector.frequencies[i]!;
    }
    const candidates = excluded.size > 0 ? touched.filter((other) => !excluded.has(other)) : touched;
    const best = topK(candidates, RERANK_COUNT, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b))
      .map((other) => ({ other, score: cosine(termWeights, vectors[other]!) }))
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, RELATED_COUNT);
    const result = best.map(({ other, score }) => ({
      id: papers[other]!.id,
      score: Math.round(score * 1000) / 1000,
      sharedTerms: sharedTerms(termFrequencies, vectors[other]!, sharedRanking, termText, SHARED_TERM_COUNT),
    }));
    for (let i = 0; i < vector.terms.length; i++) {
      termWeights[vector.terms[i]!] = 0;
      termFrequencies[vector.terms[i]!] = 0;
    }
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    return result;
  });
}

function cosine(weights: Float64Array, other: WeightedTerms): number {
  let sum = 0;
  for (let i = 0; i < other.terms.length; i++) sum += weights[other.terms[i]!]! * other.weights[i]!;
  return sum;
}
