/**
 * `npx tsx scripts/profile-ingest.ts --mb 20 [--out corpus.json] [--repeat 3]` — times the ingest
 * library phase by phase (parse, merge, classify, whole `buildCorpus`) on the benchmark's synthetic
 * corpus (same generator and settings as `npm run bench`'s throughput run), without building a site.
 *
 * Times are CPU times (see `timed`). The corpus is written once into `/tmp/research-digest-corpus-<mb>mb` (or `--dir`) and reused.
 * `--out FILE` writes the corpus JSON (`ingestDumps`' records and reports) to compare before/after
 * a change; `--seeds-out FILE` does the same for `seeds/`. Add `node --cpu-prof` via
 * `npx tsx --cpu-prof …` (or NODE_OPTIONS) to see the hot spots.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, classifyPaper, compileTopics, parseDumpInput, readDumpFolder, readTopicDefinitions } from '../src/ingest/index.ts';
import { displayTitle, mergeDumps } from '../src/ingest/merge-papers.ts';
import { newGenerator, writeSyntheticBytes } from './lib/bench-project.ts';
import { seedTextPool } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '20' },
    dir: { type: 'string' },
    out: { type: 'string' },
    'seeds-out': { type: 'string' },
    repeat: { type: 'string', default: '1' },
    'per-dump': { type: 'string', default: '100' },
  },
});

const megabytes = Number(values.mb);
const perDump = Number(values['per-dump']);
const directory = values.dir ?? `/tmp/research-digest-corpus-${megabytes}mb`;
const topics = readTopicDefinitions('content/topics');

if (values['seeds-out']) {
  const seeds = buildCorpus(readDumpFolder('seeds').map(parseDumpInput), topics);
  writeFileSync(values['seeds-out'], JSON.stringify(seeds, null, 1));
}

if (!existsSync(directory) || readdirSync(directory).length === 0) {
  mkdirSync(directory, { recursive: true });
  // As the bench writes its throughput corpus: ~1,700 bytes per paper, seed 1.
  writeSyntheticBytes(newGenerator(seedTextPool('seeds'), Math.round((megabytes * 1e6) / 1700), perDump, 1), directory, megabytes * 1e6, perDump);
}

/**
 * CPU time (user + system) of the run, in ms: on a machine shared with other jobs it is a steadier
 * measure of the ingest's own work than wall time (the ingest is single-threaded).
 */
function timed<T>(run: () => T): [T, number] {
  const started = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(started);
  return [value, (used.user + used.system) / 1000];
}

const inputs = readDumpFolder(directory);
const bytes = inputs.reduce((sum, input) => sum + (input.bytes?.length ?? 0), 0);
const rate = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
for (let run = 0; run < Number(values.repeat); run++) {
  const [parsed, parseMs] = timed(() => inputs.map(parseDumpInput));
  const sorted = [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const [merged, mergeMs] = timed(() => mergeDumps(sorted));
  const compiled = compileTopics(topics);
  const [, classifyMs] = timed(() => merged.papers.map((draft) => classifyPaper(compiled, displayTitle(draft), draft.abstract)));
  const [corpus, buildMs] = timed(() => buildCorpus(parsed, topics));
  const total = parseMs + buildMs;
  console.log(
    `${(bytes / 1e6).toFixed(1)} MB, ${inputs.length} dumps, ${corpus.papers.length} papers: ` +
      `parse ${parseMs.toFixed(0)} ms (${rate(parseMs)}), merge ${mergeMs.toFixed(0)} ms (${rate(mergeMs)}), ` +
      `classify ${classifyMs.toFixed(0)} ms (${rate(classifyMs)}), buildCorpus ${buildMs.toFixed(0)} ms; ` +
      `parse+buildCorpus ${total.toFixed(0)} ms = ${rate(total)}, ${((total * 1000) / corpus.papers.length).toFixed(1)} µs/paper`,
  );
  if (run === 0 && values.out) writeFileSync(values.out, JSON.stringify(corpus, null, 1));
}
