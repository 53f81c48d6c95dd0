/**
 * The merge rules, each on a folder of small dumps under tests/fixtures/ingest/merge/.
 * Line numbers were counted in the fixture files.
 */
import { describe, expect, it } from 'vitest';
import { ingestDumps, readDumpFolder } from '../../src/ingest/index.ts';
import type { DumpInput, IngestResult } from '../../src/ingest/index.ts';
import { allWarnings, bytesOf, fixturePath, fixtureText, ingestTexts, paperTitled, sourcesOf } from './helpers.ts';

function ingestFolder(folder: string, extra: DumpInput[] = []): IngestResult {
  const result = ingestDumps([...readDumpFolder(fixturePath(`merge/${folder}`)), ...extra], []);
  expect(allWarnings(result)).toEqual([]);
  return result;
}

describe('same title after normalisation', () => {
  it('joins one paper listed in a daily page, line pairs and a metadata page, despite rewritten abstracts', () => {
    // 001 `Tiny adapters: few parameters are enough`, 002 `Tiny  Adapters: Few Parameters  Are Enough`,
    // 003 `Tiny Adapters: Few Parameters Are Enough`; the abstract of 001 shares almost nothing with the later ones.
    const { papers, dumps } = ingestFolder('same-title');
    expect(papers).toHaveLength(2);
    const paper = paperTitled(papers, 'Tiny Adapters: Few Parameters Are Enough');
    expect(sourcesOf(paper)).toEqual(['001_daily.txt:9', '002_pairs.txt:2', '003_metadata.txt:13']);
    expect(paper.aliases).toEqual([]);
    expect(paper.firstSeen).toBe('001_daily.txt');
    expect(paper.id).toBe('tiny-adapters-few-parameters-are-enough');
    // The newest listing's abstract and metadata are the current ones.
    expect(paper.abstract.endsWith('and releases all checkpoints.')).toBe(true);
    expect([paper.authorCount, paper.published, paper.upvotes]).toEqual([4, '2025-11-11', 21]);
    expect(dumps.map((dump) => [dump.format, dump.entries, dump.newPapers, dump.mergedEntries])).toEqual([
      ['daily-page', 2, 2, 0],
      ['line-pairs', 1, 0, 1],
      ['daily-page-metadata', 1, 0, 1],
    ]);
  });

  it('still knows the paper by its first abstract after a newer listing rewrote it', () => {
    // The abstract under `Tiny adapters: few parameters are enough` in 001 (line 11), listed again untitled.
    const firstAbstract = fixtureText('merge/same-title/001_daily.txt').split('\n')[10]!;
    expect(firstAbstract.startsWith('Fine-tuning every weight')).toBe(true);
    const { papers, dumps } = ingestFolder('same-title', [
      { name: '004_abstracts.txt', bytes: bytesOf(`Abstract:${firstAbstract}\n`) },
    ]);
    expect(papers).toHaveLength(2);
    const paper = paperTitled(papers, 'Tiny Adapters: Few Parameters Are Enough');
    expect(sourcesOf(paper)).toEqual([
      '001_daily.txt:9',
      '002_pairs.txt:2',
      '003_metadata.txt:13',
      '004_abstracts.txt:1',
    ]);
    expect(paper.titleDerived).toBe(false);
    expect(dumps.at(-1)).toMatchObject({ file: '004_abstracts.txt', entries: 1, newPapers: 0, mergedEntries: 1 });
  });

  it('displays the newest spelling of a title that only changed case', () => {
    const { papers } = ingestTexts({
      '001_a.txt': fixtureText('merge/same-title/001_daily.txt'),
      '002_b.txt': fixtureText('merge/same-title/001_daily.txt').replace(
        'Tiny adapters: few parameters are enough',
        'TINY ADAPTERS: Few Parameters are Enough',
      ),
    });
    const paper = papers.find((candidate) => candidate.title.toLowerCase().startsWith('tiny adapters'))!;
    expect(paper.title).toBe('TINY ADAPTERS: Few Parameters are Enough');
    expect(sourcesOf(paper)).toEqual(['001_a.txt:9', '002_b.txt:9']);
  });

  it('reads S^{2}FT, S$^2$FT and S$^{2}$FT as one title, displayed S²FT', () => {
    const { papers } = ingestFolder('latex-title');
    expect(papers).toHaveLength(1);
    const paper = paperTitled(papers, 'S²FT: Structured Sparse Fine-Tuning on a Budget');
    expect(sourcesOf(paper)).toEqual(['001_daily.txt:9', '002_pairs.txt:2', '003_metadata.txt:11']);
    expect(paper.aliases).toEqual([]);
    expect(paper.id).toBe('s2ft-structured-sparse-fine-tuning-on-a-budget');
    expect(paper.abstract).toContain('improvement of 4.6% on');
    expect([paper.authorCount, paper.published, paper.upvotes]).toEqual([8, '2024-12-09', 0]);
  });
});

