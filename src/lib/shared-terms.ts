/**
 * The terms two related papers share, as a paper page shows them (three of them, strongest first),
 * ranked by a key that a new dump seldom moves: a rebuild renders again every paper page whose
 * shared terms change.
 */
import { topK } from './top-k.ts';

/** A paper's terms that some other paper holds too, by term id, with their weights. */
export interface WeightedTerms {
  /** Term ids, ascending. */
  terms: Int32Array;
  /** TF-IDF weights, the vector of unit length. */
  weights: Float64Array;
  /** The sublinear term frequency, 1 + log(count): the shared terms' ranking reads it. */
  frequencies: Float64Array;
}

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
export function sharedTermRanking(documentFrequency: Int32Array, cap: number, idfNumerator: number): SharedTermRanking {
  const ranking: SharedTermRanking = {
    rarity: new Float64Array(documentFrequency.length),
    indexed: new Uint8Array(documentFrequency.length),
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

/** `sharedTerms`' scratch: the ranking key of each of b's terms, by position. */
let keys = new Float64Array(1024);

/**
 * The terms two papers share, those the index keeps first (in at most `cap` papers: they say what
 * the two have in common, where "model" says little), then by their counts in both papers times
 * their stepped rarity, equal keys in alphabetical order: no key moves with a dump that leaves both
 * papers and the term's frequency step alone. A word is left out when a listed phrase already
 * holds it ("reward model" rather than "reward", "reward model").
 */
export function sharedTerms(
  frequenciesOfA: Float64Array,
  b: WeightedTerms,
  ranking: SharedTermRanking,
  termText: (term: number) => string,
  limit: number,
): string[] {
  // Only the strongest few can be listed, words and phrases holding each other included: positions
  // in b of its terms shared with a, strongest first (no object per shared term), their keys
  // computed once each (50,000 lists at 10,000 papers).
  if (keys.length < b.terms.length) keys = new Float64Array(b.terms.length * 2);
  const key = keys;
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
    // A phrase takes the place of the words it holds: "low-rank adaptation" rather than "low-rank", "rank".
    chosen = [...chosen.filter((picked) => !holds(words, picked.words)), { term, words }];
  }
  return chosen.map((picked) => picked.term);
}
