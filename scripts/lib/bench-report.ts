/** The benchmark's result (written as JSON), the budgets it is held to, and the printed table. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { BrowserFigures } from './bench-browser.ts';
import type { BuildRun } from './bench-build.ts';
import { LIGHTHOUSE_CATEGORIES, type LighthouseFigures } from './bench-lighthouse.ts';
import type { IngestRun } from './bench-ingest.ts';
import type { PageSizes } from './bench-site.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  /** Load averages (1, 5, 15 min) when the benchmark started: others may be using the machine. */
  loadAverage: number[];
}

export interface BenchResult {
  version: 1;
  date: string;
  machine: Machine;
  corpus: {
    source: 'synthetic' | 'seeds';
    /** Distinct papers after the ingest (the synthetic generator writes `requested` fresh ones). */
    papers: number;
    requested: number | null;
    dumps: number;
    entries: number;
    megabytes: number;
  };
  /** The ingest library alone, in its own process, over the corpus. */
  ingest: IngestRun;
  build: BuildRun;
  pages: {
    home: BrowserFigures['home'];
    topic: BrowserFigures['topic'];
    paper: BrowserFigures['paper'];
    paperPages: PageSizes;
    topicPages: PageSizes;
  };
  search: {
    first: BrowserFigures['firstSearch'];
    second: BrowserFigures['secondSearch'];
    firstWithoutWorker: BrowserFigures['firstSearch'];
    secondWithoutWorker: BrowserFigures['secondSearch'];
    /** Arriving at `/search/?q=…`: results timed from navigation start. */
    fromUrl: BrowserFigures['firstSearchFromUrl'];
  };
  chromium: string;
  /** Lighthouse scores of the home, a topic and a paper page, or null when skipped (`--no-lighthouse`). */
  lighthouse: LighthouseFigures | null;
  rebuild: BuildRun & { addedDump: string; addedEntries: number };
  /** The ingest library alone over a bigger corpus (about `throughput.megabytes` MB), or null when skipped. */
  throughput: IngestRun | null;
  budgets: Budget[];
}

export interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** `max`: value ≤ limit; `min`: value ≥ limit. */
  kind: 'max' | 'min';
  met: boolean;
}

export function machineInfo(): Machine {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    cpus: cpus().length,
    cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg(),
  };
}

function budget(name: string, value: number, limit: number, unit: string, kind: 'max' | 'min' = 'max'): Budget {
  return { name, value, limit, unit, kind, met: kind === 'max' ? value <= limit : value >= limit };
}

/** Issue 13's build budgets for a digest of about `papers` papers (all processes of the build summed). */
interface SizeBudgets {
  papers: number;
  buildSeconds: number;
  memoryGb: number;
  rebuildSeconds: number | null;
  firstSearchKb: number | null;
}

const SIZE_BUDGETS: readonly SizeBudgets[] = [
  { papers: 10_000, buildSeconds: 20, memoryGb: 1.5, rebuildSeconds: 6, firstSearchKb: 200 },
  { papers: 50_000, buildSeconds: 120, memoryGb: 3, rebuildSeconds: 15, firstSearchKb: null },
  { papers: 100_000, buildSeconds: 300, memoryGb: 4, rebuildSeconds: null, firstSearchKb: 350 },
];

/**
 * The budgets of the size nearest the corpus (by ratio: a synthetic corpus of 50,000 loses a few
 * papers to merging; the seeds' 477 papers are held to the 10,000-paper budgets).
 */
export function sizeBudgets(papers: number): SizeBudgets {
  const distance = (size: SizeBudgets) => Math.abs(Math.log(Math.max(papers, 1) / size.papers));
  return SIZE_BUDGETS.reduce((best, size) => (distance(size) < distance(best) ? size : best));
}

