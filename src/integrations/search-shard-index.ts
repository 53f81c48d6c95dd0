/**
 * Indexes the paper records shard by shard (src/lib/search-shards.ts says how they are cut). Each
 * shard is indexed by a fresh Pagefind service, written, and the service stopped before the next
 * shard starts, so that indexing memory is bounded by the shard size, not by the corpus. A shard
 * whose records are unchanged since a build that cached it is copied from the cache instead.
 *
 * Layout of the output folder: shard 0 at its root (with Pagefind's script and WebAssembly, which
 * every shard shares), shard k in `shard-k/` (only its index files), each compacted
 * (src/integrations/search-index-compact.ts); the values results are sorted by
 * (src/lib/search-values.ts); and, with more than one shard, the scripts that merge the shards in
 * the browser (see writeShardMerging).
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { paperUrl } from '../lib/format.ts';
import { paperSearchHtml, type SearchRecord } from '../pages/papers/_search-record.ts';
import type { PublishedCorpus } from './corpus-channel.ts';
import { arrivalShards, searchShardPath } from '../lib/search-shards.ts';
import { keyFile, searchValuesPath, shardValues, type ShardValues, type SortKey } from '../lib/search-values.ts';
import { compactShardIndex, compactedShardPrefix } from './search-index-compact.ts';
import type { ShardLayout } from '../scripts/search-shard-merge.ts';
import { ShardCache, shardCacheKey } from './search-shard-cache.ts';

/**
 * Postings (pages plus word positions) per index chunk. Pagefind's default, 20,000, makes chunks of
 * 20–50 KB at 10,000 papers, each fetched whole for one word of a query; smaller chunks cost a
 * longer chunk list in the metadata (about 25 bytes a chunk). Pagefind 1.6 reads it from this
 * (unstable) variable; a Pagefind that does not just keeps its default.
 */
export const INDEX_CHUNK_SIZE = '5000';

async function openIndex(): Promise<pagefind.PagefindIndex> {
  // The Pagefind service inherits the environment when it starts, which is here.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

async function writeIndex(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
}

const RECORDS_PER_BATCH = 250;

async function indexShard(records: readonly SearchRecord[], outputPath: string): Promise<void> {
  const index = await openIndex();
  try {
    // Pagefind numbers the pages in the order it receives them, whatever order it parses them in.
    // Sent a batch at a time, so that Astro's process, rendering meanwhile, never holds every
    // request and reply at once.
    const failed: string[] = [];
    for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
      const batch = records.slice(start, start + RECORDS_PER_BATCH);
      const added = await Promise.all(batch.map((record) => index.addHTMLFile(record)));
      failed.push(...added.flatMap((result, at) => result.errors.map((error) => `${batch[at]!.url}: ${error}`)));
    }
    if (failed.length > 0) throw new Error(`Pagefind indexing failed: ${failed.slice(0, 5).join('; ')}`);
    await writeIndex(index, outputPath);
  } finally {
    // Stopping the service gives its memory back before the next shard.
    await pagefind.close();
  }
}

/** What a merged shard needs: Pagefind's script, WebAssembly and bundled UIs come from shard 0. */
const SHARD_INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

function keepIndexFilesOnly(folder: string): void {
  for (const name of readdirSync(folder))
    if (!SHARD_INDEX_FILE.test(name)) rmSync(join(folder, name), { recursive: true, force: true });
}

const SHARD_MERGE_SOURCE = new URL('../scripts/search-shard-merge.ts', import.meta.url);

/**
 * Writes every shard's sort values (`values`, in shard order) for the search page. With more than
 * one shard, the browser merges them: Pagefind's script moves to `pagefind-core.js`,
 * `shard-merge.js` is src/scripts/search-shard-merge.ts as JavaScript (it imports only types, so
 * stripping them is all), and `pagefind.js` becomes Pagefind's API over every shard. The search page
 * imports `/pagefind/pagefind.js` as with a single index.
 */
