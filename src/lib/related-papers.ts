/**
 * Related papers: for each paper, the papers whose title and abstract are most alike, by TF-IDF
 * weighting over words and two-word phrases and cosine similarity. Only the candidates that share
 * a term with the paper are ever scored, through an inverted index from which terms in more than
 * a few papers are pruned: those say little about likeness and are what would make the cost grow
 * with the square of the corpus. So the cost stays near linear in the number of papers.
 */
import { PairTable } from './pair-table.ts';
import { BREAK, OF, wordStream, type NormalisedWord, type StreamItem } from './word-stream.ts';

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
  /** Related papers per paper. */
  count?: number;
  /** Shared terms listed per related paper. */
  sharedTermCount?: number;
  /** A term in more papers than this share of the corpus is left out of the index… */
  maxDocumentShare?: number;
  /** …but never below this many papers, so that a small corpus keeps its ordinary terms. */
  minDocumentCap?: number;
  /** Each paper looks for candidates through this many of its strongest terms. */
  queryTerms?: number;
  /** The candidates with the best partial scores whose full cosine is computed. */
  rerankCount?: number;
  /** The words of a text (`wordStream`, or a memo of it that the topic themes share). */
  wordStream?: (text: string) => readonly StreamItem[];
}

/** A title word counts as this many words of the abstract: the title says what the paper is. */
const TITLE_WEIGHT = 2;
/**
 * The inverse document frequency is softened (its square root): a topic's own vocabulary ("reward
 * model", "expert") is common in a digest of four topics, yet it is what makes two papers alike.
 * Measured on the labelled papers (tests/reading/related-papers-labels.test.ts): full IDF puts 61–69% of
 * related papers in the paper's topic, its square root 75–78%.
 */
const IDF_POWER = 0.5;

interface WeightedTerms {
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * Each paper's term counts by term id, and each term's text. Words are numbered once; a phrase is
 * numbered by its two word numbers, so no phrase string is built but for display.
 */
interface TermCounts {
  /** Distinct term ids, ascending. */
  terms: Int32Array;
  counts: Int32Array;
}

function countTerms(
  papers: readonly RelatedInput[],
  streamOf: (text: string) => readonly StreamItem[],
): {
  termText: (term: number) => string;
  termCount: number;
  counts: TermCounts[];
} {
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const wordId = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = words.length;
      wordIds.set(word, id);
      words.push(word);
    }
    return id;
  };
  // Term id → word id (single words) or -1 - pair index (phrases).
  const terms: number[] = [];
  const pairs: [number, number][] = [];
  const termOfWordId: number[] = [];
  const pairTerms = new PairTable();
  const termOfWord = (word: number): number => {
    let term = termOfWordId[word];
    if (term === undefined) {
      term = terms.length;
      termOfWordId[word] = term;
      terms.push(word);
    }
    return term;
  };
  const termOfPair = (first: number, second: number): number => {
    let term = pairTerms.get(first, second);
    if (term < 0) {
      term = terms.length;
      pairTerms.set(first, second, term);
      terms.push(-1 - pairs.length);
      pairs.push([first, second]);
    }
    return term;
  };
  // Counts of the paper being read, by term id, and the terms it has touched.
  let frequency = new Int32Array(1 << 16);
  const seen: number[] = [];
  const add = (term: number, weight: number) => {
    if (term >= frequency.length) {
      const larger = new Int32Array(Math.max(term + 1, frequency.length * 2));
      larger.set(frequency);
      frequency = larger;
    }
    if (frequency[term] === 0) seen.push(term);
    frequency[term]! += weight;
  };
  // A word's numbers, found once per normalised word (the word stream shares one object per
  // spelling): its word id, then the term ids of the word and of its parts, numbered in the order
  // in which a first reading meets them, as term ids are everywhere.
  const numbersOfWord = new Map<NormalisedWord, Int32Array>();
  const numbersOf = (item: NormalisedWord): Int32Array => {
    let numbers = numbersOfWord.get(item);
    if (numbers === undefined) {
      const id = wordId(item.term);
      numbers = new Int32Array(2 + item.parts.length);
      numbers[0] = id;
      numbers[1] = termOfWord(id);
      for (let part = 0; part < item.parts.length; part++) numbers[2 + part] = termOfWord(wordId(item.parts[part]!));
      numbersOfWord.set(item, numbers);
    }
    return numbers;
  };
  const counts = papers.map((paper): TermCounts => {
    for (let field = 0; field < 2; field++) {
      const text = field === 0 ? paper.title : paper.abstract;
      const weight = field === 0 ? TITLE_WEIGHT : 1;
      let previous = -1;
      for (const item of streamOf(text)) {
        if (item === BREAK || item === OF) {
          previous = -1;
          continue;
        }
        const numbers = numbersOf(item);
        const id = numbers[0]!;
        add(numbers[1]!, weight);
        // The parts of a compound count as words too: "fine-tuning" meets "fine tuning".
        for (let part = 2; part < numbers.length; part++) add(numbers[part]!, weight);
        if (previous >= 0) add(termOfPair(previous, id), weight);
        previous = id;
      }
    }
    const distinct = Int32Array.from(seen).sort();
    const frequencies = new Int32Array(distinct.length);
    for (let i = 0; i < distinct.length; i++) {
      frequencies[i] = frequency[distinct[i]!]!;
      frequency[distinct[i]!] = 0;
    }
    seen.length = 0;
    return { terms: distinct, counts: frequencies };
  });
  const termText = (term: number): string => {
    const code = terms[term]!;
    if (code >= 0) return words[code]!;
    const [first, second] = pairs[-1 - code]!;
    return `${words[first]!} ${words[second]!}`;
  };
  return { termText, termCount: terms.length, counts };
}

