/**
 * The merge's state (`MergeState`, merge-papers.ts) as bytes and back: a rebuild after a new dump
 * continues the fold where the previous build left it instead of merging every dump again, which
 * was most of the ingest's time. Restoring must give the very state merging would have reached,
 * so everything is kept as it is: every draft (retired ones too: near misses and the abstract
 * index's versions still point at them), the abstract index's versions and posting lists in their
 * order (it decides ties between look-alikes), the slugs handed out, the near misses as noted.
 *
 * Two parts: JSON (drafts, near misses, slugs…) and numbers (shingles, posting lists), which the
 * caller writes and reads as it likes (src/loaders/merge-checkpoint-cache.ts).
 */
import { AbstractIndex, type AbstractVersion } from './abstract-index.ts';
import type { DumpMergeCounts, PaperDraft } from './merge-papers.ts';
import type { MergeState } from './merge-state.ts';
import { MergeReview, type DraftNearMiss } from './merge-review.ts';
import { SlugRegistry } from './slug.ts';
import { normalizeText } from './normalize-text.ts';
import type { ListingRef, PaperSource, ParsedDump, RawEntry } from './types.ts';

/**
 * A draft with its references to drafts as numbers (positions in `StoredState.drafts`), and its
 * abstract as the position in `sources` of the listing it is the (normalised) abstract of: the
 * abstracts are most of a draft's bytes, and the dumps they come from are at hand anyway. A
 * position p ≥ 0: the listing's abstract as it is (most are already normal text, and normalising
 * every abstract again was a quarter of a restore); −(p + 1): the listing's abstract normalised.
 */
interface StoredDraft extends Omit<PaperDraft, 'titles' | 'mergedInto' | 'abstract'> {
  titles: [string, string][];
  mergedInto: number | null;
  abstract: number | string;
}

/** The entry of a dump at a line, for the dumps merged. */
function entryFinder(dumps: readonly ParsedDump[]): (source: PaperSource) => RawEntry | undefined {
  const byFile = new Map(dumps.map((dump) => [dump.file, dump]));
  const byLine = new Map<string, Map<number, RawEntry>>();
  return (source) => {
    let lines = byLine.get(source.dump);
    if (lines === undefined) {
      lines = new Map();
      for (const entry of byFile.get(source.dump)?.entries ?? [])
        if (!lines.has(entry.line)) lines.set(entry.line, entry);
      byLine.set(source.dump, lines);
    }
    return lines.get(source.line);
  };
}

/** Where in its sources the draft's abstract is found (newest first; see `StoredDraft`), or the text itself. */
function storedAbstract(draft: PaperDraft, entryAt: ReturnType<typeof entryFinder>): number | string {
  for (let at = draft.sources.length - 1; at >= 0; at--) {
    const entry = entryAt(draft.sources[at]!);
    if (entry === undefined) continue;
    if (entry.abstract === draft.abstract) return at;
    if (normalizeText(entry.abstract) === draft.abstract) return -(at + 1);
  }
  return draft.abstract;
}

interface StoredNearMiss extends Omit<DraftNearMiss, 'papers'> {
  papers: [number, number];
}

interface StoredState {
  merged: string[];
  created: number;
  slugs: string[];
  drafts: StoredDraft[];
  live: number[];
  byTitle: [string, number[]][];
  /** Each version's draft and origin; its shingles are in the numbers. */
  versions: [number, ListingRef][];
  versionsOf: [number, number[]][];
  postingBits: number;
  misses: StoredNearMiss[];
  counts: [string, DumpMergeCounts][];
}

/** Every draft the state can reach, numbered. */
function numberDrafts(state: MergeState, versions: readonly AbstractVersion<PaperDraft>[]): Map<PaperDraft, number> {
  const numbers = new Map<PaperDraft, number>();
  const visit = (draft: PaperDraft) => {
    for (let at: PaperDraft | null = draft; at !== null && !numbers.has(at); at = at.mergedInto)
      numbers.set(at, numbers.size);
  };
  for (const draft of state.live) visit(draft);
  for (const named of state.byTitle.values()) for (const draft of named) visit(draft);
  for (const version of versions) visit(version.key);
  for (const miss of state.review.noted()) miss.papers.forEach(visit);
  return numbers;
}

export interface EncodedMergeState {
  json: Uint8Array;
  numbers: Uint32Array;
}

