/**
 * What Pagefind learns about a paper beyond its text: its filters. Filter values are exact
 * strings, so dates are bucketed by year. (The values results are sorted by are not in the index:
 * src/lib/search-values.ts.)
 */
import { OTHER_TOPIC, type PaperRecord } from '../ingest/index.ts';

const UNDATED_YEAR = 'Undated';

export interface SearchFacets {
  year: string;
  topics: string[];
}

export function searchFacets(paper: PaperRecord, topicNames: ReadonlyMap<string, string>): SearchFacets {
  return {
    year: paper.published?.slice(0, 4) ?? UNDATED_YEAR,
    topics:
      paper.topics.length === 0 ? [OTHER_TOPIC.name] : paper.topics.map((topic) => topicNames.get(topic) ?? topic),
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
