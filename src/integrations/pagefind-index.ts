/**
 * Indexes the paper pages with Pagefind's Node API during `astro build`, so there is no separate
 * step to remember. The index is built from the paper records (src/pages/papers/_search-record.ts), which
 * the content loader has ready before Astro bundles and renders: Pagefind (a native process)
 * indexes them, one shard at a time (src/integrations/search-shard-index.ts), and writes its files
 * into a staging folder on the second core, from the moment the loader hands the papers over
 * (while Astro still writes its content store, bundles and renders on the first); the merged index
 * is published into `dist/pagefind/` from there (src/integrations/search-index-publish.ts), and a
 * build of one shard moves its folder there when the build is done. The papers come from the content loader through
 * src/integrations/corpus-channel.ts; a build in which the loader published none stops with an
 * error (an index of no papers would make a site whose search finds nothing). Then it writes the
 * service worker, with the search page and every index file to precache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { onCorpusPublished, publishedCorpus, type PublishedCorpus } from './corpus-channel.ts';
import {
  BUILD_SHARD_VARIABLE,
  effectiveShardSize,
  parseBuildShard,
  type BuildShard,
  pendingSearchValuesFile,
} from '../lib/search-shards.ts';
import { indexShardsOnThread, writeSearchValues, type ShardedIndex } from './search-shard-index.ts';
import { moveInto } from './search-index-publish.ts';
import { claimOutput, filesUnder } from './stale-output.ts';
import { VOCABULARY_PATH } from '../lib/vocabulary-text.ts';

const SERVICE_WORKER_TEMPLATE = new URL('../service-worker/offline-search-worker.js', import.meta.url);
/** Pages the worker caches on install, besides Pagefind's files. */
const OFFLINE_PAGES = ['/search/', '/offline/', '/reading-list/', '/reading-list/redirects.json', '/favicon.svg'];
/**
 * Pagefind's bundled UIs are not used (the search page renders its own results), nor its web
 * worker, nor its metadata (the page list stands for it: src/integrations/search-page-list.ts).
 */
const UNUSED_PAGEFIND_FILE = /pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.|wasm\.unknown\.|\.pf_meta$/;

