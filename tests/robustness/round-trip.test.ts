/**
 * Property-based tests (fast-check): for any list of papers, writing it in each dump format
 * (scripts/lib/dump-writers.ts) and parsing it back gives the same papers; line ends, BOMs,
 * encodings and white space at line ends change nothing; and no input at all, however broken,
 * makes the ingest throw or give a warning that is not one clear sentence about a real line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestDumps, normalizeText, parseDump, plainDumpText } from '../../src/ingest/index.ts';

/** What a reader sees of listed text: normalised, then read through the text pipeline. */
const readerText = (text: string) => plainDumpText(normalizeText(text));
import type { DumpFormat, IngestResult } from '../../src/ingest/index.ts';
import { writeDump, type ListedPaper } from '../../scripts/lib/dump-writers.ts';
import { abstract, expectedOrganisation, listedPapers, title } from './arbitraries.ts';
import { bytesOf, expectOneClearSentence } from './helpers.ts';

const FORMATS: DumpFormat[] = ['abstract-lines', 'daily-page', 'line-pairs', 'daily-page-metadata'];
/** `ROBUSTNESS_RUNS=5000 npx vitest run tests/robustness` searches harder. */
const RUNS = { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 150) };
/** Time for one property: generous, and growing with the runs asked for. */
const TIMEOUT = Math.max(60_000, RUNS.numRuns * 60);

function ingestBytes(dumps: Record<string, Uint8Array>): IngestResult {
  return ingestDumps(
    Object.entries(dumps).map(([name, bytes]) => ({ name, bytes })),
    [],
  );
}

/** The line a paper's source must point at in the written dump. */
function listedLine(format: DumpFormat, paper: ListedPaper, first: boolean): string {
  if (format === 'abstract-lines') return `Abstract:${paper.abstract}`;
  return format === 'line-pairs' && first ? `Subscribe${paper.title}` : paper.title;
}

