/**
 * The corpus of broken dumps in tests/fixtures/bad/, each ingested beside the good seeds: the
 * ingest finishes, the report names the file and line of every problem in one clear sentence, and
 * every paper of the seeds is still there. Line numbers were counted in the fixture files (blank
 * lines included; a UTF-16 or CR-only file is counted after decoding). Dumps that cannot be
 * committed (20 MB, a directory, a broken or looping symlink, a named pipe) are made at test time.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCorpus,
  formatIngestReport,
  formatWarning,
  ingestDumps,
  normalizeText,
  parseDump,
  parseDumpInput,
  readDumpFolder,
} from '../../src/ingest/index.ts';
import type { DumpFormat, DumpInput, IngestResult, PaperRecord } from '../../src/ingest/index.ts';
import { writeDump } from '../../scripts/lib/dump-writers.ts';
import {
  BAD_DIR,
  bytesOf,
  distinctPapers,
  expectOneClearSentence,
  papersById,
  SEEDS,
  SEEDS_ALONE,
  SEEDS_DIR,
} from './helpers.ts';

interface BadDump {
  file: string;
  /** What is wrong with it. */
  covers: string;
  format: DumpFormat | null;
  entries: number;
  newPapers: number;
  /** Every warning the dump must give, in order: its line (null: the whole file) and message. */
  warnings: [line: number | null, message: RegExp][];
}

const SKIPPED = (reason: string): [null, RegExp][] => [[null, new RegExp(`^skipped: ${reason}$`)]];

