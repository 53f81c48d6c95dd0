/**
 * Writes papers as dumps in each of the four formats, exactly as the scrapes lay them out. Used by
 * the synthetic corpus generator and by round-trip tests (write → parse → same papers).
 */
import type { DumpFormat } from '../../src/ingest/index.ts';
import { MONTH_ABBREVIATIONS } from '../../src/ingest/dates.ts';

export interface ListedPaper {
  title: string;
  abstract: string;
  /** Metadata, used by the `daily-page-metadata` format only. */
  authorCount?: number;
  organization?: { handle: string; name: string };
  /** `YYYY-MM-DD`. */
  published?: string;
  /** Print the date without its year (as the page does for the current year). */
  yearless?: boolean;
  upvotes?: number;
}

/** `2025-09-30` → `Sep 30, 2025` (or `Sep 30` when yearless). */
function listingDate(iso: string, yearless = false): string {
  const [year, month, day] = iso.split('-');
  const monthDay = `${MONTH_ABBREVIATIONS[Number(month) - 1]} ${Number(day)}`;
  return yearless ? monthDay : `${monthDay}, ${year}`;
}

export interface DumpOptions {
  /** The page's own date (`YYYY-MM-DD`); its month and day go into the header. */
  pageDate?: string;
}

const HEADER = [
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
];

function metadataBlock(paper: ListedPaper): string[] {
  const byline = paper.organization
    ? `${paper.organization.handle} ${paper.organization.name}`
    : `  • ${paper.authorCount ?? 1} authors`;
  const date = listingDate(paper.published ?? '2025-01-01', paper.yearless);
  return [byline, '·', paper.upvotes ? `${date} ${paper.upvotes}` : date];
}

export function writeDump(format: DumpFormat, papers: readonly ListedPaper[], options: DumpOptions = {}): string {
  // A yearless date is placed by the page's own date; a page without one could not be read back.
  if (format === 'daily-page-metadata' && !options.pageDate && papers.some((paper) => paper.yearless)) {
    throw new Error('writeDump: yearless dates need options.pageDate (the page header date places them in a year)');
  }
  const headerDate = options.pageDate ? [listingDate(options.pageDate, true)] : [];
  switch (format) {
    case 'abstract-lines':
      return papers.map((paper) => `Abstract:${paper.abstract}`).join('\n');
    case 'daily-page':
      return (
        [...HEADER, ...headerDate, ...papers.flatMap((paper) => [paper.title, paper.abstract])].join('\n\n') + '\n'
      );
    case 'daily-page-metadata':
      return (
        [...HEADER, ...headerDate].join('\n\n') +
        '\n\n' +
        papers
          .map((paper) => `${paper.title}\n\n${paper.abstract}\n\n${metadataBlock(paper).join('\n')}`)
          .join('\n\n') +
        '\n'
      );
    case 'line-pairs': {
      const [first, ...rest] = papers;
      if (!first)
        return 'Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe\n';
      const lines = [
        `Subscribe${first.title}`,
        first.abstract,
        ...rest.flatMap((paper) => [paper.title, paper.abstract]),
      ];
      return (
        [
          'Get trending papers in your email inbox once a day!',
          'Get trending papers in your email inbox!',
          ...lines,
        ].join('\n') + '\n'
      );
    }
  }
}
