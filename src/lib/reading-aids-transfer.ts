/**
 * The reading aids as the aids' thread hands them back (reading-aids-thread.ts): the related
 * papers as numbers (each paper's related papers by their place in the papers given, their scores,
 * their shared terms through a table of the distinct terms), not as 250,000 objects and 750,000
 * strings to clone (at 50,000 papers: ~0.3 s to serialise on the thread, ~0.5 s to read back on
 * the main thread, against some 0.1 s to build the objects there). The themes are few: as they are.
 */
import type { ReadingAids } from './reading-aids.ts';
import type { RelatedPaper } from './related-papers.ts';

export interface PackedReadingAids {
  packed: true;
  /** Paper `p`'s related papers at `relatedStart[p]…relatedStart[p + 1]` of `others`, `scores` and `termStart`. */
  relatedStart: Int32Array;
  /** Places of the related papers among the papers. */
  others: Int32Array;
  scores: Float64Array;
  /** Related paper `r`'s shared terms at `termStart[r]…termStart[r + 1]` of `terms`, places in `termTable`. */
  termStart: Int32Array;
  terms: Int32Array;
  termTable: string[];
  themes: ReadingAids['themes'];
  topicIds: string[];
}

type Paper = { readonly id: string };

/** The aids made for `papers` (in the same order), packed. */
export function packReadingAids(papers: readonly Paper[], aids: ReadingAids): PackedReadingAids {
  const placeOf = new Map<string, number>();
  papers.forEach((paper, index) => {
    if (!placeOf.has(paper.id)) placeOf.set(paper.id, index);
  });
  const lists = papers.map((paper) => aids.related.get(paper.id) ?? []);
  const relatedStart = new Int32Array(papers.length + 1);
  lists.forEach((list, index) => (relatedStart[index + 1] = relatedStart[index]! + list.length));
  const total = relatedStart[papers.length]!;
  const others = new Int32Array(total);
  const scores = new Float64Array(total);
  const termStart = new Int32Array(total + 1);
  const terms: number[] = [];
  const termTable: string[] = [];
  const termPlace = new Map<string, number>();
  let at = 0;
  for (const list of lists)
    for (const related of list) {
      others[at] = placeOf.get(related.id)!;
      scores[at] = related.score;
      for (const term of related.sharedTerms) {
        let place = termPlace.get(term);
        if (place === undefined) termPlace.set(term, (place = termTable.push(term) - 1));
        terms.push(place);
      }
      termStart[++at] = terms.length;
    }
  return {
    packed: true,
    relatedStart,
    others,
    scores,
    termStart,
    terms: Int32Array.from(terms),
    termTable,
    themes: aids.themes,
    topicIds: aids.topicIds,
  };
}

/** The aids that `packReadingAids` packed for the same `papers`. */
export function unpackReadingAids(papers: readonly Paper[], packed: PackedReadingAids): ReadingAids {
  const { relatedStart, others, scores, termStart, terms, termTable } = packed;
  const related = new Map<string, RelatedPaper[]>();
  papers.forEach((paper, index) => {
    const list: RelatedPaper[] = [];
    for (let r = relatedStart[index]!; r < relatedStart[index + 1]!; r++) {
      const sharedTerms: string[] = [];
      for (let t = termStart[r]!; t < termStart[r + 1]!; t++) sharedTerms.push(termTable[terms[t]!]!);
      list.push({ id: papers[others[r]!]!.id, score: scores[r]!, sharedTerms });
    }
    related.set(paper.id, list);
  });
  return { related, themes: packed.themes, topicIds: packed.topicIds };
}
