/** Papers per month, for a topic's or an organisation's "Over time" chart. */
import { MONTH_ABBREVIATIONS } from '../ingest/dates.ts';

export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

/**
 * Counts per month from the first month to the last with a paper, empty months included, so
 * that the bars stand on a true time axis. `dates` are `YYYY-MM-DD`; nulls are left out.
 */
export function monthCounts(dates: readonly (string | null)[]): MonthCount[] {
  const counts = new Map<string, number>();
  for (const date of dates) if (date) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  if (counts.size === 0) return [];
  const months = [...counts.keys()].sort();
  const [firstYear, firstMonth] = months[0]!.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = months.at(-1)!.split('-').map(Number) as [number, number];
  const result: MonthCount[] = [];
  for (
    let year = firstYear, month = firstMonth;
    year < lastYear || (year === lastYear && month <= lastMonth);
    month === 12 ? (year++, (month = 1)) : month++
  ) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    result.push({ month: key, count: counts.get(key) ?? 0 });
  }
  return result;
}

/** `2025-09` → `Sep 2025`. */
export const monthLabel = (month: string): string =>
  `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
