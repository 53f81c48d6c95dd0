/**
 * Dates as Hugging Face Papers prints them: `Sep 30, 2025`, or yearless `Feb 17` for the current
 * year. A yearless date is read as the latest such day not after the dump's own date.
 */

/**
 * The months as pages print them (and the site shows them). A leaf of the ingest, imported alone
 * by the site's scripts, which must not pull in the whole library through its index.
 */
export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export interface MonthDay {
  month: number; // 1-12
  day: number;
}

export interface CalendarDate extends MonthDay {
  year: number;
}

/** `Sep 30, 2025` / `September 30, 2025` / `Feb 17`; the rest of the line is returned untouched. */
const DATE_PATTERN = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?=\s|$)/;

export type DateParse =
  | { kind: 'date'; date: MonthDay & { year: number | null }; rest: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'none' };

export function parseListingDate(text: string): DateParse {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return { kind: 'none' };
  const [whole, monthName = '', dayText = '', yearText] = match;
  const month = monthNumber(monthName);
  if (month === null) return { kind: 'invalid', reason: `"${monthName}" is not a month` };
  const day = Number(dayText);
  const year = yearText === undefined ? null : Number(yearText);
  if (day < 1 || day > daysInMonth(month, year ?? 2024)) {
    return { kind: 'invalid', reason: `${monthName} ${day} is not a day of the calendar` };
  }
  return { kind: 'date', date: { year, month, day }, rest: text.trim().slice(whole.length).trim() };
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_ABBREVIATIONS.findIndex((abbr) => lower.startsWith(abbr.toLowerCase()));
  if (index < 0) return null;
  return lower.length === 3 || MONTH_NAMES[index]!.startsWith(lower) ? index + 1 : null;
}

function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The latest date with this month and day that is not after `reference`. */
export function resolveYearlessDate(date: MonthDay, reference: CalendarDate): CalendarDate | null {
  for (let year = reference.year; year > reference.year - 8; year--) {
    const candidate = { year, month: date.month, day: date.day };
    if (date.day <= daysInMonth(date.month, year) && compareDates(candidate, reference) <= 0) return candidate;
  }
  return null;
}

/**
 * The dump's own date: its header gives month and day only, and the page lists dated papers up to
 * that day, so the year is the first one that puts the header date on or after every full date.
 * Without a header date, the newest full date stands in for it.
 */
export function inferDumpDate(headerDate: MonthDay | null, fullDates: CalendarDate[]): CalendarDate | null {
  const newest = fullDates.reduce<CalendarDate | null>(
    (latest, date) => (latest === null || compareDates(date, latest) > 0 ? date : latest),
    null,
  );
  if (headerDate === null) return newest;
  if (newest === null) return null;
  for (let year = newest.year; year <= newest.year + 1; year++) {
    const candidate = { year, ...headerDate };
    if (compareDates(candidate, newest) >= 0) return candidate;
  }
  return null;
}
