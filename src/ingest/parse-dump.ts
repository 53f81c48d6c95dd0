/**
 * Parses one dump on its own: bytes → lines → format → entries with resolved dates.
 * The result depends only on the file's name and bytes, which is what lets the loader cache it.
 */
import { decodeDump } from './decode.ts';
import { formatIsoDate, inferDumpDate, resolveYearlessDate, type CalendarDate } from './dates.ts';
import { ABSTRACT_LINE_PREFIX, detectDumpFormat } from './formats/detect-format.ts';
import { splitListingUnits } from './formats/listing-units.ts';
import { readPageHeader } from './formats/page-header.ts';
import { pairListingUnits, type PairedEntry } from './formats/pair-entries.ts';
import { shorten } from './formats/text-shape.ts';
import type { IngestWarning, ParsedDump, RawEntry } from './types.ts';

/** Bump when parsing changes what a dump yields: cached parses of older versions are discarded. */
export const PARSER_VERSION = 3;

/**
 * The longest abstract arXiv accepts is 1,920 characters; a line five times as long is no title or
 * abstract but several lines run together (or an inlined blob), and reading it as one abstract
 * would make one "paper" that contains, and so swallows, the papers it holds.
 */
const MAX_LINE_LENGTH = 10_000;

export function parseDump(file: string, bytes: Uint8Array): ParsedDump {
  const warnings: IngestWarning[] = [];
  const warn = (line: number | null, message: string) => warnings.push({ dump: file, line, message });
  const failed = (message: string): ParsedDump => {
    warn(null, message);
    return { file, format: null, dumpDate: null, entries: [], warnings };
  };

  const decoded = decodeDump(bytes);
  if (decoded.lines === null) return failed(`skipped: ${decoded.refusal}`);
  for (const note of decoded.notes) warn(note.line, note.message);
  // The format is told from every line (a page saved as one long line of HTML is still HTML);
  // entries are read without the over-long lines.
  const verdict = detectDumpFormat(decoded.lines, readPageHeader(decoded.lines));
  if (verdict.format === null) return failed(`skipped: ${verdict.reason}`);
  const lines = decoded.lines.map((line, index) => {
    if (line.length <= MAX_LINE_LENGTH) return line;
    warn(
      index + 1,
      `this line is ${line.length.toLocaleString('en-US')} characters long, far longer than any title or abstract (lines run together?); skipped`,
    );
    return '';
  });
  const header = readPageHeader(lines);

  let paired: PairedEntry[];
  if (verdict.format === 'abstract-lines') {
    paired = readAbstractLines(lines, header.bodyStart, warn);
  } else {
    const { entries, problems } = pairListingUnits(splitListingUnits(lines, header.bodyStart, header.gluedFirstLine));
    for (const problem of problems) warn(problem.line, problem.message);
    paired = entries;
    if (verdict.format === 'daily-page-metadata') {
      for (const entry of paired) {
        if (entry.meta === null)
          warn(
            entry.line,
            `"${shorten(entry.title ?? entry.abstract)}" has no metadata block (authors, date, upvotes); kept without them`,
          );
      }
    }
  }

  const fullDates = paired.flatMap((entry) => {
    const date = entry.meta?.date;
    return date && date.year !== null ? [{ ...date, year: date.year }] : [];
  });
  const dumpDate = inferDumpDate(header.date, fullDates);
  const entries = paired.map((entry) => resolveEntryDate(entry, dumpDate, warn));
  warnIfCutOff(lines, entries, decoded.endsMidCharacter, warn);
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, format: verdict.format, dumpDate: dumpDate && formatIsoDate(dumpDate), entries, warnings };
}

/**
 * A download or copy that stopped early leaves the last abstract unfinished: the file stops inside
 * a character, or mid-word with no line end after it. The entry is kept (a later listing of the
 * paper completes it) and the user is told where the file stops.
 */
function warnIfCutOff(
  lines: readonly string[],
  entries: readonly RawEntry[],
  endsMidCharacter: boolean,
  warn: (line: number | null, message: string) => void,
): void {
  const last = entries[entries.length - 1];
  let lastLine = lines.length - 1;
  while (lastLine >= 0 && (lines[lastLine] ?? '').trim() === '') lastLine--;
  if (!last || lastLine < 0 || !(lines[lastLine] ?? '').trim().endsWith(last.abstract)) return;
  const endsWithLineBreak = lastLine < lines.length - 1;
  const endsMidWord = /(?:^|\s)\p{L}+[,;:(\-–]?$/u.test(last.abstract);
  if (endsMidCharacter || (!endsWithLineBreak && endsMidWord)) {
    warn(
      lastLine + 1,
      'the file stops in the middle of this abstract, so the dump looks cut off; the entry is kept as it is',
    );
  }
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
