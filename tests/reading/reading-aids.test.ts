/**
 * The reading aids (related papers, themes) made on a worker thread, as the build makes them, are
 * exactly those made on the main thread; without a working thread the build still gets them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTopicDefinitions, topicNames } from '../../src/ingest/index.ts';
import { papersNewestFirst } from '../../src/lib/paper-order.ts';
import { readingAids } from '../../src/lib/reading-aids.ts';
import { shouldAidsYieldCores, startReadingAids } from '../../src/lib/reading-aids-thread.ts';
import { PROJECT_ROOT, seedCorpus } from './seed-corpus.ts';

function seedInputs() {
  const corpus = seedCorpus();
  return {
    papers: papersNewestFirst(corpus.papers, corpus.dumps),
    topicIds: [...topicNames(readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'))).keys()],
  };
}

describe('reading aids on a worker thread', () => {
  const { papers, topicIds } = seedInputs();
  const onMainThread = readingAids(papers, topicIds);

  it.each([true, false])(
    'are what the main thread makes, for every paper and topic of the seeds (yielding the cores: %s)',
    async (yieldCores) => {
      const warnings: string[] = [];
      const aids = await startReadingAids(papers, topicIds, {
        yieldCores,
        projectRoot: PROJECT_ROOT,
        warn: (message) => warnings.push(message),
      })();
      expect(warnings).toEqual([]);
      // Not empty: nearly every seed paper has related papers, and every topic has themes.
      expect(aids.related.size).toBe(papers.length);
      expect([...aids.related.values()].filter((list) => list.length === 5).length).toBeGreaterThan(
        papers.length * 0.9,
      );
      expect([...aids.themes.keys()].sort()).toEqual([...topicIds].sort());
      for (const topic of topicIds) expect(aids.themes.get(topic)!.length, topic).toBeGreaterThan(0);
      expect(aids).toEqual(onMainThread);
    },
  );

  it('yield the cores in a full build, not in a rebuild that continues most dumps from the checkpoint', () => {
    // 100 dumps built, one added: 100 of 101 continue.
    expect(shouldAidsYieldCores(101, 100)).toBe(false);
    // A first build, or one after the ingest code changed, continues none.
    expect(shouldAidsYieldCores(101, 0)).toBe(true);
    expect(shouldAidsYieldCores(1, 0)).toBe(true);
  });

  it('are made on the main thread, with a warning saying why, when the thread cannot start', async () => {
    const warnings: string[] = [];
    const aids = await startReadingAids(papers, topicIds, {
      yieldCores: true,
      projectRoot: PROJECT_ROOT,
      workerFile: join(PROJECT_ROOT, 'src', 'lib', 'no-such-worker.ts'),
      warn: (message) => warnings.push(message),
    })();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^making the related papers and themes on the main thread: the worker thread (did not start|failed).*no-such-worker/,
    );
    expect(aids).toEqual(onMainThread);
  });

  it("are made on the main thread, when first asked for, for a corpus above the thread's limit", async () => {
    const warnings: string[] = [];
    const aids = startReadingAids(papers, topicIds, {
      yieldCores: true,
      projectRoot: PROJECT_ROOT,
      // No thread may be tried: this one would fail, with a warning.
      workerFile: join(PROJECT_ROOT, 'src', 'lib', 'no-such-worker.ts'),
      threadMaxPapers: papers.length - 1,
      warn: (message) => warnings.push(message),
    });
    const first = aids();
    expect(aids()).toBe(first);
    expect(await first).toEqual(onMainThread);
    expect(warnings).toEqual([]);
  });

  it('are made on the main thread when the thread dies before its result', async () => {
    const dying = join(mkdtempSync(join(tmpdir(), 'reading-aids-')), 'dying-worker.mjs');
    writeFileSync(dying, "throw new Error('out of memory, say');\n");
    const warnings: string[] = [];
    const aids = await startReadingAids(papers, topicIds, {
      yieldCores: true,
      projectRoot: PROJECT_ROOT,
      workerFile: dying,
      warn: (message) => warnings.push(message),
    })();
    expect(warnings).toEqual([
      'making the related papers and themes on the main thread: the worker thread failed (out of memory, say)',
    ]);
    expect(aids).toEqual(onMainThread);
  });

  it('do not keep a process alive that never asks for them (astro sync)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'reading-aids-'));
    const endless = join(folder, 'endless-worker.mjs');
    writeFileSync(endless, 'setInterval(() => {}, 1000);\n');
    const script = join(folder, 'sync.mjs');
    const module = join(PROJECT_ROOT, 'src', 'lib', 'reading-aids-thread.ts');
    writeFileSync(
      script,
      `import { startReadingAids } from ${JSON.stringify(module)};\n` +
        `startReadingAids([], [], { yieldCores: true, projectRoot: '.', workerFile: ${JSON.stringify(endless)}, warn: console.warn });\n` +
        `console.log('started');\n`,
    );
    // Killed after 20 s if the thread holds it: the test then fails.
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
    expect(stdout).toBe('started\n');
  });
});