/** For every paper, in input order, its most similar papers. */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): RelatedPaper[][] {
  const count = options.count ?? 5;
  const sharedTermCount = options.sharedTermCount ?? 3;
  const queryTermCount = options.queryTerms ?? 25;
  const rerankCount = options.rerankCount ?? 20;
  const size = papers.length;
  const { termText, termCount, counts } = countTerms(papers, options.wordStream ?? wordStream);

  const documentFrequency = new Int32Array(termCount);
  for (const paperCounts of counts) for (const term of paperCounts.terms) documentFrequency[term]! += 1;
  const cap = Math.max(options.minDocumentCap ?? 60, Math.floor(size * (options.maxDocumentShare ?? 0.005)));

  // Sublinear term frequency times inverse document frequency, normalised to unit length over
  // every term (pruned ones included, so that pruning changes which papers are found, not scores).
  const vectors: WeightedTerms[] = counts.map(({ terms, counts: frequencies }) => {
    const weights = new Float64Array(terms.length);
    let norm = 0;
    for (let index = 0; index < terms.length; index++) {
      const weight =
        (1 + Math.log(frequencies[index]!)) * Math.log((size + 1) / documentFrequency[terms[index]!]!) ** IDF_POWER;
      weights[index] = weight;
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    // Terms no other paper has count in the norm but can never be shared: they are dropped.
    let kept = 0;
    for (let i = 0; i < terms.length; i++) if (documentFrequency[terms[i]!]! > 1) kept++;
    const keptTerms = new Int32Array(kept);
    const keptWeights = new Float64Array(kept);
    for (let i = 0, j = 0; i < terms.length; i++) {
      if (documentFrequency[terms[i]!]! <= 1) continue;
      keptTerms[j] = terms[i]!;
      keptWeights[j++] = weights[i]! / norm;
    }
    return { terms: keptTerms, weights: keptWeights };
  });

  // Postings of the indexed terms: in at least two papers (else nobody shares them), at most `cap`.
  const postingPapers: number[][] = Array.from({ length: termCount }, () => []);
  const postingWeights: number[][] = Array.from({ length: termCount }, () => []);
  vectors.forEach((vector, paper) => {
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      const frequency = documentFrequency[term]!;
      if (frequency < 2 || frequency > cap) continue;
      postingPapers[term]!.push(paper);
      postingWeights[term]!.push(vector.weights[i]!);
    }
  });

  const idIndex = new Map(papers.map((paper, index) => [paper.id, index]));
  const scores = new Float64Array(size);
  // The current paper's weights by term id (zero elsewhere): array reads, not map lookups, in the
  // thousands of cosines.
  const termWeights = new Float64Array(termCount);
  const touched: number[] = [];
  return vectors.map((vector, paper) => {
    // The paper's strongest indexed terms find the candidates.
    const query = topK(
      indexedPositions(vector, documentFrequency, cap),
      queryTermCount,
      (a, b) => vector.weights[a]! > vector.weights[b]!,
    );
    for (const i of query) {
      const term = vector.terms[i]!;
      const weight = vector.weights[i]!;
      const others = postingPapers[term]!;
      const otherWeights = postingWeights[term]!;
      for (let j = 0; j < others.length; j++) {
        const other = others[j]!;
        if (other === paper) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight * otherWeights[j]!;
      }
    }
    const excluded = new Set((papers[paper]!.exclude ?? []).map((id) => idIndex.get(id)));
    // The index's partial scores pick the candidates; the full cosine, every shared term
    // counted, ranks them.
    for (let i = 0; i < vector.terms.length; i++) termWeights[vector.terms[i]!] = vector.weights[i]!;
    const candidates = excluded.size > 0 ? touched.filter((other) => !excluded.has(other)) : touched;
    const best = topK(candidates, rerankCount, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b))
      .map((other) => ({ other, score: cosine(termWeights, vectors[other]!) }))
      .sort((a, b) => b.score - a.score || a.other - b.other)
      .slice(0, count);
    const result = best.map(({ other, score }) => ({
      id: papers[other]!.id,
      score: Math.round(score * 1000) / 1000,
      sharedTerms: sharedTerms(termWeights, vectors[other]!, termText, sharedTermCount),
    }));
    for (let i = 0; i < vector.terms.length; i++) termWeights[vector.terms[i]!] = 0;
    for (const other of touched) scores[other] = 0;
    touched.length = 0;
    return result;
  });
}