function writeServiceWorker(outDir: string, pagefindFiles: string[]): void {
  const precache = [...OFFLINE_PAGES, ...pagefindFiles];
  const version = createHash('sha256')
    .update(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json')))
    .update(precache.join('\n'))
    .digest('hex')
    .slice(0, 12);
  const worker = readFileSync(SERVICE_WORKER_TEMPLATE, 'utf8')
    .replace('__VERSION__', version)
    .replace('__PRECACHE__', JSON.stringify(precache));
  writeFileSync(join(outDir, 'sw.js'), worker);
  claimOutput('sw.js');
}

/**
 * The worker of a built site: the offline pages, the vocabulary, any script in `_astro/` and every
 * Pagefind file (of every shard). Also run by scripts/merge-build-shards.ts on the assembled site.
 */
export function writeServiceWorkerFor(outDir: string): void {
  const files = filesUnder(join(outDir, 'pagefind'))
    .map((file) => `/pagefind/${file}`)
    .filter((url) => !UNUSED_PAGEFIND_FILE.test(url))
    .sort();
  const vocabulary = existsSync(join(outDir, VOCABULARY_PATH.slice(1))) ? [VOCABULARY_PATH] : [];
  // Scripts are inlined in their pages; any that is not must work offline too.
  const scripts = filesUnder(join(outDir, '_astro'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `/_astro/${file}`)
    .sort();
  writeServiceWorker(outDir, [...vocabulary, ...scripts, ...files]);
}

/** The spelling suggestions' vocabulary, beside the index (fetched by the search page only when a query finds little). */
async function writeVocabulary(outDir: string): Promise<void> {
  const corpus = publishedCorpus();
  if (!corpus) return;
  writeFileSync(join(outDir, VOCABULARY_PATH.slice(1)), JSON.stringify(await corpus.vocabulary()));
  claimOutput(VOCABULARY_PATH.slice(1));
}

function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  moveInto(from, to);
}

/** Pagefind's version, part of each cached shard's key. */
function pagefindVersion(root: string): string {
  return (
    JSON.parse(readFileSync(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** Errors of this integration name it, with what went wrong underneath as their cause. */
function searchIndexError(what: string, cause?: unknown): Error {
  return new Error(`[research-digest-pagefind] ${what}`, cause === undefined ? undefined : { cause });
}

export default function pagefindIndex(): AstroIntegration {
  let stagingDir = '';
  /** The site's index folder, `dist/pagefind`, where the index thread publishes the merged index. */
  let siteIndexDir = '';
  let cacheDirectory = '';
  let root = '';
  let started = 0;
  let building = false;
  let buildShard: BuildShard | null = null;
  let indexing: Promise<ShardedIndex> | null = null;
  const threadWarnings: string[] = [];
  const startIndexing = (corpus: PublishedCorpus): Promise<ShardedIndex> => {
    started = performance.now();
    const shardSize = effectiveShardSize(corpus.papers.length, process.env);
    const running = indexShardsOnThread(
      corpus,
      stagingDir,
      {
        shardSize,
        cacheDirectory,
        pagefindVersion: pagefindVersion(root),
        // A build of one shard leaves its shard for the merge step (scripts/merge-build-shards.ts).
        ...(buildShard ? { only: buildShard.index } : { publishTo: siteIndexDir }),
      },
      // The logger comes with the build's end; what the thread had to say waits for it.
      { projectRoot: root, warn: (message) => threadWarnings.push(message) },
    );
    // Its failure is reported when the build is done, not as an unhandled rejection now.
    running.catch(() => {});
    return running;
  };
  return {
    name: 'research-digest-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        stagingDir = fileURLToPath(new URL('pagefind-staging/', config.cacheDir));
        siteIndexDir = join(fileURLToPath(config.outDir), 'pagefind');
        cacheDirectory = join(root, 'node_modules', '.cache', 'research-digest', 'search-shards');
        buildShard = parseBuildShard(process.env[BUILD_SHARD_VARIABLE]);
        // The content layer syncs next: index from the moment the papers loader has the papers.
        if (building) onCorpusPublished((corpus) => (indexing ??= startIndexing(corpus)));
      },
      // The content layer has synced by now; indexing started when the loader published the papers.
      'astro:build:start': () => {
        onCorpusPublished(null);
        const corpus = publishedCorpus();
        if (!corpus)
          throw searchIndexError(
            'the papers loader published no papers to index (src/loaders/digest-loader.ts calls publishCorpus when it syncs)',
          );
        indexing ??= startIndexing(corpus);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const waitStarted = performance.now();
        const outputPath = join(outDir, 'pagefind');
        try {
          // Made now, while Pagefind finishes, or in a rebuild on a thread beside the pages
          // (src/lib/search-vocabulary-thread.ts).
          await writeVocabulary(outDir);
          let sharded: ShardedIndex;
          try {
            sharded = await indexing!;
          } catch (error) {
            throw searchIndexError('could not build the search index', error);
          }
          if (buildShard) moveFolder(stagingDir, outputPath);
          else if (outputPath !== siteIndexDir)
            throw searchIndexError(`the search index was published to ${siteIndexDir}, not to ${outputPath}`);
          claimOutput('pagefind/');
          if (buildShard) {
            // The merge step (scripts/merge-build-shards.ts) writes the rest from every shard's output.
            writeFileSync(join(outDir, pendingSearchValuesFile(buildShard.index)), JSON.stringify(sharded.values[0]));
          } else {
            writeSearchValues(outputPath, sharded.values);
            writeServiceWorkerFor(outDir);
          }
          const now = performance.now();
          const shards = buildShard
            ? `; shard ${buildShard.index + 1} of ${buildShard.count}, ${sharded.fromCache} from cache`
            : `; ${sharded.shards} ${sharded.shards === 1 ? 'shard' : 'shards'}, ${sharded.fromCache} from cache`;
          const merged = sharded.mergeMs === null ? '' : `, merged into one index in ${Math.round(sharded.mergeMs)} ms`;
          logger.info(
            `Pagefind indexed ${sharded.pages} pages in ${Math.round(now - started)} ms (${Math.round(now - waitStarted)} ms after the pages were rendered${shards})${merged}`,
          );
        } finally {
          // Why a thread's work was done on the main thread, even when the index then failed.
          for (const warning of threadWarnings.splice(0)) logger.warn(warning);
          indexing = null;
          // Each shard's service is closed when the shard is written; this one is for a shard that failed to start.
          await pagefind.close();
        }
      },
    },
  };
}
