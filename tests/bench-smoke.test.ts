/**
 * SMOKE TEST OF THE BENCHMARK (slow: builds a whole site twice, drives Chromium and runs Lighthouse
 * on three pages, ~1-2 min).
 *
 * Runs `scripts/bench.ts` for 300 synthetic papers, as `npm run bench` would, so the benchmark
 * cannot rot: the table must show every figure and the JSON must hold a positive number for each.
 * It checks that the benchmark works, not that budgets are met: the figures of a run this small,
 * on a machine busy with other tests, say nothing about them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from '../scripts/lib/bench-report.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 360_000;

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), join(PROJECT_ROOT, 'scripts', 'bench.ts'), ...args],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench (smoke run, 300 papers)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  const jsonPath = join(folder, 'results.json');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(
    'prints the table and writes every figure as JSON',
    async () => {
      const { code, stdout, stderr } = await runBench([
        '--papers',
        '300',
        '--throughput-mb',
        '1',
        '--json',
        jsonPath,
        '--tmp',
        folder,
        '--quiet',
      ]);
      expect(code, `${stdout}\n${stderr}`).toBe(0);

      for (const label of [
        'papers',
        'ingest (library alone)',
        'related papers (all papers)',
        'build (astro build, total)',
        'startup',
        'content: ingest',
        'content: store',
        'bundle',
        'render',
        'pagefind',
        'Pagefind (its own log)',
        'rebuild after one new dump',
        'rebuild: paper pages, search shards',
        'home page',
        'topic page',
        'paper page',
        'paper pages, gzip',
        'first search',
        'second search',
        'first, from a search link',
        'Lighthouse home',
        'Lighthouse topic',
        'Lighthouse paper',
        'ingest throughput',
        'budget',
      ]) {
        expect(stdout, label).toMatch(new RegExp(`^\\s*${label.replace(/[()]/g, '\\$&')}(?=\\s)`, 'm'));
      }

      const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchResult;
      const positive: [string, number][] = [
        ['corpus.papers', result.corpus.papers],
        ['corpus.megabytes', result.corpus.megabytes],
        ['ingest.ingestMs', result.ingest.ingestMs],
        ['ingest.peakRssMb', result.ingest.peakRssMb],
        ['ingest.mbPerSecond', result.ingest.mbPerSecond],
        ['ingest.relatedMs', result.ingest.relatedMs],
        ['ingest.relatedCpuMs', result.ingest.relatedCpuMs],
        ['ingest.themesMs', result.ingest.themesMs],
        ['build.wallMs', result.build.wallMs],
        ['build.peakProcessMb', result.build.peakProcessMb],
        ['build.peakTotalMb', result.build.peakTotalMb],
        ['build.pagefindReportedMs', result.build.pagefindReportedMs],
        ['build.pagefindPages', result.build.pagefindPages],
        ['build.distMb', result.build.distMb],
        // Pagefind's own process is not required here: indexing 300 pages can end between two of
        // the sampler's looks (every 50 ms), so its peak may read 0 in a smoke run.
        ...result.build.phases
          .filter((phase) => phase.name !== 'content: store' && phase.name !== 'finish')
          .map((phase): [string, number] => [`build phase ${phase.name}`, phase.ms]),
        ...(['home', 'topic', 'paper'] as const).flatMap((page): [string, number][] => [
          [`${page} wireKb`, result.pages[page].wireKb],
          [`${page} requests`, result.pages[page].requests],
          [`${page} loadMs`, result.pages[page].loadMs],
        ]),
        ['paper pages max gzip', result.pages.paperPages.maxGzipKb],
        ['topic pages max gzip', result.pages.topicPages.maxGzipKb],
        ...(['first', 'second', 'firstWithoutWorker', 'secondWithoutWorker', 'fromUrl'] as const).flatMap(
          (search): [string, number][] => [
            // With the service worker's copy of the index, a later search may need no network at all.
            ...(search === 'second'
              ? []
              : ([
                  [`${search} search wireKb`, result.search[search].wireKb],
                  [`${search} search requests`, result.search[search].requests],
                ] as [string, number][])),
            [`${search} search resultsMs`, result.search[search].resultsMs],
            [`${search} search results`, result.search[search].results],
          ],
        ),
        ['first search from navigation', result.search.first.fromNavigationMs ?? 0],
        ...(result.lighthouse?.pages ?? []).flatMap((page): [string, number][] =>
          Object.entries(page.scores).map(([category, score]): [string, number] => [
            `Lighthouse ${page.name} ${category}`,
            score,
          ]),
        ),
        ['offline copy by the service worker', result.search.first.serviceWorkerKb],
        ['rebuild.wallMs', result.rebuild.wallMs],
        ['rebuild.peakProcessMb', result.rebuild.peakProcessMb],
        ['throughput.mbPerSecond', result.throughput?.mbPerSecond ?? 0],
        ['throughput.parseMs', result.throughput?.parseMs ?? 0],
        ['throughput.mergeMs', result.throughput?.mergeMs ?? 0],
        ['throughput.classifyMs', result.throughput?.classifyMs ?? 0],
      ];
      for (const [name, value] of positive) expect(value, name).toBeGreaterThan(0);
      expect(result.corpus.papers).toBeGreaterThanOrEqual(295);
      expect(result.rebuild.parsedFresh, 'the rebuild parses only the new dump').toBe(1);
      // Every paper's page is either left as it was or written again (from the shell).
      expect(result.rebuild.paperPagesUnchanged + result.rebuild.paperPagesWritten, 'paper pages of the rebuild').toBe(
        result.rebuild.loaderPapers,
      );
      expect(result.build.paperPagesUnchanged, 'a first build writes every paper page').toBe(0);
      expect(
        result.rebuild.paperPagesUnchanged,
        'a rebuild leaves the pages the new dump did not change',
      ).toBeGreaterThan(0);
      expect(result.lighthouse?.pages.map((page) => page.name)).toEqual(['home', 'topic', 'paper']);
      expect(result.budgets.length).toBeGreaterThanOrEqual(12);
      for (const budget of result.budgets) expect(Number.isFinite(budget.value), budget.name).toBe(true);
    },
    TIMEOUT_MS,
  );
});
