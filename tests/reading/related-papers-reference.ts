/**
 * The related papers as src/lib/related-papers.ts made them before its tables were flat and its
 * scoring could take a second thread (commit 1c0b1dd, one object per paper's vector, a closure per
 * comparison): kept as the reference that the faster code must equal exactly, lists, scores,
 * shared terms and their order. The term counts are the library's (`countTerms`), unchanged.
 */
import { sharedTermRanking, type SharedTermRanking } from '../../src/lib/shared-terms.ts';
import { topK } from '../../src/lib/top-k.ts';
import { countTerms } from '../../src/lib/term-counts.ts';
import { wordStream } from '../../src/lib/word-stream.ts';
import type { RelatedInput, RelatedOptions, RelatedPaper } from '../../src/lib/related-papers.ts';

interface WeightedTerms {
  terms: Int32Array;
  weights: Float64Array;
  frequencies: Float64Array;
}

const RELATED_COUNT = 5;
const SHARED_TERM_COUNT = 3;
const MAX_DOCUMENT_SHARE = 0.005;
const MIN_DOCUMENT_CAP = 60;
const RERANK_COUNT = 20;
const IDF_POWER = 0.5;
const IDF_CORPUS = 1_000_000;
const INDEXED_FIRST = 1e6;

export function referenceRelatedPapers(
  papers: readonly RelatedInput[],
  options: RelatedOptions = {},
): RelatedPaper[][] {
  const size = papers.length;
  const { texts, termCount, counts } = countTerms(papers, options.wordStream ?? wordStream, options.memo);
  const termText = (term: number) => texts.text(term);

  const documentFrequency = new Int32Array(termCount);
  for (const paperCounts of counts) for (const term of paperCounts.terms) documentFrequency[term]! += 1;
  const cap = Math.max(MIN_DOCUMENT_CAP, Math.floor(size * MAX_DOCUMENT_SHARE));
  const inverseFrequency = Float64Array.from(
    documentFrequency,
    (frequency) => Math.max(0, Math.log(IDF_CORPUS / frequency)) ** IDF_POWER,
  );
  const sharedRanking = sharedTermRanking(documentFrequency, cap, IDF_CORPUS);

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
  const termWeights = new Float64Array(termCount);
  const termFrequencies = new Float64Array(termCount);
  const touched: number[] = [];
  return vectors.map((vector, paper) => {
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

function sharedTerms(
  frequenciesOfA: Float64Array,
  b: WeightedTerms,
  ranking: SharedTermRanking,
  termText: (term: number) => string,
  limit: number,
): string[] {
  const key = new Float64Array(b.terms.length);
  const shared: number[] = [];
  for (let i = 0; i < b.terms.length; i++) {
    const frequency = frequenciesOfA[b.terms[i]!]!;
    if (frequency > 0) {
      const term = b.terms[i]!;
      key[i] = ranking.indexed[term]! * INDEXED_FIRST + frequency * b.frequencies[i]! * ranking.rarity[term]!;
      shared.push(i);
    }
  }
  const strongest = topK(
    shared,
    limit * 4,
    (x, y) => key[x]! > key[y]! || (key[x] === key[y] && termText(b.terms[x]!) < termText(b.terms[y]!)),
  ).map((i) => termText(b.terms[i]!));
  let chosen: { term: string; words: string[] }[] = [];
  const holds = (outer: readonly string[], inner: readonly string[]) => inner.every((word) => outer.includes(word));
  for (const term of strongest) {
    if (chosen.length === limit) break;
    const words = term.split(/[ -]/);
    if (chosen.some((picked) => holds(picked.words, words))) continue;
    chosen = [...chosen.filter((picked) => !holds(words, picked.words)), { term, words }];
  }
  return chosen.map((picked) => picked.term);
}
