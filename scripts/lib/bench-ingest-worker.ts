/**
 * Child process of the benchmark: times the ingest library alone over a folder of dumps and prints
 * one JSON line (`IngestFigures`) on stdout. Run as
 * `node --import tsx scripts/lib/bench-ingest-worker.ts <dumps> <topics> [--split]`.
 *
 * The official figure is `ingestDumps`' own pipeline (read, then parse every dump, then
 * `buildCorpus`), timed step by step. With `--split`, merging and classifying are then timed once
 * more on their own, so the corpus step can be broken down (the sum is close to, not exactly, the
 * `buildCorpus` time).
 */
import {
  buildCorpus,
  classifyPaper,
  compileTopics,
  OTHER_TOPIC,
  parseDumpInput,
  readDumpFolder,
  readTopicDefinitions,
} from '../../src/ingest/index.ts';
import { displayTitle, mergeDumps } from '../../src/ingest/merge-papers.ts';
import { relatedPapers } from '../../src/lib/related-papers.ts';
import { topicThemes } from '../../src/lib/topic-themes.ts';

export interface IngestFigures {
  dumps: number;
  bytes: number;
  entries: number;
  papers: number;
  warnings: number;
  readMs: number;
  parseMs: number;
  buildCorpusMs: number;
  /** `--split` only: `mergeDumps` and classification timed on their own. */
  mergeMs: number | null;
  classifyMs: number | null;
  /**
   * What the site's build adds on top of the ingest (src/lib/site-data.ts): the related papers of every
   * paper, and the themes of every topic, on this corpus.
   */
  relatedMs: number;
  /** CPU time of the same (user + system): on a busy machine, what the wall time would be on an idle one. */
  relatedCpuMs: number;
  themesMs: number;
  /** Peak resident set of this process (`process.resourceUsage().maxRSS`). */
  peakRssMb: number;
  heapUsedMb: number;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

const [dumpsDirectory, topicsDirectory] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!dumpsDirectory || !topicsDirectory) throw new Error('usage: bench-ingest-worker.ts <dumps> <topics> [--split]');
const split = process.argv.includes('--split');

const topics = readTopicDefinitions(topicsDirectory);
const [inputs, readMs] = timed(() => readDumpFolder(dumpsDirectory));
const [parsed, parseMs] = timed(() => inputs.map(parseDumpInput));
const [corpus, buildCorpusMs] = timed(() => buildCorpus(parsed, topics));

const cpuBefore = process.cpuUsage();
const [, relatedMs] = timed(() =>
  relatedPapers(
    corpus.papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      exclude: paper.possiblySameWork,
    })),
  ),
);
const relatedCpu = process.cpuUsage(cpuBefore);
const relatedCpuMs = (relatedCpu.user + relatedCpu.system) / 1000;
const [, themesMs] = timed(() => {
  const byTopic = new Map<string, typeof corpus.papers>();
  for (const paper of corpus.papers) {
    for (const topic of paper.topics.length > 0 ? paper.topics : [OTHER_TOPIC.id]) {
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic)!.push(paper);
    }
  }
  return topicThemes(corpus.papers, byTopic);
});

let mergeMs: number | null = null;
let classifyMs: number | null = null;
if (split) {
  const sorted = [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const [merged, ms] = timed(() => mergeDumps(sorted));
  mergeMs = ms;
  const compiled = compileTopics(topics);
  classifyMs = timed(() =>
    merged.papers.map((draft) => classifyPaper(compiled, displayTitle(draft), draft.abstract)),
  )[1];
}

const figures: IngestFigures = {
  dumps: inputs.length,
  bytes: inputs.reduce((sum, input) => sum + (input.bytes?.length ?? 0), 0),
  entries: corpus.dumps.reduce((sum, dump) => sum + dump.entries, 0),
  papers: corpus.papers.length,
  warnings: corpus.dumps.reduce((sum, dump) => sum + dump.warnings.length, 0),
  readMs,
  parseMs,
  buildCorpusMs,
  mergeMs,
  classifyMs,
  relatedMs,
  relatedCpuMs,
  themesMs,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