describe('renamed paper (near-identical abstracts)', () => {
  const OLD = 'Rehearse Before You Tune: Self-Generated Targets Keep Language Models General';
  const NEW = 'Self-Target Fine-Tuning: Learning From Your Own Correct Answers';

  it('is one record: the newest title displayed, the older one an alias, the first id kept', () => {
    const { papers, dumps } = ingestFolder('renamed');
    expect(papers).toHaveLength(2);
    const paper = paperTitled(papers, NEW);
    expect(paper.aliases).toEqual([OLD]);
    expect(sourcesOf(paper)).toEqual(['001_daily.txt:9', '002_pairs.txt:2']);
    expect(paper.id).toBe('rehearse-before-you-tune-self-generated-targets-keep-language');
    expect(paper.firstSeen).toBe('001_daily.txt');
    expect(paper.abstract).toContain('Self-Target Fine-Tuning (STF)');
    expect(dumps.map((dump) => [dump.file, dump.newPapers, dump.mergedEntries])).toEqual([
      ['001_daily.txt', 1, 0],
      ['002_pairs.txt', 1, 1],
    ]);
  });

  it('displays the old title again when a newer dump lists it under that title', () => {
    const again = fixtureText('merge/renamed/001_daily.txt');
    const { papers } = ingestFolder('renamed', [{ name: '003_again.txt', bytes: bytesOf(again) }]);
    const paper = paperTitled(papers, OLD);
    expect(paper.aliases).toEqual([NEW]);
    expect(sourcesOf(paper)).toEqual(['001_daily.txt:9', '002_pairs.txt:2', '003_again.txt:9']);
    expect(paper.id).toBe('rehearse-before-you-tune-self-generated-targets-keep-language');
  });
});

describe('abstracts that merely open the same way', () => {
  it('stay two papers', () => {
    const { papers, dumps } = ingestFolder('same-opening');
    expect(papers).toHaveLength(3);
    const provable = paperTitled(papers, 'RouteCompete – Provably Stable Expert Routing via Competition');
    const scaled = paperTitled(papers, 'RouteCompete – Effective Training of Sparse Experts at Scale');
    expect(sourcesOf(provable)).toEqual(['001_pairs.txt:2']);
    expect(sourcesOf(scaled)).toEqual(['001_pairs.txt:6']);
    expect(provable.aliases).toEqual([]);
    expect(scaled.aliases).toEqual([]);
    expect(dumps[0]).toMatchObject({ entries: 3, newPapers: 3, mergedEntries: 0 });
  });
});

