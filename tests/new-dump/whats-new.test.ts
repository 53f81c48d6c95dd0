/**
 * What each paper record says about the dumps: the dump that first brought it (`firstSeen`), what
 * later dumps changed (`changes`), the records merged into it (`formerIds`), and the dump reports.
 * Expected values were read off the fixture files by hand (line numbers included).
 */
import { describe, expect, it } from 'vitest';
import { writeDump } from '../../scripts/lib/dump-writers.ts';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { DUMPS, ID, byId, ingest, ingestFirst, sourceKeys } from './helpers.ts';

const all = ingestFirst(DUMPS.length);
const paper = (id: string): PaperRecord => byId(all.papers, id);

describe('after all six dumps', () => {
  it('reports each dump: format, date, entries, new papers and entries joining known ones', () => {
    expect(
      all.dumps.map((dump) => [
        dump.file,
        dump.format,
        dump.dumpDate,
        dump.entries,
        dump.newPapers,
        dump.mergedEntries,
        dump.warnings.length,
      ]),
    ).toEqual([
      ['001_alpha.txt', 'daily-page-metadata', '2026-02-20', 3, 3, 0, 0],
      ['002_bravo.txt', 'abstract-lines', null, 3, 2, 1, 0],
      ['003_charlie.txt', 'daily-page', null, 3, 1, 2, 0],
      ['004_delta.txt', 'line-pairs', null, 2, 1, 1, 0],
      ['005_echo.txt', 'abstract-lines', null, 3, 0, 3, 0],
      ['006_foxtrot.txt', 'daily-page-metadata', '2026-03-06', 5, 2, 3, 0],
    ]);
  });

  it('knows the dump that first brought each paper', () => {
    expect(Object.fromEntries(all.papers.map((record) => [record.id, record.firstSeen]))).toEqual({
      [ID.fish]: '003_charlie.txt',
      [ID.dpo]: '006_foxtrot.txt',
      [ID.frugal]: '001_alpha.txt',
      [ID.video]: '006_foxtrot.txt',
      [ID.prompt]: '004_delta.txt',
      [ID.reward]: '001_alpha.txt',
      [ID.routing]: '001_alpha.txt',
      [ID.charts]: '002_bravo.txt',
    });
  });

  it('records renames with the dump that made them, and keeps the old title as an alias', () => {
    expect(paper(ID.reward).changes).toEqual([
      {
        dump: '003_charlie.txt',
        field: 'title',
        from: 'Reward Models That Know When They Are Wrong',
        to: 'Calibrated Reward Models Abstain When Unsure',
      },
    ]);
    expect(paper(ID.reward).aliases).toEqual(['Reward Models That Know When They Are Wrong']);
    expect(paper(ID.fish).changes).toEqual([
      {
        dump: '006_foxtrot.txt',
        field: 'title',
        from: 'Counting Fish with Sonar and Small Networks',
        to: 'Counting Fish from Echo Sounder Returns',
      },
    ]);
    // A derived title replaced by the first real one is a rename too.
    expect(paper(ID.charts).changes).toEqual([
      {
        dump: '003_charlie.txt',
        field: 'title',
        from: 'Vision-language models answer questions about charts by reading pixels, but…',
        to: 'Charts Need Captions: Grounded Chart Question Answering',
      },
    ]);
  });

  it('records new upvote counts, but not a first count nor the same count again', () => {
    expect(paper(ID.frugal).changes).toEqual([{ dump: '006_foxtrot.txt', field: 'upvotes', from: 5, to: 12 }]);
    expect(paper(ID.frugal).upvotes).toBe(12);
    expect(paper(ID.routing).changes).toEqual([{ dump: '006_foxtrot.txt', field: 'upvotes', from: 3, to: 9 }]);
    for (const id of [ID.dpo, ID.video, ID.prompt]) expect(paper(id).changes, id).toEqual([]);
  });

  it('merges the two records of one paper under the older id and lists the younger as a former id', () => {
    const routing = paper(ID.routing);
    expect(routing.formerIds).toEqual([ID.routingRevised]);
    expect(routing.title).toBe('Routing Tokens Through Sparse Experts');
    expect(routing.firstSeen).toBe('001_alpha.txt');
    expect(sourceKeys(routing)).toEqual([
      '001_alpha.txt:21',
      '002_bravo.txt:2',
      '005_echo.txt:2',
      '006_foxtrot.txt:29',
    ]);
    expect(all.papers.filter((record) => record.formerIds.length > 0).map((record) => record.id)).toEqual([ID.routing]);
    // Before 006 the two were separate papers.
    const before = ingestFirst(5).papers;
    expect(byId(before, ID.routingRevised).formerIds).toEqual([]);
    expect(byId(before, ID.routingRevised).titleDerived).toBe(true);
    expect(byId(before, ID.routing).formerIds).toEqual([]);
  });

  it('tells new papers of the latest dump apart from papers it only changed', () => {
    const latest = all.dumps.at(-1)!.file;
    expect(latest).toBe('006_foxtrot.txt');
    const fresh = all.papers.filter((record) => record.firstSeen === latest).map((record) => record.id);
    const changed = all.papers
      .filter((record) => record.firstSeen !== latest && record.changes.some((change) => change.dump === latest))
      .map((record) => record.id);
    expect(fresh).toEqual([ID.dpo, ID.video]);
    expect(changed).toEqual([ID.fish, ID.frugal, ID.routing]);
  });

  it('places yearless dates in the latest year that does not put them after the dump', () => {
    // 001 is dated Feb 20 2026 (its header, with the year from `Dec 30, 2025`); 006 Mar 6 2026.
    expect(paper(ID.frugal).published).toBe('2025-12-30');
    expect(paper(ID.routing).published).toBe('2026-02-17'); // `Feb 17` in both 001 and 006
    expect(paper(ID.reward).published).toBe('2025-03-01'); // `Mar 1` in a dump of Feb 20 2026
    expect(paper(ID.fish).published).toBe('2026-03-04'); // `Mar 4` in a dump of Mar 6 2026
    expect(paper(ID.video).published).toBe('2025-04-02'); // `Apr 2` in a dump of Mar 6 2026
    expect(paper(ID.dpo).published).toBe('2026-03-02');
    expect([paper(ID.prompt).published, paper(ID.charts).published]).toEqual([null, null]);
  });
});

