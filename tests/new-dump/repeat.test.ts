/** Adding the same dump twice, under another name, adds no papers and changes no record. */
import { describe, expect, it } from 'vitest';
import type { DumpInput, PaperRecord } from '../../src/ingest/index.ts';
import { DUMPS, dumpInput, fixtureText, ingest, ingestFirst, type FixtureDump } from './helpers.ts';

/** A record without its list of sightings, which a repeat legitimately extends. */
const withoutSources = ({ sources: _sources, ...rest }: PaperRecord) => rest;

const FORMAT_OF: Record<string, FixtureDump> = {
  'daily-page-metadata': '001_alpha.txt',
  'abstract-lines': '002_bravo.txt',
  'daily-page': '003_charlie.txt',
  'line-pairs': '004_delta.txt',
};

describe.each(Object.entries(FORMAT_OF))('a %s dump listed twice in a row', (format, name) => {
  const count = DUMPS.indexOf(name) + 1;
  const once = ingestFirst(count);

  function expectRepeatAddsNothing(repeat: DumpInput) {
    const twice = ingest([...DUMPS.slice(0, count).map((dump) => dumpInput(dump)), repeat]);
    expect(once.dumps.at(-1)!.format).toBe(format);
    expect(twice.papers.map(withoutSources)).toEqual(once.papers.map(withoutSources));
    const report = twice.dumps.at(-1)!;
    expect(report).toMatchObject({
      file: repeat.name,
      format,
      newPapers: 0,
      mergedEntries: once.dumps.at(-1)!.entries,
      warnings: [],
    });
    // Every paper the dump listed is now listed once more, by the repeat, at the same line.
    for (const paper of twice.papers) {
      const lines = paper.sources.filter((source) => source.dump === name).map((source) => source.line);
      expect(
        paper.sources.filter((source) => source.dump === repeat.name).map((source) => source.line),
        paper.id,
      ).toEqual(lines);
    }
  }

  it('adds no paper and changes no record', () => {
    expectRepeatAddsNothing(dumpInput(name, '900_same_again.txt'));
  });

  it('adds no paper either with CRLF line ends, a BOM and trailing spaces', () => {
    const text = `\ufeff${fixtureText(name).replace(/\n/g, '  \r\n')}`;
    expectRepeatAddsNothing({ name: '900_same_again_crlf.txt', bytes: new TextEncoder().encode(text) });
  });
});

describe('a dump repeated after later dumps', () => {
  it('005_echo.txt (the bytes of 002) adds no paper and records no change', () => {
    const before = ingestFirst(4);
    const after = ingestFirst(5);
    expect(after.papers.map(withoutSources)).toEqual(before.papers.map(withoutSources));
    expect(after.dumps.at(-1)).toMatchObject({ file: '005_echo.txt', entries: 3, newPapers: 0, mergedEntries: 3 });
  });

  it('any of the six, repeated at the end, adds no paper and keeps every id', () => {
    const all = ingestFirst(DUMPS.length);
    for (const name of DUMPS) {
      const again = ingest([...DUMPS.map((dump) => dumpInput(dump)), dumpInput(name, '900_again.txt')]);
      expect(
        again.papers.map((paper) => [paper.id, paper.formerIds]),
        name,
      ).toEqual(all.papers.map((paper) => [paper.id, paper.formerIds]));
      expect(again.dumps.at(-1)!.newPapers, name).toBe(0);
    }
  });
});
