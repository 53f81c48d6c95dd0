/**
 * Bad input: each bad dump gives a warning naming its file and line (null for the whole file),
 * and nothing from a good dump is lost because a bad one sits beside it.
 * Fixtures are under tests/fixtures/ingest/bad/; line numbers were counted in them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatWarning, ingestDumps, parseDump, readDumpFile, readDumpFolder } from '../../src/ingest/index.ts';
import type { ParsedDump } from '../../src/ingest/index.ts';
import {
  allWarnings,
  bytesOf,
  fixturePath,
  fixtureText,
  ingestTexts,
  paperTitled,
  SEEDS_DIR,
  sourcesOf,
} from './helpers.ts';

/** PNG signature and header chunk: NUL bytes, control characters. */
const BINARY = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00,
]);

function parseBad(file: string, name = file): ParsedDump {
  return parseDump(name, bytesOf(fixtureText(`bad/${file}`)));
}

/** A whole-file rejection: no entries and one warning naming the file, with no line. */
function expectSkipped(dump: ParsedDump, name: string, reason: RegExp): void {
  expect(dump.format).toBeNull();
  expect(dump.entries).toEqual([]);
  expect(dump.warnings).toHaveLength(1);
  expect(dump.warnings[0]).toMatchObject({ dump: name, line: null });
  expect(dump.warnings[0]!.message).toMatch(reason);
}

const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});
function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

describe('a dump in no known format', () => {
  it.each([
    ['table-csv.txt', /CSV/],
    ['table-two-columns.txt', /CSV/],
    ['table-tsv.txt', /CSV|TSV/],
    ['saved-page-html.txt', /HTML/],
    ['html-fragment.txt', /HTML/],
  ])('%s is skipped with a warning naming the file', (file, reason) => {
    expectSkipped(parseBad(file, `010_${file}`), `010_${file}`, reason);
  });
});

describe('an empty or binary file', () => {
  it('skips an empty file as empty', () => {
    expectSkipped(parseBad('empty.txt'), 'empty.txt', /empty/);
    expectSkipped(parseDump('blank.txt', bytesOf('\n  \r\n\t\n')), 'blank.txt', /empty/);
  });

  it('skips a file of only page-header lines as holding no papers', () => {
    expectSkipped(
      parseDump('header.txt', bytesOf('new\n\nSubscribe\n\nDaily Papers\n\nJul 29\n')),
      'header.txt',
      /no papers/,
    );
  });

  it('skips binary bytes without guessing at them', () => {
    expectSkipped(parseDump('image.txt', BINARY), 'image.txt', /binary/);
  });

  it('skips noise without NUL bytes as binary too', () => {
    // A fixed linear congruential sequence: reproducible bytes, none of them 0.
    const noise = new Uint8Array(4096);
    let state = 12345;
    for (let index = 0; index < noise.length; index++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      noise[index] = ((state >>> 16) % 255) + 1;
    }
    expectSkipped(parseDump('noise.txt', noise), 'noise.txt', /binary/);
  });
});