describe('derived titles', () => {
  const TITLE = 'TinyAdapt: Bottleneck Adapters Are All You Need for Efficient Fine-Tuning';

  it('are replaced by a real title from a later dump (abstracts equal after normalisation)', () => {
    const { papers, dumps } = ingestFolder('derived-title');
    expect(papers).toHaveLength(2);
    const titled = paperTitled(papers, TITLE);
    expect(titled.titleDerived).toBe(false);
    expect(titled.aliases).toEqual([]);
    expect(sourcesOf(titled)).toEqual(['000_abstracts.txt:1', '001_daily.txt:9']);
    expect(titled.firstSeen).toBe('000_abstracts.txt');
    // The id was fixed by the first (untitled) sighting and stays stable.
    expect(titled.id).toMatch(/^tinyadapt/);
    expect(dumps.map((dump) => [dump.newPapers, dump.mergedEntries])).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  it('stay derived while no dump gives a title', () => {
    const { papers } = ingestFolder('derived-title');
    const untitled = papers.find((paper) => paper.titleDerived)!;
    expect(sourcesOf(untitled)).toEqual(['000_abstracts.txt:2']);
    // "we propose Structural Grounding Loss (SGL), a training objective…"
    expect(untitled.title).toContain('SGL');
    expect(untitled.title).toContain('Structural Grounding Loss');
  });

  it('are not used when the title came first and an untitled listing follows', () => {
    const { papers } = ingestTexts({
      '001_daily.txt': fixtureText('merge/derived-title/001_daily.txt'),
      '002_abstracts.txt': fixtureText('merge/derived-title/000_abstracts.txt'),
    });
    const titled = paperTitled(papers, TITLE);
    expect(titled.titleDerived).toBe(false);
    expect(sourcesOf(titled)).toEqual(['001_daily.txt:9', '002_abstracts.txt:1']);
  });
});

describe('an entry that ties two known papers together', () => {
  it('makes them one paper under the older id, found later by either abstract', () => {
    // 000 lists abstract Y untitled; 001 lists `Why Do Small Models Forget?` with abstract X;
    // 002 lists that title with abstract Y, so both are one paper; 003 lists X untitled again.
    const y = fixtureText('merge/derived-title/000_abstracts.txt').split('\n')[1]!;
    const x = fixtureText('merge/same-title/001_daily.txt').split('\n')[14]!;
    expect(y.startsWith('Abstract:Large vision-language models')).toBe(true);
    expect(x.startsWith('Continual fine-tuning')).toBe(true);
    const { papers, dumps } = ingestTexts({
      '000_a.txt': `${y}\n`,
      '001_b.txt': `Get trending papers in your email inbox!\nSubscribeWhy Do Small Models Forget?\n${x}\n`,
      '002_c.txt': `Get trending papers in your email inbox!\nSubscribeWhy Do Small Models Forget?\n${y.slice('Abstract:'.length)}\n`,
      '003_d.txt': `Abstract:${x}\n`,
    });
    expect(dumps.flatMap((dump) => dump.warnings)).toEqual([]);
    expect(papers).toHaveLength(1);
    const paper = papers[0]!;
    expect(paper.title).toBe('Why Do Small Models Forget?');
    expect(paper.titleDerived).toBe(false);
    expect(sourcesOf(paper)).toEqual(['000_a.txt:1', '001_b.txt:2', '002_c.txt:2', '003_d.txt:1']);
    expect(paper.firstSeen).toBe('000_a.txt');
    expect(paper.id).toMatch(/^sgl/); // the derived title of the 000 listing: "SGL: Structural Grounding Loss"
  });
});

describe('arrival order', () => {
  it('follows file names, not the order in which dumps are handed over', () => {
    const inputs = readDumpFolder(fixturePath('merge/renamed')).reverse();
    const { papers, dumps } = ingestDumps(inputs, []);
    expect(dumps.map((dump) => dump.file)).toEqual(['001_daily.txt', '002_pairs.txt']);
    const paper = paperTitled(papers, 'Self-Target Fine-Tuning: Learning From Your Own Correct Answers');
    expect(sourcesOf(paper)).toEqual(['001_daily.txt:9', '002_pairs.txt:2']);
    expect(paper.firstSeen).toBe('001_daily.txt');
  });
});
