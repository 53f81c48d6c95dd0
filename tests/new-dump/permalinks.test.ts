/**
 * Permalinks never break: a paper's id is fixed by its first appearance, whatever later dumps
 * rename, merge or repeat, and whatever order the later dumps come in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeDump, type ListedPaper } from '../../scripts/lib/dump-writers.ts';
import type { DumpFormat, DumpInput, IngestResult } from '../../src/ingest/index.ts';
import { DUMPS, ID, byId, dumpInput, fixtureFiles, ingest, ingestFirst, resolveId, sourceKeys } from './helpers.ts';

/** Every paper of `before` leads, in `after`, to exactly one paper that holds all its sightings. */
function expectEveryIdStillLeadsToItsPaper(before: IngestResult, after: IngestResult): void {
  for (const old of before.papers) {
    const now = resolveId(after.papers, old.id);
    expect(now, `paper ${old.id}`).toBeDefined();
    expect(sourceKeys(now!), `sightings of ${old.id} in ${now!.id}`).toEqual(expect.arrayContaining(sourceKeys(old)));
    if (now!.id === old.id) expect(now!.firstSeen).toBe(old.firstSeen);
  }
}

/** Live ids and retired ids never collide: each URL is either a paper page or a redirect. */
function expectUrlsUnique(result: IngestResult): void {
  const urls = result.papers.flatMap((paper) => [paper.id, ...paper.formerIds]);
  expect(new Set(urls).size, `ids and former ids: ${urls.join(', ')}`).toBe(urls.length);
}

describe('ids as the fixture dumps arrive one by one', () => {
  it('uses exactly the six fixture dumps', () => {
    expect(fixtureFiles()).toEqual([...DUMPS]);
  });

  it('adds ids and retires one, never renaming any', () => {
    const idsAfter = (count: number) => ingestFirst(count).papers.map((paper) => paper.id);
    expect(idsAfter(1)).toEqual([ID.frugal, ID.reward, ID.routing]);
    expect(idsAfter(2)).toEqual([ID.frugal, ID.reward, ID.routing, ID.routingRevised, ID.charts]);
    expect(idsAfter(3)).toEqual([ID.fish, ID.frugal, ID.reward, ID.routing, ID.routingRevised, ID.charts]);
    expect(idsAfter(4)).toEqual([ID.fish, ID.frugal, ID.prompt, ID.reward, ID.routing, ID.routingRevised, ID.charts]);
    expect(idsAfter(5)).toEqual(idsAfter(4));
    // 006 lists "Routing Tokens Through Sparse Experts" with the revised abstract first seen untitled
    // in 002: the two records are one paper, under the older id.
    expect(idsAfter(6)).toEqual([ID.fish, ID.dpo, ID.frugal, ID.video, ID.prompt, ID.reward, ID.routing, ID.charts]);
    const routing = byId(ingestFirst(6).papers, ID.routing);
    expect(routing.formerIds).toEqual([ID.routingRevised]);
    expect(sourceKeys(routing)).toEqual([
      '001_alpha.txt:21',
      '002_bravo.txt:2',
      '005_echo.txt:2',
      '006_foxtrot.txt:29',
    ]);
  });

  it('keeps every earlier id leading to its paper after each later dump', () => {
    for (let count = 1; count < DUMPS.length; count++) {
      const before = ingestFirst(count);
      for (let later = count + 1; later <= DUMPS.length; later++) {
        const after = ingestFirst(later);
        expectEveryIdStillLeadsToItsPaper(before, after);
        expectUrlsUnique(after);
      }
    }
  });

  it('keeps the id of a renamed paper and of a paper first known only by its abstract', () => {
    const papers = ingestFirst(6).papers;
    expect(byId(papers, ID.reward).title).toBe('Calibrated Reward Models Abstain When Unsure');
    expect(byId(papers, ID.fish).title).toBe('Counting Fish from Echo Sounder Returns');
    const charts = byId(papers, ID.charts);
    expect(charts.title).toBe('Charts Need Captions: Grounded Chart Question Answering');
    expect(charts.titleDerived).toBe(false);
  });

  it('does not bring a retired id back when its old listing comes again', () => {
    // 002's abstracts once more, after the merge: the revised Routing abstract joins the merged paper.
    const result = ingest([...DUMPS.map((name) => dumpInput(name)), dumpInput('002_bravo.txt', '007_bravo_again.txt')]);
    expect(result.papers.map((paper) => paper.id)).toEqual(ingestFirst(6).papers.map((paper) => paper.id));
    expect(sourceKeys(byId(result.papers, ID.routing)).at(-1)).toBe('007_bravo_again.txt:2');
    expect(result.dumps.at(-1)).toMatchObject({ newPapers: 0, mergedEntries: 3 });
  });
});

