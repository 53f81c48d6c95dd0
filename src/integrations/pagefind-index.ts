/**
 * Indexes the paper pages with Pagefind's Node API during `astro build`, so there is no separate
 * step to remember. The index is built from the paper records (src/lib/search-record.ts), which
 * the content loader has ready before Astro bundles and renders: Pagefind (a native process)
 * indexes them and writes its files into a staging folder on the second core while Astro renders
 * on the first, and when the build is done the folder moves into `dist/pagefind/`. A build in
 * which the loader published no records falls back to indexing the rendered pages (only pages
 * marked `data-pagefind-body`, the paper pages). Then it writes the service worker, with the
 * search page and every index file to precache.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { paperSearchRecords, publishedSearchCorpus } from '../lib/search-record.ts';
import { buildVocabulary } from '../lib/search-vocabulary.ts';
import { VOCABULARY_PATH } from '../lib/vocabulary-text.ts';

const SERVICE_WORKER_TEMPLATE = new URL('../service-worker/offline-search-worker.js', import.meta.url);
/** Pages the worker caches on install, besides Pagefind's files. */
const OFFLINE_PAGES = ['/search/', '/offline/', '/reading-list/', '/reading-list/redirects.json', '/favicon.svg'];
/** Pagefind's bundled UIs are not used (the search page renders its own results), nor its web worker. */
const UNUSED_PAGEFIND_FILE = /pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.|wasm\.unknown\./;

function writeServiceWorker(outDir: string, pagefindFiles: string[]): void {
  const precache = [...OFFLINE_PAGES, ...pagefindFiles];
  const version = createHash('sha256').update(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'))).update(precache.join('\n')).digest('hex').slice(0, 12);
  const worker = readFileSync(SERVICE_WORKER_TEMPLATE, 'utf8').replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache));
  writeFileSync(join(outDir, 'sw.js'), worker);
}

/**
 * The spelling suggestions' vocabulary, beside the index (fetched by the search page only when a
 * query finds little). Returns its URL, or null when the loader published no corpus.
 */
function writeVocabulary(outDir: string): string | null {
  const corpus = publishedSearchCorpus();
  if (!corpus) return null;
  writeFileSync(join(outDir, VOCABULARY_PATH.slice(1)), JSON.stringify(buildVocabulary(corpus.papers, corpus.topicNames)));
  return VOCABULARY_PATH;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

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

/** Indexes the records and writes the index into `stagingDir`; returns the number of pages. */
async function indexRecords(stagingDir: string): Promise<number | null> {
  const corpus = publishedSearchCorpus();
  if (!corpus) return null;
  const records = paperSearchRecords(corpus.papers, corpus.topicNames);
  const index = await openIndex();
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
  rmSync(stagingDir, { recursive: true, force: true });
  await writeIndex(index, stagingDir);
  return records.length;
}

function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

export default function pagefindIndex(): AstroIntegration {
  let stagingDir = '';
  let started = 0;
  let indexing: Promise<number | null> | null = null;
  return {
    name: 'research-digest-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        stagingDir = fileURLToPath(new URL('pagefind-staging/', config.cacheDir));
      },
      // The content layer has synced by now: index while Astro bundles and renders.
      'astro:build:start': () => {
        started = performance.now();
        indexing = indexRecords(stagingDir);
        // Its failure is reported when the build is done, not as an unhandled rejection now.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const waitStarted = performance.now();
        const outputPath = join(outDir, 'pagefind');
        try {
          let pages = indexing ? await indexing : null;
          if (pages !== null) {
            moveFolder(stagingDir, outputPath);
          } else {
            started = performance.now();
            const index = await openIndex();
            const added = await index.addDirectory({ path: outDir });
            if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
            await writeIndex(index, outputPath);
            pages = added.page_count;
          }
          const files = listFiles(outputPath)
            .map((file) => `/${relative(outDir, file).split(sep).join('/')}`)
            .filter((url) => !UNUSED_PAGEFIND_FILE.test(url))
            .sort();
          const vocabulary = writeVocabulary(outDir);
          // Scripts are inlined in their pages; any that is not must work offline too.
          const scripts = existsSync(join(outDir, '_astro')) ? listFiles(join(outDir, '_astro')).filter((file) => file.endsWith('.js')).map((file) => `/${relative(outDir, file).split(sep).join('/')}`).sort() : [];
          writeServiceWorker(outDir, [...(vocabulary ? [vocabulary] : []), ...scripts, ...files]);
          const now = performance.now();
          logger.info(`Pagefind indexed ${pages} pages in ${Math.round(now - started)} ms (${Math.round(now - waitStarted)} ms after the pages were rendered)`);
        } finally {
          indexing = null;
          await pagefind.close();
        }
      },
    },
  };
}
