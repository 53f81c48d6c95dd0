/**
 * `npm run generate:corpus -- --papers 10000 --out /tmp/corpus` — writes a deterministic synthetic
 * corpus of dumps (all four formats) built from the seeds' sentences, for benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticCorpus, seedTextPool } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '10000' },
    out: { type: 'string' },
    seeds: { type: 'string', default: 'seeds' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) throw new Error('--out DIR is required');

const dumps = generateSyntheticCorpus(seedTextPool(values.seeds), {
  papers: Number(values.papers),
  seed: Number(values.seed),
});
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (const dump of dumps) {
  writeFileSync(join(values.out, dump.name), dump.text);
  bytes += Buffer.byteLength(dump.text);
}
console.log(`Wrote ${dumps.length} dumps (${(bytes / 1e6).toFixed(1)} MB, ${values.papers} papers) to ${values.out}`);
