// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { digestCitationPlugins } from './src/markdown/digest-citations.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import { routeSummary } from './src/integrations/build-log.mjs';
import staleOutput from './src/integrations/stale-output.ts';
import papersJson from './src/integrations/papers-json.ts';
import paperPages from './src/integrations/paper-pages.ts';
import shellPages from './src/integrations/shell-pages.ts';
import siteState from './src/integrations/site-state.ts';

// Astro's process renders thousands of pages, each leaving ~25 KB of garbage in V8's old
// generation, and V8 lets that generation grow to up to 4x its live size before a full collection:
// at 10,000 papers the heap reached 850-1,000 MB around a live set of ~380 MB (Astro's peak 1.6-1.75 GB).
// Growing it by 20% at a time collects sooner, so memory follows the live data (peak ~1.27 GB at
// 10,000 papers) at the cost of a few more full collections; it sets no cap, so larger digests still
// get the heap they need. V8 reads this flag each time it sets the next limit, so setting it here,
// before the content sync, is in time.
setFlagsFromString('--heap-growing-percent=20');

export default defineConfig({
  // Absolute links in feeds and canonical URLs; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // One request per page: the stylesheet is small enough to inline.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // Astro 7's default ('jsx') drops the white space between inline elements and glues words
  // together, on the page and in the search index.
  compressHTML: true,
  markdown: {
    // No code blocks in the digest; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    // Editorial MDX goes through remark, so that `[text](paper:<id>)` cites a paper (and a
    // reference to no paper fails the build). Dump text never goes through here: it is data,
    // rendered by src/ingest/text/render-dump-text.ts.
    processor: unified({ remarkPlugins: digestCitationPlugins(fileURLToPath(new URL('.', import.meta.url))) }),
  },
  // staleOutput after the others that write: it keeps what they wrote into dist/; siteState last, once
  // everything is written (what a rebuild without Astro continues from: src/rebuild/). paperPages,
  // shellPages and papersJson before pagefindIndex: they write while Pagefind, in its own process,
  // finishes the search index.
  integrations: [
    mdx(),
    paperPages(),
    shellPages(),
    papersJson(),
    pagefindIndex(),
    routeSummary(),
    staleOutput(),
    siteState(),
  ],
  // A count of files per route instead of a line per file (RESEARCH_DIGEST_VERBOSE=1 for the list).
  logger: { entrypoint: new URL('./src/integrations/build-log.mjs', import.meta.url) },
  // A rebuild renders again only the pages whose cacheKey or code changed (see README,
  // "Rebuilding"); the paper pages are written from one shell page (src/integrations/paper-pages.ts).
  experimental: { incrementalBuild: true },
  vite: {
    build: {
      // A rebuild keeps the pages the incremental build skips where they are instead of copying
      // them back from its cache; what no longer belongs goes (src/integrations/stale-output.ts).
      emptyOutDir: false,
      // Client scripts stay inside their page whatever their size (Vite's default inlines only
      // those under 4 kB): the offline worker precaches the search page, not /_astro/ files.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? true : undefined),
      rolldownOptions: {
        // Astro marks each MDX entry with a `use astro:head-inject` directive that the bundler warns
        // about for every topic introduction; the warning is Astro's own and harmless
        // (withastro/astro#18087), and it would be the only warning of a clean build.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  security: {
    // Astro hashes its own inline scripts and styles; nothing from a dump can ever run. Pagefind
    // compiles WebAssembly ('wasm-unsafe-eval') and the offline search runs a worker from 'self'.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
