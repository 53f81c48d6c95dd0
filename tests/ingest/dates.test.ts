/** Listing dates: full and yearless dates, the dump's own date, and yearless dates across a year boundary. */
import { describe, expect, it } from 'vitest';
import { inferDumpDate, parseListingDate, resolveYearlessDate } from '../../src/ingest/dates.ts';
import { parseDump } from '../../src/ingest/index.ts';
import { bytesOf, fixtureText, ingestTexts, paperTitled } from './helpers.ts';

describe('parseListingDate', () => {
  it('reads full dates, yearless dates and the upvote count after them', () => {
    expect(parseListingDate('Sep 30, 2025')).toEqual({
      kind: 'date',
      date: { year: 2025, month: 9, day: 30 },
      rest: '',
    });
    expect(parseListingDate('Jun 10, 2025 2')).toEqual({
      kind: 'date',
      date: { year: 2025, month: 6, day: 10 },
      rest: '2',
    });
    expect(parseListingDate('Feb 17')).toEqual({ kind: 'date', date: { year: null, month: 2, day: 17 }, rest: '' });
    expect(parseListingDate('Feb 17 3')).toEqual({ kind: 'date', date: { year: null, month: 2, day: 17 }, rest: '3' });
  });

  it('refuses days that are not in the calendar and words that are not months', () => {
    expect(parseListingDate('Feb 30, 2025').kind).toBe('invalid');
    expect(parseListingDate('Feb 29, 2025').kind).toBe('invalid');
    expect(parseListingDate('Feb 29, 2024').kind).toBe('date');
    expect(parseListingDate('Foo 3').kind).toBe('invalid');
    expect(parseListingDate('8 authors').kind).toBe('none');
  });
});

describe('resolveYearlessDate', () => {
  const jan5 = { year: 2026, month: 1, day: 5 };

  it('takes the latest such day not after the dump date, across the year boundary', () => {
    expect(resolveYearlessDate({ month: 12, day: 30 }, jan5)).toEqual({ year: 2025, month: 12, day: 30 });
    expect(resolveYearlessDate({ month: 1, day: 3 }, jan5)).toEqual({ year: 2026, month: 1, day: 3 });
    expect(resolveYearlessDate({ month: 1, day: 6 }, jan5)).toEqual({ year: 2025, month: 1, day: 6 });
  });

  it('counts the dump date itself as not after it', () => {
    expect(resolveYearlessDate({ month: 1, day: 5 }, jan5)).toEqual(jan5);
  });

  it('finds the last leap year for Feb 29', () => {
    expect(resolveYearlessDate({ month: 2, day: 29 }, { year: 2026, month: 3, day: 1 })).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });
});

describe('inferDumpDate', () => {
  it('puts the header date in the first year that is not before the newest full date', () => {
    expect(
      inferDumpDate({ month: 2, day: 20 }, [
        { year: 2024, month: 12, day: 9 },
        { year: 2025, month: 11, day: 28 },
      ]),
    ).toEqual({ year: 2026, month: 2, day: 20 });
    expect(inferDumpDate({ month: 12, day: 31 }, [{ year: 2025, month: 12, day: 20 }])).toEqual({
      year: 2025,
      month: 12,
      day: 31,
    });
  });

  it('knows no year without full dates', () => {
    expect(inferDumpDate({ month: 7, day: 29 }, [])).toBeNull();
  });
});

describe('a metadata dump of Jan 5 with yearless dates from both years', () => {
  it('places Dec 30 in 2025 and Jan 3 / Jan 5 in 2026', () => {
    const dump = parseDump('005_year-boundary.txt', bytesOf(fixtureText('formats/year-boundary.txt')));
    expect(dump.warnings).toEqual([]);
    expect(dump.dumpDate).toBe('2026-01-05');
    expect(
      dump.entries.map((entry) => [entry.line, entry.meta?.published, entry.meta?.upvotes, entry.meta?.authorCount]),
    ).toEqual([
      [13, '2025-12-20', 9, 5],
      [21, '2025-12-30', 0, 4],
      [29, '2026-01-03', 4, 3],
      [37, '2026-01-05', 1, 6],
    ]);
  });

  it('gives the records those dates', () => {
    const { papers } = ingestTexts({ '005_year-boundary.txt': fixtureText('formats/year-boundary.txt') });
    expect(paperTitled(papers, 'Low-Rank Experts for Multilingual Speech Recognition').published).toBe('2025-12-30');
    expect(paperTitled(papers, 'Why Do Small Models Forget?').published).toBe('2026-01-03');
  });

  it('warns, naming the entry line, when a yearless date has no year to go by', () => {
    const text = fixtureText('formats/year-boundary.txt').replace('Dec 20, 2025 9', 'Dec 20 9');
    const dump = parseDump('006_no-full-date.txt', bytesOf(text));
    expect(dump.entries).toHaveLength(4);
    expect(dump.entries.every((entry) => entry.meta?.published === null)).toBe(true);
    expect(dump.warnings.map((warning) => [warning.dump, warning.line])).toEqual([
      ['006_no-full-date.txt', 13],
      ['006_no-full-date.txt', 21],
      ['006_no-full-date.txt', 29],
      ['006_no-full-date.txt', 37],
    ]);
  });
});
