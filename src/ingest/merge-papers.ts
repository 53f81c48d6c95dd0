/**
 * Merges the entries of all dumps into papers. An entry joins a known paper when its title is the
 * same after normalisation (a short, generic title only when the abstracts agree too) or when a
 * merge rule of merge-rules.ts finds its abstract to be one the paper was listed with; when one
 * entry ties two known papers together, they become one paper under the older id and the younger
 * id is retired. Every merge not made by the title is explained, and every look-alike that was
 * not merged is kept as a near miss (merge-review.ts).
 */
import { abstractShingles, type LookAlike } from './abstract-index.ts';
import { deriveTitle } from './derive-title.ts';
import {
  compareAbstracts,
  differentTitleRule,
  genericTitleAgrees,
  isGenericTitle,
  mergeFigures,
  titleSimilarity,
} from './merge-rules.ts';
import type { DraftNearMiss } from './merge-review.ts';
import { newMergeState, type MergeState } from './merge-state.ts';
import { normalizeText, titleKey } from './normalize-text.ts';
import type { ListingRef, MergeExplanation, ParsedDump, PaperRecord, PaperSource } from './types.ts';

/** A paper while dumps are still being merged: the record's fields that merging keeps up to date, and its working state. */
export interface PaperDraft extends Pick<
  PaperRecord,
  | 'id'
  | 'abstract'
  | 'sources'
  | 'firstSeen'
  | 'published'
  | 'upvotes'
  | 'authorCount'
  | 'organization'
  | 'changes'
  | 'merges'
> {
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
  /** Ids of papers that turned out to be this one. */
  retiredIds: string[];
  /** The paper this one became part of, once it is retired. */
  mergedInto: PaperDraft | null;
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
  /** Look-alikes kept apart, in arrival order; the papers are current (never retired ones). */
  nearMisses: DraftNearMiss[];
}

/** The paper an entry joins and why, before anything is changed. */
interface Placement {
  titleMatch: PaperDraft | undefined;
  abstractMatch: PaperDraft | undefined;
  explanations: MergeExplanation[];
  /** Look-alikes the entry does not join. */
  misses: Miss[];
}

interface Miss {
  lookAlike: LookAlike<PaperDraft>;
  titles: number | null;
  /** Set when the reason is not one the figures tell (see `nearMissReason`). */
  reason?: string;
}

/**
 * Merges the dumps in the order given. `state` (updated in place) may hold the merge of the first
 * of them already, as a checkpoint left it: only the dumps after those are merged then.
 */
