/**
 * `npm run bench -- --papers 10000` — builds the site from a synthetic corpus of that many papers
 * in a temporary copy of the project and prints one table: ingest, build phases (time, peak
 * memory of every process), what the home, topic and paper pages and two searches transfer in
 * Chromium, the rebuild after one more dump, and ingest throughput on a ~100 MB corpus. The
 * figures also go to `.bench/results-<papers>.json` (or `--json FILE`) so runs can be compared.
 *
 * Options: `--seeds` (build from seeds/ instead of a synthetic corpus), `--per-dump N` (fresh
 * papers per synthetic dump, 100), `--seed N`, `--throughput-mb N` (0 skips it), `--cpu-prof`
 * (V8 CPU profiles of the ingest and of the build into `.bench/profiles-<papers>/`, to open in
 * Chromium's DevTools), `--keep` (keep the temporary folder), `--tmp DIR`, `--first-query`,
 * `--second-query`, `--markdown` (the tables as Markdown too), `--no-lighthouse` (skip the
 * Lighthouse scores of the home, a topic and a paper page, which run by default), `--quiet`.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureInBrowser } from './lib/bench-browser.ts';
import { measureLighthouse } from './lib/bench-lighthouse.ts';
import { BUILD_PHASES, REBUILD_PHASES, runBuild, type BuildRun } from './lib/bench-build.ts';
import { runIngest } from './lib/bench-ingest.ts';
import {
  createSandbox,
  newGenerator,
  writeDump,
  writeSyntheticBytes,
  writeSyntheticPapers,
  type WrittenCorpus,
} from './lib/bench-project.ts';
import { seedTextPool } from './lib/synthetic-corpus.ts';
import {
  budgetRows,
  evaluateBudgets,
  formatResult,
  machineInfo,
  markdownTable,
  resultRows,
  type BenchResult,
} from './lib/bench-report.ts';
import { startStaticServer } from './lib/static-server.ts';
import { planSite } from './lib/bench-site.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const { values } = parseArgs({
  allowNegative: true,
  options: {
    papers: { type: 'string', default: '10000' },
    seeds: { type: 'boolean', default: false },
    'per-dump': { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'throughput-mb': { type: 'string', default: '100' },
    'cpu-prof': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    tmp: { type: 'string' },
    json: { type: 'string' },
    'first-query': { type: 'string', default: 'mixture of experts' },
    'second-query': { type: 'string', default: 'reward model' },
    markdown: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: true },
    quiet: { type: 'boolean', default: false },
  },
});

const positive = (name: string, text: string, allowZero = false): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, not "${text}"`);
  return value;
};
const papers = Math.round(positive('papers', values.papers));
const perDump = Math.round(positive('per-dump', values['per-dump']));
const seed = Math.round(positive('seed', values.seed));
const throughputMb = positive('throughput-mb', values['throughput-mb'], true);
const label = values.seeds ? 'seeds' : String(papers);
const jsonPath = resolve(values.json ?? join(PROJECT_ROOT, '.bench', `results-${label}.json`));
const profileDirectory = join(PROJECT_ROOT, '.bench', `profiles-${label}`);
const seedsDirectory = join(PROJECT_ROOT, 'seeds');
const topicsDirectory = join(PROJECT_ROOT, 'content', 'topics');

const say = (message: string) => {
  if (!values.quiet) process.stderr.write(`[bench] ${message}\n`);
};
const echoPhases = (prefix: string) => (text: string) => {
  if (
    [...BUILD_PHASES, ...REBUILD_PHASES].some((phase) => phase.startsAt.test(text)) ||
    /^\S*\s*\[?error\b/i.test(text) ||
    /\[rebuild\]/.test(text)
  )
    say(`${prefix}: ${text.trim().slice(0, 160)}`);
};

async function main(): Promise<void> {
  const machine = machineInfo();
  const sandbox = createSandbox(PROJECT_ROOT, values.tmp);
  say(`sandbox ${sandbox.root}`);
  if (values['cpu-prof']) {
    rmSync(profileDirectory, { recursive: true, force: true });
    mkdirSync(profileDirectory, { recursive: true });
  }
  try {
    // The corpus, and the dump that arrives after the first build.
    const pool = seedTextPool(seedsDirectory);
    const generator = newGenerator(pool, values.seeds ? perDump : papers, perDump, seed);
    let written: WrittenCorpus;
    if (values.seeds) {
      written = { dumps: 0, entries: 0, bytes: 0 };
      for (const name of readdirSync(seedsDirectory)) {
        copyFileSync(join(seedsDirectory, name), join(sandbox.dumps, name));
        written.dumps++;
      }
    } else {
      say(`writing a synthetic corpus of ${papers} papers`);
      written = writeSyntheticPapers(generator, sandbox.dumps, papers, perDump);
    }
    const pending = join(sandbox.root, 'pending');
    mkdirSync(pending);
    const pendingTally: WrittenCorpus = { dumps: 0, entries: 0, bytes: 0 };
    const pendingName = writeDump(generator, pending, perDump, pendingTally);
    const addedDump = values.seeds ? `999_${pendingName}` : pendingName;

    say('ingest (library alone, own process)');
    const ingest = await runIngest({
      dumpsDirectory: sandbox.dumps,
      topicsDirectory,
      projectRoot: PROJECT_ROOT,
      cpuProfileDirectory: values['cpu-prof'] ? join(profileDirectory, 'ingest') : undefined,
    });
    say(`ingest: ${ingest.papers} papers, ${(ingest.ingestMs / 1000).toFixed(1)} s`);

    say('build (cold)');
    const build = await runBuild({
      project: sandbox.project,
      dumps: sandbox.dumps,
      cpuProfileDirectory: values['cpu-prof'] ? join(profileDirectory, 'build') : undefined,
      onLine: echoPhases('build'),
    });
    say(`build: ${(build.wallMs / 1000).toFixed(1)} s`);

    const site = planSite(join(sandbox.project, 'dist'));
    say(`browser: /, ${site.topicPath}, ${site.paperPath}, two searches`);
    const server = await startStaticServer(join(sandbox.project, 'dist'), { compress: true });
    let lighthouse: BenchResult['lighthouse'] = null;
    const browser = await (async () => {
      const figures = await measureInBrowser(server, {
        topicPath: site.topicPath,
        paperPath: site.paperPath,
        firstQuery: values['first-query'],
        secondQuery: values['second-query'],
      });
      if (values.lighthouse) {
        say(`Lighthouse: /, ${site.topicPath}, ${site.paperPath}`);
        lighthouse = await measureLighthouse(server.url, [
          { name: 'home', path: '/' },
          { name: 'topic', path: site.topicPath },
          { name: 'paper', path: site.paperPath },
        ]);
        for (const page of lighthouse.pages) {
          for (const audit of page.losing)
            say(
              `Lighthouse ${page.path} ${audit.category}: ${audit.id} scored ${audit.score ?? 'no score'}${audit.displayValue ? ` (${audit.displayValue})` : ''}: ${audit.title}`,
            );
        }
      }
      return figures;
    })().finally(() => server.close());

    say(`rebuild after adding ${addedDump}`);
    copyFileSync(join(pending, pendingName), join(sandbox.dumps, addedDump));
    // As a user rebuilds: `npm run build`, which rebuilds without Astro when only the dumps changed.
    const rebuilt: BuildRun = await runBuild({
      project: sandbox.project,
      dumps: sandbox.dumps,
      onLine: echoPhases('rebuild'),
      buildScript: true,
    });
    say(`rebuild: ${(rebuilt.wallMs / 1000).toFixed(1)} s`);

    let throughput: BenchResult['throughput'] = null;
    if (throughputMb > 0) {
      const folder = join(sandbox.root, 'throughput');
      mkdirSync(folder);
      say(`writing ~${throughputMb} MB of dumps for the throughput run`);
      writeSyntheticBytes(
        newGenerator(pool, Math.round((throughputMb * 1e6) / 1700), perDump, seed),
        folder,
        throughputMb * 1e6,
        perDump,
      );
      say('ingest throughput');
      throughput = await runIngest({ dumpsDirectory: folder, topicsDirectory, projectRoot: PROJECT_ROOT, split: true });
      rmSync(folder, { recursive: true, force: true });
    }

    const partial: Omit<BenchResult, 'budgets'> = {
      version: 1,
      date: new Date().toISOString(),
      machine,
      corpus: {
        source: values.seeds ? 'seeds' : 'synthetic',
        papers: ingest.papers,
        requested: values.seeds ? null : papers,
        dumps: ingest.dumps,
        entries: ingest.entries,
        megabytes: ingest.bytes / 1e6,
      },
      ingest,
      build,
      pages: {
        home: browser.home,
        topic: browser.topic,
        paper: browser.paper,
        paperPages: site.paperPages,
        topicPages: site.topicPages,
      },
      search: {
        first: browser.firstSearch,
        second: browser.secondSearch,
        firstWithoutWorker: browser.firstSearchWithoutWorker,
        secondWithoutWorker: browser.secondSearchWithoutWorker,
        fromUrl: browser.firstSearchFromUrl,
      },
      chromium: browser.chromium,
      lighthouse,
      rebuild: { ...rebuilt, addedDump, addedEntries: pendingTally.entries },
      throughput,
    };
    const result: BenchResult = { ...partial, budgets: evaluateBudgets(partial) };
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);

    console.log(formatResult(result));
    if (values.markdown) console.log(`\n${markdownTable(resultRows(result))}\n\n${markdownTable(budgetRows(result))}`);
    console.log(`\nFigures written to ${jsonPath}`);
    if (values['cpu-prof'])
      console.log(`CPU profiles (open them in Chromium's DevTools, Performance tab) in ${profileDirectory}`);
  } finally {
    if (values.keep) say(`kept ${sandbox.root}`);
    else sandbox.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
