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
import { PairTable } from './pair-table.ts';
import { sharedTermRanking, sharedTerms, type WeightedTerms } from './shared-terms.ts';
import { topK } from './top-k.ts';
import { BREAK, OF, wordStream, type NormalisedWord, type StreamItem } from './word-stream.ts';
import { PackedListsReader, PackedListsWriter, type DerivationMemo, type TermTables } from './text-derivations.ts';

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

/** A title word counts as this many words of the abstract: the title says what the paper is. */
const TITLE_WEIGHT = 2;
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
  memo: DerivationMemo<TermTables> | undefined,
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
  // A previous build's words and terms, numbered here when a paper first holds them (so that
  // terms are numbered in reading order, as if the paper were read).
  const prior = memo?.prior ?? null;
  const priorWordIds = new Int32Array(prior?.words.length ?? 0).fill(-1);
  const priorTermIds = new Int32Array((prior?.termWords.length ?? 0) / 2).fill(-1);
  const wordOfPrior = (word: number): number => {
    let id = priorWordIds[word]!;
    if (id < 0) priorWordIds[word] = id = wordId(prior!.words[word]!);
    return id;
  };
  const termOfPrior = (priorTerm: number): number => {
    let term = priorTermIds[priorTerm]!;
    if (term < 0) {
      const first = wordOfPrior(prior!.termWords[2 * priorTerm]!);
      const second = prior!.termWords[2 * priorTerm + 1]!;
      term = second < 0 ? termOfWord(first) : termOfPair(first, wordOfPrior(second));
      priorTermIds[priorTerm] = term;
    }
    return term;
  };
  const priorLists = prior ? new PackedListsReader(prior.papers) : null;
  const made = memo ? new PackedListsWriter() : null;
  const counts = papers.map((paper, index): TermCounts => {
    const priorIndex = prior ? memo!.priorIndex[index]! : -1;
    if (priorIndex >= 0) {
      const length = priorLists!.read(priorIndex);
      const list = priorLists!.values;
      for (let i = 0; i < length; i += 2) add(termOfPrior(list[i]!), list[i + 1]!);
    }
    for (let field = 0; field < (priorIndex >= 0 ? 0 : 2); field++) {
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
    if (made) {
      for (const term of seen) {
        made.push(term);
        made.push(frequency[term]!);
      }
      made.endList();
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
  // Phrase texts built once each: the shared terms' ranking compares them to break ties.
  const phraseTexts: (string | undefined)[] = [];
  const termText = (term: number): string => {
    const code = terms[term]!;
    if (code >= 0) return words[code]!;
    const [first, second] = pairs[-1 - code]!;
    return (phraseTexts[term] ??= `${words[first]!} ${words[second]!}`);
  };
  if (memo && made) {
    const termWords = new Int32Array(2 * terms.length);
    terms.forEach((code, term) => {
      const [first, second] = code >= 0 ? [code, -1] : pairs[-1 - code]!;
      termWords[2 * term] = first;
      termWords[2 * term + 1] = second;
    });
    memo.made = { words, termWords, papers: made.finish() };
  }
  return { termText, termCount: terms.length, counts };
}

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
