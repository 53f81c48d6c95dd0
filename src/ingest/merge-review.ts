/**
 * The look-alikes the merge kept apart (near misses), collected while merging and resolved to the
 * papers they ended up in: a near miss between two listings that a later entry tied together is
 * no miss any more. The ones alike beyond boilerplate are "possibly the same work".
 */
import type { LookAlike } from './abstract-index.ts';
import type { PaperDraft } from './merge-papers.ts';
import { isPossiblySameWork, mergeFigures, nearMissReason } from './merge-rules.ts';
import type { ListingRef, MergeNearMiss } from './types.ts';

/** A near miss between drafts; `papers` are the current papers (never retired ones). */
export interface DraftNearMiss extends Omit<MergeNearMiss, 'papers'> {
  papers: [PaperDraft, PaperDraft];
}

/** The paper a draft is now part of. */
function currentPaper(draft: PaperDraft): PaperDraft {
  let paper = draft;
  while (paper.mergedInto !== null) paper = paper.mergedInto;
  return paper;
}

export class MergeReview {
  private readonly misses: DraftNearMiss[];
  /** `misses`: what `noted()` of the review this one continues returned. */
  constructor(misses: DraftNearMiss[] = []) {
    this.misses = misses;
  }

  /** Every near miss noted so far, with the papers as they were when it was noted. */
  noted(): readonly DraftNearMiss[] {
    return this.misses;
  }

  /** The entry `ref`, now part of `paper`, looked like `lookAlike` but was not merged with it. */
  note(
    paper: PaperDraft,
    lookAlike: LookAlike<PaperDraft>,
    ref: ListingRef,
    titles: number | null,
    reason?: string,
  ): void {
    this.misses.push({
      papers: [paper, lookAlike.key],
      entry: ref,
      matched: lookAlike.origin,
      figures: mergeFigures(lookAlike.comparison, titles),
      reason: reason ?? nearMissReason(lookAlike.comparison, titles),
      possiblySameWork: isPossiblySameWork(lookAlike.comparison),
    });
  }

  /** The near misses between papers that are still apart, with current papers. */
  nearMisses(): DraftNearMiss[] {
    const resolved: DraftNearMiss[] = [];
    for (const miss of this.misses) {
      const papers: [PaperDraft, PaperDraft] = [currentPaper(miss.papers[0]), currentPaper(miss.papers[1])];
      if (papers[0] !== papers[1]) resolved.push({ ...miss, papers });
    }
    return resolved;
  }
}

/** Each paper's possibly-same-work partners (both ways), by id, sorted. */
export function possiblySameWorkIds(nearMisses: readonly DraftNearMiss[]): Map<string, string[]> {
  const partners = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    const set = partners.get(from) ?? new Set<string>();
    set.add(to);
    partners.set(from, set);
  };
  for (const miss of nearMisses) {
    if (!miss.possiblySameWork) continue;
    link(miss.papers[0].id, miss.papers[1].id);
    link(miss.papers[1].id, miss.papers[0].id);
  }
  return new Map([...partners].map(([id, set]) => [id, [...set].sort()]));
}