export function mergeDumps(dumps: readonly ParsedDump[], state: MergeState = newMergeState()): MergeResult {
  if (state.merged.length > dumps.length || state.merged.some((file, index) => dumps[index]!.file !== file))
    throw new Error(`the merge state is not of the first dumps: ${state.merged.join(', ')}`);
  const { slugs, byTitle, byAbstract, review, live, counts } = state;
  const arrival = new Map(dumps.map((dump, index) => [dump.file, index]));

  const absorb = (keeper: PaperDraft, retired: PaperDraft) => {
    live.delete(retired);
    retired.mergedInto = keeper;
    for (const version of byAbstract.remove(retired)) byAbstract.add(keeper, version.shingles, version.origin);
    keeper.retiredIds.push(retired.id, ...retired.retiredIds);
    for (const [key, title] of retired.titles) {
      if (!keeper.titles.has(key)) keeper.titles.set(key, title);
      const named = (byTitle.get(key) ?? []).filter((paper) => paper !== retired && paper !== keeper);
      byTitle.set(key, [...named, keeper]);
    }
    keeper.sources = [...keeper.sources, ...retired.sources].sort(compareSources(dumps));
    keeper.published ??= retired.published;
    keeper.upvotes ??= retired.upvotes;
    keeper.authorCount ??= retired.authorCount;
    keeper.organization ??= retired.organization;
    // Both histories in arrival order; the sort is stable, so each dump's changes keep their order.
    keeper.changes = [...keeper.changes, ...retired.changes].sort(
      (a, b) => (arrival.get(a.dump) ?? 0) - (arrival.get(b.dump) ?? 0),
    );
    keeper.merges = [...keeper.merges, ...retired.merges].sort(
      (a, b) => (arrival.get(a.entry.dump) ?? 0) - (arrival.get(b.entry.dump) ?? 0) || a.entry.line - b.entry.line,
    );
  };

  /** Which known papers an entry joins; look-alikes it does not join are noted as near misses. */
  const place = (ref: ListingRef, key: string | null, shingles: ReturnType<typeof abstractShingles>): Placement => {
    const lookAlikes = byAbstract.lookAlikes(shingles);
    const named = key === null || key === '' ? [] : (byTitle.get(key) ?? []);
    const explanations: MergeExplanation[] = [];
    const misses: Miss[] = [];
    let titleMatch: PaperDraft | undefined;
    if (named.length > 0 && !isGenericTitle(ref.title!)) titleMatch = named[0];
    else {
      // A short, generic title names the paper only together with an agreeing abstract.
      for (const paper of named) {
        const lookAlike = lookAlikes.find((candidate) => candidate.key === paper) ?? closest(paper);
        if (titleMatch === undefined && genericTitleAgrees(lookAlike.comparison)) {
          titleMatch = paper;
          // The same listing again needs no explanation.
          if (lookAlike.comparison.jaccard < 1)
            explanations.push({
              rule: 'short-title-and-abstract',
              entry: ref,
              matched: lookAlike.origin,
              figures: mergeFigures(lookAlike.comparison, 1),
            });
        } else
          misses.push({ lookAlike, titles: 1, reason: 'the same short or generic title, but the abstracts differ' });
      }
    }
    const ruled = lookAlikes
      .filter((lookAlike) => !named.includes(lookAlike.key))
      .map((lookAlike) => {
        const titles = ref.title === null ? null : bestTitleSimilarity(ref.title, lookAlike);
        return { lookAlike, titles, rule: differentTitleRule(lookAlike.comparison, titles) };
      });
    let best: (typeof ruled)[number] | undefined;
    for (const candidate of ruled)
      if (
        candidate.rule !== null &&
        (best === undefined || candidate.lookAlike.comparison.jaccard >= best.lookAlike.comparison.jaccard)
      )
        best = candidate;
    // A truncated text found whole in several papers (their shared opening) says not which one it is.
    const ambiguous =
      best?.rule === 'truncated-abstract' &&
      ruled.filter((candidate) => candidate.rule === 'truncated-abstract').length > 1;
    for (const candidate of ruled) {
      if (candidate === best && !ambiguous) continue;
      const reason =
        ambiguous && candidate.rule === 'truncated-abstract'
          ? 'a truncated abstract found whole in more than one paper'
          : undefined;
      misses.push({ lookAlike: candidate.lookAlike, titles: candidate.titles, reason });
    }
    const abstractMatch = best !== undefined && !ambiguous ? best.lookAlike.key : undefined;
    // The same listing again (no title or the same one, the same abstract) is no merge to explain.
    const repeat =
      best !== undefined &&
      best.lookAlike.comparison.jaccard === 1 &&
      sameTitle(ref.title, best.lookAlike.origin.title);
    if (best !== undefined && abstractMatch !== undefined && !repeat) {
      explanations.push({
        rule: best.rule!,
        entry: ref,
        matched: best.lookAlike.origin,
        figures: mergeFigures(best.lookAlike.comparison, best.titles),
      });
    }
    return { titleMatch, abstractMatch, explanations, misses };

    function closest(paper: PaperDraft): LookAlike<PaperDraft> {
      let found: LookAlike<PaperDraft> | undefined;
      for (const version of byAbstract.versionsFor(paper)) {
        const comparison = compareAbstracts(shingles, version.shingles.sorted, 0)!;
        if (found === undefined || comparison.jaccard >= found.comparison.jaccard)
          found = { key: paper, origin: version.origin, comparison };
      }
      return found!;
    }
  };

  for (const dump of dumps.slice(state.merged.length)) {
    const tally: DumpMergeCounts = { newPapers: 0, mergedEntries: 0 };
    counts.set(dump.file, tally);
    for (const entry of dump.entries) {
      const title = entry.title === null ? null : normalizeText(entry.title);
      const key = title === null ? null : titleKey(title);
      const abstract = normalizeText(entry.abstract);
      // Text that normalising left as it was is its own normal form: no need to look at it again.
      const shingles = abstractShingles(abstract, abstract === entry.abstract);
      const ref: ListingRef = { dump: dump.file, line: entry.line, title: key === null || key === '' ? null : title };
      const { titleMatch, abstractMatch, explanations, misses } = place(ref, key, shingles);

      let paper = titleMatch ?? abstractMatch;
      const isNew = paper === undefined;
      if (titleMatch && abstractMatch && titleMatch !== abstractMatch) {
        const [keeper, retired] =
          titleMatch.created < abstractMatch.created ? [titleMatch, abstractMatch] : [abstractMatch, titleMatch];
        absorb(keeper, retired);
        paper = keeper;
      }
      if (paper === undefined) {
        const derivedTitle = key === null || key === '' ? deriveTitle(abstract) : '';
        paper = {
          id: slugs.claim(title ?? derivedTitle),
          created: state.created++,
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
          merges: [],
          mergedInto: null,
        };
        live.add(paper);
        tally.newPapers++;
      } else {
        tally.mergedEntries++;
        // A listing repeated word for word (a dump listed again) is explained once.
        for (const explanation of explanations)
          if (!paper.merges.some((known) => isSameExplanation(known, explanation))) paper.merges.push(explanation);
      }
      for (const miss of misses) review.note(paper, miss.lookAlike, ref, miss.titles, miss.reason);

      // The newest listing speaks last: its title, abstract and counts are the current ones.
      const titleBefore = isNew ? null : displayTitle(paper);
      const upvotesBefore = paper.upvotes;
      if (title !== null && key !== null && key !== '') {
        // Re-setting a known key keeps its place (aliases stay oldest first) but takes the newest
        // spelling, so the display title is the newest listing's even when only its case differs.
        paper.titles.set(key, title);
        paper.latestTitleKey = key;
        const named = byTitle.get(key) ?? [];
        if (!named.includes(paper)) byTitle.set(key, [...named, paper]);
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
      if (
        titleBefore !== null &&
        titleBefore !== displayTitle(paper) &&
        titleKey(titleBefore) !== titleKey(displayTitle(paper))
      ) {
        paper.changes.push({ dump: dump.file, field: 'title', from: titleBefore, to: displayTitle(paper) });
      }
      if (!isNew && upvotesBefore !== null && paper.upvotes !== upvotesBefore) {
        paper.changes.push({ dump: dump.file, field: 'upvotes', from: upvotesBefore, to: paper.upvotes });
      }
      byAbstract.add(paper, shingles, ref);
    }
    counts.set(dump.file, tally);
    state.merged.push(dump.file);
  }
  return { papers: [...live], counts, nearMisses: review.nearMisses() };
}

function sameTitle(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : titleKey(a) === titleKey(b);
}

function isSameExplanation(a: MergeExplanation, b: MergeExplanation): boolean {
  return (
    a.rule === b.rule &&
    a.entry.title === b.entry.title &&
    a.matched.dump === b.matched.dump &&
    a.matched.line === b.matched.line &&
    JSON.stringify(a.figures) === JSON.stringify(b.figures)
  );
}

/** How close the entry's title is to any title the look-alike's paper was listed under. */
function bestTitleSimilarity(title: string, lookAlike: LookAlike<PaperDraft>): number | null {
  const titles = [...lookAlike.key.titles.values()];
  if (lookAlike.origin.title !== null) titles.push(lookAlike.origin.title);
  if (titles.length === 0) return null;
  return Math.max(...titles.map((other) => titleSimilarity(title, other)));
}

function compareSources(dumps: readonly ParsedDump[]) {
  const order = new Map(dumps.map((dump, index) => [dump.file, index]));
  return (a: PaperSource, b: PaperSource) => (order.get(a.dump) ?? 0) - (order.get(b.dump) ?? 0) || a.line - b.line;
}
