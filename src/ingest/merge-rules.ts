/**
 * When two listings are the same paper. The thresholds were chosen on the labelled merge set
 * (tests/fixtures/merge/labelled/) and the seeds; README.md, "How listings become papers", gives
 * them with the figures they were chosen from.
 *
 * Abstracts are compared as sets of word 3-grams. Shared boilerplate (a common opening, a template
 * paragraph, "Code is available at…") is one long run of text both abstracts have, so besides the
 * plain Jaccard similarity every rule reads `beyondSharedRun`: how much of the rest of the shorter
 * abstract, once that run is set aside, the other one shares. A revised or renamed paper shares
 * its wording throughout; two papers that only open alike share next to nothing after the opening.
 */
import { comparableWords } from './normalize-text.ts';
import {
  lowerBound,
  MIN_TRUNCATED_SHINGLES,
  sharedCount,
  TRUNCATION_CONTAINMENT,
  type AbstractShingleText,
} from './shingles.ts';
import type { MergeFigures, MergeRule } from './types.ts';

/** Renamed paper: the abstracts are the same text but for a few words (the method's new name, a figure). */
const NEAR_IDENTICAL_SIMILARITY = 0.6;
// Truncation: TRUNCATION_CONTAINMENT and MIN_TRUNCATED_SHINGLES, in shingles.ts, whose abstract similarity counts a truncation as alike.
/** Revised title: this share of the titles' content words is common to both… */
const CLOSE_TITLE_SIMILARITY = 0.6;
/** …and the abstracts agree at least this well (also what a short, generic shared title needs)… */
const AGREEING_ABSTRACT_SIMILARITY = 0.4;
/**
 * …with at least this share of the shorter abstract in the other: an extended version shares at
 * most 60% of the original's 3-grams (the labelled set's extended versions: 0.51–0.60).
 */
const AGREEING_ABSTRACT_CONTAINMENT = 0.65;
/** Agreement beyond the longest shared run that every abstract rule needs (boilerplate stays near 0). */
const MIN_BEYOND_SHARED_RUN = 0.3;
/** A near-identical or truncated abstract is the same text throughout, so it needs more. */
const MIN_BEYOND_SHARED_RUN_VERBATIM = 0.5;
/**
 * What is left of the shorter abstract beside the shared run is too little to judge (a word or
 * two: one word changes three 3-grams) below this many 3-grams or this share of it.
 */
const NEGLIGIBLE_REST_SHINGLES = 3;
const NEGLIGIBLE_REST_SHARE = 0.1;
/** A truncation is at most this share of the complete abstract's length (in distinct 3-grams). */
const MAX_TRUNCATION_LENGTH = 0.9;
/** Look-alikes below the merge rules: this much of the shorter abstract shared… */
const POSSIBLY_SAME_CONTAINMENT = 0.35;
/** …beyond boilerplate: then both papers link each other as possibly the same work. */
const POSSIBLY_SAME_BEYOND_SHARED_RUN = 0.2;
/** The smallest containment at which a pair is looked at (and reported as a near miss) at all. */
const LOOK_ALIKE_CONTAINMENT = 0.3;

/** How alike two abstracts are, before rounding. */
export interface AbstractComparison {
  shared: number;
  jaccard: number;
  containment: number;
  smaller: number;
  larger: number;
  beyondSharedRun: number;
}