/** The issue's budgets, those of the build at the size nearest the corpus. */
export function evaluateBudgets(result: Omit<BenchResult, 'budgets'>): Budget[] {
  const size = sizeBudgets(result.corpus.papers);
  const label = `${size.papers / 1000}k budget`;
  const budgets = [
    budget(`full build wall time (${label})`, result.build.wallMs / 1000, size.buildSeconds, 's'),
    budget(`build peak memory, all processes (${label})`, result.build.peakTotalMb / 1024, size.memoryGb, 'GB'),
    ...(size.rebuildSeconds === null
      ? []
      : [budget(`rebuild after one new dump (${label})`, result.rebuild.wallMs / 1000, size.rebuildSeconds, 's')]),
    budget('paper page over the wire', result.pages.paper.wireKb, 14, 'KB'),
    budget('largest paper page, gzip', result.pages.paperPages.maxGzipKb, 14, 'KB'),
    budget('paper page requests', result.pages.paper.requests, 3, 'requests'),
    budget('paper page script requests', result.pages.paper.scriptRequests, 0, 'requests'),
    // Two inline scripts, both progressive enhancements: the citation's Copy button, and the
    // site's own (keyboard shortcuts, Save, "new since your last visit"), on every page.
    budget('paper page script elements (inline)', result.pages.paper.scriptElements, 2, 'scripts'),
    budget('related papers of every paper, added to the build', result.ingest.relatedMs / 1000, 3, 's'),
    budget('topic page over the wire', result.pages.topic.wireKb, 40, 'KB'),
    ...(size.firstSearchKb === null
      ? []
      : [
          budget(
            `first search, transferred by the page (${label})`,
            result.search.first.wireKb,
            size.firstSearchKb,
            'KB',
          ),
        ]),
    budget('first search, time to results (typed on the loaded search page)', result.search.first.resultsMs, 300, 'ms'),
    budget('later search, transferred', result.search.second.wireKb, 40, 'KB'),
    budget('later search, time to results', result.search.second.resultsMs, 50, 'ms'),
    // Before the service worker has its copy of the index (or where there is none), a later search goes to the network.
    budget('later search without service worker, transferred', result.search.secondWithoutWorker.wireKb, 40, 'KB'),
    budget(
      'later search without service worker, time to results',
      result.search.secondWithoutWorker.resultsMs,
      50,
      'ms',
    ),
  ];
  for (const page of result.lighthouse?.pages ?? []) {
    budgets.push(
      budget(
        `Lighthouse, ${page.name} page: lowest category score`,
        Math.min(...LIGHTHOUSE_CATEGORIES.map((category) => page.scores[category])),
        100,
        'points',
        'min',
      ),
    );
  }
  if (result.throughput)
    budgets.push(
      budget(
        `ingest throughput (${result.throughput.bytes / 1e6 >= 90 ? '100 MB' : `${(result.throughput.bytes / 1e6).toFixed(0)} MB`} corpus)`,
        result.throughput.mbPerSecond,
        100,
        'MB/s',
        'min',
      ),
    );
  return budgets;
}

