/**
 * Finds the earlier abstracts that look like a new one, without comparing every pair.
 *
 * Abstracts are compared as sets of word 3-grams (shingles). Candidates come from an inverted
 * index over a content-defined sample of shingles (one in four, chosen by hash, so both abstracts
 * sample the same ones); shingles shared by many abstracts ("large language models llms") are
 * stop-shingles and are not indexed, which keeps lookups near-constant as the corpus grows. Only
 * candidates that share a fair part of the sample are compared exactly (merge-rules.ts); which of
 * them is the same paper is for merge-papers.ts to decide.
 */
import { PostingTable, type PostingTableParts } from './posting-table.ts';
import { compareAbstracts, type AbstractComparison } from './merge-rules.ts';
import { abstractSimilarity, type AbstractShingles, type AbstractShingleText } from './shingles.ts';
import type { ListingRef } from './types.ts';

export { abstractShingles, type AbstractShingles, type AbstractShingleText } from './shingles.ts';

/** A shingle in more abstracts than this says nothing about which paper it is. */
const MAX_POSTINGS = 32;
/**
 * Share of the sampled shingles (of the smaller of the two samples) a candidate must share to be
 * compared exactly. Every merge rule needs 65% or more of the shorter abstract, far above it; a
 * look-alike near the 30–35% floor of near misses is found most of the time (the vote is a
 * sample); the long tail of chance overlaps is never compared, which keeps merging as fast as it
 * was with one fixed threshold (0.25 here cost 10–15% more merging time at 60,000 papers).
 */
const MIN_VOTE_SHARE = 0.3;

/** One abstract a paper was listed with; a paper keeps every version it was seen with. */
export interface AbstractVersion<Key> {
  /** Number of the version in its index, to count votes in an array rather than a map. */
  id: number;
  key: Key;
  shingles: AbstractShingles;
  /** The listing that brought this version. */
  origin: ListingRef;
}

/** An indexed abstract that looks like the one looked up: the best-matching version of one key. */
export interface LookAlike<Key> {
  key: Key;
  origin: ListingRef;
  comparison: AbstractComparison;
}

/** An index's whole state (merge-checkpoint.ts writes it out); `versionsOf` lists version ids. */
export interface AbstractIndexParts<Key> {
  postings: PostingTableParts;
  versions: AbstractVersion<Key>[];
  versionsOf: [Key, number[]][];
}

export class AbstractIndex<Key> {
  /**
   * Version ids by shingle; lists hold ids rather than the versions, so counting votes reads one
   * array instead of chasing a pointer per entry.
   */
  private postings = new PostingTable();
  private versionsOf = new Map<Key, AbstractVersion<Key>[]>();
  private versions: AbstractVersion<Key>[] = [];
  /** Votes per version id during one lookup; all zero between lookups. */
  private votes = new Uint32Array(1024);

  parts(): AbstractIndexParts<Key> {
    return {
      postings: this.postings.parts(),
      versions: this.versions,
      versionsOf: [...this.versionsOf].map(([key, versions]) => [key, versions.map((version) => version.id)]),
    };
  }

  /** The index whose `parts()` these were (they are used, not copied). */
  static fromParts<Key>(parts: AbstractIndexParts<Key>): AbstractIndex<Key> {
    const index = new AbstractIndex<Key>();
    index.postings = PostingTable.fromParts(parts.postings);
    index.versions = parts.versions;
    index.versionsOf = new Map(parts.versionsOf.map(([key, ids]) => [key, ids.map((id) => parts.versions[id]!)]));
    return index;
  }

  /**
   * Adds an abstract under a key, beside the key's earlier abstracts: a paper whose abstract was
   * rewritten must still be found by a later listing of its old abstract.
   */
  add(key: Key, shingles: AbstractShingles, origin: ListingRef): void {
    const versions = this.versionsOf.get(key) ?? [];
    // The same text again (or a truncation of a known version) adds nothing to find it by.
    if (versions.some((version) => abstractSimilarity(version.shingles, shingles) === 1)) return;
    // Only the sets are kept: the text order of a known abstract is never needed again.
    const version = {
      id: this.versions.length,
      key,
      shingles: { sorted: shingles.sorted, sample: shingles.sample },
      origin,
    };
    this.versions.push(version);
    versions.push(version);
    this.versionsOf.set(key, versions);
    for (const shingle of shingles.sample) {
      const list = this.postingsOf(shingle);
      if (list === undefined) this.postings.add(shingle, [version.id]);
      else if (list.length <= MAX_POSTINGS) list.push(version.id);
    }
  }

  /** Removes every abstract of the key and returns them (to file them under another key). */
  remove(key: Key): AbstractVersion<Key>[] {
    const versions = this.versionsOf.get(key) ?? [];
    this.versionsOf.delete(key);
    for (const version of versions) {
      for (const shingle of version.shingles.sorted) {
        const list = this.postingsOf(shingle);
        const at = list?.indexOf(version.id) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      }
    }
    return versions;
  }

  /** The abstracts indexed under a key. */
  versionsFor(key: Key): readonly AbstractVersion<Key>[] {
    return this.versionsOf.get(key) ?? [];
  }

  private postingsOf(shingle: number): number[] | undefined {
    return this.postings.get(shingle);
  }

  /**
   * Every key with an abstract that shares at least the look-alike share of 3-grams with this
   * one, each with its most similar version, in the order the lookup met them.
   */
  lookAlikes(shingles: AbstractShingleText): LookAlike<Key>[] {
    if (this.votes.length < this.versions.length) this.votes = new Uint32Array(this.versions.length * 2);
    const votes = this.votes;
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
    const found: LookAlike<Key>[] = [];
    for (const id of met) {
      const count = votes[id]!;
      votes[id] = 0;
      const version = this.versions[id]!;
      // Against the smaller sample: a truncated abstract is a small part of the complete one.
      if (count < Math.max(1, Math.floor(Math.min(informative, version.shingles.sample.length) * MIN_VOTE_SHARE)))
        continue;
      const comparison = compareAbstracts(shingles, version.shingles.sorted);
      if (comparison === null) continue;
      const known = found.find((lookAlike) => lookAlike.key === version.key);
      if (known === undefined) found.push({ key: version.key, origin: version.origin, comparison });
      else if (comparison.jaccard >= known.comparison.jaccard) {
        known.origin = version.origin;
        known.comparison = comparison;
      }
    }
    return found;
  }
}
