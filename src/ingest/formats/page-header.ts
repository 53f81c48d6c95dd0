/**
 * The chrome of a Hugging Face "Daily Papers" page that a scrape copies along with the listing.
 * It carries no paper, but its date (`Jul 29`) is the dump's own date.
 */
import { parseListingDate, type MonthDay } from '../dates.ts';

const HEADER_LINES = new Set(
  [
    'new',
    'Get trending papers in your email inbox!',
    'Get trending papers in your email inbox once a day!',
    'Subscribe',
    'Daily Papers',
    'byAK and the research community',
  ].map((line) => line.toLowerCase()),
);

export interface PageHeader {
  /** Index of the first line after the header (into the dump's lines). */
  bodyStart: number;
  /** When the page glued `Subscribe` to the first title, that title, which starts the body. */
  gluedFirstLine: string | null;
  date: MonthDay | null;
}

/** Twice the longest header line: lower-casing never halves a text, so a longer line is no header line. */
const MAX_HEADER_LENGTH = 2 * Math.max(...[...HEADER_LINES].map((line) => line.length));

export function isPageHeaderLine(line: string): boolean {
  const trimmed = line.trim();
  // Titles and abstracts are long: no need to lower-case them to see they are no header line.
  return trimmed.length <= MAX_HEADER_LENGTH && HEADER_LINES.has(trimmed.toLowerCase());
}

/** Reads header lines from the top of a dump until the first line that belongs to the listing. */
export function readPageHeader(lines: readonly string[]): PageHeader {
  let date: MonthDay | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || isPageHeaderLine(line)) continue;
    const parsed = parseListingDate(line);
    if (date === null && parsed.kind === 'date' && parsed.date.year === null && parsed.rest === '') {
      date = { month: parsed.date.month, day: parsed.date.day };
      continue;
    }
    if (line.startsWith('Subscribe') && line.length > 'Subscribe'.length) {
      return { bodyStart: index, gluedFirstLine: line.slice('Subscribe'.length).trim(), date };
    }
    return { bodyStart: index, gluedFirstLine: null, date };
  }
  return { bodyStart: lines.length, gluedFirstLine: null, date };
}