describe('a title without an abstract', () => {
  it('in a daily page: warns at the title line and keeps the entries around it', () => {
    const dump = parseBad('title-without-abstract-daily.txt');
    expect(dump.format).toBe('daily-page');
    expect(dump.warnings.map((warning) => [warning.dump, warning.line])).toEqual([
      ['title-without-abstract-daily.txt', 13],
    ]);
    expect(dump.warnings[0]!.message).toContain('A Survey of Adapter Methods');
    expect(dump.entries.map((entry) => [entry.title, entry.line])).toEqual([
      ['Why Do Small Models Forget?', 9],
      ['Dense Captions Make Vision-Language Models Look Closer', 15],
    ]);
  });

  it('in line pairs, mid-file and at the end: warns at each title line', () => {
    const dump = parseBad('title-without-abstract-pairs.txt');
    expect(dump.format).toBe('line-pairs');
    expect(dump.warnings.map((warning) => [warning.dump, warning.line])).toEqual([
      ['title-without-abstract-pairs.txt', 4],
      ['title-without-abstract-pairs.txt', 7],
    ]);
    expect(dump.entries.map((entry) => [entry.title, entry.line])).toEqual([
      ['BalancedRoute: Load-Aware Routing for Sparse Mixture-of-Experts', 2],
      ['Low-Rank Experts for Multilingual Speech Recognition', 5],
    ]);
  });

  it('in a metadata page: warns at the title line and the next entry keeps its metadata', () => {
    const dump = parseBad('title-without-abstract-metadata.txt');
    expect(dump.format).toBe('daily-page-metadata');
    const atTitle = dump.warnings.filter((warning) => warning.line === 9);
    expect(atTitle).toHaveLength(1);
    expect(atTitle[0]!.message).toContain('Low-Rank Experts for Multilingual Speech Recognition');
    for (const warning of dump.warnings) expect(warning.dump).toBe('title-without-abstract-metadata.txt');
    expect(dump.entries.map((entry) => [entry.title, entry.line, entry.meta])).toEqual([
      [
        'BalancedRoute: Load-Aware Routing for Sparse Mixture-of-Experts',
        15,
        { authorCount: 5, organization: null, published: '2025-12-20', upvotes: 9 },
      ],
    ]);
  });
});

describe('a truncated metadata block', () => {
  it('warns where the date is missing, mid-file and at the end, and reads the other blocks', () => {
    const dump = parseBad('truncated-metadata.txt');
    expect(dump.format).toBe('daily-page-metadata');
    // Line 14 is a `·` with no date after it; line 28, the last line, is a lone `• 5 authors`.
    expect(dump.warnings.map((warning) => [warning.dump, warning.line])).toEqual([
      ['truncated-metadata.txt', 14],
      ['truncated-metadata.txt', 28],
    ]);
    expect(dump.warnings.every((warning) => /truncated/.test(warning.message))).toBe(true);
    expect(dump.entries.map((entry) => [entry.title?.split(':')[0], entry.line, entry.meta])).toEqual([
      ['TinyAdapt', 9, { authorCount: 8, organization: null, published: null, upvotes: null }],
      [
        'Consistency Filtering of Preference Data for Reward Modelling',
        16,
        { authorCount: null, organization: 'CodeFuse AI', published: '2025-06-10', upvotes: 2 },
      ],
      ['BalancedRoute', 24, { authorCount: 5, organization: null, published: null, upvotes: null }],
    ]);
  });

  it('without its authors or organisation line: warns at the block and keeps the abstract', () => {
    const dump = parseBad('metadata-without-byline.txt');
    expect(dump.warnings.map((warning) => [warning.dump, warning.line])).toEqual([['metadata-without-byline.txt', 13]]);
    expect(dump.entries.map((entry) => [entry.title, entry.line, entry.meta])).toEqual([
      [
        'Dense Captions Make Vision-Language Models Look Closer',
        9,
        { authorCount: null, organization: null, published: '2025-11-28', upvotes: 14 },
      ],
      ['Why Do Small Models Forget?', 16, { authorCount: 3, organization: null, published: '2026-02-17', upvotes: 0 }],
    ]);
    expect(dump.entries[0]!.abstract.startsWith('Vision-language models are usually trained')).toBe(true);
  });

  it('keeps the record of a paper whose block was cut, with null metadata where nothing was read', () => {
    const { papers } = ingestTexts({ '004_cut.txt': fixtureText('bad/truncated-metadata.txt') });
    expect(papers).toHaveLength(3);
    const tiny = paperTitled(papers, 'TinyAdapt: Bottleneck Adapters Are All You Need for Efficient Fine-Tuning');
    expect(sourcesOf(tiny)).toEqual(['004_cut.txt:9']);
    expect([tiny.authorCount, tiny.published, tiny.upvotes]).toEqual([8, null, null]);
  });
});

describe('warnings', () => {
  it('print as file:line: message, or file: message for the whole file', () => {
    const [atLine] = parseBad('title-without-abstract-daily.txt').warnings;
    expect(formatWarning(atLine!)).toMatch(/^title-without-abstract-daily\.txt:13: .*A Survey of Adapter Methods/);
    const [wholeFile] = parseBad('empty.txt').warnings;
    expect(formatWarning(wholeFile!)).toMatch(/^empty\.txt: .*empty/);
  });
});

