/**
 * `npm run ingest` — reads every dump in seeds/ (or the folder given with --seeds), prints the
 * ingest report; `--json` writes the corpus to stdout and the report to stderr.
 */
import { parseArgs } from 'node:util';
import { formatIngestReport, ingestDumps, readDumpFolder, readTopicDefinitions } from '../src/ingest/index.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seeds: { type: 'string', default: 'seeds' },
    topics: { type: 'string', default: 'content/topics' },
  },
});

const topics = readTopicDefinitions(values.topics);
const result = ingestDumps(readDumpFolder(values.seeds), topics);
const report = formatIngestReport(result, topics);
if (values.json) {
  process.stderr.write(`${report}\n`);
  process.stdout.write(`${JSON.stringify(result.papers, null, 2)}\n`);
} else {
  process.stdout.write(`${report}\n`);
}
