/**
 * The four dump formats, each from a small hand-written fixture, and the shapes a future dump may
 * arrive in (CRLF, BOM, trailing spaces). Line numbers were counted in the fixture files.
 */
import { describe, expect, it } from 'vitest';
import { parseDump } from '../../src/ingest/index.ts';
import type { DumpFormat, ParsedDump } from '../../src/ingest/index.ts';
import { bytesOf, fixtureText, ingestTexts, paperTitled, sourcesOf, VARIANTS } from './helpers.ts';

const TINY_ADAPT = 'TinyAdapt: Bottleneck Adapters Are All You Need for Efficient Fine-Tuning';
const DENSE_CAPTIONS = 'Dense Captions Make Vision-Language Models Look Closer';
const SMALL_MODELS = 'Why Do Small Models Forget?';
const BALANCED_ROUTE = 'BalancedRoute: Load-Aware Routing for Sparse Mixture-of-Experts';
const CONSISTENCY = 'Consistency Filtering of Preference Data for Reward Modelling';
const LOW_RANK = 'Low-Rank Experts for Multilingual Speech Recognition';

function parseFixture(file: string, transform: (text: string) => string = (text) => text, name = file): ParsedDump {
  return parseDump(name, bytesOf(transform(fixtureText(`formats/${file}`))));
}

/** What a test compares: the parts of an entry that must not depend on line ends or padding. */
function entryShape(dump: ParsedDump) {
  return dump.entries.map((entry) => ({
    title: entry.title,
    line: entry.line,
    meta: entry.meta,
    abstractStart: entry.abstract.slice(0, 40),
    abstractEnd: entry.abstract.slice(-20),
  }));
}

describe('abstract lines (000-style)', () => {
  it('reads every `Abstract:` line as an untitled entry at its own line', () => {
    const dump = parseFixture('abstract-lines.txt');
    expect(dump.format).toBe('abstract-lines');
    expect(dump.warnings).toEqual([]);
    expect(dump.entries.map((entry) => [entry.title, entry.line, entry.meta])).toEqual([
      [null, 1, null],
      [null, 2, null],
      [null, 3, null],
    ]);
    expect(dump.entries[0]!.abstract.startsWith('Adapting large language models')).toBe(true);
    // `Abstract: Sparse…` (space after the colon) loses the prefix and the space.
    expect(dump.entries[2]!.abstract.startsWith('Sparse mixture-of-experts')).toBe(true);
  });

  it('gives the papers derived titles naming their method, and the abstract its links', () => {
    const { papers } = ingestTexts({ '000_abstracts.txt': fixtureText('formats/abstract-lines.txt') });
    expect(papers).toHaveLength(3);
    for (const paper of papers) {
      expect(paper.titleDerived).toBe(true);
      expect(paper.aliases).toEqual([]);
      expect(paper.upvotes).toBeNull();
    }
    const byLine = (line: number) => papers.find((paper) => paper.sources[0]!.line === line)!;
    expect(byLine(1).title).toContain('TinyAdapt'); // "we introduce TinyAdapt, a parameter-efficient…"
    expect(byLine(3).title).toContain('BalancedRoute'); // "We present BalancedRoute, a routing rule…"
    expect(byLine(2).title).toMatch(/consistency filter/i); // "We propose a consistency filter that…"
    expect(byLine(2).links).toEqual(['https://github.com/example/consistency-filter']);
    expect(byLine(1).abstract).toContain('by 40%.');
  });
});

describe('daily page (001-style)', () => {
  it('skips the page header and pairs titles with abstracts across blank lines', () => {
    const dump = parseFixture('daily-page.txt');
    expect(dump.format).toBe('daily-page');
    expect(dump.warnings).toEqual([]);
    expect(dump.entries.map((entry) => [entry.title, entry.line, entry.meta])).toEqual([
      [TINY_ADAPT, 13, null],
      [DENSE_CAPTIONS, 17, null],
      [SMALL_MODELS, 21, null],
    ]);
    expect(dump.entries[2]!.abstract.startsWith('Continual fine-tuning')).toBe(true);
  });

  it('makes records with normalised text, links and no metadata', () => {
    const { papers } = ingestTexts({ '001_daily.txt': fixtureText('formats/daily-page.txt') });
    const dense = paperTitled(papers, DENSE_CAPTIONS);
    expect(sourcesOf(dense)).toEqual(['001_daily.txt:17']);
    expect(dense.abstract).toContain('a corpus of “dense” captions');
    expect(dense.links).toEqual(['https://dense-captions.example.org/']);
    expect([dense.published, dense.upvotes, dense.authorCount, dense.organization]).toEqual([null, null, null, null]);
    expect(dense.titleDerived).toBe(false);
    expect(paperTitled(papers, TINY_ADAPT).abstract).toContain('by 40%.');
  });
});