describe('readDumpFolder with unreadable entries', () => {
  function folderWithBadNeighbours(goodFiles: Record<string, string>): string {
    const directory = temporaryDirectory();
    for (const [name, source] of Object.entries(goodFiles)) copyFileSync(source, join(directory, name));
    copyFileSync(fixturePath('bad/table-csv.txt'), join(directory, '000_table.txt'));
    copyFileSync(fixturePath('bad/saved-page-html.txt'), join(directory, '001_page.txt'));
    copyFileSync(fixturePath('bad/empty.txt'), join(directory, '002_empty.txt'));
    writeFileSync(join(directory, '003_binary.txt'), BINARY);
    mkdirSync(join(directory, '004_directory.txt'));
    symlinkSync(join(directory, 'gone.txt'), join(directory, '005_broken-link.txt'));
    return directory;
  }

  const BAD_NAMES = [
    '000_table.txt',
    '001_page.txt',
    '002_empty.txt',
    '003_binary.txt',
    '004_directory.txt',
    '005_broken-link.txt',
  ];

  it('reports a directory and a broken symlink instead of failing', () => {
    const directory = folderWithBadNeighbours({});
    expect(readDumpFile(directory, '004_directory.txt')).toMatchObject({
      name: '004_directory.txt',
      bytes: null,
      problem: expect.stringMatching(/not a regular file/),
    });
    expect(readDumpFile(directory, '005_broken-link.txt')).toMatchObject({
      name: '005_broken-link.txt',
      bytes: null,
      problem: expect.stringMatching(/broken symbolic link/),
    });
    const result = ingestDumps(readDumpFolder(directory), []);
    expect(result.papers).toEqual([]);
    expect(result.dumps.map((dump) => dump.file)).toEqual(BAD_NAMES);
    for (const dump of result.dumps) {
      expect(dump.format, dump.file).toBeNull();
      expect(dump.warnings, dump.file).toEqual([
        { dump: dump.file, line: null, message: expect.stringMatching(/^skipped: /) },
      ]);
    }
  });

  it('loses nothing from the good fixture dumps sitting beside bad ones', () => {
    const good = {
      '001_daily.txt': fixturePath('formats/daily-page.txt'),
      '002_pairs.txt': fixturePath('formats/line-pairs.txt'),
      '004_meta.txt': fixturePath('formats/daily-page-metadata.txt'),
    };
    const alone = ingestDumps(
      Object.entries(good).map(([name, path]) => ({ name, bytes: readFileSync(path) })),
      [],
    );
    const beside = ingestDumps(readDumpFolder(folderWithBadNeighbours(good)), []);
    // 3 + 3 + 4 entries of 6 papers: the metadata page repeats four of them.
    expect(alone.papers.map((paper) => paper.sources.length).sort()).toEqual([1, 1, 2, 2, 2, 2]);
    expect(beside.papers).toEqual(alone.papers);
    const warned = beside.dumps.filter((dump) => dump.warnings.length > 0).map((dump) => dump.file);
    expect(warned.sort()).toEqual([...BAD_NAMES].sort());
  });

  it('loses nothing from the seeds sitting beside bad dumps', () => {
    const seeds = readDumpFolder(SEEDS_DIR);
    const seedFiles = Object.fromEntries(seeds.map((input) => [input.name, join(SEEDS_DIR, input.name)]));
    const alone = ingestDumps(seeds, []);
    const beside = ingestDumps(readDumpFolder(folderWithBadNeighbours(seedFiles)), []);
    expect(beside.papers).toHaveLength(477);
    expect(beside.papers).toEqual(alone.papers);
    const seedReports = beside.dumps.filter((dump) => dump.file in seedFiles);
    expect(seedReports.map((dump) => [dump.file, dump.entries, dump.warnings.length])).toEqual(
      alone.dumps.map((dump) => [dump.file, dump.entries, 0]),
    );
    expect(
      allWarnings(beside)
        .map((warning) => warning.dump)
        .sort(),
    ).toEqual([...BAD_NAMES].sort());
  });
});
