/**
 * A handful of broken dumps from tests/fixtures/bad/ dropped into seeds/ beside the good seeds, and
 * the whole site built from them (in an isolated copy of the project): the build finishes, its log
 * and the Sources page name the file and line of every problem, and every paper of the good seeds
 * still has its page under its id. (tests/robustness checks every bad fixture against the ingest;
 * this checks that the site, too, survives them.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ingestDumps, readDumpFolder, readTopicDefinitions, type IngestResult } from '../../src/ingest/index.ts';
import { PROJECT_ROOT, useIsolatedSite } from './isolated-build.ts';

const BAD_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/bad');

interface BrokenDump {
  file: string;
  /** The line the problem is reported at (null: the whole file). */
  line: number | null;
  message: string;
}

/** Messages and lines as the user must see them; the same sentences as README's "Troubleshooting dumps". */
const BROKEN: BrokenDump[] = [
  { file: 'empty.txt', line: null, message: 'skipped: it is empty' },
  { file: 'binary-gzip.txt', line: null, message: 'skipped: the file is binary, not text' },
  { file: 'html-saved-page.txt', line: null, message: 'skipped: it is an HTML/XML document, not a text dump' },
  {
    file: 'two-titles-in-a-row.txt',
    line: 17,
    message: 'title "Mixture of LoRA Experts for Code Generation" has no abstract; entry skipped',
  },
  {
    file: 'metadata-bad-date-feb-30.txt',
    line: 27,
    message:
      '"Feb 30, 2025 7" is not a real date (Feb 30 is not a day of the calendar); the paper is kept without a date or upvote count',
  },
  {
    file: 'long-line-50k.txt',
    line: 17,
    message:
      'this line is 50,000 characters long, far longer than any title or abstract (lines run together?); skipped',
  },
  {
    file: 'truncated-last-entry.txt',
    line: 8,
    message: 'the file stops in the middle of this abstract, so the dump looks cut off; the entry is kept as it is',
  },
];

const SEED_PAPERS = 477;
/**
 * The papers the good parts of those dumps hold, read off the fixtures by hand: several fixtures
 * list the same made-up papers, so these are distinct titles, not a sum of entries.
 */
const GOOD_TITLES_OF_BROKEN_DUMPS = [
  'Sparse Adapter Routing for Continual Instruction Tuning',
  'Do Reward Models Prefer Longer Answers?',
  'Token-Level Expert Dropout Stabilises Mixture-of-Experts Pretraining',
  'Seeing Small Text: Resolution-Aware Visual Tokens for Document Understanding',
  'Preference Optimisation without a Reference Model: When Does It Work?',
];

const site = useIsolatedSite(
  'bad-dumps',
  BROKEN.map((dump) => join(BAD_FIXTURES, dump.file)),
);
let seedsOnly: IngestResult;

beforeAll(() => {
  seedsOnly = ingestDumps(
    readDumpFolder(join(PROJECT_ROOT, 'seeds')),
    readTopicDefinitions(join(PROJECT_ROOT, 'content/topics')),
  );
});

const reportLine = (dump: BrokenDump) => `${dump.file}${dump.line === null ? '' : `:${dump.line}`}: ${dump.message}`;

describe('a site built with broken dumps beside the seeds', () => {
  test('the build log names the file and line of every problem', () => {
    for (const dump of BROKEN) expect(site.build.log, dump.file).toContain(reportLine(dump));
  });

  test('keeps every paper of the seeds under its id, and adds the good entries of the broken dumps', () => {
    expect(seedsOnly.papers).toHaveLength(SEED_PAPERS);
    const missing = seedsOnly.papers.filter(
      (paper) => !existsSync(join(site.build.dist, 'papers', paper.id, 'index.html')),
    );
    expect(missing.map((paper) => paper.id)).toEqual([]);
    const papersJson = JSON.parse(readFileSync(join(site.build.dist, 'papers.json'), 'utf8')) as {
      id: string;
      title: string;
    }[];
    expect(papersJson).toHaveLength(SEED_PAPERS + GOOD_TITLES_OF_BROKEN_DUMPS.length);
    const seedIds = new Set(seedsOnly.papers.map((paper) => paper.id));
    const added = papersJson.filter((paper) => !seedIds.has(paper.id)).map((paper) => paper.title);
    expect(added.sort()).toEqual([...GOOD_TITLES_OF_BROKEN_DUMPS].sort());
  });

  test('a seed paper page reads as before: its title in the heading', async () => {
    const page = await site.browser.newPage();
    try {
      for (const paper of seedsOnly.papers.filter((_, index) => index % 60 === 0)) {
        const response = await page.goto(`${site.server.url}/papers/${paper.id}/`);
        expect(response?.status(), paper.id).toBe(200);
        expect(await page.locator('h1').innerText(), paper.id).toBe(paper.title);
      }
    } finally {
      await page.close();
    }
  });

  test('the Sources page lists every broken dump and says where each problem is', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}/sources/`);
      for (const dump of BROKEN) {
        const row = page.locator(`tr[id="${dump.file}"]`);
        expect(await row.count(), dump.file).toBe(1);
        const cells = await row.locator('th, td').allInnerTexts();
        expect(cells[0], dump.file).toBe(dump.file);
        expect(cells[6], `${dump.file}: warnings column`).toBe('1');
        const warnings = page.locator(`h3:text-is("${dump.file}") + ul > li`);
        expect(await warnings.allInnerTexts(), dump.file).toEqual([
          `${dump.line === null ? 'Whole file' : `Line ${dump.line}`}: ${dump.message}`,
        ]);
      }
    } finally {
      await page.close();
    }
  });
});
