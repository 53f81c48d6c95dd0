/**
 * What Pagefind learns about a paper beyond its text: its year filter (filter values are exact
 * strings, so dates are bucketed by year), and the title as typed. (The values results are sorted by are not in the index:
 * src/lib/search-values.ts.)
 */
import type { PaperRecord } from '../ingest/index.ts';

const UNDATED_YEAR = 'Undated';

/** The paper's `year` filter value: the year it was published, or "Undated". */
export function searchYear(paper: Pick<PaperRecord, 'published'>): string {
  return paper.published?.slice(0, 4) ?? UNDATED_YEAR;
}

/**
 * The title as a reader types it on a plain keyboard (`S²FT` → `S2FT`, `π` stays), indexed
 * alongside the displayed title when the two differ.
 */
export function typedTitleVariant(title: string): string | null {
  const typed = title.normalize('NFKD').replace(/\p{M}+/gu, '');
  return typed === title ? null : typed;
}
