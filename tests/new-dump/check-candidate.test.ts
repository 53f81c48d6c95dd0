/**
 * `npm run ingest -- --check FILE`: what a candidate dump would bring as the newest dump, without
 * adding it. Seeds are the fixture dumps 001–005; candidates are 006 and tests/fixtures/new-dump/candidates/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCandidate, formatCandidateCheck } from '../../scripts/lib/check-candidate.ts';
import type { DumpInput } from '../../src/ingest/index.ts';
import { DUMPS, NEW_DUMP_FIXTURES, PROJECT_ROOT, dumpInput } from './helpers.ts';

const CANDIDATES = join(NEW_DUMP_FIXTURES, 'candidates');

function runCheck(seeds: string, candidate: string) {
  const run = spawnSync(
    'npx',
    ['tsx', 'scripts/ingest.ts', '--seeds', seeds, '--topics', 'content/topics', '--check', candidate],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  expect(run.error).toBeUndefined();
  return { status: run.status, stdout: run.stdout.replace(/\n$/, '') };
}

describe('npm run ingest -- --check', () => {
  let seeds: string;

  beforeAll(() => {
    seeds = mkdtempSync(join(tmpdir(), 'rd-check-'));
    for (const name of DUMPS.slice(0, 5)) copyFileSync(join(NEW_DUMP_FIXTURES, name), join(seeds, name));
  });
  afterAll(() => rmSync(seeds, { recursive: true, force: true }));

  it('counts the new papers of a dump that also ties two known records together', () => {
    // 006 brings Direct Preference and Grounded Video, and makes the two Routing records one paper:
    // the corpus grows by one, but two papers are new.
    const { status, stdout } = runCheck(seeds, join(NEW_DUMP_FIXTURES, '006_foxtrot.txt'));
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        'Candidate 006_foxtrot.txt',
        '  format:   daily-page-metadata (dated 2026-03-06)',
        '  entries:  5',
        '  new:      2 papers the digest does not have yet',
        '  known:    3 entries join papers already known (3 of them renamed or re-counted)',
        '  warnings: 0',
      ].join('\n'),
    );
    // Nothing was added to the seeds.
    expect(readdirSync(seeds)).toEqual(DUMPS.slice(0, 5));
  });

  it('lists the warnings by file and line, and still counts what the dump brings', () => {
    const { status, stdout } = runCheck(seeds, join(CANDIDATES, '010_with_warnings.txt'));
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Candidate 010_with_warnings.txt',
      '  format:   daily-page-metadata (dated 2026-03-09)',
      '  entries:  3',
      '  new:      2 papers the digest does not have yet',
      // Frugal Adapters is known; its upvotes go from 5 to 20.
      '  known:    1 entries join papers already known (1 of them renamed or re-counted)',
      '  warnings: 2',
    ]);
    expect(lines).toHaveLength(8);
    expect(lines[6]).toMatch(/^ {4}010_with_warnings\.txt:19: .*Feb 30/);
    expect(lines[7]).toMatch(/^ {4}010_with_warnings\.txt:29: .*Tidal Turbines Without Gearboxes/);
  });

  it('refuses a file that is no dump, with exit code 1', () => {
    const { status, stdout } = runCheck(seeds, join(CANDIDATES, '011_binary.txt'));
    expect(status).toBe(1);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      'Candidate 011_binary.txt',
      '  format:   not a readable dump',
      '  entries:  0',
      '  new:      0 papers the digest does not have yet',
      '  known:    0 entries join papers already known (0 of them renamed or re-counted)',
      '  warnings: 1',
    ]);
    expect(stdout.split('\n')[6]).toMatch(/^ {4}011_binary\.txt: skipped: /);
  });
});

describe('checkCandidate', () => {
  const seeds: DumpInput[] = DUMPS.slice(0, 5).map((name) => dumpInput(name));

  it('finds nothing new in a dump the digest already has, under another name', () => {
    for (const name of DUMPS.slice(0, 5)) {
      const check = checkCandidate(seeds, dumpInput(name, '900_copy.txt'), []);
      expect([check.gained, check.report.newPapers, check.report.mergedEntries], name).toEqual([
        0,
        0,
        check.report.entries,
      ]);
    }
    expect(formatCandidateCheck(checkCandidate(seeds, dumpInput('003_charlie.txt', '900_copy.txt'), []))).toContain(
      '  new:      0 papers the digest does not have yet\n  known:    3 entries join papers already known (0 of them renamed or re-counted)',
    );
  });

  it('treats the candidate as the newest dump even when its name sorts first', () => {
    const check = checkCandidate(seeds, dumpInput('006_foxtrot.txt', '000_early.txt'), []);
    expect([check.report.file, check.report.order, check.gained, check.changed]).toEqual(['000_early.txt', 5, 2, 3]);
  });

  it('checks a dump already in the seeds as if it arrived now, not twice', () => {
    const check = checkCandidate(seeds, dumpInput('004_delta.txt'), []);
    // Without 004, Prompt Tuning is unknown and Counting Fish is known from 003.
    expect([check.gained, check.report.mergedEntries, check.changed]).toEqual([1, 1, 0]);
  });
});
