/**
 * The merge rules of issue 10, each on a folder of dumps under tests/fixtures/merge/ made from real
 * text: seed abstracts (renamed, truncated, under a generic title, behind a shared opening), the
 * seeds' own S3FT/SSR and CompeteSMoE pairs, and a hand-written sea-ice pair in the style of the
 * two papers the issue reports. Line numbers were counted in the fixture files (`grep -n`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDumps, readDumpFolder } from '../../src/ingest/index.ts';
import type { IngestResult } from '../../src/ingest/index.ts';
import { allWarnings, ingestTexts, paperTitled, PROJECT_ROOT, sourcesOf } from './helpers.ts';

const fixtureText = (relative: string) => readFileSync(join(PROJECT_ROOT, 'tests/fixtures/merge', relative), 'utf8');

function ingestFolder(folder: string): IngestResult {
  const result = ingestDumps(readDumpFolder(join(PROJECT_ROOT, 'tests/fixtures/merge', folder)), []);
  expect(allWarnings(result)).toEqual([]);
  return result;
}

describe('a renamed paper with the same abstract', () => {
  it('is one paper, and the merge says why', () => {
    const { papers } = ingestFolder('renamed-identical');
    expect(papers).toHaveLength(2);
    const paper = paperTitled(
      papers,
      'Freeze Half, Forget Less: Partial Parameter Updates Against Catastrophic Forgetting',
    );
    expect(paper.aliases).toEqual(['HFT: Half Fine-Tuning for Large Language Models']);
    expect(sourcesOf(paper)).toEqual(['001_pairs.txt:2', '002_pairs.txt:2']);
    expect(paper.merges).toHaveLength(1);
    expect(paper.merges[0]).toMatchObject({
      rule: 'near-identical-abstract',
      entry: {
        dump: '002_pairs.txt',
        line: 2,
        title: 'Freeze Half, Forget Less: Partial Parameter Updates Against Catastrophic Forgetting',
      },
      matched: { dump: '001_pairs.txt', line: 2, title: 'HFT: Half Fine-Tuning for Large Language Models' },
      figures: { abstractSimilarity: 1, containment: 1, beyondSharedRun: 1 },
    });
    // The titles share one content word ("half") of 16: 1/16.
    expect(paper.merges[0]!.figures.titleSimilarity).toBe(0.063);
  });
});

describe('a truncated abstract completed later', () => {
  it('joins the complete listing: the untitled, cut-off entry takes its title', () => {
    const { papers } = ingestFolder('truncated');
    expect(papers).toHaveLength(2);
    const paper = paperTitled(papers, 'Scaling Sparse Fine-Tuning to Large Language Models');
    expect(sourcesOf(paper)).toEqual(['001_abstracts.txt:1', '002_pairs.txt:2']);
    expect(paper.abstract.length).toBeGreaterThan(1400); // the complete one (1,471 characters), not the 802 of the cut
    expect(paper.merges.map((merge) => [merge.rule, merge.matched.title, merge.figures.containment > 0.95])).toEqual([
      ['truncated-abstract', null, true],
    ]);
  });
});

describe('a revised title with a revised abstract (the seeds’ S3FT / SSR)', () => {
  it('is one paper by close titles and agreeing abstracts', () => {
    const { papers } = ingestFolder('revised');
    expect(papers).toHaveLength(1);
    const [merge] = papers[0]!.merges;
    expect(merge).toMatchObject({
      rule: 'close-title-and-abstract',
      entry: { dump: '002_pairs.txt', line: 2 },
      matched: { dump: '001_pairs.txt', line: 2 },
    });
    // Counted independently (Python, lower-case word 3-grams of seed 003 lines 134 and 136): 137 shared
    // of 202 and 207; the longest shared run is the 53-gram opening; titles share 8 of 12 content words.
    expect(merge!.figures).toEqual({
      abstractSimilarity: 0.504,
      containment: 0.678,
      beyondSharedRun: 0.564,
      titleSimilarity: 0.667,
    });
  });
});

describe('an extended version by the same group', () => {
  it('stays apart, each paper listing the other as possibly the same work', () => {
    const { papers, nearMisses } = ingestFolder('extended-version');
    expect(papers).toHaveLength(4);
    const first = papers.find((paper) => paper.title.startsWith('Bayesian Transformer for Pan-Arctic'))!;
    const second = papers.find((paper) => paper.title.startsWith('Geographically-Weighted Weakly Supervised'))!;
    expect(first.possiblySameWork).toEqual([second.id]);
    expect(second.possiblySameWork).toEqual([first.id]);
    expect([first.merges, second.merges, first.aliases, second.aliases]).toEqual([[], [], [], []]);
    const seaIce = nearMisses.find((miss) => miss.papers.includes(first.id))!;
    // 40–60% of the shorter abstract's 3-grams shared, beyond its shared opening too.
    expect(seaIce.figures.containment).toBeGreaterThanOrEqual(0.4);
    expect(seaIce.figures.containment).toBeLessThanOrEqual(0.6);
    expect(seaIce.possiblySameWork).toBe(true);
    // The seeds' CompeteSMoE pair: the second says it is "an improved version of the previous study".
    const statistical = paperTitled(
      papers,
      'CompeteSMoE – Statistically Guaranteed Mixture of Experts Training via Competition',
    );
    const effective = paperTitled(
      papers,
      'CompeteSMoE – Effective Training of Sparse Mixture of Experts via Competition',
    );
    expect(statistical.possiblySameWork).toEqual([effective.id]);
    expect(effective.possiblySameWork).toEqual([statistical.id]);
  });
});

describe('seven papers opening with the same two sentences', () => {
  it('stay seven papers, not even possibly the same work', () => {
    const { papers, nearMisses } = ingestFolder('shared-opening-seven');
    expect(papers).toHaveLength(7);
    expect(papers.map((paper) => sourcesOf(paper)[0]).sort()).toEqual([
      '001_pairs.txt:10',
      '001_pairs.txt:12',
      '001_pairs.txt:14',
      '001_pairs.txt:2',
      '001_pairs.txt:4',
      '001_pairs.txt:6',
      '001_pairs.txt:8',
    ]);
    expect(papers.flatMap((paper) => paper.possiblySameWork)).toEqual([]);
    // They were looked at (a third or more of each shorter abstract is the shared opening) and set aside as boilerplate.
    expect(nearMisses.length).toBeGreaterThan(0);
    for (const miss of nearMisses) {
      expect(miss.figures.beyondSharedRun).toBeLessThan(0.2);
      expect(miss.reason).toContain('boilerplate');
    }
  });
});

describe('the same generic title', () => {
  it('keeps different abstracts apart and joins the same abstract, lightly revised (two phrases reworded in 002)', () => {
    const { papers, nearMisses } = ingestFolder('generic-title');
    expect(papers).toHaveLength(2);
    const [code, lens] = [
      papers.find((paper) => paper.abstract.startsWith('Code LLMs'))!,
      papers.find((paper) => !paper.abstract.startsWith('Code LLMs'))!,
    ];
    expect(sourcesOf(code)).toEqual(['001_pairs.txt:2', '002_pairs.txt:2']);
    expect(sourcesOf(lens)).toEqual(['001_pairs.txt:4']);
    expect(code.merges.map((merge) => merge.rule)).toEqual(['short-title-and-abstract']);
    expect(code.merges[0]!.figures.abstractSimilarity).toBeGreaterThan(0.9);
    expect(code.merges[0]!.figures.abstractSimilarity).toBeLessThan(1);
    expect(lens.possiblySameWork).toEqual([]);
    expect(
      nearMisses.every((miss) => miss.reason === 'the same short or generic title, but the abstracts differ'),
    ).toBe(true);
  });
});

describe('a truncated listing found whole in two papers', () => {
  it('joins neither: it is only their shared opening', () => {
    const lines = fixtureText('shared-opening-seven/001_pairs.txt').split('\n');
    // Lines 2–5: HFT and Scaling Sparse Fine-Tuning, each opening with the same two sentences.
    const opening =
      'We study a parameter-efficient method for adapting large pretrained models to new tasks. Experiments on several benchmarks show that such methods can match full fine-tuning at a fraction of the cost.';
    expect(lines[2]!.startsWith(opening) && lines[4]!.startsWith(opening)).toBe(true);
    const { papers, nearMisses } = ingestTexts({
      '001_pairs.txt': `${lines.slice(0, 5).join('\n')}\n`,
      '002_abstracts.txt': `Abstract:${opening} Our`,
    });
    expect(papers).toHaveLength(3);
    const untitled = papers.find((paper) => paper.titleDerived)!;
    expect(sourcesOf(untitled)).toEqual(['002_abstracts.txt:1']);
    const reasons = nearMisses
      .filter((miss) => miss.entry.dump === '002_abstracts.txt')
      .map((miss) => [miss.matched.line, miss.reason]);
    expect(reasons).toEqual([
      [2, 'a truncated abstract found whole in more than one paper'],
      [4, 'a truncated abstract found whole in more than one paper'],
    ]);
  });
});