const CORPUS: BadDump[] = [
  {
    file: 'empty.txt',
    covers: 'a file of 0 bytes',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is empty'),
  },
  {
    file: 'whitespace-only.txt',
    covers: 'blank lines, spaces and tabs only',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is empty'),
  },
  {
    file: 'header-only.txt',
    covers: 'only the page header lines of a daily page',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it holds only page header lines, no papers'),
  },
  {
    file: 'binary-gzip.txt',
    covers: 'binary bytes: a gzip-compressed dump saved as .txt',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('the file is binary, not text'),
  },
  {
    file: 'binary-run-inside.txt',
    covers: 'three lines of binary bytes (no NUL) inside a good daily page',
    format: 'daily-page',
    entries: 6,
    newPapers: 6,
    warnings: [[25, /^this line and lines 26 and 27 hold binary data, not text; skipped$/]],
  },
  {
    file: 'nul-padded-end.txt',
    covers: 'a good daily page followed by 2,048 NUL bytes (an interrupted write)',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [
      [21, /^the file ends in 2048 NUL bytes from this line on \(an interrupted write\?\); they were ignored$/],
    ],
  },
  {
    file: 'utf16le-bom.txt',
    covers: 'a daily page in UTF-16 little-endian with BOM',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [[null, /^read as UTF-16 \(little-endian BOM\)$/]],
  },
  {
    file: 'utf16be-bom.txt',
    covers: 'line pairs in UTF-16 big-endian with BOM',
    format: 'line-pairs',
    entries: 2,
    newPapers: 2,
    warnings: [[null, /^read as UTF-16 \(big-endian BOM\)$/]],
  },
  {
    file: 'utf16le-no-bom.txt',
    covers: 'a daily page in UTF-16 little-endian without BOM',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [[null, /^read as UTF-16 \(little-endian, no BOM\)$/]],
  },
  {
    file: 'latin1.txt',
    covers: 'a daily page saved as Latin-1 (ü, é, ï, curly quotes as single bytes); first such byte on line 13',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [[13, /^the file is not UTF-8 \(the first such character is on this line\); it was read as Latin-1$/]],
  },
  {
    file: 'utf8-with-latin1-lines.txt',
    covers: 'a UTF-8 daily page with two Latin-1 lines pasted in (17 and 19)',
    format: 'daily-page',
    entries: 3,
    newPapers: 3,
    warnings: [[17, /^this line and line 19 are not UTF-8, unlike the rest of the file; read as Latin-1$/]],
  },
  {
    file: 'crlf.txt',
    covers: 'a metadata page with CRLF line ends',
    format: 'daily-page-metadata',
    entries: 2,
    newPapers: 2,
    warnings: [],
  },
  {
    file: 'lone-cr.txt',
    covers: 'a daily page with lone CR line ends (classic Mac)',
    format: 'daily-page',
    entries: 3,
    newPapers: 3,
    warnings: [],
  },
  {
    file: 'mixed-line-ends.txt',
    covers: 'line pairs with CRLF, LF and CR mixed',
    format: 'line-pairs',
    entries: 3,
    newPapers: 3,
    warnings: [],
  },
  {
    file: 'truncated-last-entry.txt',
    covers: 'line pairs cut off mid-word in the last abstract (a seed paper listed again), no final line end',
    format: 'line-pairs',
    entries: 3,
    newPapers: 2,
    warnings: [
      [8, /^the file stops in the middle of this abstract, so the dump looks cut off; the entry is kept as it is$/],
    ],
  },
  {
    file: 'truncated-mid-character.txt',
    covers: 'a daily page cut off inside a multi-byte UTF-8 character (—)',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [
      [19, /^the file stops in the middle of this abstract, so the dump looks cut off; the entry is kept as it is$/],
    ],
  },
  {
    file: 'title-without-abstract-at-end.txt',
    covers: 'a daily page whose last title has no abstract',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [[21, /^title "Scaling Laws for Sparse Adapters" has no abstract; entry skipped$/]],
  },
  {
    file: 'two-titles-in-a-row.txt',
    covers: 'a daily page with two titles in a row',
    format: 'daily-page',
    entries: 3,
    newPapers: 3,
    warnings: [[17, /^title "Mixture of LoRA Experts for Code Generation" has no abstract; entry skipped$/]],
  },
  {
    file: 'abstract-without-title.txt',
    covers: 'line pairs with two abstracts in a row',
    format: 'line-pairs',
    entries: 3,
    newPapers: 3,
    warnings: [[5, /^abstract has no title before it; kept with a derived title$/]],
  },
  {
    file: 'abstract-lines-stray-lines.txt',
    covers: 'abstract lines with a figure caption and an empty `Abstract:` among them',
    format: 'abstract-lines',
    entries: 3,
    newPapers: 3,
    warnings: [
      [3, /^line does not start with "Abstract:"; skipped$/],
      [4, /^abstract line is empty; skipped$/],
    ],
  },
  {
    file: 'metadata-bad-date-feb-30.txt',
    covers: 'a metadata block dated `Feb 30, 2025`',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [
      [
        27,
        /^"Feb 30, 2025 7" is not a real date \(Feb 30 is not a day of the calendar\); the paper is kept without a date or upvote count$/,
      ],
    ],
  },
  {
    file: 'metadata-bad-month-smarch.txt',
    covers: 'a metadata block dated `Smarch 3`',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [
      [
        27,
        /^"Smarch 3" is not a real date \("Smarch" is not a month\); the paper is kept without a date or upvote count$/,
      ],
    ],
  },
  {
    file: 'metadata-negative-upvotes.txt',
    covers: 'a negative upvote count',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [[27, /^upvote count "-12" is not a plausible number of upvotes; the paper is kept without one$/]],
  },
  {
    file: 'metadata-huge-upvotes.txt',
    covers: 'a 20-digit upvote count',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [
      [27, /^upvote count "98765432109876543210" is not a plausible number of upvotes; the paper is kept without one$/],
    ],
  },
  {
    file: 'metadata-many-authors.txt',
    covers: '`• many authors`',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [
      [25, /^"• many authors" gives no plausible number of authors; the paper is kept without an author count$/],
    ],
  },
  {
    file: 'metadata-block-twice.txt',
    covers: 'a metadata block repeated right after itself',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [[29, /^metadata block "• 4 authors" follows no abstract; ignored$/]],
  },
  {
    file: 'metadata-missing-block.txt',
    covers: 'an entry of a metadata page without its block',
    format: 'daily-page-metadata',
    entries: 3,
    newPapers: 3,
    warnings: [
      [
        21,
        /^"Do Reward Models Prefer Longer Answers\?" has no metadata block \(authors, date, upvotes\); kept without them$/,
      ],
    ],
  },
  {
    file: 'long-line-50k.txt',
    covers: 'a 50,000-character line: the seed 001 listing run together, between two entries',
    format: 'daily-page',
    entries: 2,
    newPapers: 2,
    warnings: [
      [
        17,
        /^this line is 50,000 characters long, far longer than any title or abstract \(lines run together\?\); skipped$/,
      ],
    ],
  },
  {
    file: 'csv-export.txt',
    covers: 'a CSV export with quoted cells (one with a paragraph break inside)',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is a table \\(CSV/TSV\\), not a text dump'),
  },
  {
    file: 'html-saved-page.txt',
    covers: 'an HTML page saved by a browser (`<!-- saved from url -->` first)',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is an HTML/XML document, not a text dump'),
  },
  {
    file: 'json-export.txt',
    covers: 'a pretty-printed JSON array of papers',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is JSON data, not a text dump'),
  },
  {
    file: 'jsonl-export.txt',
    covers: 'JSON Lines, one paper object per line',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('it is JSON data, not a text dump'),
  },
  {
    file: 'titles-only.txt',
    covers: 'a page header and titles, no abstracts (the list view)',
    format: null,
    entries: 0,
    newPapers: 0,
    warnings: SKIPPED('no line reads like an abstract, so it is no known dump format'),
  },
  {
    file: 'all-duplicates.txt',
    covers: 'a daily page whose every paper is a seed paper listed again',
    format: 'daily-page',
    entries: 4,
    newPapers: 0,
    warnings: [],
  },
];

