/** Reads a metadata block of the `daily-page-metadata` format into its fields. */
import { parseListingDate, type MonthDay } from '../dates.ts';
import { METADATA_SEPARATOR, type NumberedLine } from './listing-units.ts';
import { shorten } from './text-shape.ts';

/** More upvotes than any paper page has ever shown: a number past this is a scraping error. */
const MAX_PLAUSIBLE_UPVOTES = 100_000;
const MAX_PLAUSIBLE_AUTHORS = 10_000;

export interface ParsedMetadata {
  authorCount: number | null;
  organization: string | null;
  date: (MonthDay & { year: number | null }) | null;
  upvotes: number | null;
  problems: { line: number; message: string }[];
}

export function parseMetadataBlock(lines: readonly NumberedLine[]): ParsedMetadata {
  const result: ParsedMetadata = { authorCount: null, organization: null, date: null, upvotes: null, problems: [] };
  const [first] = lines;
  if (!first) return result;
  const bylineAt = first.text === METADATA_SEPARATOR ? null : first;
  if (bylineAt) readByline(bylineAt, result);
  else
    result.problems.push({
      line: first.line,
      message: 'metadata block is truncated: it has no authors or organisation line',
    });
  const separatorIndex = lines.findIndex((line) => line.text === METADATA_SEPARATOR);
  const dateLine = separatorIndex >= 0 ? lines[separatorIndex + 1] : undefined;
  if (dateLine) {
    readDateLine(dateLine, result);
  } else {
    const last = lines[lines.length - 1] ?? first;
    result.problems.push({ line: last.line, message: 'metadata block is truncated: no date after it' });
  }
  return result;
}

function readByline({ text, line }: NumberedLine, result: ParsedMetadata): void {
  const authors = /^•\s*(.*?)\s+authors?$/i.exec(text) ?? /^•\s*(.*)$/.exec(text);
  if (!authors) {
    result.organization = organizationName(text);
    return;
  }
  const count = authors[1] ?? '';
  if (/^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= MAX_PLAUSIBLE_AUTHORS) {
    result.authorCount = Number(count);
  } else {
    result.problems.push({
      line,
      message: `"${shorten(text, 40)}" gives no plausible number of authors; the paper is kept without an author count`,
    });
  }
}

/**
 * An organisation line is the organisation's handle followed by its display name
 * (`codefuse-ai CodeFuse AI`); the display name is what readers know, unless it is only the
 * handle again in other letters (`UCAS ucas`), where the handle is the better-spelt one.
 */
function organizationName(text: string): string {
  const [handle = text, ...nameWords] = text.split(/\s+/);
  const name = nameWords.join(' ');
  if (name === '' || name.toLowerCase() === handle.toLowerCase()) return handle;
  return name;
}

function readDateLine({ text, line }: NumberedLine, result: ParsedMetadata): void {
  const parsed = parseListingDate(text);
  if (parsed.kind === 'none') {
    result.problems.push({ line, message: `"${shorten(text, 40)}" is not a date; the paper is kept without a date` });
    return;
  }
  if (parsed.kind === 'invalid') {
    result.problems.push({
      line,
      message: `"${shorten(text, 40)}" is not a real date (${parsed.reason}); the paper is kept without a date or upvote count`,
    });
    return;
  }
  result.date = parsed.date;
  // The page prints no count for a paper nobody has upvoted yet.
  if (parsed.rest === '') {
    result.upvotes = 0;
    return;
  }
  if (/^\d+$/.test(parsed.rest) && Number(parsed.rest) <= MAX_PLAUSIBLE_UPVOTES) {
    result.upvotes = Number(parsed.rest);
  } else {
    result.problems.push({
      line,
      message: `upvote count "${shorten(parsed.rest, 24)}" is not a plausible number of upvotes; the paper is kept without one`,
    });
  }
}
