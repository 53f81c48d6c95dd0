/**
 * An abstract as the set of its word 3-grams (shingles), hashed to 32 bits, and how much two such
 * sets overlap. Sets are sorted typed arrays rather than `Set`s: hashes above 2^30 are no small
 * integers to V8, so a `Set` of them allocated a heap number per shingle, and a sorted array both
 * dedupes and intersects in one pass without allocating.
 */
import { comparableWordsOfNormal, normalizeText } from './normalize-text.ts';
import { foldAscii, isAscii, isAsciiLetterOrDigit } from './ascii.ts';

const SHINGLE_SIZE = 3;
const SAMPLE_MODULUS = 4;
/**
 * The smallest shingles (by hash) are sampled too: a short abstract of a dozen shingles may have
 * none that the modulus picks, and could then never be found again, not even by its own text.
 */
const ALWAYS_SAMPLED = 4;
/** Truncation: this share of the shorter abstract is in the longer one… */
export const TRUNCATION_CONTAINMENT = 0.9;
/** …and the shorter one is long enough (in 3-grams) to say something about the paper. */
export const MIN_TRUNCATED_SHINGLES = 20;

export interface AbstractShingles {
  /** The distinct shingles, ascending. */
  sorted: Uint32Array;
  /**
   * The shingles an abstract is indexed and looked up by: those the modulus picks, in text order
   * (first occurrence), then the few smallest that are not among them yet, ascending. The order
   * matters: it is the order in which a lookup meets candidates, which breaks ties between equally
   * similar ones.
   */
  sample: readonly number[];
}

/** An abstract's shingles with their text order, which the merge rules need to tell shared boilerplate apart. */
export interface AbstractShingleText extends AbstractShingles {
  /** Every shingle in text order, repeats included. */
  sequence: Uint32Array;
}

/**
 * `isNormal`: the caller knows that `normalizeText(abstract)` is `abstract` (it got `abstract` from
 * `normalizeText` and it equals what it passed in), so that it need not be looked at again.
 */
export function abstractShingles(abstract: string, isNormal = false): AbstractShingleText {
  const hashes = shingleHashes(isNormal ? abstract : normalizeText(abstract));
  const sorted = distinctSorted(hashes);
  return { sorted, sample: sampleOf(hashes, sorted), sequence: hashes };
}

/** FNV-1a over the words, each followed by a space, kept to 32 bits: cheap and evenly spread. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of every run of three words (of all words when fewer), in text order, repeats included. */
function shingleHashes(text: string): Uint32Array {
  // ASCII text (nearly every abstract): hash straight from the text, no word strings made.
  if (isAscii(text)) return asciiShingleHashes(text);
  const words = comparableWordsOfNormal(text);
  const count = words.length >= SHINGLE_SIZE ? words.length - SHINGLE_SIZE + 1 : words.length > 0 ? 1 : 0;
  const hashes = new Uint32Array(count);
  const size = Math.min(SHINGLE_SIZE, words.length);
  for (let index = 0; index < count; index++) {
    let hash = FNV_OFFSET;
    for (let word = index; word < index + size; word++) {
      const chars = words[word]!;
      for (let char = 0; char < chars.length; char++) hash = Math.imul(hash ^ chars.charCodeAt(char), FNV_PRIME);
      hash = Math.imul(hash ^ 0x20, FNV_PRIME);
    }
    hashes[index] = hash >>> 0;
  }
  return hashes;
}

/**
 * `comparableWords` of ASCII text are its runs of letters and digits in lower case: hashed as such,
 * in one pass. Three hashes run at once (the shingles that started at the current word and the
 * two before it), so each character is read once rather than once per shingle it is part of.
 */
function asciiShingleHashes(text: string): Uint32Array {
  const hashes = new Uint32Array((text.length >> 1) + 1);
  let count = 0;
  let words = 0;
  let inWord = false;
  // Hashes of the shingles that started two words ago, one word ago, and at the current word.
  let older = FNV_OFFSET;
  let old = FNV_OFFSET;
  let current = FNV_OFFSET;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    if (isAsciiLetterOrDigit(code)) {
      if (!inWord) {
        inWord = true;
        current = FNV_OFFSET;
      }
      const folded = foldAscii(code);
      older = Math.imul(older ^ folded, FNV_PRIME);
      old = Math.imul(old ^ folded, FNV_PRIME);
      current = Math.imul(current ^ folded, FNV_PRIME);
    } else if (inWord) {
      inWord = false;
      words++;
      older = Math.imul(older ^ 0x20, FNV_PRIME);
      old = Math.imul(old ^ 0x20, FNV_PRIME);
      current = Math.imul(current ^ 0x20, FNV_PRIME);
      if (words >= SHINGLE_SIZE) hashes[count++] = older >>> 0;
      older = old;
      old = current;
    }
  }
  // Fewer words than a shingle: one hash of them all, which is the one that started at the first word.
  if (words === 2) hashes[count++] = older >>> 0;
  else if (words === 1) hashes[count++] = old >>> 0;
  return hashes.subarray(0, count);
}

