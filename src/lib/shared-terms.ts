/**
 * The terms two related papers share, as a paper page shows them (three of them, strongest first),
 * ranked by a key that a new dump seldom moves: a rebuild renders again every paper page whose
 * shared terms change.
 */
import { allocate } from './shared-numbers.ts';
import type { RelatedIndex } from './related-index.ts';

/**
 * The shared terms are ranked by their counts in the two papers and a rarity that moves only when
 * a term's document frequency crosses a power of this base: the exact IDF moves with every dump
 * that holds the term, and a near-tie between two shared terms flipped the terms shown.
 */
const RARITY_STEP = 8;

/** What ranks the shared terms shown, by term id. */
export interface SharedTermRanking {
  /** log(C / d), C the IDF's numerator, d the document frequency rounded down to a power of RARITY_STEP. */
  rarity: Float64Array;
  /** 1 when the term is in the index (in at most `cap` papers). */
  indexed: Uint8Array;
}

/**
 * The ranking of every term: `cap` is the index's pruning limit, `idfNumerator` the constant of
 * the IDF, log(idfNumerator / document frequency).
 */
export function sharedTermRanking(
  documentFrequency: Int32Array,
  cap: number,
  idfNumerator: number,
  shared = false,
): SharedTermRanking {
  const ranking: SharedTermRanking = {
    rarity: allocate(Float64Array, documentFrequency.length, shared),
    indexed: allocate(Uint8Array, documentFrequency.length, shared),
  };
  documentFrequency.forEach((frequency, term) => {
    let step = 1;
    while (step * RARITY_STEP <= frequency) step *= RARITY_STEP;
    ranking.rarity[term] = Math.max(0, Math.log(idfNumerator / step));
    ranking.indexed[term] = frequency <= cap ? 1 : 0;
  });
  return ranking;
}

/** Ranks indexed shared terms above the others: far above any count product times rarity. */
const INDEXED_FIRST = 1e6;

/** The texts of the terms: a word, or a phrase of two words (term-counts.ts). */
export class TermTexts {
  private readonly words: readonly string[];
  /** Term `t` is the word `termWords[2t]`, or the phrase of it and `termWords[2t + 1]` when that is not -1. */
  private readonly termWords: Int32Array;
  /** Phrase texts built once each: the ranking compares them to break ties. */
  private readonly phrases: (string | undefined)[];
  private readonly splits = new Map<number, readonly string[]>();

  // No parameter property: the worker thread runs this file with types stripped, nothing more.
  constructor(words: readonly string[], termWords: Int32Array) {
    this.words = words;
    this.termWords = termWords;
    this.phrases = new Array<string | undefined>(termWords.length / 2).fill(undefined);
  }

  /** The words of a term's text, hyphenated ones split ("low-rank adaptation": low, rank, adaptation). */
  wordsOf(term: number): readonly string[] {
    let words = this.splits.get(term);
    if (words === undefined) this.splits.set(term, (words = this.text(term).split(/[ -]/)));
    return words;
  }

  text(term: number): string {
    const second = this.termWords[2 * term + 1]!;
    if (second < 0) return this.words[this.termWords[2 * term]!]!;
    return (this.phrases[term] ??= `${this.words[this.termWords[2 * term]!]!} ${this.words[second]!}`);
  }
}

/** `sharedTermIds`' scratch: the strongest shared terms so far and their keys. */
let topTerms = new Int32Array(0);
let topKeys = new Float64Array(0);

/** Whether a term ranks before another: a higher key, or an equal key and a text first in order. */
const ahead = (key: number, term: number, otherKey: number, otherTerm: number, texts: TermTexts) =>
  key > otherKey || (key === otherKey && texts.text(term) < texts.text(otherTerm));

/**
 * The terms two papers share, those the index keeps first (in at most `cap` papers: they say what
 * the two have in common, where "model" says little), then by their counts in both papers times
 * their stepped rarity, equal keys in alphabetical order: no key moves with a dump that leaves both
 * papers and the term's frequency step alone. A word is left out when a listed phrase already
 * holds it ("reward model" rather than "reward", "reward model"). Paper a is given by its sublinear
 * frequencies by term id, paper b by its terms' place in the index's vectors (`from`…`to`).
 */
export function sharedTermIds(
  frequenciesOfA: Float64Array,
  index: Pick<RelatedIndex, 'vectorTerms' | 'vectorFrequencies' | 'ranking'>,
  from: number,
  to: number,
  texts: TermTexts,
  limit: number,
): number[] {
  const { vectorTerms, vectorFrequencies, ranking } = index;
  // Only the strongest few can be listed, words and phrases holding each other included: b's
  // terms shared with a, the strongest `limit * 4` by insertion, best first (by key, equal keys
  // by text), with no object per shared term (250,000 lists at 50,000 papers).
  const wanted = limit * 4;
  if (topTerms.length < wanted) {
    topTerms = new Int32Array(wanted);
    topKeys = new Float64Array(wanted);
  }
  let count = 0;
  for (let i = from; i < to; i++) {
    const term = vectorTerms[i]!;
    const frequency = frequenciesOfA[term]!;
    if (frequency === 0) continue;
    const key = ranking.indexed[term]! * INDEXED_FIRST + frequency * vectorFrequencies[i]! * ranking.rarity[term]!;
    if (count === wanted && !ahead(key, term, topKeys[wanted - 1]!, topTerms[wanted - 1]!, texts)) continue;
    let position = count === wanted ? wanted - 1 : count++;
    while (position > 0 && ahead(key, term, topKeys[position - 1]!, topTerms[position - 1]!, texts)) {
      topKeys[position] = topKeys[position - 1]!;
      topTerms[position] = topTerms[position - 1]!;
      position--;
    }
    topKeys[position] = key;
    topTerms[position] = term;
  }
  let chosen: { term: number; words: readonly string[] }[] = [];
  const holds = (outer: readonly string[], inner: readonly string[]) => inner.every((word) => outer.includes(word));
  for (let place = 0; place < count && chosen.length < limit; place++) {
    const term = topTerms[place]!;
    const words = texts.wordsOf(term);
    if (chosen.some((picked) => holds(picked.words, words))) continue;
    // A phrase takes the place of the words it holds: "low-rank adaptation" rather than "low-rank", "rank".
    chosen = [...chosen.filter((picked) => !holds(words, picked.words)), { term, words }];
  }
  return chosen.map((picked) => picked.term);
}