describe('ids whatever the order of the later dumps', () => {
  const later: readonly (typeof DUMPS)[number][] = [
    '003_charlie.txt',
    '004_delta.txt',
    '005_echo.txt',
    '006_foxtrot.txt',
  ];

  function permutations<T>(items: readonly T[]): T[][] {
    if (items.length <= 1) return [[...items]];
    return items.flatMap((item, index) =>
      permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
    );
  }

  it('gives the papers of the first two dumps the same ids in all 24 orders of the other four', () => {
    const earlier = ingestFirst(2);
    const orders = permutations(later);
    expect(orders).toHaveLength(24);
    for (const order of orders) {
      const inputs: DumpInput[] = [
        dumpInput('001_alpha.txt'),
        dumpInput('002_bravo.txt'),
        ...order.map((name, index) => dumpInput(name, `${String(index + 3).padStart(3, '0')}_later.txt`)),
      ];
      const result = ingest(inputs);
      const label = order.join(' → ');
      expectEveryIdStillLeadsToItsPaper(earlier, result);
      expectUrlsUnique(result);
      // Whatever the order: eight papers, the revised Routing record retired into Routing Tokens ...
      expect(result.papers, label).toHaveLength(8);
      expect(byId(result.papers, ID.routing).formerIds, label).toEqual([ID.routingRevised]);
      for (const id of [ID.frugal, ID.reward, ID.charts]) byId(result.papers, id);
      // ... and Counting Fish, renamed in 006, named by whichever listing of it came first.
      const fishFirst = order.find((name) => name !== '005_echo.txt');
      const fish = result.papers.find((paper) => paper.abstract.startsWith('Fisheries surveys'))!;
      expect(fish.id, label).toBe(
        fishFirst === '006_foxtrot.txt' ? 'counting-fish-from-echo-sounder-returns' : ID.fish,
      );
    }
  });
});

/**
 * Generated histories: papers with random-word titles and abstracts, listed in random dumps of all
 * four formats, sometimes renamed (new title, same abstract), revised (same title, new abstract) or
 * tied to another paper (one's title with the other's abstract). Whatever happens later, every id
 * of every earlier corpus still leads to its paper.
 */
