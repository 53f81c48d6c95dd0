/**
 * Indexes the paper records shard by shard (src/lib/search-shards.ts says how they are cut). Each
 * shard is indexed by a fresh Pagefind service, written, and the service stopped before the next
 * shard starts, so that indexing memory is bounded by the shard size, not by the corpus. A shard
 * whose records are unchanged since a build that cached it is taken from the cache instead.
 *
 * Each shard is put in `shard-k/` of the output folder (shard 0's with Pagefind's script and
 * WebAssembly, which every shard shares), compacted (src/integrations/search-index-compact.ts);
 * then the shards are merged into one index at the output folder's root
 * (src/integrations/search-index-merge.ts), which is what readers load, and the values results are
 * sorted by are written beside it (src/lib/search-values.ts). A build publishes the merged index into
 * the site (`publishTo`: src/integrations/search-index-publish.ts), its fragments straight from the
 * cache, so the output folder then only stages the rest. A build of one shard
 * (`npm run build:shard`) leaves its shard unmerged: scripts/merge-build-shards.ts merges them all.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchPaperOf, type SearchPaper, type SearchRecord } from '../pages/papers/_search-record.ts';
import { arrivalShards, stagedShardFolder } from '../lib/search-shards.ts';
import {
  FRAGMENT_PREFIX_LENGTH,
  keyFile,
  searchValuesPath,
  shardValues,
  upvotesBlocks,
  type ShardValues,
  type SortKey,
} from '../lib/search-values.ts';
import { compactShardIndex, compactedShardPrefix } from './search-index-compact.ts';
import { INDEX_FILE, mergeShardIndexes } from './search-index-merge.ts';
import { startWorkerTask, type BuildThreadOptions } from '../lib/worker-task.ts';
import { ShardCache, shardCacheKey } from './search-shard-cache.ts';
import { publishSearchIndex } from './search-index-publish.ts';
import {
  arrivalPages,
  countedOrder,
  hasPageOrder,
  keepPageOrder,
  lengthOrder,
  takePageOrder,
  writtenWordCounts,
} from './search-page-order.ts';

/**
 * Postings (pages plus word positions) per index chunk. Pagefind's default, 20,000, makes chunks of
 * 20–50 KB at 10,000 papers, each fetched whole for one word of a query; smaller chunks cost a
 * longer chunk list in the metadata (about 25 bytes a chunk). Pagefind 1.6 reads it from this
 * (unstable) variable; a Pagefind that does not just keeps its default.
 */
const INDEX_CHUNK_SIZE = '5000';

/** The index chunk size the shards are indexed with, and the merged index cut with. */
export const indexChunkSize = (): string => process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? INDEX_CHUNK_SIZE;

