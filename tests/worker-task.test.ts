/**
 * A build task on a worker thread (src/lib/worker-task.ts): its answer comes back; its own failure
 * fails the caller as on the main thread (the main thread does not run it again); only a thread
 * that cannot run makes the main thread do the work, with a warning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWorkerTask } from '../src/lib/worker-task.ts';
import { PROJECT_ROOT } from './reading/seed-corpus.ts';

const folder = mkdtempSync(join(tmpdir(), 'worker-task-'));

/** A worker file serving `body` (a function of the task's data), importing the module under test as the build's workers do. */
function workerFile(name: string, body: string): string {
  const file = join(folder, name);
  const module = join(PROJECT_ROOT, 'src', 'lib', 'worker-task.ts');
  writeFileSync(file, `import { serveWorkerTask } from ${JSON.stringify(module)};\nserveWorkerTask(${body});\n`);
  return file;
}

function run(file: string, data: unknown) {
  const warnings: string[] = [];
  let mainThreadRuns = 0;
  const result = startWorkerTask({
    file,
    data,
    onThisThread: () => {
      mainThreadRuns++;
      return 'made on the main thread';
    },
    what: 'testing',
    warn: (message) => warnings.push(message),
  })();
  return { result, warnings, mainThreadRuns: () => mainThreadRuns };
}

describe('startWorkerTask', () => {
  it("answers with the thread's result, structured-cloned (Maps included)", async () => {
    const task = run(workerFile('double.mjs', '({ numbers }) => new Map(numbers.map((n) => [n, n * 2]))'), {
      numbers: [1, 2, 3],
    });
    await expect(task.result).resolves.toEqual(
      new Map([
        [1, 2],
        [2, 4],
        [3, 6],
      ]),
    );
    expect(task.warnings).toEqual([]);
    expect(task.mainThreadRuns()).toBe(0);
  });

  it("fails with the task's own error, and does not run it again on the main thread", async () => {
    const task = run(workerFile('throws.mjs', '({ file }) => { throw new Error(`no shard in ${file}`); }'), {
      file: 'shard-7',
    });
    const error = await task.result.then(
      () => null,
      (reason: unknown) => reason as Error,
    );
    // The task's own message, and its stack from the thread.
    expect(error?.message).toBe('no shard in shard-7');
    expect(error?.stack).toContain('throws.mjs');
    expect(task.warnings).toEqual([]);
    expect(task.mainThreadRuns()).toBe(0);
  });

  it('runs the task on the main thread, with a warning, when the thread cannot load its file', async () => {
    const broken = join(folder, 'broken.mjs');
    writeFileSync(broken, 'this is not JavaScript (\n');
    const task = run(broken, {});
    await expect(task.result).resolves.toBe('made on the main thread');
    expect(task.warnings).toHaveLength(1);
    expect(task.warnings[0]).toMatch(/^testing on the main thread: the worker thread failed \(Unexpected identifier/);
    expect(task.mainThreadRuns()).toBe(1);
  });
});