function distinctSorted(hashes: Uint32Array): Uint32Array {
  const sorted = hashes.slice().sort();
  let length = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[length - 1]) sorted[length++] = sorted[index]!;
  }
  return sorted.subarray(0, length);
}

/** Index of the first value of the ascending `sorted` at or above `value` (where it is, when it is there). */
export function lowerBound(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sampleOf(hashes: Uint32Array, sorted: Uint32Array): number[] {
  const sample: number[] = [];
  // Without repeated shingles (most abstracts), every hash is its own first occurrence.
  const repeats = sorted.length < hashes.length;
  const taken = repeats ? new Uint8Array(sorted.length) : null;
  for (const hash of hashes) {
    if (hash % SAMPLE_MODULUS !== 0) continue;
    if (taken === null) {
      sample.push(hash);
      continue;
    }
    const at = lowerBound(sorted, hash);
    if (taken[at] === 0) {
      taken[at] = 1;
      sample.push(hash);
    }
  }
  for (let index = 0; index < Math.min(ALWAYS_SAMPLED, sorted.length); index++) {
    if (sorted[index]! % SAMPLE_MODULUS !== 0) sample.push(sorted[index]!);
  }
  return sample;
}

/**
 * How many shingles two ascending sets share; -1 as soon as it is clear they share fewer than
 * `needed` (what is left to compare could no longer make up the difference). `aEnd`/`bEnd` limit
 * the comparison to a prefix of each set (index bounds, since views are allocations on a hot path).
 */
export function sharedCount(a: Uint32Array, b: Uint32Array, needed = 0, aEnd = a.length, bEnd = b.length): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < aEnd && j < bEnd) {
    if (shared + Math.min(aEnd - i, bEnd - j) < needed) return -1;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared < needed ? -1 : shared;
}

/** The similarity of two sets of these sizes that share `shared` shingles; never decreases as `shared` grows. */
function similarityOf(shared: number, small: number, large: number): number {
  const jaccard = shared / (small + large - shared || 1);
  const containment = shared / (small || 1);
  if (small >= MIN_TRUNCATED_SHINGLES && containment >= TRUNCATION_CONTAINMENT) return Math.max(jaccard, containment);
  return jaccard;
}

/** Jaccard similarity, or containment when a long enough abstract is nearly all inside the other (a truncation). */
export function abstractSimilarity(a: AbstractShingles, b: AbstractShingles): number {
  const small = a.sorted.length <= b.sorted.length ? a.sorted : b.sorted;
  const large = small === a.sorted ? b.sorted : a.sorted;
  return similarityOf(sharedCount(small, large), small.length, large.length);
}

/**
 * `abstractSimilarity(a, b)` when it is at least `floor`, else -1: the comparison stops as soon as
 * the sets cannot share enough shingles to reach `floor` (most candidates of a lookup are not the
 * same paper, and on a large corpus comparing them in full was most of the merging time).
 */
export function similarityAtLeast(a: AbstractShingles, b: AbstractShingles, floor: number): number {
  // Not a destructured pair: this runs for every candidate of every lookup, and the pair was an allocation.
  const small = a.sorted.length <= b.sorted.length ? a.sorted : b.sorted;
  const large = small === a.sorted ? b.sorted : a.sorted;
  // The fewest shared shingles that reach `floor` (the similarity never decreases with more).
  let low = 0;
  let high = small.length + 1; // small.length + 1: not even sharing all of them would do
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (similarityOf(middle, small.length, large.length) >= floor) high = middle;
    else low = middle + 1;
  }
  if (low > small.length) return -1;
  const shared = sharedCount(small, large, low);
  return shared < 0 ? -1 : similarityOf(shared, small.length, large.length);
}
