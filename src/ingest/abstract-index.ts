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
import { PostingTable } from './posting-table.ts';
import { abstractSimilarity, similarityAtLeast, type AbstractShingles } from './shingles.ts';

export { abstractShingles, abstractSimilarity, type AbstractShingles } from './shingles.ts';

/** A shingle in more abstracts than this says nothing about which paper it is. */
const MAX_POSTINGS = 32;
/** Jaccard similarity at which two abstracts are the same paper (revised, renamed). */
export const SAME_PAPER_SIMILARITY = 0.4;
const MIN_VOTE_SHARE = 0.25;

/** One abstract a paper was listed with; a paper keeps every version it was seen with. */
interface AbstractVersion<Key> {
  /** Number of the version in its index, to count votes in an array rather than a map. */
  id: number;
  key: Key;
  shingles: AbstractShingles;
}

export class AbstractIndex<Key> {
  /**
   * Version ids by shingle; lists hold ids rather than the versions, so counting votes reads one
   * array instead of chasing a pointer per entry.
   */
  private readonly postings = new PostingTable();
  private readonly versionsOf = new Map<Key, AbstractVersion<Key>[]>();
  private readonly versions: AbstractVersion<Key>[] = [];
  /** Votes per version id during one lookup; all zero between lookups. */
  private votes = new Uint32Array(1024);

  /**
   * Adds an abstract under a key, beside the key's earlier abstracts: a paper whose abstract was
   * rewritten must still be found by a later listing of its old abstract.
   */
  add(key: Key, shingles: AbstractShingles): void {
    const versions = this.versionsOf.get(key) ?? [];
    // The same text again (or a truncation of a known version) adds nothing to find it by.
    if (versions.some((version) => abstractSimilarity(version.shingles, shingles) === 1)) return;
    const version = { id: this.versions.length, key, shingles };
    this.versions.push(version);
    versions.push(version);
    this.versionsOf.set(key, versions);
    for (const shingle of shingles.sample) {
      const list = this.postingsOf(shingle);
      if (list === undefined) this.postings.add(shingle, [version.id]);
      else if (list.length <= MAX_POSTINGS) list.push(version.id);
    }
  }

  /** Removes every abstract of the key and returns their shingles (to file them under another key). */
  remove(key: Key): AbstractShingles[] {
    const versions = this.versionsOf.get(key) ?? [];
    this.versionsOf.delete(key);
    for (const version of versions) {
      for (const shingle of version.shingles.sorted) {
        const list = this.postingsOf(shingle);
        const at = list?.indexOf(version.id) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      }
    }
    return versions.map((version) => version.shingles);
  }

  private postingsOf(shingle: number): number[] | undefined {
    return this.postings.get(shingle);
  }

  /** The key of the most similar indexed abstract at or above the same-paper threshold, if any. */
  findSamePaper(shingles: AbstractShingles): Key | null {
    if (this.votes.length < this.versions.length) this.votes = new Uint32Array(this.versions.length * 2);
    const votes = this.votes;
    // Versions in the order of their first vote: ties between equally similar ones go to the last met.
    const met: number[] = [];
    let informative = 0;
    for (const shingle of shingles.sample) {
      const list = this.postingsOf(shingle);
      if (!list || list.length > MAX_POSTINGS) continue;
      informative++;
      for (let index = 0; index < list.length; index++) {
        const id = list[index]!;
        if (votes[id] === 0) met.push(id);
        votes[id] = votes[id]! + 1;
      }
    }
    // A same paper shares well over half of the sampled shingles; checking only candidates that
    // share a fair part of them keeps the exact comparison off the long tail of chance overlaps.
    const minVotes = Math.max(1, Math.floor(informative * MIN_VOTE_SHARE));
    let best: Key | null = null;
    let bestSimilarity = SAME_PAPER_SIMILARITY;
    for (const id of met) {
      const count = votes[id]!;
      votes[id] = 0;
      if (count < minVotes) continue;
      const version = this.versions[id]!;
      const similarity = similarityAtLeast(shingles, version.shingles, bestSimilarity);
      if (similarity >= bestSimilarity) {
        best = version.key;
        bestSimilarity = similarity;
      }
    }
    return best;
  }
}