/** `dumps`: the dumps merged (at least); their entries hold the drafts' abstracts. */
export function encodeMergeState(state: MergeState, dumps: readonly ParsedDump[]): EncodedMergeState {
  const entryAt = entryFinder(dumps);
  const index = state.byAbstract.parts();
  const numbers = numberDrafts(state, index.versions);
  const number = (draft: PaperDraft) => numbers.get(draft)!;
  const { postings } = index;
  const stored: StoredState = {
    merged: state.merged,
    created: state.created,
    slugs: state.slugs.claimed(),
    drafts: [...numbers.keys()].map((draft) => ({
      ...draft,
      titles: [...draft.titles],
      mergedInto: draft.mergedInto === null ? null : number(draft.mergedInto),
      abstract: storedAbstract(draft, entryAt),
    })),
    live: [...state.live].map(number),
    byTitle: [...state.byTitle].map(([key, named]) => [key, named.map(number)]),
    versions: index.versions.map((version) => [number(version.key), version.origin]),
    versionsOf: index.versionsOf.map(([draft, ids]) => [number(draft), ids]),
    postingBits: postings.bits,
    misses: state.review.noted().map((miss) => ({ ...miss, papers: [number(miss.papers[0]), number(miss.papers[1])] })),
    counts: [...state.counts],
  };
  const json = new TextEncoder().encode(JSON.stringify(stored));

  let count = postings.keys.length + postings.slots.length + 1;
  for (const version of index.versions) count += 2 + version.shingles.sorted.length + version.shingles.sample.length;
  for (const list of postings.lists) count += 1 + list.length;
  const words = new Uint32Array(count);
  let at = 0;
  const put = (values: ArrayLike<number>) => {
    words[at++] = values.length;
    for (let i = 0; i < values.length; i++) words[at++] = values[i]!;
  };
  for (const version of index.versions) {
    put(version.shingles.sorted);
    put(version.shingles.sample);
  }
  words.set(postings.keys, at);
  at += postings.keys.length;
  words.set(new Uint32Array(postings.slots.buffer, postings.slots.byteOffset, postings.slots.length), at);
  at += postings.slots.length;
  words[at++] = postings.lists.length;
  for (const list of postings.lists) put(list);
  return { json, numbers: words };
}

/**
 * `dumps`: the dumps the state was encoded with (at least the ones it merged). The state keeps
 * views of `encoded.numbers` (the abstracts' shingles), not copies.
 */
export function decodeMergeState(encoded: EncodedMergeState, dumps: readonly ParsedDump[]): MergeState {
  const entryAt = entryFinder(dumps);
  const stored = JSON.parse(new TextDecoder().decode(encoded.json)) as StoredState;
  const words = encoded.numbers;
  const abstractAt = (sources: readonly PaperSource[], stored: number) => {
    const source = sources[stored < 0 ? -stored - 1 : stored]!;
    const entry = entryAt(source);
    if (entry === undefined) throw new Error(`the checkpoint names ${source.dump}:${source.line}, not among the dumps`);
    return stored < 0 ? normalizeText(entry.abstract) : entry.abstract;
  };
  let at = 0;
  const take = () => {
    const length = words[at++]!;
    at += length;
    return words.subarray(at - length, at);
  };

  const drafts: PaperDraft[] = stored.drafts.map((draft) => ({
    ...draft,
    titles: new Map(draft.titles),
    mergedInto: null,
    abstract: typeof draft.abstract === 'string' ? draft.abstract : abstractAt(draft.sources, draft.abstract),
  }));
  stored.drafts.forEach((draft, number) => {
    if (draft.mergedInto !== null) drafts[number]!.mergedInto = drafts[draft.mergedInto]!;
  });
  const versions: AbstractVersion<PaperDraft>[] = stored.versions.map(([draft, origin], id) => {
    const sorted = take();
    const sample = Array.from(take());
    return { id, key: drafts[draft]!, shingles: { sorted, sample }, origin };
  });
  const size = 1 << stored.postingBits;
  const keys = words.subarray(at, at + size);
  at += size;
  const slots = new Int32Array(words.buffer, words.byteOffset + at * 4, size);
  at += size;
  const lists: number[][] = new Array<number[]>(words[at++]!);
  for (let list = 0; list < lists.length; list++) lists[list] = Array.from(take());
  return {
    merged: stored.merged,
    created: stored.created,
    slugs: new SlugRegistry(stored.slugs),
    byTitle: new Map(stored.byTitle.map(([key, named]) => [key, named.map((number) => drafts[number]!)])),
    byAbstract: AbstractIndex.fromParts({
      postings: { bits: stored.postingBits, keys, slots, lists },
      versions,
      versionsOf: stored.versionsOf.map(([draft, ids]) => [drafts[draft]!, ids]),
    }),
    review: new MergeReview(
      stored.misses.map((miss) => ({ ...miss, papers: [drafts[miss.papers[0]]!, drafts[miss.papers[1]]!] })),
    ),
    live: new Set(stored.live.map((number) => drafts[number]!)),
    counts: new Map(stored.counts),
  };
}