/** The lines of the fixture's report the user reads: `file:line: message` (or `file: message`). */
function reportLines(result: IngestResult, file: string): string[] {
  const report = formatIngestReport(result, []);
  return report
    .split('\n')
    .filter((line) => line.startsWith(`  ${file}`))
    .map((line) => line.trim());
}

/** Ingests the fixture after the seeds (as the next dump to arrive) or before them. */
const SEED_PARSES = SEEDS.map(parseDumpInput);
function ingestBeside(input: DumpInput, position: 'last' | 'first'): IngestResult {
  const parsed = SEED_PARSES;
  const fixture = parseDumpInput(input);
  return buildCorpus(position === 'last' ? [...parsed, fixture] : [fixture, ...parsed], [], { arrival: 'as-given' });
}

/** Every seed paper is still there under its id, unchanged unless the bad dump listed it again. */
function expectSeedPapersKept(result: IngestResult, file: string, newPapers: number): void {
  expect(result.papers, 'papers').toHaveLength(SEEDS_ALONE.papers.length + newPapers);
  const byId = papersById(result.papers);
  for (const seed of SEEDS_ALONE.papers) {
    const paper = byId.get(seed.id);
    expect(paper, `seed paper ${seed.id}`).toBeDefined();
    if (paper!.sources.some((source) => source.dump === file)) {
      expect([paper!.title, paper!.abstract, paper!.aliases], seed.id).toEqual([
        seed.title,
        seed.abstract,
        seed.aliases,
      ]);
      expect(
        paper!.sources.filter((source) => source.dump !== file),
        seed.id,
      ).toEqual(seed.sources);
    } else {
      expect(paper, seed.id).toEqual(seed);
    }
  }
}

