import { describe, expect, test } from 'vitest';
import { sizeBudgets } from '../../scripts/lib/bench-report.ts';

// Issue 13's budgets, copied from its text: a bench run is held to those of the size nearest its corpus.
describe('the build budgets a benchmark run is held to', () => {
  test('10,000 papers: 20 s, 1.5 GB for all processes, a rebuild after one dump in 6 s, a first search of 200 KB', () => {
    expect(sizeBudgets(10_000)).toEqual({
      papers: 10_000,
      buildSeconds: 20,
      memoryGb: 1.5,
      rebuildSeconds: 6,
      firstSearchKb: 200,
    });
  });

  test('50,000 papers: 2 min, 3 GB, a rebuild in 15 s; 100,000: 5 min, 4 GB, a first search of 350 KB', () => {
    expect(sizeBudgets(50_000)).toMatchObject({ buildSeconds: 120, memoryGb: 3, rebuildSeconds: 15 });
    expect(sizeBudgets(100_000)).toMatchObject({ buildSeconds: 300, memoryGb: 4, firstSearchKb: 350 });
  });

  test('a corpus is held to the size nearest it: the seeds and a merged-down 9,990 to 10k, 49,994 to 50k, 100,001 to 100k', () => {
    expect(
      [477, 9_990, 20_000, 30_000, 49_994, 70_000, 75_000, 100_001, 400_000].map(
        (papers) => sizeBudgets(papers).papers,
      ),
    ).toEqual([10_000, 10_000, 10_000, 50_000, 50_000, 50_000, 100_000, 100_000, 100_000]);
  });
});