describe('ids over generated arrival sequences', () => {
  const WORDS = (
    'acoustic basin cobalt delta ember fjord glacier harbor island jasper kelp lagoon meadow nectar ' +
    'orchard prairie quartz reef savanna tundra upland valley willow yarrow zephyr amber birch cedar ' +
    'dune estuary fern grove heath iris juniper knoll lichen marsh nettle oasis pebble quarry ridge ' +
    'sorrel thicket umber vale wetland yew alder bramble canyon dell elm furrow gorse hollow inlet'
  ).split(' ');

  const word = fc.constantFrom(...WORDS);
  const titleArb = fc
    .array(word, { minLength: 3, maxLength: 6 })
    .map((words) => words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));
  const sentence = fc
    .array(word, { minLength: 12, maxLength: 16 })
    .map((words) => `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`);
  const abstractArb = fc.array(sentence, { minLength: 3, maxLength: 4 }).map((sentences) => sentences.join(' '));

  type Op =
    | { kind: 'list'; paper: number }
    | { kind: 'rename'; paper: number; title: string }
    | { kind: 'revise'; paper: number; abstract: string }
    | { kind: 'tie'; titleOf: number; abstractOf: number };

  const PAPERS = 8;
  const paperIndex = fc.integer({ min: 0, max: PAPERS - 1 });
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: paperIndex.map((paper): Op => ({ kind: 'list', paper })) },
    {
      weight: 2,
      arbitrary: fc.record({ paper: paperIndex, title: titleArb }).map((op): Op => ({ kind: 'rename', ...op })),
    },
    {
      weight: 2,
      arbitrary: fc.record({ paper: paperIndex, abstract: abstractArb }).map((op): Op => ({ kind: 'revise', ...op })),
    },
    {
      weight: 1,
      arbitrary: fc.record({ titleOf: paperIndex, abstractOf: paperIndex }).map((op): Op => ({ kind: 'tie', ...op })),
    },
  );
  const FORMATS: DumpFormat[] = ['abstract-lines', 'daily-page', 'line-pairs', 'daily-page-metadata'];
  const dumpArb = fc.record({
    format: fc.constantFrom(...FORMATS),
    ops: fc.array(opArb, { minLength: 1, maxLength: 6 }),
  });
  interface History {
    titles: string[];
    abstracts: string[];
    dumps: { format: DumpFormat; ops: Op[] }[];
  }
  const historyArb: fc.Arbitrary<History> = fc.record({
    titles: fc.uniqueArray(titleArb, { minLength: PAPERS, maxLength: PAPERS }),
    abstracts: fc.array(abstractArb, { minLength: PAPERS, maxLength: PAPERS }),
    dumps: fc.array(dumpArb, { minLength: 2, maxLength: 6 }),
  });

  /** Writes the history's dumps; what each paper is currently called evolves as the ops apply. */
  function writeHistory(history: History): { inputs: DumpInput[]; listed: number[] } {
    const titles = [...history.titles];
    const abstracts = [...history.abstracts];
    const inputs: DumpInput[] = [];
    const listed: number[] = [];
    history.dumps.forEach((dump, index) => {
      const papers: ListedPaper[] = dump.ops.map((op, position) => {
        const meta = {
          authorCount: 3,
          published: `2025-06-${String(position + 1).padStart(2, '0')}`,
          upvotes: position + 1,
        };
        switch (op.kind) {
          case 'list':
            return { title: titles[op.paper]!, abstract: abstracts[op.paper]!, ...meta };
          case 'rename':
            titles[op.paper] = op.title;
            return { title: op.title, abstract: abstracts[op.paper]!, ...meta };
          case 'revise':
            abstracts[op.paper] = op.abstract;
            return { title: titles[op.paper]!, abstract: op.abstract, ...meta };
          case 'tie':
            return { title: titles[op.titleOf]!, abstract: abstracts[op.abstractOf]!, ...meta };
        }
      });
      const text = writeDump(dump.format, papers, { pageDate: '2025-07-01' });
      inputs.push({
        name: `${String(index + 1).padStart(3, '0')}_${dump.format}.txt`,
        bytes: new TextEncoder().encode(text),
      });
      listed.push(papers.length);
    });
    return { inputs, listed };
  }

  it('keeps every earlier id leading to its paper (200 generated histories)', () => {
    const seen = { merges: 0, renames: 0 };
    fc.assert(
      fc.property(historyArb, (history) => {
        const { inputs, listed } = writeHistory(history);
        const final = ingest(inputs);
        seen.merges += final.papers.filter((paper) => paper.formerIds.length > 0).length;
        seen.renames += final.papers.filter((paper) => paper.changes.some((change) => change.field === 'title')).length;
        // The writers' dumps read back whole: the property is about merging, not parsing.
        expect(final.dumps.map((dump) => dump.entries)).toEqual(listed);
        expect(final.dumps.flatMap((dump) => dump.warnings)).toEqual([]);
        expectUrlsUnique(final);
        for (let count = 1; count < inputs.length; count++) {
          const before = ingest(inputs.slice(0, count));
          expectEveryIdStillLeadsToItsPaper(before, final);
          expectEveryIdStillLeadsToItsPaper(before, ingest(inputs.slice(0, count + 1)));
        }
      }),
      { numRuns: 200, seed: 20260306 },
    );
    // The histories did exercise what could move an id: merged records and renamed papers.
    expect(seen.merges).toBeGreaterThan(50);
    expect(seen.renames).toBeGreaterThan(50);
  });
});