async function openIndex(): Promise<pagefind.PagefindIndex> {
  // The Pagefind service inherits the environment when it starts, which is here.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = indexChunkSize();
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
function keepIndexFilesOnly(folder: string): void {
  for (const name of readdirSync(folder))
    if (!INDEX_FILE.test(name)) rmSync(join(folder, name), { recursive: true, force: true });
}

/**
 * Writes every shard's sort values (`values`, in shard order) for the search page, and the upvotes
 * again in blocks (src/lib/search-values.ts): a result's id is its fragment's name, which names its
 * shard by the shard's prefix, so two shards must not share one.
 */
export function writeSearchValues(outputPath: string, values: readonly ShardValues[]): void {
  const prefixes = new Set(values.map((shard) => shard.prefix));
  if (prefixes.size !== values.length) throw new Error('two search shards have the same fragment prefix');
  const odd = values.find((shard) => shard.prefix.length !== FRAGMENT_PREFIX_LENGTH);
  if (odd)
    throw new Error(`a search shard's fragment prefix is not ${FRAGMENT_PREFIX_LENGTH} characters: ${odd.prefix}`);
  const fileOf = (path: string) => join(outputPath, path.slice('/pagefind/'.length));
  for (const key of ['date', 'upvotes'] satisfies SortKey[])
    writeFileSync(fileOf(searchValuesPath(key)), JSON.stringify(keyFile(key, values)));
  for (const block of keyFile('upvotes', values).flatMap((shard) => upvotesBlocks(shard))) {
    mkdirSync(dirname(fileOf(block.path)), { recursive: true });
    writeFileSync(fileOf(block.path), block.text);
  }
}

/** Merges the shards that `indexShards` (or the build of each shard) put in `outputPath` into one index there. */
export async function mergeStagedShards(outputPath: string, shards: number): Promise<void> {
  const folders = Array.from({ length: shards }, (_, shard) => join(outputPath, stagedShardFolder(shard)));
  await mergeShardIndexes(folders, outputPath, Number(indexChunkSize()));
}

export interface ShardedIndex {
  pages: number;
  shards: number;
  fromCache: number;
  /** How long merging the shards into one index took (null in a build of one shard, which does not merge). */
  mergeMs: number | null;
  /** Each shard's sort values (of the one shard built, in a build of one shard). */
  values: ShardValues[];
}

/** The papers to index, with the topics' names (`other` included). */
export interface SearchCorpus {
  papers: readonly SearchPaper[];
  topicNames: ReadonlyMap<string, string>;
}

export interface ShardOptions {
  shardSize: number;
  cacheDirectory: string;
  pagefindVersion: string;
  /** Only this shard (a build of one shard: `npm run build -- --shard K/N`). */
  only?: number;
  /**
   * The site's index folder (`dist/pagefind`): the merged index is published there
   * (src/integrations/search-index-publish.ts) instead of being left whole in the output folder,
   * which then only stages it. Not with `only`.
   */
  publishTo?: string;
}

/**
 * Indexes (or takes from the cache) every shard into `outputPath`, which is emptied first, and merges
 * them into one index there (or, with `publishTo`, stages it there and publishes it); with `only`,
 * puts that shard alone in its folder, unmerged.
 */
export async function indexShards(
  corpus: SearchCorpus,
  outputPath: string,
  options: ShardOptions,
): Promise<ShardedIndex> {
  const cache = new ShardCache(options.cacheDirectory);
  const publishing = options.publishTo !== undefined && options.only === undefined;
  // Published, the fragments go from the cache straight into the site, not through the staging folder.
  const restoreOptions = { fragments: !publishing };
  const fragmentFolders: string[] = [];
  const chunkSize = indexChunkSize();
  const shards = arrivalShards(corpus.papers, options.shardSize);
  const keys = new Set<string>();
  const values: ShardValues[] = [];
  let fromCache = 0;
  rmSync(outputPath, { recursive: true, force: true });
  for (const [shard, papers] of shards.entries()) {
    if (options.only !== undefined && shard !== options.only) continue;
    // Each shard's records are made when it is indexed, not all at once.
    const pages = arrivalPages(papers, corpus.topicNames);
    const key = shardCacheKey(
      pages.map(({ record }) => record),
      options.pagefindVersion,
      chunkSize,
    );
    keys.add(key);
    const target = join(outputPath, stagedShardFolder(shard));
    // An entry without the order its pages were indexed in is not used (its values would be misplaced).
    if (hasPageOrder(cache.entry(key)) && cache.restore(key, target, restoreOptions)) fromCache += 1;
    else {
      // Compacted once, when indexed: a shard copied from the cache is ready as it is.
      await cache.store(key, async (folder) => {
        let ordered = lengthOrder(pages);
        await indexShard(
          ordered.map(({ record }) => record),
          folder,
        );
        const recounted = countedOrder(writtenWordCounts(folder), ordered);
        if (recounted) {
          // Some words were miscounted: indexed again in the order of Pagefind's own counts.
          ordered = recounted.map((at) => ordered[at]!);
          rmSync(folder, { recursive: true, force: true });
          await indexShard(
            ordered.map(({ record }) => record),
            folder,
          );
        }
        keepPageOrder(
          folder,
          ordered.map(({ arrival }) => arrival),
        );
        compactShardIndex(folder);
      });
      cache.restore(key, target, restoreOptions);
    }
    if (publishing) fragmentFolders.push(cache.fragmentFolder(key));
    // The prefix is read off a fragment's name: published, the fragments stay in the cache.
    const folderWithFragments = publishing ? cache.entry(key) : target;
    const arrivals = takePageOrder(target);
    if (!arrivals) throw new Error(`the search shard ${shard} was indexed without keeping its pages' order`);
    if (shard > 0) keepIndexFilesOnly(target);
    values.push(
      shardValues(
        compactedShardPrefix(folderWithFragments),
        arrivals.map((at) => pages[at]!.paper),
      ),
    );
  }
  // A build of one shard leaves the other shards' cache entries alone, and its shard unmerged.
  let mergeMs: number | null = null;
  if (options.only === undefined) {
    cache.prune(keys);
    const started = performance.now();
    await mergeStagedShards(outputPath, shards.length);
    mergeMs = performance.now() - started;
    if (publishing) publishSearchIndex(outputPath, options.publishTo!, fragmentFolders, corpus.papers.length);
  }
  return {
    pages: options.only === undefined ? corpus.papers.length : (shards[options.only]?.length ?? 0),
    shards: shards.length,
    fromCache,
    mergeMs,
    values,
  };
}

/** What `indexShardsOnThread` sends to its thread (src/integrations/search-index-worker.ts). */
export interface IndexTask {
  papers: SearchPaper[];
  topicNames: [string, string][];
  outputPath: string;
  options: ShardOptions;
}

/**
 * `indexShards` on a worker thread. Pagefind indexes in its own process, but it is fed a batch of
 * records at a time, and each shard is written, compacted and the next one started, by whatever
 * thread drives it: driven from the thread that renders the pages, it waited whenever that thread
 * ran a long stretch of work (the site data, the paper pages written from their shell, the
 * vocabulary; the reading aids at 100,000 papers), and at 50,000 papers the index was done 40 s
 * after the pages. Only what the records read crosses to the thread; the shards are merged there too.
 */
export function indexShardsOnThread(
  corpus: SearchCorpus,
  outputPath: string,
  options: ShardOptions,
  thread: BuildThreadOptions,
): Promise<ShardedIndex> {
  return startWorkerTask({
    file: join(thread.projectRoot, 'src', 'integrations', 'search-index-worker.ts'),
    data: {
      papers: corpus.papers.map(searchPaperOf),
      topicNames: [...corpus.topicNames],
      outputPath,
      options,
    } satisfies IndexTask,
    onThisThread: () => indexShards(corpus, outputPath, options),
    what: 'indexing the search shards',
    warn: thread.warn,
  })();
}
