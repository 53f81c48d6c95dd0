/** The seeds' corpus, ingested once per test file, as the reading-aid tests use it. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDumps, readDumpFolder, readTopicDefinitions, type IngestResult } from '../../src/ingest/index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let corpus: IngestResult | null = null;

export function seedCorpus(): IngestResult {
  corpus ??= ingestDumps(
    readDumpFolder(join(PROJECT_ROOT, 'seeds')),
    readTopicDefinitions(join(PROJECT_ROOT, 'content/topics')),
  );
  return corpus;
}

/**
 * How many of `papers` have the title and abstract of one of `earlier`: the papers a per-paper
 * cache of an earlier build replays (src/lib/cache-file.ts `paperTextHash`).
 */
export function textsKnown(
  papers: readonly { title: string; abstract: string }[],
  earlier: readonly { title: string; abstract: string }[],
): number {
  const texts = new Set(earlier.map((paper) => `${paper.title}\n${paper.abstract}`));
  return papers.filter((paper) => texts.has(`${paper.title}\n${paper.abstract}`)).length;
}