describe.each(FORMATS)('%s: write, parse back', (format) => {
  it(
    'gives the same papers: titles, abstracts, metadata, and the line of each',
    () => {
      fc.assert(
        fc.property(listedPapers(), ({ papers, pageDate }) => {
          const text = writeDump(format, papers, { pageDate });
          const result = ingestBytes({ '005_generated.txt': bytesOf(text) });
          const [report] = result.dumps;
          expect(report).toMatchObject({ format, entries: papers.length, newPapers: papers.length, warnings: [] });
          expect(result.papers).toHaveLength(papers.length);

          const byAbstract = new Map(result.papers.map((paper) => [paper.abstract, paper]));
          const lines = text.split('\n');
          papers.forEach((listed, index) => {
            const paper = byAbstract.get(readerText(listed.abstract));
            expect(paper, listed.abstract).toBeDefined();
            if (format === 'abstract-lines') {
              expect([paper!.titleDerived, paper!.aliases]).toEqual([true, []]);
            } else {
              expect([paper!.title, paper!.titleDerived, paper!.aliases]).toEqual([
                readerText(listed.title),
                false,
                [],
              ]);
            }
            expect(paper!.sources).toHaveLength(1);
            expect(lines[paper!.sources[0]!.line - 1]).toBe(listedLine(format, listed, index === 0));
            const meta = [paper!.published, paper!.upvotes, paper!.authorCount, paper!.organization];
            if (format === 'daily-page-metadata') {
              const organisation = listed.organization ? expectedOrganisation(listed.organization) : null;
              expect(
                meta,
                `${listed.published}${listed.yearless ? ' (yearless)' : ''} on a page of ${pageDate}`,
              ).toEqual([listed.published, listed.upvotes ?? 0, listed.authorCount ?? null, organisation]);
            } else {
              expect(meta).toEqual([null, null, null, null]);
            }
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

it(
  'the same papers in all four formats, one dump each, are each one paper with four sources',
  () => {
    fc.assert(
      fc.property(listedPapers({ maxLength: 5 }), ({ papers, pageDate }) => {
        const dumps = Object.fromEntries(
          FORMATS.map((format, index) => [
            `00${index}_${format}.txt`,
            bytesOf(writeDump(format, papers, { pageDate })),
          ]),
        );
        const result = ingestBytes(dumps);
        expect(result.dumps.flatMap((dump) => dump.warnings)).toEqual([]);
        expect(result.papers).toHaveLength(papers.length);
        expect(result.papers.map((paper) => paper.sources.length)).toEqual(papers.map(() => 4));
        expect(result.papers.map((paper) => paper.title).sort()).toEqual(
          papers.map((paper) => readerText(paper.title)).sort(),
        );
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  },
  TIMEOUT,
);

it('finds a short abstract again by its own text (found by the property above: no shingle of it was in the index sample)', () => {
  const paper = {
    title: 'Abbreviated abbreviated',
    abstract:
      'Abbreviated by 4.6% abbreviated abbreviated longest abbreviated abbreviated adaptive abbreviated abbreviated household ascent abbreviated abbreviated.',
  };
  const result = ingestBytes({
    '000_abstracts.txt': bytesOf(writeDump('abstract-lines', [paper])),
    '001_daily.txt': bytesOf(writeDump('daily-page', [paper], { pageDate: '2021-01-01' })),
  });
  expect(result.papers.map((record) => [record.title, record.sources.length])).toEqual([
    ['Abbreviated abbreviated', 2],
  ]);
});

it('reads a one-paper dump whose title has commas as a listing, not as a CSV table (found by the property above)', () => {
  const paper = {
    title: 'Sparse, Dense, and Mixed Experts',
    abstract:
      'We compare sparse, dense, and mixed expert layers at equal compute. Mixed layers, which route half of the tokens, match dense quality at a third of the cost.',
  };
  for (const format of ['daily-page', 'line-pairs'] as const) {
    const result = ingestBytes({ '005_one.txt': bytesOf(writeDump(format, [paper], { pageDate: '2026-02-20' })) });
    expect(result.dumps[0], format).toMatchObject({ format, entries: 1, warnings: [] });
  }
});

/** How a scrape may store the same text: line ends, BOM and encoding, white space around lines, a final line end. */
const shape = fc.record({
  endings: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
  encoding: fc.constantFrom('utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM'),
  trailing: fc.array(fc.constantFrom('', ' ', '  ', '\t', ' \t ', '\u00a0'), { minLength: 1, maxLength: 4 }),
  indent: fc.array(fc.constantFrom('', '', ' ', '  ', '\t'), { minLength: 1, maxLength: 3 }),
  finalLineEnd: fc.boolean(),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function reshape(text: string, { endings, encoding, trailing, indent, finalLineEnd }: Shape): Uint8Array {
  const lines = text.replace(/\n$/, '').split('\n');
  let out = '';
  let previousEnd = '';
  lines.forEach((line, index) => {
    const shaped = line === '' ? '' : `${indent[index % indent.length]}${line}${trailing[index % trailing.length]}`;
    let end = endings[index % endings.length]!;
    // CR, then an empty line ended by LF, is a CRLF: no reader can tell them apart, so no scrape is taken to mean it.
    if (previousEnd === '\r' && shaped === '' && end === '\n') end = '\r\n';
    out += shaped + (index < lines.length - 1 || finalLineEnd ? end : '');
    previousEnd = end;
  });
  if (encoding === 'utf-8') return bytesOf(out);
  if (encoding === 'utf-8 BOM') return bytesOf(`\ufeff${out}`);
  const le = Buffer.from(`\ufeff${out}`, 'utf16le');
  return encoding === 'utf-16le BOM'
    ? new Uint8Array(le)
    : new Uint8Array(le).map((_, index, bytes) => bytes[index ^ 1]!);
}

describe.each(FORMATS)('%s: line ends, BOM, encoding and white space', (format) => {
  it(
    'give records identical to the plain LF UTF-8 dump',
    () => {
      fc.assert(
        fc.property(listedPapers({ maxLength: 5 }), shape, ({ papers, pageDate }, how) => {
          const text = writeDump(format, papers, { pageDate });
          const plain = ingestBytes({ '005_plain.txt': bytesOf(text) });
          const shaped = ingestBytes({ '005_plain.txt': reshape(text, how) });
          expect(shaped.papers).toEqual(plain.papers);
          const { warnings, ...report } = shaped.dumps[0]!;
          expect({
            ...report,
            warnings: warnings.filter((warning) => !/^read as UTF-16/.test(warning.message)),
          }).toEqual(plain.dumps[0]);
          expect(plain.dumps[0]!.warnings).toEqual([]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

/** Pieces of real and broken dumps, for inputs that are any mix of them. */
const FRAGMENTS = [
  '',
  '',
  '',
  'new',
  'Subscribe',
  'Daily Papers',
  'Get trending papers in your email inbox!',
  'Feb 20',
  'Jul 29',
  'SubscribeBalanced Routing',
  '·',
  '  • 8 authors',
  '• 1 author',
  '• many authors',
  '•',
  'LiquidAI Liquid AI',
  'UCAS ucas',
  'Sep 30, 2025',
  'Feb 17 3',
  'Feb 30, 2025 7',
  'Smarch 3',
  'Sep 30, 2025 -5',
  'Oct 1, 2025 99999999999999',
  'Feb 29',
  'Dec 31, 1999 1',
  'Abstract:',
  'Abstract: short.',
  '<html>',
  '<!DOCTYPE html>',
  '</div>',
  'title,abstract,upvotes',
  '"a","b","c"',
  '{"title": "x"}',
  '[',
  ']',
  '\u0000\u0001\u0002\u0003\u0004',
  '\ufffd\ufffd\ufffd',
  '\u2028',
  'x'.repeat(12_000),
  'Why Do Small Models Forget?',
  '$^{2}$',
  '\\',
  '"',
  '…',
];
const fuzzLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: title },
  { weight: 2, arbitrary: abstract },
  { weight: 1, arbitrary: abstract.map((text) => `Abstract:${text}`) },
  { weight: 1, arbitrary: abstract.map((text) => text.slice(0, text.length >> 1)) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...'ab •·,;:"<>{}[]\t\u0000\u0007\u00e9Ω$^_\\0123456789\u2028'),
      maxLength: 40,
    }),
  },
);

const GOOD = writeDump(
  'daily-page-metadata',
  [
    {
      title: 'Sparse Adapter Routing for Continual Instruction Tuning',
      abstract:
        'Continual instruction tuning adds new skills to a language model one task at a time, but full fine-tuning on each task erodes the skills learned before it. We propose Sparse Adapter Routing, which keeps a pool of small bottleneck adapters and learns a router that activates at most two of them per token.',
      authorCount: 6,
      published: '2026-02-12',
      yearless: true,
      upvotes: 31,
    },
    {
      title: 'Token-Level Expert Dropout Stabilises Mixture-of-Experts Pretraining',
      abstract:
        'Mixture-of-Experts language models scale capacity cheaply, but their training is prone to loss spikes when a few experts receive most of the tokens. We study token-level expert dropout, a regulariser that randomly withholds the top-ranked expert for a small fraction of tokens.',
      organization: { handle: 'moe-lab', name: 'MoE Lab' },
      published: '2025-12-01',
      upvotes: 3,
    },
  ],
  { pageDate: '2026-02-20' },
);
const GOOD_ALONE = ingestBytes({ '001_good.txt': bytesOf(GOOD) });

/** Every warning is about this dump, at a line it has (or the whole file), in one clear sentence. */
function expectWellFormedWarnings(result: IngestResult, file: string, lineCount: number): void {
  for (const warning of result.dumps.find((dump) => dump.file === file)!.warnings) {
    expect(warning.dump).toBe(file);
    if (warning.line !== null) {
      expect(
        Number.isInteger(warning.line) && warning.line >= 1 && warning.line <= lineCount,
        `line ${warning.line} of ${lineCount}`,
      ).toBe(true);
    }
    expectOneClearSentence(warning);
  }
}

/** The good dump's papers come through untouched by any neighbour. */
function expectGoodPapersKept(result: IngestResult): void {
  const byId = new Map(result.papers.map((paper) => [paper.id, paper]));
  for (const good of GOOD_ALONE.papers) {
    expect(byId.get(good.id)?.sources, good.id).toEqual(good.sources);
    expect(byId.get(good.id), good.id).toEqual(good);
  }
}

describe('any broken input', () => {
  it(
    'lines of real and broken dumps mixed at random: no throw, every warning at a real line, good neighbours kept',
    () => {
      fc.assert(
        fc.property(fc.array(fuzzLine, { maxLength: 40 }), shape, (lines, how) => {
          const text = lines.join('\n');
          const bytes = reshape(text, how);
          const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
          const result = ingestBytes({ '001_good.txt': bytesOf(GOOD), '002_fuzz.txt': bytes });
          expectWellFormedWarnings(result, '002_fuzz.txt', lineCount);
          expectGoodPapersKept(result);
          for (const entry of parseDump('002_fuzz.txt', bytes).entries)
            expect(entry.line).toBeLessThanOrEqual(lineCount);
        }),
        { numRuns: RUNS.numRuns * 2 },
      );
    },
    TIMEOUT,
  );

  it(
    'random bytes: no throw, every warning at a real line or the whole file',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
          const result = ingestBytes({ '001_good.txt': bytesOf(GOOD), '002_bytes.txt': bytes });
          // However the bytes decode, they hold no more lines than line-break bytes (or UTF-16 units) allow.
          expectWellFormedWarnings(result, '002_bytes.txt', bytes.length + 1);
          expectGoodPapersKept(result);
        }),
        { numRuns: RUNS.numRuns * 2 },
      );
    },
    TIMEOUT,
  );
});
