/**
 * The real seeds. Every expected value below was read off the seed files by hand (line numbers
 * with `grep -n`, metadata blocks by eye), not copied from the ingest's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDumps, listDumpFiles, readDumpFolder } from '../../src/ingest/index.ts';
import type { IngestResult, PaperRecord } from '../../src/ingest/index.ts';
import { allWarnings, paperStarting, paperTitled, SEEDS_DIR, sourcesOf } from './helpers.ts';

const D000 = '000_025e790e3d2d70f1.txt';
const D001 = '001_058ae21649b72409.txt';
const D002 = '002_11a39a88ae0520e6.txt';
const D003 = '003_217fc1b1a2c16afd.txt';
const D004 = '004_bad6f80c63e5f5b3.txt';

let result: IngestResult;
let papers: PaperRecord[];

beforeAll(() => {
  result = ingestDumps(readDumpFolder(SEEDS_DIR), []);
  papers = result.papers;
});

describe('seeds: dumps', () => {
  it('lists the five seed dumps in file-name (arrival) order', () => {
    expect(listDumpFiles(SEEDS_DIR)).toEqual([D000, D001, D002, D003, D004]);
    expect(result.dumps.map((dump) => [dump.order, dump.file])).toEqual([
      [0, D000],
      [1, D001],
      [2, D002],
      [3, D003],
      [4, D004],
    ]);
  });

  it('detects each format and reads every entry (3 + 76 + 119 + 260 + 57)', () => {
    expect(result.dumps.map((dump) => [dump.file, dump.format, dump.entries])).toEqual([
      [D000, 'abstract-lines', 3],
      [D001, 'daily-page', 76],
      [D002, 'line-pairs', 119],
      [D003, 'line-pairs', 260],
      [D004, 'daily-page-metadata', 57],
    ]);
  });

  it('gives no warnings on any seed', () => {
    expect(allWarnings(result)).toEqual([]);
  });

  it('counts new papers and merged entries per dump', () => {
    // 002 repeats 9 papers of 001; 003 repeats 9 earlier papers and lists S3FT and its renamed
    // SSR version side by side (one more merge); 004 repeats 19.
    expect(result.dumps.map((dump) => [dump.file, dump.newPapers, dump.mergedEntries])).toEqual([
      [D000, 3, 0],
      [D001, 76, 0],
      [D002, 110, 9],
      [D003, 250, 10],
      [D004, 38, 19],
    ]);
  });

  it('dates 004 by its header `Feb 20` in the year after its newest full date (Nov 28, 2025)', () => {
    const byFile = new Map(result.dumps.map((dump) => [dump.file, dump.dumpDate]));
    expect(byFile.get(D004)).toBe('2026-02-20');
    // 001 has the header `Jul 29` but no full date to take a year from.
    expect(byFile.get(D001)).toBeNull();
  });
});

describe('seeds: papers', () => {
  it('yields 477 distinct papers with unique, URL-safe ids, sorted by id', () => {
    expect(papers).toHaveLength(477);
    const ids = papers.map((paper) => paper.id);
    expect(new Set(ids).size).toBe(477);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps every entry exactly once among the sources (515 in all), firstSeen = first source', () => {
    const sources = papers.flatMap(sourcesOf);
    expect(sources).toHaveLength(3 + 76 + 119 + 260 + 57);
    expect(new Set(sources).size).toBe(sources.length);
    for (const paper of papers) expect(paper.firstSeen).toBe(paper.sources[0]!.dump);
  });

  it('finds the title glued to `Subscribe` in the line-pairs dumps', () => {
    const paper = paperTitled(papers, 'Error-driven Data-efficient Large Multimodal Model Tuning');
    expect(sourcesOf(paper)).toEqual([`${D002}:3`]);
    expect(paper.title.startsWith('Subscribe')).toBe(false);
  });

  it('records a paper seen in 001 only with its title line and no metadata', () => {
    const paper = paperTitled(papers, 'Making Large Language Models Better Reasoners with Alignment');
    expect(sourcesOf(paper)).toEqual([`${D001}:13`]);
    expect(paper.firstSeen).toBe(D001);
    expect([paper.published, paper.upvotes, paper.authorCount, paper.organization]).toEqual([null, null, null, null]);
  });

  it('merges S3FT and its renamed version SSR into one record with all four sources', () => {
    const paper = paperTitled(
      papers,
      'Selective Self-to-Supervised Fine-Tuning for Generalization in Large Language Models',
    );
    expect(sourcesOf(paper)).toEqual([`${D001}:121`, `${D003}:133`, `${D003}:135`, `${D004}:373`]);
    expect(paper.aliases).toEqual([
      'Selective Self-Rehearsal: A Fine-Tuning Approach to Improve Generalization in Large Language Models',
    ]);
    expect(paper.firstSeen).toBe(D001);
    expect(paper.id).toMatch(/^selective-self-to-supervised-fine-tuning/);
    expect(papers.filter((other) => other.title.startsWith('Selective Self-Rehearsal'))).toEqual([]);
    // 004 lines 377-379: `• 6 authors`, `·`, `Feb 12, 2025 2`.
    expect([paper.authorCount, paper.published, paper.upvotes]).toEqual([6, '2025-02-12', 2]);
  });

  it('keeps the two CompeteSMoE papers of 003 apart although their abstracts open the same way', () => {
    const statistical = paperTitled(
      papers,
      'CompeteSMoE – Statistically Guaranteed Mixture of Experts Training via Competition',
    );
    const effective = paperTitled(
      papers,
      'CompeteSMoE – Effective Training of Sparse Mixture of Experts via Competition',
    );
    expect(sourcesOf(statistical)).toEqual([`${D003}:321`]);
    expect(sourcesOf(effective)).toEqual([`${D003}:445`]);
    expect(statistical.id).not.toBe(effective.id);
    expect(statistical.aliases).toEqual([]);
    expect(effective.aliases).toEqual([]);
  });

  it('reads S^{2}FT (001, 002) and S$^{2}$FT (004) as one title, displayed S²FT', () => {
    const paper = paperTitled(
      papers,
      'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
    );
    expect(sourcesOf(paper)).toEqual([`${D001}:145`, `${D002}:147`, `${D004}:29`]);
    expect(paper.aliases).toEqual([]);
    // 004 lines 33-35: `• 8 authors`, `·`, `Dec 9, 2024` (no count: 0 upvotes).
    expect([paper.authorCount, paper.published, paper.upvotes]).toEqual([8, '2024-12-09', 0]);
  });

  it('merges papers listed in every titled dump with the right line in each', () => {
    const balancing = paperStarting(papers, 'Balancing Speciality and Versatility');
    expect(sourcesOf(balancing)).toEqual([`${D001}:253`, `${D002}:187`, `${D003}:169`, `${D004}:237`]);
    expect([balancing.authorCount, balancing.published, balancing.upvotes]).toEqual([7, '2024-04-16', 2]);
    const hft = paperTitled(papers, 'HFT: Half Fine-Tuning for Large Language Models');
    expect(sourcesOf(hft)).toEqual([`${D001}:85`, `${D002}:53`, `${D004}:333`]);
    expect([hft.authorCount, hft.published, hft.upvotes]).toEqual([6, '2024-04-29', 1]);
    const lens = paperStarting(papers, 'LENSLLM: Unveiling Fine-Tuning Dynamics');
    expect(sourcesOf(lens)).toEqual([`${D002}:41`, `${D003}:297`]);
  });
});

describe('seeds: metadata of 004', () => {
  it('stores the four organisation lines as display names, on the right papers', () => {
    const organised = papers
      .filter((paper) => paper.organization !== null)
      .map((paper) => [paper.title.split(':')[0], paper.organization]);
    expect(organised.sort()).toEqual(
      [
        ['Fine-tuning Done Right in Model Editing', 'UCAS'], // `UCAS ucas`
        ['LFM2 Technical Report', 'Liquid AI'], // `LiquidAI Liquid AI`
        ['LOVE-R1', 'TongyiLab'], // `AlibabaTongyiLab TongyiLab`
        ['MFTCoder', 'CodeFuse AI'], // `codefuse-ai CodeFuse AI`
      ].sort(),
    );
  });

  it('gives organisation papers their date and upvotes and no author count', () => {
    const lfm2 = paperTitled(papers, 'LFM2 Technical Report');
    expect(sourcesOf(lfm2)).toEqual([`${D004}:93`]);
    expect([lfm2.authorCount, lfm2.published, lfm2.upvotes]).toEqual([null, '2025-11-28', 3]);
    const editing = paperTitled(papers, 'Fine-tuning Done Right in Model Editing');
    expect([editing.authorCount, editing.published, editing.upvotes]).toEqual([null, '2025-09-26', 2]);
    const mftcoder = paperTitled(papers, 'MFTCoder: Boosting Code LLMs with Multitask Fine-Tuning');
    expect(sourcesOf(mftcoder)).toEqual([`${D001}:61`, `${D002}:193`, `${D004}:357`]);
    expect([mftcoder.published, mftcoder.upvotes]).toEqual(['2023-11-03', 1]);
    const love = paperStarting(papers, 'LOVE-R1:');
    expect([love.published, love.upvotes]).toEqual(['2025-09-29', 2]);
  });

  it.each([
    ['DualTune: Decoupled Fine-Tuning for On-Device Agentic Systems', 13, 8, '2025-09-30', 0],
    ['Detecting Harmful Memes with Decoupled Understanding and Guided CoT Reasoning', 37, 3, '2025-06-10', 2],
    [
      'Aligning Language Models with Observational Data: Opportunities and Risks from a Causal Perspective',
      349,
      1,
      '2025-05-30',
      0,
    ],
    ['UL2: Unifying Language Learning Paradigms', 445, 14, '2022-05-10', 0],
    ['SPDF: Sparse Pre-training and Dense Fine-tuning for Large Language Models', 133, 8, '2023-03-18', 0],
  ])('%s (line %i): %i authors, %s, %i upvotes', (title, line, authors, published, upvotes) => {
    const paper = paperTitled(papers, title);
    expect(paper.sources.at(-1)).toEqual({ dump: D004, line });
    expect([paper.authorCount, paper.published, paper.upvotes, paper.organization]).toEqual([
      authors,
      published,
      upvotes,
      null,
    ]);
  });

  it('places the yearless `Feb 17 3` of TAROT in 2026, before the dump date Feb 20, 2026', () => {
    const tarot = paperStarting(papers, 'TAROT: Test-driven and Capability-adaptive Curriculum');
    expect(sourcesOf(tarot)).toEqual([`${D004}:125`]);
    expect([tarot.authorCount, tarot.published, tarot.upvotes]).toEqual([7, '2026-02-17', 3]);
  });

  it('gives every paper of 004 a date and upvotes, and papers never in 004 no metadata at all', () => {
    for (const paper of papers) {
      const in004 = paper.sources.some((source) => source.dump === D004);
      if (in004) {
        expect(paper.published, paper.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof paper.upvotes, paper.title).toBe('number');
        expect((paper.authorCount === null) !== (paper.organization === null), paper.title).toBe(true);
      } else {
        expect([paper.published, paper.upvotes, paper.authorCount, paper.organization], paper.title).toEqual([
          null,
          null,
          null,
          null,
        ]);
      }
    }
  });
});

describe('seeds: untitled papers of 000', () => {
  it('gives the three abstract-only papers readable derived titles naming their method', () => {
    const untitled = papers.filter((paper) => paper.titleDerived);
    expect(untitled.map(sourcesOf).sort()).toEqual([[`${D000}:1`], [`${D000}:2`], [`${D000}:3`]]);
    const titleOfLine = (line: number) => untitled.find((paper) => paper.sources[0]!.line === line)!.title;
    expect(titleOfLine(1)).toContain("S'MoRE"); // "we propose Structural Mixture of Residual Experts (S'MoRE)"
    expect(titleOfLine(2)).toContain('CAFe'); // "we introduce CAFe, a contrastive-autoregressive fine-tuning framework"
    expect(titleOfLine(3)).toMatch(/causal reward model/i); // "we propose a novel causal reward modeling approach"
    for (const paper of untitled) {
      expect(paper.firstSeen).toBe(D000);
      expect(paper.title.length).toBeLessThanOrEqual(100);
      expect(paper.title).not.toMatch(/^Abstract/i);
      expect(paper.aliases).toEqual([]);
    }
  });

  it('keeps them derived because no later dump lists them (checked against the raw files)', () => {
    const later = [D001, D002, D003, D004].map((file) => readFileSync(join(SEEDS_DIR, file), 'utf8')).join('\n');
    expect(later).not.toContain("S'MoRE");
    expect(later).not.toContain('CAFe');
    expect(later).not.toMatch(/causal reward model/i);
    expect(papers.filter((paper) => !paper.titleDerived)).toHaveLength(474);
  });
});

describe('seeds: text and links', () => {
  it('turns LaTeX escapes into characters (`\\%`, ``quotes``)', () => {
    const fear = paperTitled(papers, 'Alleviating the Fear of Losing Alignment in LLM Fine-tuning');
    expect(fear.abstract).toContain('from 33.25% to 1.74%');
    const skills = paperTitled(papers, 'Task-Specific Skill Localization in Fine-tuned Language Models');
    expect(sourcesOf(skills)).toEqual([`${D001}:221`, `${D004}:341`]);
    expect(skills.abstract).toContain('“skills,”');
    for (const paper of papers) {
      expect(paper.abstract, paper.title).not.toMatch(/\\%|``|\s{2}/);
      expect(paper.title, paper.abstract.slice(0, 60)).not.toMatch(/\$\^|\^\{|\s{2}/);
    }
  });

  it('extracts links without the sentence full stop after them', () => {
    expect(paperTitled(papers, 'Alleviating the Fear of Losing Alignment in LLM Fine-tuning').links).toEqual([
      'https://github.com/kangyangWHU/LLMAlignment',
    ]);
    // `…/DR-Tune.` and `…/LENSLLM.git.` end sentences in the seeds.
    expect(paperStarting(papers, 'DR-Tune:').links).toEqual(['https://github.com/weeknan/DR-Tune']);
    expect(paperStarting(papers, 'LENSLLM:').links).toEqual(['https://github.com/Susan571/LENSLLM.git']);
    for (const paper of papers) {
      for (const link of paper.links) expect(link).toMatch(/^https?:\/\/[^\s]+[^.,;:]$/);
    }
  });
});
