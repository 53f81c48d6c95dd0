/**
 * A task of the build run on a worker thread, so that it uses the second core while the main
 * thread renders pages: the reading aids (src/lib/reading-aids-worker.ts) and the search index
 * (src/integrations/search-index-worker.ts). Node runs a worker from its TypeScript file
 * as it is (type stripping), so a worker and what it imports stay plain erasable TypeScript with
 * `.ts` import paths and no Astro or Vite module; the file is named from the project folder, as
 * the callers are bundled and their `import.meta.url` is not their source's.
 *
 * A task that fails in the thread fails as it would on the main thread. A thread that cannot
 * start, or dies without an answer, is not the task's failure: the task then runs on the main
 * thread, with a warning, so the build depends on the thread for its speed only.
 */
import { setPriority } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

type Answer<T> = { value: T } | { error: { message: string; stack: string | undefined } };

/** What a caller that starts a task of the build on a thread passes: where the workers are, and who hears why a thread was not used. */
export interface BuildThreadOptions {
  /** The project folder, which holds the worker's file under src/. */
  projectRoot: string;
  /** Told why the task is done on the main thread after all. */
  warn: (message: string) => void;
}

export interface WorkerTask<T> {
  /** The worker's file: it calls `serveWorkerTask`. */
  file: string;
  /** Structured-cloned to the thread. */
  data: unknown;
  /** The same task on the main thread. */
  onThisThread: () => T | Promise<T>;
  /** What the task does, for the warning ("making the related papers and themes"). */
  what: string;
  warn: (message: string) => void;
}

/**
 * Starts `task` on a worker thread and returns the way to ask for its result. Until asked, the
 * thread does not hold the process (`astro sync`, or a superseded sync of `astro dev`, never asks
 * and must not wait for it); a failure is reported to whoever asks, not as an unhandled rejection.
 */
export function startWorkerTask<T>(task: WorkerTask<T>): () => Promise<T> {
  const onThisThread = async (reason: string): Promise<T> => {
    task.warn(`${task.what} on the main thread: ${reason}`);
    return task.onThisThread();
  };
  let worker: Worker | null = null;
  let result: Promise<T>;
  try {
    const thread = new Worker(task.file, { workerData: task.data });
    worker = thread;
    result = new Promise<T>((resolve, reject) => {
      // A thread that fails reports an error and then its exit: the first word counts.
      let settled = false;
      const settle = (outcome: () => Promise<T>) => {
        if (settled) return;
        settled = true;
        outcome().then(resolve, reject);
      };
      thread.once('message', (answer: Answer<T>) =>
        settle(async () => {
          if ('error' in answer) {
            const error = new Error(answer.error.message);
            if (answer.error.stack) error.stack = answer.error.stack;
            throw error;
          }
          return answer.value;
        }),
      );
      thread.once('error', (error) => settle(() => onThisThread(`the worker thread failed (${error.message})`)));
      thread.once('exit', (code) =>
        settle(() => onThisThread(`the worker thread exited with code ${code} and no answer`)),
      );
    });
    // After the listeners: adding a 'message' listener holds the thread's port again.
    thread.unref();
  } catch (error) {
    result = onThisThread(`the worker thread did not start (${(error as Error).message})`);
  }
  result.catch(() => {});
  return () => {
    worker?.ref();
    return result;
  };
}

/** In a worker's file: runs `task` on the data `startWorkerTask` sent and answers with its result or its error. */
export function serveWorkerTask<D, T>(task: (data: D) => T | Promise<T>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTask runs in a worker thread only');
  Promise.resolve()
    .then(() => task(workerData as D))
    .then(
      (value) => port.postMessage({ value } satisfies Answer<T>),
      (error: unknown) =>
        port.postMessage({
          error:
            error instanceof Error
              ? { message: error.message, stack: error.stack }
              : { message: String(error), stack: undefined },
        } satisfies Answer<T>),
    );
}

/**
 * `startWorkerTask` when `onThread`, else the task made on this thread when first asked for (once):
 * the build's threads use no thread above a size of corpus, or in a build that does not need one.
 */
export function startWorkerTaskIf<T>(onThread: boolean, task: WorkerTask<T>): () => Promise<T> {
  if (onThread) return startWorkerTask(task);
  let onMainThread: Promise<T> | null = null;
  return () => (onMainThread ??= Promise.resolve().then(task.onThisThread));
}

/**
 * In a worker's file: lowers the calling thread's priority (on Linux the nice value is the
 * thread's own), so that it yields the cores to the rest of the build.
 */
export function yieldThreadCores(): void {
  try {
    setPriority(10);
  } catch {
    // A system that does not let a thread lower its own priority runs it at the usual one.
  }
}