const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms: number) => `${number(ms / 1000, 1)} s`;
const mb = (value: number) => `${number(value)} MB`;
const kb = (value: number) => `${number(value, 1)} KB`;
/** Says how busy the rest of the machine was, when it was (over a tenth of a core on average). */
const busy = (run: { wallMs: number; othersCpuMs: number }) => {
  const cores = run.othersCpuMs / run.wallMs;
  return cores >= 0.1 ? `; others used ${number(cores, 1)} cores meanwhile` : '';
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd();
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

/** The one table the benchmark prints (also used, as Markdown, in BENCHMARKS.md). */
export function resultRows(result: BenchResult): string[][] {
  const { corpus, ingest, build, pages, search, rebuild, throughput, lighthouse } = result;
  const lighthouseRows = lighthouse
    ? lighthouse.pages.map((page) => [
        `Lighthouse ${page.name} ${page.path}`,
        LIGHTHOUSE_CATEGORIES.map((category) => page.scores[category]).join(' / '),
        `performance / accessibility / best practices / SEO (${lighthouse.formFactor}, ${lighthouse.throttling} throttling, Lighthouse ${lighthouse.version})` +
          (page.losing.length > 0
            ? `; losing points: ${page.losing.map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`).join(', ')}`
            : ''),
      ])
    : [['Lighthouse', 'skipped', '--no-lighthouse']];
  const phaseRows = build.phases.map((phase) => [
    `  ${phase.name}`,
    seconds(phase.ms),
    `${mb(phase.peakProcessMb)} (all: ${mb(phase.peakTotalMb)})`,
  ]);
  const processRows = build.processes
    .filter((entry) => entry.peakMb >= 20)
    .slice(0, 4)
    .map((entry) => [`  peak of ${entry.name}`, '', mb(entry.peakMb)]);
  const pageRow = (label: string, page: BenchResult['pages']['home']) => [
    label,
    `${kb(page.wireKb)}, ${page.requests} req`,
    `${page.scriptRequests} script req, ${page.scriptElements} script el., load ${number(page.loadMs)} ms`,
  ];
  const searchRow = (label: string, entry: BenchResult['search']['first']) => [
    label,
    `${kb(entry.wireKb)}, ${entry.requests} req`,
    `results in ${number(entry.resultsMs)} ms${entry.fromNavigationMs === null ? '' : ` (${number(entry.fromNavigationMs)} ms from navigation start${entry.sinceSearchStartMs === null ? '' : `, ${number(entry.sinceSearchStartMs)} ms after Pagefind was asked for`})`}; Pagefind ${kb(entry.pagefindKb)} in ${entry.pagefindRequests} req; "${entry.query}" → ${entry.results} shown` +
      (entry.serviceWorkerRequests > 0
        ? `; + offline copy ${kb(entry.serviceWorkerKb)} in ${entry.serviceWorkerRequests} req (service worker)`
        : ''),
  ];
  const kindRow = (entry: BenchResult['search']['first']) => [
    '',
    '',
    Object.entries(entry.byKind)
      .sort((a, b) => b[1].kb - a[1].kb)
      .map(([kind, { kb: size, requests }]) => `${kind} ${kb(size)}${requests > 1 ? ` in ${requests}` : ''}`)
      .join(', '),
  ];
  return [
    ['figure', 'value', 'detail'],
    [
      'papers',
      number(corpus.papers),
      `${corpus.source}; ${number(corpus.entries)} entries in ${corpus.dumps} dumps, ${number(corpus.megabytes, 1)} MB`,
    ],
    [
      'ingest (library alone)',
      seconds(ingest.ingestMs),
      `${mb(ingest.peakRssMb)} peak; parse ${seconds(ingest.parseMs)}, build corpus ${seconds(ingest.buildCorpusMs)}; ${number(ingest.mbPerSecond, 1)} MB/s${busy(ingest)}`,
    ],
    [
      'related papers (all papers)',
      seconds(ingest.relatedMs),
      `CPU ${seconds(ingest.relatedCpuMs)}; TF-IDF over words and two-word phrases, pruned inverted index; topic themes ${seconds(ingest.themesMs)}; both run once per build${busy(ingest)}`,
    ],
    [
      'build (astro build, total)',
      seconds(build.wallMs),
      `${mb(build.peakProcessMb)} peak of one process (all processes together: ${mb(build.peakTotalMb)}); CPU ${seconds(build.cpuMs)}${busy(build)}`,
    ],
    ...phaseRows,
    ...processRows,
    [
      '  Pagefind (its own log)',
      seconds(build.pagefindReportedMs),
      `${number(build.pagefindPages)} pages indexed${build.searchMergeMs === undefined ? '' : `; ${build.searchShards} shards merged into one index in ${seconds(build.searchMergeMs)}`}`,
    ],
    ['  dist/', mb(build.distMb), `${number(build.distFiles)} files`],
    [
      'rebuild after one new dump',
      seconds(rebuild.wallMs),
      `${rebuild.withoutAstro ? 'npm run build, without Astro' : 'astro build'}; ${mb(rebuild.peakProcessMb)} peak (all processes together: ${mb(rebuild.peakTotalMb)}); CPU ${seconds(rebuild.cpuMs)}; ${rebuild.addedDump} (${rebuild.addedEntries} entries); parsed ${rebuild.parsedFresh}, ${rebuild.parsedFromCache} from cache${busy(rebuild)}`,
    ],
    ...rebuild.phases.map((phase) => [
      `  rebuild: ${phase.name}`,
      seconds(phase.ms),
      `${mb(phase.peakProcessMb)} (all: ${mb(phase.peakTotalMb)})`,
    ]),
    [
      '  rebuild: paper pages, search shards',
      '',
      `${number(rebuild.paperPagesUnchanged ?? 0)} paper pages unchanged, ${number(rebuild.paperPagesWritten ?? 0)} written; ${rebuild.searchShards ?? 1} search shards, ${rebuild.searchShardsFromCache ?? 0} from cache${rebuild.searchMergeMs === undefined ? '' : `, merged in ${seconds(rebuild.searchMergeMs)}`}; Pagefind ${seconds(rebuild.pagefindReportedMs)} for ${number(rebuild.pagefindPages)} pages`,
    ],
    pageRow('home page', pages.home),
    pageRow(`topic page ${pages.topic.path}`, pages.topic),
    pageRow(`paper page (median size)`, pages.paper),
    [
      '  paper pages, gzip',
      `max ${kb(pages.paperPages.maxGzipKb)}`,
      `median ${kb(pages.paperPages.medianGzipKb)} of ${number(pages.paperPages.pages)}; largest ${pages.paperPages.maxGzipPath}`,
    ],
    [
      '  topic pages, gzip',
      `max ${kb(pages.topicPages.maxGzipKb)}`,
      `median ${kb(pages.topicPages.medianGzipKb)} of ${number(pages.topicPages.pages)}; largest ${pages.topicPages.maxGzipPath}`,
    ],
    searchRow('first search', search.first),
    kindRow(search.first),
    searchRow('second search', search.second),
    kindRow(search.second),
    searchRow('  first, no service worker', search.firstWithoutWorker),
    searchRow('  second, no service worker', search.secondWithoutWorker),
    searchRow('  first, from a search link (/search/?q=…)', search.fromUrl),
    ...lighthouseRows,
    throughput
      ? [
          'ingest throughput',
          `${number(throughput.mbPerSecond, 1)} MB/s`,
          `${number(throughput.bytes / 1e6, 1)} MB, ${number(throughput.papers)} papers: parse ${seconds(throughput.parseMs)} (${number(throughput.parseMbPerSecond, 1)} MB/s), build corpus ${seconds(throughput.buildCorpusMs)}${throughput.mergeMs === null ? '' : ` (merge ${seconds(throughput.mergeMs)}, classify ${seconds(throughput.classifyMs ?? 0)})`}; ${mb(throughput.peakRssMb)} peak`,
        ]
      : ['ingest throughput', 'skipped', '--throughput-mb 0'],
  ];
}

export function budgetRows(result: BenchResult): string[][] {
  return [
    ['budget', 'measured', 'limit', 'met'],
    ...result.budgets.map((entry) => [
      entry.name,
      `${number(entry.value, entry.unit === 'KB' || entry.unit === 's' || entry.unit === 'GB' || entry.unit === 'MB/s' ? 1 : 0)} ${entry.unit}`,
      `${entry.kind === 'max' ? '≤' : '≥'} ${number(entry.limit, entry.unit === 'GB' ? 1 : 0)} ${entry.unit}`,
      entry.met ? 'yes' : 'NO',
    ]),
  ];
}

export function formatResult(result: BenchResult): string {
  const { machine } = result;
  return [
    `Research Digest benchmark, ${result.date} — ${machine.cpus} × ${machine.cpuModel}, ${number(machine.memoryGb, 1)} GB, Node ${machine.node}, Chromium ${result.chromium}, load ${machine.loadAverage.map((load) => number(load, 2)).join(' ')}`,
    '',
    table(resultRows(result)),
    '',
    table(budgetRows(result)),
  ].join('\n');
}

export function markdownTable(rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const [head, ...body] = rows;
  return [
    `| ${head!.map(escape).join(' | ')} |`,
    `| ${head!.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
