/**
 * Parses one dump on its own: bytes → lines → format → entries with resolved dates.
 * The result depends only on the file's name and bytes, which is what lets the loader cache it.
 */
import { decodeDump } from './decode.ts';
import { formatIsoDate, inferDumpDate, resolveYearlessDate, type CalendarDate } from './dates.ts';
import { ABSTRACT_LINE_PREFIX, detectDumpFormat } from './formats/detect-format.ts';
import { splitListingUnits } from './formats/listing-units.ts';
import { readPageHeader } from './formats/page-header.ts';
import { pairListingUnits, shorten, type PairedEntry } from './formats/pair-entries.ts';
import type { IngestWarning, ParsedDump, RawEntry } from './types.ts';

/** Bump when parsing changes what a dump yields: cached parses of older versions are discarded. */
export const PARSER_VERSION = 2;

export function parseDump(file: string, bytes: Uint8Array): ParsedDump {
  const warnings: IngestWarning[] = [];
  const warn = (line: number | null, message: string) => warnings.push({ dump: file, line, message });
  const failed = (message: string): ParsedDump => {
    warn(null, message);
    return { file, format: null, dumpDate: null, entries: [], warnings };
  };

  const decoded = decodeDump(bytes);
  if (decoded.lines === null) return failed(`skipped: ${decoded.note}`);
  if (decoded.note) warn(null, decoded.note);
  const lines = decoded.lines;
  const header = readPageHeader(lines);
  const verdict = detectDumpFormat(lines, header);
  if (verdict.format === null) return failed(`skipped: ${verdict.reason}`);

  let paired: PairedEntry[];
  if (verdict.format === 'abstract-lines') {
    paired = readAbstractLines(lines, header.bodyStart, warn);
  } else {
    const { entries, problems } = pairListingUnits(splitListingUnits(lines, header.bodyStart, header.gluedFirstLine));
    for (const problem of problems) warn(problem.line, problem.message);
    paired = entries;
    if (verdict.format === 'daily-page-metadata') {
      for (const entry of paired) {
        if (entry.meta === null) warn(entry.line, `"${shorten(entry.title ?? entry.abstract)}" has no metadata block`);
      }
    }
  }

  const fullDates = paired.flatMap((entry) => {
    const date = entry.meta?.date;
    return date && date.year !== null ? [{ ...date, year: date.year }] : [];
  });
  const dumpDate = inferDumpDate(header.date, fullDates);
  const entries = paired.map((entry) => resolveEntryDate(entry, dumpDate, warn));
  return { file, format: verdict.format, dumpDate: dumpDate && formatIsoDate(dumpDate), entries, warnings };
}

function readAbstractLines(
  lines: readonly string[],
  start: number,
  warn: (line: number | null, message: string) => void,
): PairedEntry[] {
  const entries: PairedEntry[] = [];
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (index < start || text === '') return;
    if (!ABSTRACT_LINE_PREFIX.test(text)) {
      warn(index + 1, `line does not start with "Abstract:"; skipped`);
      return;
    }
    const abstract = text.replace(ABSTRACT_LINE_PREFIX, '');
    if (abstract === '') warn(index + 1, 'abstract line is empty; skipped');
    else entries.push({ title: null, abstract, line: index + 1, meta: null });
  });
  return entries;
}

function resolveEntryDate(
  entry: PairedEntry,
  dumpDate: CalendarDate | null,
  warn: (line: number | null, message: string) => void,
): RawEntry {
  if (entry.meta === null) return { ...entry, meta: null };
  const { authorCount, organization, upvotes, date } = entry.meta;
  let published: string | null = null;
  if (date && date.year !== null) {
    published = formatIsoDate({ ...date, year: date.year });
  } else if (date) {
    const resolved = dumpDate && resolveYearlessDate(date, dumpDate);
    if (resolved) published = formatIsoDate(resolved);
    else warn(entry.line, 'yearless date cannot be placed in a year: the dump has no full date to infer its year from');
  }
  return { ...entry, meta: { authorCount, organization, published, upvotes } };
}
