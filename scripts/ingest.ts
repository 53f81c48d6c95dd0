/**
 * `npm run ingest` — reads every dump in seeds/ (or the folder given with --seeds) and prints the
 * ingest report; `--json` writes the corpus to stdout and the report to stderr; `--check FILE`
 * tells what a candidate dump would bring, without adding it (exit 1 when it cannot be read);
 * `--explain-merges` lists every merge not made by an exact title and the pairs kept apart as
 * possibly the same work; `--explain <id or title>` tells one paper's merges and near misses
 * (exit 1 when no paper has that id or title).
 */
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatIngestReport,
  ingestDumps,
  readDumpFile,
  readDumpFolder,
  readTopicDefinitions,
} from '../src/ingest/index.ts';
import { checkCandidate, formatCandidateCheck } from './lib/check-candidate.ts';
import { findPaper, formatMergeExplanations, formatPaperHistory } from './lib/explain-merges.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    check: { type: 'string' },
    seeds: { type: 'string', default: 'seeds' },
    topics: { type: 'string', default: 'content/topics' },
    'explain-merges': { type: 'boolean', default: false },
    explain: { type: 'string' },
  },
});

const topics = readTopicDefinitions(values.topics);
const seeds = readDumpFolder(values.seeds);
if (values.check !== undefined) {
  const check = checkCandidate(seeds, readDumpFile(dirname(values.check), basename(values.check)), topics);
  process.stdout.write(`${formatCandidateCheck(check)}\n`);
  process.exitCode = check.report.format === null ? 1 : 0;
} else if (values['explain-merges']) {
  process.stdout.write(`${formatMergeExplanations(ingestDumps(seeds, topics))}\n`);
} else if (values.explain !== undefined) {
  const result = ingestDumps(seeds, topics);
  const paper = findPaper(result, values.explain.trim());
  if (paper) process.stdout.write(`${formatPaperHistory(result, paper)}\n`);
  else {
    process.stderr.write(`No paper has the id, former id, title or alias "${values.explain}".\n`);
    process.exitCode = 1;
  }
} else {
  const result = ingestDumps(seeds, topics);
  const report = formatIngestReport(result, topics);
  if (values.json) {
    process.stderr.write(`${report}\n`);
    process.stdout.write(`${JSON.stringify(result.papers, null, 2)}\n`);
  } else {
    process.stdout.write(`${report}\n`);
  }
}