/**
 * The `limit` best items, best first, by insertion into a short list: a paper touches thousands
 * of candidates and holds hundreds of terms, of which only a few are wanted.
 */
function topK<T>(items: Iterable<T>, limit: number, better: (a: T, b: T) => boolean): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && !better(item, top[limit - 1]!)) continue;
    let position = top.length === limit ? limit - 1 : top.length;
    while (position > 0 && better(item, top[position - 1]!)) {
      top[position] = top[position - 1]!;
      position--;
    }
    top[position] = item;
  }
  return top;
}

/**
 * Positions of the vector's terms that have postings: in at least two papers and not pruned, which
 * the document frequencies tell (one typed array) without a read of each term's posting list.
 */
function indexedPositions(vector: WeightedTerms, documentFrequency: Int32Array, cap: number): number[] {
  const positions: number[] = [];
  for (let i = 0; i < vector.terms.length; i++) {
    const frequency = documentFrequency[vector.terms[i]!]!;
    if (frequency >= 2 && frequency <= cap) positions.push(i);
  }
  return positions;
}

function cosine(weights: Float64Array, other: WeightedTerms): number {
  let sum = 0;
  for (let i = 0; i < other.terms.length; i++) sum += weights[other.terms[i]!]! * other.weights[i]!;
  return sum;
}

/** `sharedTerms`' scratch: the contribution of each of b's terms, by position. */
let contributions = new Float64Array(1024);

/**
 * The terms two papers share, by their contribution to the similarity; a word is left out when
 * a listed phrase already holds it ("reward model" rather than "reward", "reward model").
 */
function sharedTerms(
  weightsOfA: Float64Array,
  b: WeightedTerms,
  termText: (term: number) => string,
  limit: number,
): string[] {
  // Only the strongest few can be listed, words and phrases holding each other included: positions
  // in b of its terms shared with a, strongest first (no object per shared term), their
  // contributions computed once each (50,000 lists at 10,000 papers).
  if (contributions.length < b.terms.length) contributions = new Float64Array(b.terms.length * 2);
  const contribution = contributions;
  const shared: number[] = [];
  for (let i = 0; i < b.terms.length; i++) {
    const weight = weightsOfA[b.terms[i]!]!;
    if (weight > 0) {
      contribution[i] = weight * b.weights[i]!;
      shared.push(i);
    }
  }
  const strongest = topK(
    shared,
    limit * 4,
    (x, y) => contribution[x]! > contribution[y]! || (contribution[x] === contribution[y] && b.terms[x]! < b.terms[y]!),
  ).map((i) => ({ term: termText(b.terms[i]!) }));
  let chosen: { term: string; words: string[] }[] = [];
  const holds = (outer: readonly string[], inner: readonly string[]) => inner.every((word) => outer.includes(word));
  for (const { term } of strongest) {
    if (chosen.length === limit) break;
    const words = term.split(/[ -]/);
    if (chosen.some((picked) => holds(picked.words, words))) continue;
    // A phrase takes the place of the words it holds: "low-rank adaptation" rather than "low-rank", "rank".
    chosen = [...chosen.filter((picked) => !holds(words, picked.words)), { term, words }];
  }
  return chosen.map((picked) => picked.term);
}
