/** A topic's papers per month and top organisations, for its side column (topic-sidebar-html.ts). */
import type { PaperRecord } from '../ingest/index.ts';
import { monthCounts, type MonthCount } from './month-counts.ts';

export interface ListFacts {
  months: MonthCount[];
  /** Papers with neither a date nor a dated dump. */
  undated: number;
  /** The eight organisations with the most papers, most first, with their counts. */
  topOrganisations: [string, number][];
}

export function listFacts(papers: readonly PaperRecord[], dumpDates: ReadonlyMap<string, string | null>): ListFacts {
  const dates = papers.map((paper) => paper.published ?? dumpDates.get(paper.firstSeen) ?? null);
  const organisationCounts = new Map<string, number>();
  for (const paper of papers)
    if (paper.organization)
      organisationCounts.set(paper.organization, (organisationCounts.get(paper.organization) ?? 0) + 1);
  return {
    months: monthCounts(dates),
    undated: dates.filter((date) => date === null).length,
    topOrganisations: [...organisationCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8),
  };
}
