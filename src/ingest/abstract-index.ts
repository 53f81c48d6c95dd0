/**
 * Finds an earlier abstract that is near-identical to a new one, without comparing every pair.
 *
 * Abstracts are compared as sets of word 3-grams (shingles). A renamed or revised paper keeps
 * about half of them or more; two papers that merely open with the same sentence share far fewer.
 * Candidates come from an inverted index over a content-defined sample of shingles (one in four,
 * chosen by hash, so both abstracts sample the same ones); shingles shared by many abstracts
 * ("large language models llms") are stop-shingles and are not indexed, which keeps lookups
 * near-constant as the corpus grows.
 */
import { comparableWords } from './normalize-text.ts';

const SHINGLE_SIZE = 3;
const SAMPLE_MODULUS = 4;
/**
 * The smallest shingles (by hash) are sampled too: a short abstract of a dozen shingles may have
 * none that the modulus picks, and could then never be found again, not even by its own text.
 */
const ALWAYS_SAMPLED = 4;
/** A shingle in more abstracts than this says nothing about which paper it is. */
const MAX_POSTINGS = 32;
/** Jaccard similarity at which two abstracts are the same paper (revised, renamed). */
export const SAME_PAPER_SIMILARITY = 0.4;
/** Share of a short abstract found in a longer one at which the short one is a truncation. */
const TRUNCATION_CONTAINMENT = 0.9;
const MIN_SHINGLES_FOR_CONTAINMENT = 20;
const MIN_VOTE_SHARE = 0.25;

export function abstractShingles(abstract: string): Set<number> {
  const words = comparableWords(abstract);
  const shingles = new Set<number>();
  for (let index = 0; index + SHINGLE_SIZE <= words.length; index++) {
    shingles.add(hashWords(words, index, SHINGLE_SIZE));
  }
  if (shingles.size === 0 && words.length > 0) shingles.add(hashWords(words, 0, words.length));
  return shingles;
}

/** FNV-1a over the words, kept to 32 bits: cheap and evenly spread. */
function hashWords(words: readonly string[], start: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < start + count; index++) {
    const word = words[index]!;
    for (let char = 0; char < word.length; char++) {
      hash ^= word.charCodeAt(char);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x20;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shingles an abstract is indexed and looked up by: one in four by hash, and the few smallest. */
function sampleOf(shingles: ReadonlySet<number>): Set<number> {
  const sample = new Set<number>();
  const smallest: number[] = [];
  for (const shingle of shingles) {
    if (shingle % SAMPLE_MODULUS === 0) sample.add(shingle);
    if (smallest.length < ALWAYS_SAMPLED || shingle < smallest[smallest.length - 1]!) {
      smallest.push(shingle);
      smallest.sort((a, b) => a - b);
      if (smallest.length > ALWAYS_SAMPLED) smallest.pop();
    }
  }
  for (const shingle of smallest) sample.add(shingle);
  return sample;
}

export function abstractSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  const jaccard = shared / (a.size + b.size - shared || 1);
  const containment = shared / (small.size || 1);
  if (small.size >= MIN_SHINGLES_FOR_CONTAINMENT && containment >= TRUNCATION_CONTAINMENT) return Math.max(jaccard, containment);
  return jaccard;
}

/** One abstract a paper was listed with; a paper keeps every version it was seen with. */
interface AbstractVersion<Key> {
  key: Key;
  shingles: Set<number>;
}

export class AbstractIndex<Key> {
  private readonly postings = new Map<number, AbstractVersion<Key>[]>();
  private readonly versionsOf = new Map<Key, AbstractVersion<Key>[]>();

  /**
   * Adds an abstract under a key, beside the key's earlier abstracts: a paper whose abstract was
   * rewritten must still be found by a later listing of its old abstract.
   */
  add(key: Key, shingles: Set<number>): void {
    const versions = this.versionsOf.get(key) ?? [];
    // The same text again (or a truncation of a known version) adds nothing to find it by.
    if (versions.some((version) => abstractSimilarity(version.shingles, shingles) === 1)) return;
    const version = { key, shingles };
    versions.push(version);
    this.versionsOf.set(key, versions);
    for (const shingle of sampleOf(shingles)) {
      const list = this.postings.get(shingle);
      if (list === undefined) this.postings.set(shingle, [version]);
      else if (list.length <= MAX_POSTINGS) list.push(version);
    }
  }

  /** Removes every abstract of the key and returns their shingles (to file them under another key). */
  remove(key: Key): Set<number>[] {
    const versions = this.versionsOf.get(key) ?? [];
    this.versionsOf.delete(key);
    for (const version of versions) {
      for (const shingle of version.shingles) {
        const list = this.postings.get(shingle);
        const at = list?.indexOf(version) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      }
    }
    return versions.map((version) => version.shingles);
  }

  /** The key of the most similar indexed abstract at or above the same-paper threshold, if any. */
  findSamePaper(shingles: Set<number>): Key | null {
    const votes = new Map<AbstractVersion<Key>, number>();
    let informative = 0;
    for (const shingle of sampleOf(shingles)) {
      const list = this.postings.get(shingle);
      if (!list || list.length > MAX_POSTINGS) continue;
      informative++;
      for (const version of list) votes.set(version, (votes.get(version) ?? 0) + 1);
    }
    // A same paper shares well over half of the sampled shingles; checking only candidates that
    // share a fair part of them keeps the exact comparison off the long tail of chance overlaps.
    const minVotes = Math.max(1, Math.floor(informative * MIN_VOTE_SHARE));
    let best: Key | null = null;
    let bestSimilarity = SAME_PAPER_SIMILARITY;
    for (const [version, count] of votes) {
      if (count < minVotes) continue;
      const similarity = abstractSimilarity(shingles, version.shingles);
      if (similarity >= bestSimilarity) {
        best = version.key;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}
