/** Runs the ingest library alone in a child process (bench-ingest-worker.ts) and reads its figures. */
import { fileURLToPath } from 'node:url';
import type { IngestFigures } from './bench-ingest-worker.ts';
import { outputTail, runMonitored } from './bench-process.ts';

export type { IngestFigures } from './bench-ingest-worker.ts';

export interface IngestRun extends IngestFigures {
  /** The whole child process, Node and TypeScript loader start-up included. */
  wallMs: number;
  /** CPU time used by everything else on the machine meanwhile. */
  othersCpuMs: number;
  /** Parse and build corpus: the ingest's own work. */
  ingestMs: number;
  /** Input megabytes (10^6 bytes) per second of `ingestMs`. */
  mbPerSecond: number;
  parseMbPerSecond: number;
}

export interface IngestOptions {
  dumpsDirectory: string;
  topicsDirectory: string;
  projectRoot: string;
  /** Time merging and classifying separately as well. */
  split?: boolean;
  /** Write a V8 CPU profile of the child into this folder. */
  cpuProfileDirectory?: string;
}

const WORKER = fileURLToPath(new URL('./bench-ingest-worker.ts', import.meta.url));

export async function runIngest(options: IngestOptions): Promise<IngestRun> {
  const nodeArgs = ['--import', import.meta.resolve('tsx')];
  if (options.cpuProfileDirectory) nodeArgs.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDirectory);
  const args = [
    ...nodeArgs,
    WORKER,
    options.dumpsDirectory,
    options.topicsDirectory,
    ...(options.split ? ['--split'] : []),
  ];
  const run = await runMonitored(process.execPath, args, { cwd: options.projectRoot });
  const last = run.lines
    .map((line) => line.text)
    .filter((text) => text.startsWith('{'))
    .pop();
  if (run.exitCode !== 0 || !last)
    throw new Error(`the ingest worker failed (${run.signal ?? `exit code ${run.exitCode}`}):\n${outputTail(run)}`);
  const figures = JSON.parse(last) as IngestFigures;
  const ingestMs = figures.parseMs + figures.buildCorpusMs;
  return {
    ...figures,
    peakRssMb: Math.max(figures.peakRssMb, run.peakProcessMb),
    wallMs: run.wallMs,
    othersCpuMs: run.othersCpuMs,
    ingestMs,
    mbPerSecond: figures.bytes / 1e6 / (ingestMs / 1000),
    parseMbPerSecond: figures.bytes / 1e6 / (figures.parseMs / 1000),
  };
}