describe('the corpus of bad dumps', () => {
  it('has at least 25 dumps, each with its expectations, and nothing else', () => {
    const files = readdirSync(BAD_DIR)
      .filter((name) => name.endsWith('.txt'))
      .sort();
    expect(files).toEqual(CORPUS.map((dump) => dump.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it('kept its bytes through version control (line ends, encodings, padding)', () => {
    const bytes = (file: string) => readFileSync(join(BAD_DIR, file));
    expect(bytes('empty.txt')).toHaveLength(0);
    expect(bytes('crlf.txt').toString('latin1')).toMatch(/\r\n/);
    expect(bytes('crlf.txt').toString('latin1')).not.toMatch(/[^\r]\n/);
    expect(bytes('lone-cr.txt').includes(0x0a)).toBe(false);
    expect(bytes('mixed-line-ends.txt').toString('latin1')).toMatch(/\r\n[^\n]*[^\r]\n[^\r\n]*\r[^\n]/);
    expect([...bytes('utf16le-bom.txt').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...bytes('utf16be-bom.txt').subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect([...bytes('utf16le-no-bom.txt').subarray(0, 2)]).toEqual([0x6e, 0x00]);
    expect(bytes('latin1.txt').includes(0xfc)).toBe(true); // ü
    expect([...bytes('binary-gzip.txt').subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(
      bytes('nul-padded-end.txt')
        .subarray(-2048)
        .every((byte) => byte === 0),
    ).toBe(true);
    expect([...bytes('truncated-mid-character.txt').subarray(-2)]).toEqual([0xe2, 0x80]);
    expect(
      bytes('long-line-50k.txt')
        .toString('utf8')
        .split('\n')
        .map((line) => line.length),
    ).toContain(50_000);
  });
});

describe.each(CORPUS)('$file ($covers)', ({ file, format, entries, newPapers, warnings }) => {
  const input: DumpInput = { name: file, bytes: readFileSync(join(BAD_DIR, file)) };
  const last = ingestBeside(input, 'last');
  const report = last.dumps.find((dump) => dump.file === file)!;

  it('is read to the end and reported with its format and counts', () => {
    expect([report.format, report.entries, report.newPapers, report.mergedEntries]).toEqual([
      format,
      entries,
      newPapers,
      entries - newPapers,
    ]);
  });

  it('names the file and line of every problem, each in one clear sentence', () => {
    expect(report.warnings.map((warning) => [warning.dump, warning.line])).toEqual(
      warnings.map(([line]) => [file, line]),
    );
    report.warnings.forEach((warning, index) => {
      expect(warning.message).toMatch(warnings[index]![1]);
      expectOneClearSentence(warning);
    });
    expect(reportLines(last, file)).toEqual(report.warnings.map(formatWarning));
  });

  it('leaves the seeds as they were: their reports, and every paper with its id', () => {
    for (const seed of SEEDS_ALONE.dumps) {
      const beside = last.dumps.find((dump) => dump.file === seed.file)!;
      expect({ ...beside, order: 0 }, seed.file).toEqual({ ...seed, order: 0 });
    }
    expectSeedPapersKept(last, file, newPapers);
  });

  it('loses no seed paper when it arrives before the seeds either', () => {
    const first = ingestBeside(input, 'first');
    expect(first.papers).toHaveLength(SEEDS_ALONE.papers.length + newPapers);
    const byId = papersById(first.papers);
    for (const seed of SEEDS_ALONE.papers) {
      expect([byId.get(seed.id)?.title, byId.get(seed.id)?.abstract], seed.id).toEqual([seed.title, seed.abstract]);
    }
  });
});

describe('what the bad dumps still give', () => {
  const parse = (file: string) => parseDump(file, readFileSync(join(BAD_DIR, file)));
  const ZURICH = 'Zürich Dialogs: A Benchmark for Swiss German Speech Recognition';

  it('reads every encoding into the same characters', () => {
    for (const file of [
      'utf16le-bom.txt',
      'utf16be-bom.txt',
      'utf16le-no-bom.txt',
      'latin1.txt',
      'utf8-with-latin1-lines.txt',
      'truncated-mid-character.txt',
    ]) {
      const zurich = parse(file).entries.find((entry) => entry.title?.startsWith('Z'));
      expect(zurich?.title, file).toBe(ZURICH);
      expect(zurich!.abstract, file).toMatch(/café conversations and radio call-ins \(“Grüezi mitenand”\)/);
      expect(zurich!.abstract, file).toContain('A naïve fine-tuning baseline');
    }
    // The UTF-8 lines of the mixed file stay UTF-8.
    expect(parse('utf8-with-latin1-lines.txt').entries[0]!.abstract).toContain('model’s one task');
    // The cut-off character is dropped, not read as Latin-1.
    expect(parse('truncated-mid-character.txt').entries[1]!.abstract).toMatch(/from 41% to 22%$/);
  });

  it('reads CRLF, lone CR and mixed line ends with the same lines as LF', () => {
    for (const file of ['crlf.txt', 'lone-cr.txt', 'mixed-line-ends.txt']) {
      const bytes = readFileSync(join(BAD_DIR, file));
      const lf = bytesOf(bytes.toString('utf8').replace(/\r\n|\r/g, '\n'));
      expect(parse(file).entries, file).toEqual(parseDump(file, lf).entries);
    }
    expect(parse('crlf.txt').entries.map((entry) => [entry.line, entry.meta])).toEqual([
      [13, { authorCount: 6, organization: null, published: '2026-02-12', upvotes: 31 }],
      [21, { authorCount: null, organization: 'Alignment Lab', published: '2025-11-03', upvotes: 4 }],
    ]);
  });

  it('keeps the rest of a metadata block whose date, upvotes or authors are wrong', () => {
    const second = (file: string) => parse(file).entries[1]!.meta;
    expect(second('metadata-bad-date-feb-30.txt')).toEqual({
      authorCount: 4,
      organization: null,
      published: null,
      upvotes: null,
    });
    expect(second('metadata-bad-month-smarch.txt')).toEqual({
      authorCount: 4,
      organization: null,
      published: null,
      upvotes: null,
    });
    expect(second('metadata-negative-upvotes.txt')).toEqual({
      authorCount: 4,
      organization: null,
      published: '2025-09-30',
      upvotes: null,
    });
    expect(second('metadata-huge-upvotes.txt')).toEqual({
      authorCount: 4,
      organization: null,
      published: '2025-10-02',
      upvotes: null,
    });
    expect(second('metadata-many-authors.txt')).toEqual({
      authorCount: null,
      organization: null,
      published: '2025-10-02',
      upvotes: 5,
    });
    expect(second('metadata-block-twice.txt')).toEqual({
      authorCount: 4,
      organization: null,
      published: '2025-10-02',
      upvotes: 5,
    });
    expect(second('metadata-missing-block.txt')).toBeNull();
    for (const file of CORPUS.filter((dump) => dump.file.startsWith('metadata-')).map((dump) => dump.file)) {
      // The dump's own date still comes out of the header and the good blocks (Feb 20 after Dec 1, 2025).
      expect(parse(file).dumpDate, file).toBe('2026-02-20');
      expect(parse(file).entries[2]!.meta, file).toEqual({
        authorCount: 9,
        organization: null,
        published: '2025-12-01',
        upvotes: 3,
      });
    }
  });

  it('keeps the complete abstract of a seed paper that a cut-off dump lists again, whichever comes first', () => {
    const input = { name: 'truncated-last-entry.txt', bytes: readFileSync(join(BAD_DIR, 'truncated-last-entry.txt')) };
    for (const position of ['last', 'first'] as const) {
      const paper = ingestBeside(input, position).papers.find((candidate) =>
        candidate.title.startsWith('Gradient-Mask Tuning'),
      )!;
      const seed = SEEDS_ALONE.papers.find((candidate) => candidate.id === paper.id)!;
      expect(paper.abstract, position).toBe(seed.abstract);
      expect(
        paper.sources.map((source) => source.dump),
        position,
      ).toContain('truncated-last-entry.txt');
    }
    const cut = parse('truncated-last-entry.txt').entries[2]!.abstract;
    expect(
      SEEDS_ALONE.papers.some(
        (seed) => seed.abstract.startsWith(normalizeText(cut)) && seed.abstract.length > cut.length + 100,
      ),
    ).toBe(true);
  });

  it('does not let a 50,000-character line swallow the papers it runs together', () => {
    const parsed = parse('long-line-50k.txt');
    expect(parsed.entries.map((entry) => entry.title)).toEqual([
      'Sparse Adapter Routing for Continual Instruction Tuning',
      'Do Reward Models Prefer Longer Answers?',
    ]);
  });

  it('adds the sources of a dump of duplicates to the seed papers, and no paper', () => {
    const result = ingestBeside(
      { name: 'all-duplicates.txt', bytes: readFileSync(join(BAD_DIR, 'all-duplicates.txt')) },
      'last',
    );
    const relisted = result.papers.filter((paper) =>
      paper.sources.some((source) => source.dump === 'all-duplicates.txt'),
    );
    expect(relisted.map((paper) => paper.sources.at(-1))).toEqual(
      expect.arrayContaining([13, 17, 21, 25].map((line) => ({ dump: 'all-duplicates.txt', line }))),
    );
    expect(relisted).toHaveLength(4);
  });
});

describe('dumps made at test time', () => {
  const directories: string[] = [];
  afterAll(() => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });
  function folderWithSeeds(): string {
    const directory = mkdtempSync(join(tmpdir(), 'robustness-'));
    directories.push(directory);
    for (const seed of SEEDS) copyFileSync(join(SEEDS_DIR, seed.name), join(directory, seed.name));
    return directory;
  }

  it('reports a directory, a broken symlink, a symlink loop and a named pipe named .txt, and reads the seeds beside them', () => {
    const directory = folderWithSeeds();
    mkdirSync(join(directory, '005_directory.txt'));
    symlinkSync(join(directory, 'gone.txt'), join(directory, '006_broken-link.txt'));
    symlinkSync(join(directory, '007_loop.txt'), join(directory, '007_loop.txt'));
    execFileSync('mkfifo', [join(directory, '008_pipe.txt')]);
    const result = ingestDumps(readDumpFolder(directory), []);
    const expected: Record<string, RegExp> = {
      '005_directory.txt': /^skipped: it is a directory, not a regular file$/,
      '006_broken-link.txt': /^skipped: it is a broken symbolic link or vanished while reading$/,
      '007_loop.txt': /^skipped: it is a symbolic link that leads back to itself$/,
      '008_pipe.txt': /^skipped: it is not a regular file but a named pipe, socket or device$/,
    };
    for (const [file, message] of Object.entries(expected)) {
      const report = result.dumps.find((dump) => dump.file === file)!;
      expect([report.format, report.entries], file).toEqual([null, 0]);
      expect(report.warnings, file).toEqual([{ dump: file, line: null, message: expect.stringMatching(message) }]);
      expectOneClearSentence(report.warnings[0]!);
    }
    expect(result.papers).toEqual(SEEDS_ALONE.papers);
  });

  it('reads a 20 MB dump of distinct papers in seconds, beside the seeds', () => {
    // 14,000 papers in the metadata format, the richest one, each about 1.5 KB.
    const papers = distinctPapers(14_000, 20);
    const bytes = bytesOf(writeDump('daily-page-metadata', papers, { pageDate: '2026-02-20' }));
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    const directory = folderWithSeeds();
    writeFileSync(join(directory, '005_huge.txt'), bytes);

    const started = performance.now();
    const result = ingestDumps(readDumpFolder(directory), []);
    const seconds = (performance.now() - started) / 1000;

    const report = result.dumps.find((dump) => dump.file === '005_huge.txt')!;
    expect(report).toMatchObject({
      format: 'daily-page-metadata',
      entries: papers.length,
      newPapers: papers.length,
      warnings: [],
    });
    expectSeedPapersKept(result, '005_huge.txt', papers.length);
    const byTitle = new Map<string, PaperRecord>(result.papers.map((paper) => [paper.title, paper]));
    const sample = papers[papers.length - 1]!;
    expect(byTitle.get(sample.title)).toMatchObject({
      abstract: sample.abstract,
      authorCount: sample.authorCount,
      published: sample.published,
      upvotes: sample.upvotes,
    });
    expect(seconds).toBeLessThan(45);
  }, 120_000);
});