describe('the latest dump at each step', () => {
  it('brings these papers and changes these, step by step', () => {
    const steps = DUMPS.map((_, index) => {
      const result = ingestFirst(index + 1);
      const latest = result.dumps.at(-1)!.file;
      return {
        latest,
        fresh: result.papers.filter((record) => record.firstSeen === latest).map((record) => record.id),
        changed: result.papers
          .filter((record) => record.firstSeen !== latest && record.changes.some((change) => change.dump === latest))
          .map((record) => record.id),
      };
    });
    expect(steps).toEqual([
      { latest: '001_alpha.txt', fresh: [ID.frugal, ID.reward, ID.routing], changed: [] },
      { latest: '002_bravo.txt', fresh: [ID.routingRevised, ID.charts], changed: [] },
      { latest: '003_charlie.txt', fresh: [ID.fish], changed: [ID.reward, ID.charts] },
      { latest: '004_delta.txt', fresh: [ID.prompt], changed: [] },
      // The repeat of 002 brings nothing and changes nothing.
      { latest: '005_echo.txt', fresh: [], changed: [] },
      { latest: '006_foxtrot.txt', fresh: [ID.dpo, ID.video], changed: [ID.fish, ID.frugal, ID.routing] },
    ]);
  });
});

describe('the history of two records merged into one', () => {
  it('keeps both histories, in arrival order', () => {
    const glacier =
      'Glaciers retreat faster on south facing slopes according to twenty years of survey data. We combine drone imagery with stake measurements across nine valleys. Melt rates doubled since the first decade of observation and the trend is accelerating.';
    const bees =
      'Honey bees navigate by the polarisation pattern of skylight even under thick cloud cover. We trained foragers in a tunnel with filtered light and recorded their dances. Dance angles stayed accurate within four degrees whenever a patch of sky was visible.';
    const dump = (name: string, title: string, abstract: string) => ({
      name,
      bytes: new TextEncoder().encode(writeDump('daily-page', [{ title, abstract }])),
    });
    const { papers } = ingest([
      dump('001_a.txt', 'Glacier Retreat on Southern Slopes', glacier),
      dump('002_b.txt', 'Bees Read the Cloudy Sky', bees),
      dump('003_c.txt', 'Bees Read Polarised Light Under Clouds', bees),
      dump('004_d.txt', 'Southern Slopes Lose Ice Twice as Fast', glacier),
      // The glacier paper's newest title over the bee paper's abstract: one paper after all.
      dump('005_e.txt', 'Southern Slopes Lose Ice Twice as Fast', bees),
    ]);
    expect(papers.map((paper) => [paper.id, paper.formerIds])).toEqual([
      ['glacier-retreat-on-southern-slopes', ['bees-read-the-cloudy-sky']],
    ]);
    expect(papers[0]!.changes.map((change) => [change.dump, change.from, change.to])).toEqual([
      ['003_c.txt', 'Bees Read the Cloudy Sky', 'Bees Read Polarised Light Under Clouds'],
      ['004_d.txt', 'Glacier Retreat on Southern Slopes', 'Southern Slopes Lose Ice Twice as Fast'],
    ]);
  });
});
