/**
 * What Pagefind learns about a paper beyond its text. A paper has a sort key only for what is
 * known about it: Pagefind leaves a page without the key out of results sorted by it, and the
 * search page lists those papers after the others (the `unknown` filter finds them), whichever the
 * direction. (Each key also costs the index metadata, which every first search loads, a few bytes.)
 * Filter values are exact strings, so dates are bucketed by year.
 */
import { OTHER_TOPIC, type PaperRecord } from '../ingest/index.ts';

const UNDATED_YEAR = 'Undated';

export interface SearchFacets {
  year: string;
  topics: string[];
  dateSortKey: string | null;
  upvotesSortKey: string | null;
  /**
   * The sort keys this paper has no real value for (`unknown` filter values): the search page
   * lists these papers after the others, whichever the direction of the sort.
   */
  unknown: ('date' | 'upvotes')[];
}

export function searchFacets(paper: PaperRecord, topicNames: ReadonlyMap<string, string>): SearchFacets {
  return {
    year: paper.published?.slice(0, 4) ?? UNDATED_YEAR,
    topics:
      paper.topics.length === 0 ? [OTHER_TOPIC.name] : paper.topics.map((topic) => topicNames.get(topic) ?? topic),
    dateSortKey: paper.published,
    upvotesSortKey: paper.upvotes === null ? null : String(paper.upvotes),
    unknown: [...(paper.published ? [] : ['date' as const]), ...(paper.upvotes === null ? ['upvotes' as const] : [])],
  };
}

/**
 * The title as a reader types it on a plain keyboard (`S²FT` → `S2FT`, `π` stays), indexed
 * alongside the displayed title when the two differ.
 */
export function typedTitleVariant(title: string): string | null {
  const typed = title.normalize('NFKD').replace(/\p{M}+/gu, '');
  return typed === title ? null : typed;
}
