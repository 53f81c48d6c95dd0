/** `npm run ingest -- --json`: the corpus as JSON on stdout, the human report on stderr. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { PROJECT_ROOT } from './helpers.ts';

describe('scripts/ingest.ts --json', () => {
  it('writes 477 records sorted by id to stdout and the report to stderr', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/ingest.ts', '--json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);

    const papers = JSON.parse(run.stdout) as PaperRecord[];
    expect(Array.isArray(papers)).toBe(true);
    expect(papers).toHaveLength(477);
    const ids = papers.map((paper) => paper.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(477);
    const s2ft = papers.find((paper) => paper.title.startsWith('S²FT: Efficient, Scalable'));
    expect(s2ft?.sources).toHaveLength(3);

    expect(run.stdout).not.toContain('Totals:');
    expect(run.stderr).toContain('Totals: 5 dumps, 515 entries, 477 distinct papers, 0 warnings.');
    expect(run.stderr).toMatch(/004_bad6f80c63e5f5b3\.txt\s+daily-page-metadata\s+2026-02-20\s+57\s+38\s+19\s+0/);
  });
});