function contains(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Below this many 3-grams in the shorter abstract, the quick look at a quarter of them is skipped. */
const MIN_SHINGLES_FOR_QUICK_LOOK = 80;
/** Hashes below this are a quarter of all, evenly spread: a fair sample of both sets. */
const QUARTER = 2 ** 30;

/**
 * Whether two large sets clearly share less than `floor` of the smaller one, judged from the
 * quarter of their 3-grams with the smallest hashes (an even sample, since hashes are uniform):
 * most candidates a lookup compares share a tenth or less, and this reads a quarter of the
 * arrays instead of most of them. Half the floor on the sample is a wide margin: with 20 or more
 * sampled 3-grams, a pair sharing 65% (the least any merge rule needs) falls below it with odds
 * under one in a million; a look-alike near the 30% floor of near misses can be missed.
 */
function clearlyBelow(small: Uint32Array, large: Uint32Array, floor: number): boolean {
  if (small.length < MIN_SHINGLES_FOR_QUICK_LOOK) return false;
  const smallEnd = lowerBound(small, QUARTER);
  const shared = sharedCount(small, large, 0, smallEnd, lowerBound(large, QUARTER));
  return shared < smallEnd * floor * 0.5;
}

/**
 * Compares a new listing's abstract (with its text order) to a known one; null when they share
 * less than `LOOK_ALIKE_CONTAINMENT` of the shorter one (the comparison stops early then).
 */
export function compareAbstracts(
  query: AbstractShingleText,
  known: Uint32Array,
  floor = LOOK_ALIKE_CONTAINMENT,
): AbstractComparison | null {
  const smaller = Math.min(query.sorted.length, known.length);
  // An abstract without a word 3-gram (only punctuation, one word) shares nothing with any other.
  if (smaller === 0)
    return floor > 0
      ? null
      : {
          shared: 0,
          jaccard: 0,
          containment: 0,
          smaller,
          larger: Math.max(query.sorted.length, known.length),
          beyondSharedRun: 0,
        };
  const needed = floor <= 0 ? 0 : Math.max(1, Math.ceil(smaller * floor));
  // Not a destructured pair: this runs for every candidate of every lookup.
  const small = query.sorted.length <= known.length ? query.sorted : known;
  const large = small === known ? query.sorted : known;
  if (floor > 0 && clearlyBelow(small, large, floor)) return null;
  const shared = sharedCount(small, large, needed);
  if (shared < 0) return null;
  const larger = Math.max(query.sorted.length, known.length);
  if (shared === 0) return { shared, jaccard: 0, containment: 0, smaller, larger, beyondSharedRun: 0 };
  // The longest run of consecutive 3-grams of the new abstract that the known one has too: shared
  // boilerplate is such a run, and so is the whole of a truncated abstract.
  let run = 0;
  let longest = 0;
  for (const shingle of query.sequence) {
    if (contains(known, shingle)) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  longest = Math.min(longest, shared);
  const rest = smaller - longest;
  // When the run is nearly all of the shorter abstract (all but a word cut off, or one changed),
  // there is nothing beyond it to disagree: the texts are the same.
  const beyondSharedRun =
    rest <= Math.max(NEGLIGIBLE_REST_SHINGLES, smaller * NEGLIGIBLE_REST_SHARE)
      ? 1
      : Math.min(1, (shared - longest) / rest);
  return {
    shared,
    jaccard: shared / (query.sorted.length + known.length - shared),
    containment: shared / smaller,
    smaller,
    larger,
    beyondSharedRun,
  };
}

/** Words that say nothing about which paper a title names. */
const TITLE_STOPWORDS = new Set(
  'a an the of for in on to and or with via by from at as is are be do does we you your our its into towards toward using how what why when can vs versus'.split(
    ' ',
  ),
);
/** Words of report-style titles ("Technical Report", "A Survey"): a title made of these (and one more word) is generic. */
const GENERIC_TITLE_WORDS = new Set(
  'technical report survey review overview introduction tutorial paper preprint note notes abstract appendix supplementary material extended version position system card white whitepaper draft primer study'.split(
    ' ',
  ),
);

function contentWords(title: string): Set<string> {
  return new Set(comparableWords(title).filter((word) => !TITLE_STOPWORDS.has(word)));
}

/** Jaccard similarity of two titles' content words. */
export function titleSimilarity(a: string, b: string): number {
  const first = contentWords(a);
  const second = contentWords(b);
  let shared = 0;
  for (const word of first) if (second.has(word)) shared++;
  const union = first.size + second.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * A title too short or generic to name one paper on its own ("LFM2 Technical Report", "Survey"):
 * three words or fewer, or at most one word that is not a stopword or a report-style word.
 */
export function isGenericTitle(title: string): boolean {
  const words = comparableWords(title);
  if (words.length <= 3) return true;
  return words.filter((word) => !TITLE_STOPWORDS.has(word) && !GENERIC_TITLE_WORDS.has(word)).length <= 1;
}

function isTruncation(comparison: AbstractComparison): boolean {
  return (
    comparison.smaller >= MIN_TRUNCATED_SHINGLES &&
    comparison.smaller <= comparison.larger * MAX_TRUNCATION_LENGTH &&
    comparison.containment >= TRUNCATION_CONTAINMENT &&
    comparison.beyondSharedRun >= MIN_BEYOND_SHARED_RUN_VERBATIM
  );
}

function agrees(comparison: AbstractComparison): boolean {
  return (
    comparison.jaccard >= AGREEING_ABSTRACT_SIMILARITY &&
    comparison.containment >= AGREEING_ABSTRACT_CONTAINMENT &&
    comparison.beyondSharedRun >= MIN_BEYOND_SHARED_RUN
  );
}

/**
 * The rule by which listings with different titles (`titles` = their similarity, null when one is
 * untitled) are the same paper, or null when none applies.
 */
export function differentTitleRule(comparison: AbstractComparison, titles: number | null): MergeRule | null {
  if (isTruncation(comparison)) return 'truncated-abstract';
  if (comparison.jaccard >= NEAR_IDENTICAL_SIMILARITY && comparison.beyondSharedRun >= MIN_BEYOND_SHARED_RUN_VERBATIM)
    return 'near-identical-abstract';
  if (titles !== null && titles >= CLOSE_TITLE_SIMILARITY && agrees(comparison)) return 'close-title-and-abstract';
  return null;
}

/** Whether listings sharing a short, generic title are the same paper: their abstracts must agree too. */
export function genericTitleAgrees(comparison: AbstractComparison | null): boolean {
  return (
    comparison !== null &&
    (agrees(comparison) || isTruncation(comparison) || comparison.jaccard >= NEAR_IDENTICAL_SIMILARITY)
  );
}

/** Alike beyond boilerplate, yet no rule merged them: an extended version, a companion paper. */
export function isPossiblySameWork(comparison: AbstractComparison): boolean {
  return (
    comparison.containment >= POSSIBLY_SAME_CONTAINMENT && comparison.beyondSharedRun >= POSSIBLY_SAME_BEYOND_SHARED_RUN
  );
}

/** Why a look-alike was not merged, in words for `--explain`. */
export function nearMissReason(comparison: AbstractComparison, titles: number | null): string {
  if (comparison.beyondSharedRun < POSSIBLY_SAME_BEYOND_SHARED_RUN)
    return 'they share one run of text (boilerplate) and differ beyond it';
  if (titles !== null && titles >= CLOSE_TITLE_SIMILARITY)
    return 'close titles, but the abstracts do not agree well enough';
  return 'different titles and abstracts alike but neither near-identical nor a truncation';
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function mergeFigures(comparison: AbstractComparison, titles: number | null): MergeFigures {
  return {
    abstractSimilarity: round(comparison.jaccard),
    containment: round(comparison.containment),
    beyondSharedRun: round(comparison.beyondSharedRun),
    titleSimilarity: titles === null ? null : round(titles),
  };
}