export function writeShardMerging(outputPath: string, values: readonly ShardValues[]): void {
  // A result's id names its page by the shard's prefix: two shards must not share one.
  const prefixes = new Set(values.map((shard) => shard.prefix));
  if (prefixes.size !== values.length) throw new Error('two search shards have the same fragment prefix');
  for (const key of ['date', 'upvotes'] satisfies SortKey[])
    writeFileSync(
      join(outputPath, searchValuesPath(key).slice('/pagefind/'.length)),
      JSON.stringify(keyFile(key, values)),
    );
  const shards = values.length;
  if (shards < 2) return;
  // Required only now, and by Node itself: Vite's module runner, which loaded this file, may be closed.
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const compiled = ts.transpileModule(readFileSync(SHARD_MERGE_SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: true },
  });
  writeFileSync(join(outputPath, 'shard-merge.js'), compiled.outputText);
  renameSync(join(outputPath, 'pagefind.js'), join(outputPath, 'pagefind-core.js'));
  const layout: ShardLayout = { paths: Array.from({ length: shards }, (_, shard) => searchShardPath(shard)) };
  writeFileSync(
    join(outputPath, 'pagefind.js'),
    [
      '// Pagefind (pagefind-core.js) with every shard of the index merged in: see shard-merge.js.',
      "import * as core from './pagefind-core.js';",
      "import { shardedPagefind } from './shard-merge.js';",
      "export * from './pagefind-core.js';",
      `const pagefind = shardedPagefind(core, ${JSON.stringify(layout)});`,
      'export const { options, init, search, preload } = pagefind;',
      '',
    ].join('\n'),
  );
}

export interface ShardedIndex {
  pages: number;
  shards: number;
  fromCache: number;
  /** Each shard's sort values (of the one shard built, in a build of one shard). */
  values: ShardValues[];
}

export interface ShardOptions {
  shardSize: number;
  cacheDirectory: string;
  pagefindVersion: string;
  /** Only this shard (a build of one shard: `npm run build -- --shard K/N`). */
  only?: number;
}

/** Indexes (or copies from the cache) every shard into `outputPath`, which is emptied first. */
export async function indexShards(
  corpus: PublishedCorpus,
  outputPath: string,
  options: ShardOptions,
): Promise<ShardedIndex> {
  const cache = new ShardCache(options.cacheDirectory);
  const chunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? INDEX_CHUNK_SIZE;
  const shards = arrivalShards(corpus.papers, options.shardSize);
  const keys = new Set<string>();
  const values: ShardValues[] = [];
  let fromCache = 0;
  rmSync(outputPath, { recursive: true, force: true });
  for (const [shard, papers] of shards.entries()) {
    if (options.only !== undefined && shard !== options.only) continue;
    // Each shard's records are made when it is indexed, not all at once.
    const records = papers.map((paper) => ({
      url: paperUrl(paper.id),
      content: paperSearchHtml(paper, corpus.topicNames),
    }));
    const key = shardCacheKey(records, options.pagefindVersion, chunkSize);
    keys.add(key);
    const target = join(outputPath, searchShardPath(shard).slice('/pagefind/'.length));
    if (cache.restore(key, target)) fromCache += 1;
    else {
      // Compacted once, when indexed: a shard copied from the cache is ready as it is.
      await cache.store(key, async (folder) => {
        await indexShard(records, folder);
        compactShardIndex(folder);
      });
      cache.restore(key, target);
    }
    if (shard > 0) keepIndexFilesOnly(target);
    values.push(shardValues(compactedShardPrefix(target), papers));
  }
  // A build of one shard leaves the other shards' cache entries alone.
  if (options.only === undefined) cache.prune(keys);
  return {
    pages: options.only === undefined ? corpus.papers.length : (shards[options.only]?.length ?? 0),
    shards: shards.length,
    fromCache,
    values,
  };
}
