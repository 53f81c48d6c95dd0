/**
 * One build of the sandbox — `astro build`, or `npm run build` (scripts/build.ts: a rebuild without
 * Astro when only the dumps changed) — measured: wall time and peak memory of every process, split
 * into phases by the build's own log lines as they arrive.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { outputTail, runMonitored, type MonitoredRun, type PhaseMarker } from './bench-process.ts';

/**
 * - startup: Node, Astro and Vite start, configuration;
 * - content: ingest: the content layer syncs; the papers loader's ingest ends with its log line;
 * - content: store: entries validated and written to Astro's data store, other collections;
 * - bundle: build info, types, Vite/Rolldown bundling;
 * - render: every page rendered to `dist/` (the paper pages: their shell);
 * - paper pages: every paper page written from the shell (src/integrations/paper-pages.ts);
 * - pagefind: papers.json written, then the wait for the search index (made on a worker thread by
 *   Pagefind, a native process, since the papers loader published the papers), the service worker;
 * - finish: Astro's wrap-up until the process exits.
 */
export const BUILD_PHASES: PhaseMarker[] = [
  { name: 'content: ingest', startsAt: /\[content\] Syncing content/ },
  { name: 'content: store', startsAt: /\[research-digest-papers\] \d+ papers from/ },
  { name: 'bundle', startsAt: /\[content\] Synced content/ },
  { name: 'render', startsAt: /generating static routes/ },
  { name: 'paper pages', startsAt: /\[build\] ✓ Completed in/ },
  { name: 'pagefind', startsAt: /Paper pages: \d+ written/ },
  { name: 'finish', startsAt: /Pagefind indexed \d+ pages/ },
];

/**
 * A rebuild without Astro (src/rebuild/rebuild-site.ts):
 * - ingest: Node starts, the dumps are read (the new ones parsed), the corpus merged and classified;
 * - pages: the site data (waiting for the related papers), every route's pages from the kept shells,
 *   the paper pages from theirs;
 * - search index: papers.json, then the wait for the index (its thread started with the corpus);
 * - finish: stale files deleted, the record of the output written.
 */
export const REBUILD_PHASES: PhaseMarker[] = [
  { name: 'pages', startsAt: /\[research-digest-papers\] \d+ papers from/ },
  { name: 'search index', startsAt: /Paper pages: \d+ written/ },
  { name: 'finish', startsAt: /Pagefind indexed \d+ pages/ },
];

/** The paper pages' line of a build's log (src/integrations/paper-pages.ts): how many written, how many left as they were. */
export function paperPagesOfLog(log: string): { written: number; unchanged: number } {
  const line = /Paper pages: (\d+) written, (\d+) unchanged/.exec(log);
  if (!line) throw new Error(`no "Paper pages:" line in the build log:\n${log.slice(-4000)}`);
  return { written: Number(line[1]), unchanged: Number(line[2]) };
}

export interface BuildRun {
  /** Whether it was a rebuild without Astro. */
  withoutAstro?: boolean;
  wallMs: number;
  /** CPU time of the build's processes, and of everything else on the machine meanwhile. */
  cpuMs: number;
  othersCpuMs: number;
  peakProcessMb: number;
  peakTotalMb: number;
  phases: MonitoredRun['phases'];
  processes: MonitoredRun['processes'];
  /** From the integration's log line. */
  pagefindPages: number;
  pagefindReportedMs: number;
  /** From the loader's log line. */
  loaderPapers: number;
  parsedFresh: number;
  parsedFromCache: number;
  /** Paper pages left in dist/ as the previous build wrote them (the same bytes), and written. */
  paperPagesUnchanged: number;
  paperPagesWritten: number;
  /** Search index shards, and how many were copied from the shard cache. */
  searchShards: number;
  searchShardsFromCache: number;
  /** How long the build took to merge the search shards into one index (its log says). */
  searchMergeMs?: number;
  distFiles: number;
  distMb: number;
}

export interface BuildOptions {
  project: string;
  dumps: string;
  /** Write V8 CPU profiles of Astro's Node process into this folder. */
  cpuProfileDirectory?: string;
  onLine?: (text: string) => void;
  /** `npm run build` (scripts/build.ts), which may rebuild without Astro, instead of `astro build`. */
  buildScript?: boolean;
}

function folderSize(directory: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export async function runBuild(options: BuildOptions): Promise<BuildRun> {
  const entry = options.buildScript
    ? [join(options.project, 'scripts', 'build.ts')]
    : [join(options.project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
  const nodeArgs = options.cpuProfileDirectory ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDirectory] : [];
  const run = await runMonitored(process.execPath, [...nodeArgs, ...entry], {
    cwd: options.project,
    // A synthetic corpus holds none of the papers the topic introductions cite.
    env: {
      ...process.env,
      RESEARCH_DIGEST_SEEDS: options.dumps,
      RESEARCH_DIGEST_CITATIONS: 'warn',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    phases: options.buildScript ? REBUILD_PHASES : BUILD_PHASES,
    firstPhase: options.buildScript ? 'ingest' : 'startup',
    onLine: options.onLine,
  });
  if (run.exitCode !== 0)
    throw new Error(`astro build failed (${run.signal ?? `exit code ${run.exitCode}`}):\n${outputTail(run)}`);
  const text = run.lines.map((line) => line.text).join('\n');
  const pagefind = /Pagefind indexed (\d+) pages in (\d+) ms/.exec(text);
  const loader = /\[research-digest-papers\] (\d+) papers from \d+ dumps \(parsed (\d+)[^;]*; (\d+) from cache\)/.exec(
    text,
  );
  const withoutAstro = /rebuilt without Astro in/.test(text);
  const missing = (withoutAstro ? REBUILD_PHASES : options.buildScript ? [] : BUILD_PHASES)
    .filter((phase) => !run.phases.some((seen) => seen.name === phase.name))
    .map((phase) => phase.name);
  if (missing.length > 0 || !pagefind || !loader) {
    throw new Error(
      `the build's log did not show every phase (missing: ${[...missing, ...(pagefind ? [] : ['Pagefind line']), ...(loader ? [] : ['loader line'])].join(', ')}):\n${outputTail(run, 80)}`,
    );
  }
  const dist = folderSize(join(options.project, 'dist'));
  const paperPages = paperPagesOfLog(text);
  const shards = /; (\d+) shards?, (\d+) from cache\)/.exec(text);
  const merge = /merged into one index in (\d+) ms/.exec(text);
  return {
    withoutAstro,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    othersCpuMs: run.othersCpuMs,
    peakProcessMb: run.peakProcessMb,
    peakTotalMb: run.peakTotalMb,
    phases: run.phases,
    processes: run.processes,
    pagefindPages: Number(pagefind[1]),
    pagefindReportedMs: Number(pagefind[2]),
    loaderPapers: Number(loader[1]),
    parsedFresh: Number(loader[2]),
    parsedFromCache: Number(loader[3]),
    paperPagesUnchanged: paperPages.unchanged,
    paperPagesWritten: paperPages.written,
    searchShards: shards ? Number(shards[1]) : 1,
    searchShardsFromCache: shards ? Number(shards[2]) : 0,
    ...(merge ? { searchMergeMs: Number(merge[1]) } : {}),
    distFiles: dist.files,
    distMb: dist.bytes / 1e6,
  };
}
