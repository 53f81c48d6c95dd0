/**
 * Merges the entries of all dumps into papers. An entry joins a known paper when its title is the
 * same after normalisation or its abstract is near-identical to any abstract the paper was listed
 * with; when one entry ties two known papers together, they become one paper under the older id
 * and the younger id is retired.
 */
import { AbstractIndex, abstractShingles } from './abstract-index.ts';
import { deriveTitle } from './derive-title.ts';
import { normalizeText, titleKey } from './normalize-text.ts';
import { SlugRegistry } from './slug.ts';
import type { ParsedDump, PaperChange, PaperSource } from './types.ts';

/** A paper while dumps are still being merged; `seen` counts arrival order across all dumps. */
export interface PaperDraft {
  id: string;
  /** Creation order, so that the older of two merged papers keeps its id. */
  created: number;
  /** Real titles by title key (each in its newest spelling), in the order first seen; `latestTitleKey` names the newest. */
  titles: Map<string, string>;
  latestTitleKey: string | null;
  /**
   * The title derived from the abstract, shown while `latestTitleKey` is null. Only a paper first
   * listed without a (usable) title can be in that state, so only such a paper gets one: for the
   * others it is '' (deriving it for every paper was a good part of the merging time).
   */
  derivedTitle: string;
  abstract: string;
  sources: PaperSource[];
  firstSeen: string;
  published: string | null;
  upvotes: number | null;
  authorCount: number | null;
  organization: string | null;
  /** Ids of papers that turned out to be this one. */
  retiredIds: string[];
  changes: PaperChange[];
}

/** The title a reader currently sees for a draft. */
export function displayTitle(draft: PaperDraft): string {
  return draft.latestTitleKey === null ? draft.derivedTitle : draft.titles.get(draft.latestTitleKey)!;
}

export interface DumpMergeCounts {
  newPapers: number;
  mergedEntries: number;
}

export interface MergeResult {
  papers: PaperDraft[];
  /** Per dump file name. */
  counts: Map<string, DumpMergeCounts>;
}

export function mergeDumps(dumps: readonly ParsedDump[]): MergeResult {
  const slugs = new SlugRegistry();
  const byTitle = new Map<string, PaperDraft>();
  const byAbstract = new AbstractIndex<PaperDraft>();
  const live = new Set<PaperDraft>();
  const counts = new Map<string, DumpMergeCounts>();
  let created = 0;
  const arrival = new Map(dumps.map((dump, index) => [dump.file, index]));

  const absorb = (keeper: PaperDraft, retired: PaperDraft) => {
    live.delete(retired);
    for (const shingles of byAbstract.remove(retired)) byAbstract.add(keeper, shingles);
    keeper.retiredIds.push(retired.id, ...retired.retiredIds);
    for (const [key, title] of retired.titles) {
      if (!keeper.titles.has(key)) keeper.titles.set(key, title);
      byTitle.set(key, keeper);
    }
    keeper.sources = [...keeper.sources, ...retired.sources].sort(compareSources(dumps));
    keeper.published ??= retired.published;
    keeper.upvotes ??= retired.upvotes;
    keeper.authorCount ??= retired.authorCount;
    keeper.organization ??= retired.organization;
    // Both histories in arrival order; the sort is stable, so each dump's changes keep their order.
    keeper.changes = [...keeper.changes, ...retired.changes].sort((a, b) => (arrival.get(a.dump) ?? 0) - (arrival.get(b.dump) ?? 0));
  };

  for (const dump of dumps) {
    const tally: DumpMergeCounts = { newPapers: 0, mergedEntries: 0 };
    counts.set(dump.file, tally);
    for (const entry of dump.entries) {
      const title = entry.title === null ? null : normalizeText(entry.title);
      const key = title === null ? null : titleKey(title);
      const abstract = normalizeText(entry.abstract);
      // Text that normalising left as it was is its own normal form: no need to look at it again.
      const shingles = abstractShingles(abstract, abstract === entry.abstract);
      const titleMatch = key === null || key === '' ? undefined : byTitle.get(key);
      const abstractMatch = byAbstract.findSamePaper(shingles) ?? undefined;

      let paper = titleMatch ?? abstractMatch;
      const isNew = paper === undefined;
      if (titleMatch && abstractMatch && titleMatch !== abstractMatch) {
        const [keeper, retired] = titleMatch.created < abstractMatch.created ? [titleMatch, abstractMatch] : [abstractMatch, titleMatch];
        absorb(keeper, retired);
        paper = keeper;
      }
      if (paper === undefined) {
        const derivedTitle = key === null || key === '' ? deriveTitle(abstract) : '';
        paper = {
          id: slugs.claim(title ?? derivedTitle),
          created: created++,
          titles: new Map(),
          latestTitleKey: null,
          derivedTitle,
          abstract,
          sources: [],
          firstSeen: dump.file,
          published: null,
          upvotes: null,
          authorCount: null,
          organization: null,
          retiredIds: [],
          changes: [],
        };
        live.add(paper);
        tally.newPapers++;
      } else {
        tally.mergedEntries++;
      }

      // The newest listing speaks last: its title, abstract and counts are the current ones.
      const titleBefore = isNew ? null : displayTitle(paper);
      const upvotesBefore = paper.upvotes;
      if (title !== null && key !== null && key !== '') {
        // Re-setting a known key keeps its place (aliases stay oldest first) but takes the newest
        // spelling, so the display title is the newest listing's even when only its case differs.
        paper.titles.set(key, title);
        paper.latestTitleKey = key;
        byTitle.set(key, paper);
      }
      // A listing cut off mid-abstract (a truncated dump) does not replace the complete abstract.
      if (!(abstract.length < paper.abstract.length && paper.abstract.startsWith(abstract))) paper.abstract = abstract;
      paper.sources.push({ dump: dump.file, line: entry.line });
      if (entry.meta) {
        paper.published = entry.meta.published ?? paper.published;
        paper.upvotes = entry.meta.upvotes ?? paper.upvotes;
        paper.authorCount = entry.meta.authorCount ?? paper.authorCount;
        paper.organization = entry.meta.organization ?? paper.organization;
      }
      if (titleBefore !== null && titleBefore !== displayTitle(paper) && titleKey(titleBefore) !== titleKey(displayTitle(paper))) {
        paper.changes.push({ dump: dump.file, field: 'title', from: titleBefore, to: displayTitle(paper) });
      }
      if (!isNew && upvotesBefore !== null && paper.upvotes !== upvotesBefore) {
        paper.changes.push({ dump: dump.file, field: 'upvotes', from: upvotesBefore, to: paper.upvotes });
      }
      byAbstract.add(paper, shingles);
    }
    counts.set(dump.file, tally);
  }
  return { papers: [...live], counts };
}

function compareSources(dumps: readonly ParsedDump[]) {
  const order = new Map(dumps.map((dump, index) => [dump.file, index]));
  return (a: PaperSource, b: PaperSource) => (order.get(a.dump) ?? 0) - (order.get(b.dump) ?? 0) || a.line - b.line;
}