describe('line pairs (002/003-style)', () => {
  it('takes the title glued to `Subscribe` and alternates title and abstract lines', () => {
    const dump = parseFixture('line-pairs.txt');
    expect(dump.format).toBe('line-pairs');
    expect(dump.warnings).toEqual([]);
    expect(dump.entries.map((entry) => [entry.title, entry.line])).toEqual([
      [BALANCED_ROUTE, 3],
      [CONSISTENCY, 5],
      [LOW_RANK, 7],
    ]);
    expect(dump.entries[2]!.abstract.startsWith('Multilingual speech recognisers')).toBe(true);
  });

  it('reads line pairs whose `Subscribe` line stands on its own', () => {
    const text = fixtureText('formats/line-pairs.txt').replace('SubscribeBalancedRoute', 'Subscribe\nBalancedRoute');
    const dump = parseDump('002_unglued.txt', bytesOf(text));
    expect(dump.format).toBe('line-pairs');
    expect(dump.warnings).toEqual([]);
    expect(dump.entries.map((entry) => [entry.title, entry.line])).toEqual([
      [BALANCED_ROUTE, 4],
      [CONSISTENCY, 6],
      [LOW_RANK, 8],
    ]);
  });
});

describe('daily page with metadata (004-style)', () => {
  it('reads author counts, organisations, dates and upvotes from each block', () => {
    const dump = parseFixture('daily-page-metadata.txt');
    expect(dump.format).toBe('daily-page-metadata');
    expect(dump.warnings).toEqual([]);
    // Header `Feb 20`; newest full date Nov 28, 2025, so the dump is of Feb 20, 2026.
    expect(dump.dumpDate).toBe('2026-02-20');
    expect(dump.entries.map((entry) => [entry.title, entry.line, entry.meta])).toEqual([
      [TINY_ADAPT, 13, { authorCount: 8, organization: null, published: '2025-09-30', upvotes: 0 }],
      [CONSISTENCY, 21, { authorCount: null, organization: 'UCAS', published: '2026-02-17', upvotes: 3 }],
      [BALANCED_ROUTE, 29, { authorCount: null, organization: 'CodeFuse AI', published: '2025-06-10', upvotes: 2 }],
      [DENSE_CAPTIONS, 37, { authorCount: 12, organization: null, published: '2025-11-28', upvotes: 14 }],
    ]);
  });

  it('carries the metadata into the records', () => {
    const { papers } = ingestTexts({ '004_meta.txt': fixtureText('formats/daily-page-metadata.txt') });
    const consistency = paperTitled(papers, CONSISTENCY);
    expect(sourcesOf(consistency)).toEqual(['004_meta.txt:21']);
    expect([consistency.organization, consistency.authorCount, consistency.published, consistency.upvotes]).toEqual([
      'UCAS',
      null,
      '2026-02-17',
      3,
    ]);
    const tiny = paperTitled(papers, TINY_ADAPT);
    expect([tiny.authorCount, tiny.published, tiny.upvotes]).toEqual([8, '2025-09-30', 0]);
  });
});

describe('detection from content, whatever the file shape', () => {
  const formats: [string, DumpFormat][] = [
    ['abstract-lines.txt', 'abstract-lines'],
    ['daily-page.txt', 'daily-page'],
    ['line-pairs.txt', 'line-pairs'],
    ['daily-page-metadata.txt', 'daily-page-metadata'],
  ];

  it.each(formats)('%s is detected by content, not by its file name', (file, format) => {
    for (const name of ['000_x.txt', '001_x.txt', '002_x.txt', '004_x.txt', 'dump.txt']) {
      expect(parseFixture(file, undefined, name).format, name).toBe(format);
    }
  });

  for (const [variant, transform] of Object.entries(VARIANTS)) {
    it.each(formats)(`%s reads the same with ${variant}`, (file, format) => {
      const plain = parseFixture(file);
      const shaped = parseFixture(file, transform);
      expect(shaped.format).toBe(format);
      expect(shaped.warnings).toEqual([]);
      expect(shaped.dumpDate).toBe(plain.dumpDate);
      expect(entryShape(shaped)).toEqual(entryShape(plain));
      for (const entry of shaped.entries) {
        expect(entry.abstract).not.toMatch(/[\r\ufeff]|\s$/);
        expect(entry.title ?? '').not.toMatch(/[\r\ufeff]|\s$/);
      }
    });
  }

  it('makes the same records from a CRLF + BOM copy as from the original', () => {
    const original = ingestTexts({ '004_meta.txt': fixtureText('formats/daily-page-metadata.txt') });
    const shaped = ingestTexts({
      '004_meta.txt': VARIANTS['bom + crlf + trailing spaces']!(fixtureText('formats/daily-page-metadata.txt')),
    });
    expect(shaped.papers).toEqual(original.papers);
  });
});
