/** `npm run ingest -- --explain-merges` and `--explain <id or title>`, on the seeds and a fixture folder. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers.ts';

function ingest(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/ingest.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(run.error).toBeUndefined();
  return run;
}

const SSR = 'Selective Self-Rehearsal: A Fine-Tuning Approach to Improve Generalization in Large Language Models';
const S3FT = 'Selective Self-to-Supervised Fine-Tuning for Generalization in Large Language Models';

describe('scripts/ingest.ts --explain-merges', () => {
  it('lists the seeds’ one merge not made by a title (SSR into S3FT) and the CompeteSMoE pair kept apart', () => {
    const run = ingest('--explain-merges');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Merges not made by an exact title: 1');
    // seed 003 line 135 (SSR) matched seed 001 line 121 (the first S3FT listing).
    expect(run.stdout).toContain(
      `  003_217fc1b1a2c16afd.txt:135 "${SSR}"\n    joined 001_058ae21649b72409.txt:121 "${S3FT}"\n    rule close-title-and-abstract (close titles and agreeing abstracts): abstract similarity 0.504, containment 0.678, beyond shared run 0.564, title similarity 0.667`,
    );
    expect(run.stdout).toContain('Possibly the same work, kept apart: 1 pair');
    expect(run.stdout).toContain('CompeteSMoE – Effective Training of Sparse Mixture of Experts via Competition');
    expect(run.stdout).toContain('CompeteSMoE – Statistically Guaranteed Mixture of Experts Training via Competition');
  });

  it('counts the pairs in the ordinary report too', () => {
    const run = ingest('--seeds', 'tests/fixtures/merge/extended-version');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Totals: 3 dumps, 4 entries, 4 distinct papers, 0 warnings.');
    expect(run.stdout).toContain(
      'Merges: 0 not by an exact title; possibly the same work: 2 pairs kept apart (npm run ingest -- --explain-merges).',
    );
  });
});

describe('scripts/ingest.ts --explain', () => {
  it('tells a paper’s merges by title and by abstract, found by an alias', () => {
    const run = ingest('--explain', SSR);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `selective-self-to-supervised-fine-tuning-for-generalization-in "${S3FT}"`,
      `  also listed as: "${SSR}"`,
      '  listed 4 times: 001_058ae21649b72409.txt:121, 003_217fc1b1a2c16afd.txt:133, 003_217fc1b1a2c16afd.txt:135, 004_bad6f80c63e5f5b3.txt:373',
    ]);
    expect(run.stdout).toContain('Merges (1 by abstract, 2 by the same title):');
    expect(run.stdout).toContain(
      '  003_217fc1b1a2c16afd.txt:133 joined by the same title\n  004_bad6f80c63e5f5b3.txt:373 joined by the same title',
    );
    expect(run.stdout).toContain('Near misses (0):');
  });

  it('tells the near misses of a paper found by its id', () => {
    const run = ingest('--seeds', 'tests/fixtures/merge/generic-title', '--explain', 'technical-report-2');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  listed once: 001_pairs.txt:4');
    expect(run.stdout).toContain('Near misses (2):');
    expect(run.stdout).toContain('    kept apart: the same short or generic title, but the abstracts differ;');
  });

  it('exits 1 with a message when no paper has that id or title', () => {
    const run = ingest('--explain', 'No Such Paper At All');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No paper has the id, former id, title or alias "No Such Paper At All".');
  });
});
