/**
 * Indexes the built site with Pagefind's Node API right after `astro build`, so there is no
 * separate step to remember. Only pages marked `data-pagefind-body` (the paper pages) are indexed.
 * It then writes the service worker, with the search page and every index file to precache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const SERVICE_WORKER_TEMPLATE = new URL('../service-worker/offline-search-worker.js', import.meta.url);
/** Pages the worker caches on install, besides Pagefind's files. */
const OFFLINE_PAGES = ['/search/', '/offline/', '/favicon.svg'];
/** Pagefind's bundled UIs are not used (the search page renders its own results), nor its web worker. */
const UNUSED_PAGEFIND_FILE = /pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.|wasm\.unknown\./;

function writeServiceWorker(outDir: string, pagefindFiles: string[]): void {
  const precache = [...OFFLINE_PAGES, ...pagefindFiles];
  const version = createHash('sha256').update(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'))).update(precache.join('\n')).digest('hex').slice(0, 12);
  const worker = readFileSync(SERVICE_WORKER_TEMPLATE, 'utf8').replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(precache));
  writeFileSync(join(outDir, 'sw.js'), worker);
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
const INDEX_CHUNK_SIZE = '5000';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'research-digest-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        // The Pagefind service inherits the environment when it starts, which is here.
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          const files = listFiles(join(outDir, 'pagefind'))
            .map((file) => `/${relative(outDir, file).split(sep).join('/')}`)
            .filter((url) => !UNUSED_PAGEFIND_FILE.test(url))
            .sort();
          writeServiceWorker(outDir, files);
          logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
