/**
 * The search index in shards (src/lib/search-shards.ts). The seeds (477 papers) are built in a
 * copy of the project in shards of 200 papers: three indexes, merged by the search page. Every
 * search below, run through the search page (all results, "Show more" until there are no more),
 * must list the same papers as the one-index build the other browser tests use, in the same order
 * when sorted, with the same status line. Then a dump of new papers arrives and the copy is built
 * again: the two shards it does not touch are copied from the cache, byte for byte.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SEARCH_SHARD_SIZE_VARIABLE } from '../../src/lib/search-shards.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import { searchOutcome } from '../browser/helpers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildSite, hashTree, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from '../site-build/helpers.ts';
import { requireHarness } from './helpers.ts';

const SHARDED = { [SEARCH_SHARD_SIZE_VARIABLE]: '200' };

/** Two papers no seed has, in the daily-page format, arriving after every seed. */
const NEW_DUMP = `Daily Papers

Mar 30

Sharded Retrieval of Quokka Embeddings for Sparse Experts

We route quokka embeddings through a sparse mixture of experts and shard the retrieval index by arrival. Each shard is searched alone and the lists are merged by score.

Wombat Preference Optimization Without Burrows

We align language models with wombat preferences using a reference-free objective. The method needs no burrow model and matches direct preference optimization on chat benchmarks.
`;

const CASES: [string, string][][] = [
  [['q', 'mixture of experts']],
  [
    ['q', 'preference'],
    ['sort', 'date'],
  ],
  [
    ['q', 'preference'],
    ['sort', 'date-asc'],
  ],
  [
    ['q', 'language'],
    ['sort', 'upvotes'],
  ],
  [
    ['q', 'language'],
    ['sort', 'upvotes-asc'],
  ],
  [
    ['topic', 'Mixture-of-Experts'],
    ['sort', 'upvotes'],
  ],
  [
    ['topic', 'Parameter-efficient fine-tuning'],
    ['sort', 'date-asc'],
  ],
  [
    ['q', 'model'],
    ['year', '2025'],
    ['sort', 'date'],
  ],
  [
    ['q', '"instruction tuning"'],
    ['sort', 'upvotes'],
  ],
  [
    ['q', 'vision'],
    ['topic', 'Multimodal'],
  ],
];

/** A shard's own files (the folder of shard 0 also holds Pagefind's script and the merging files). */
const SHARD_FILE =
  /^(?:shard-(\d+)\/)?(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(?:index|fragment|filter)\/.+)$/;

let copy: SiteCopy;
let server: StaticServer;
let browser: Browser;
let firstLog = '';

beforeAll(async () => {
  requireHarness();
  copy = makeSiteCopy('search-shards');
  cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
  firstLog = await buildSite(copy, join(copy.root, 'dist'), SHARDED);
  server = await startStaticServer(join(copy.root, 'dist'));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  copy?.remove();
});

/** Every result of a search, as the page lists them after "Show more results" is pressed until it goes. */
async function everyResult(
  page: Page,
  origin: string,
  params: [string, string][],
): Promise<{ status: string; ids: string[] }> {
  await page.goto(`${origin}/search/?${new URLSearchParams(params)}`);
  const { status, count } = await searchOutcome(page, params);
  while (await page.isVisible('#search-more')) {
    const shown = await page.$$eval('ol#search-results > li', (items) => items.length);
    await page.click('#search-more');
    await page.waitForFunction((shown) => document.querySelectorAll('ol#search-results > li').length > shown, shown, {
      timeout: 10_000,
    });
  }
  const ids = await page.$$eval('ol#search-results > li a', (links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  expect(ids).toHaveLength(count);
  expect(new Set(ids).size, 'no paper listed twice').toBe(ids.length);
  return { status, ids };
}

describe('the seeds indexed in shards of 200 papers', () => {
  test('make three shards, all indexed on the first build', () => {
    expect(firstLog).toMatch(/Pagefind indexed 477 pages .*; 3 shards, 0 from cache\)/);
    // The search page imports /pagefind/pagefind.js as with one index: in a build of shards it is
    // Pagefind's API over every shard.
    const entry = readFileSync(join(copy.root, 'dist/pagefind/pagefind.js'), 'utf8');
    expect(entry).toContain("from './pagefind-core.js'");
    expect(entry).toContain('"/pagefind/shard-1/","/pagefind/shard-2/"');
  });

  test("the service worker precaches every shard's index files and the merging files", () => {
    const worker = readFileSync(join(copy.root, 'dist/sw.js'), 'utf8');
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/s.exec(worker)![1]!) as string[];
    const files = Object.keys(hashTree(join(copy.root, 'dist/pagefind')));
    for (const shard of ['0', '1', '2']) {
      const own = files.filter((file) => (SHARD_FILE.exec(file)?.[1] ?? '0') === shard && SHARD_FILE.test(file));
      expect(own.length).toBeGreaterThan(10);
      for (const file of own) expect(precache).toContain(`/pagefind/${file}`);
    }
    expect(precache).toContain('/pagefind/shard-merge.js');
    expect(precache).toContain('/pagefind/pagefind-core.js');
    expect(precache).toContain('/pagefind/pagefind.js');
    expect(precache).toContain('/pagefind/search-date.json');
    expect(precache).toContain('/pagefind/search-upvotes.json');
    // A merged shard carries only its index: Pagefind's script and WebAssembly are shard 0's.
    expect(files.filter((file) => /^shard-\d+\//.test(file) && !SHARD_FILE.test(file))).toEqual([]);
  });

  test.each(CASES)('search the same as one index: %j', async (...params) => {
    const page = await browser.newPage();
    try {
      const single = await everyResult(page, inject('baseUrl'), params);
      const sharded = await everyResult(page, server.url, params);
      expect(single.ids.length).toBeGreaterThan(1);
      expect(sharded.status).toBe(single.status);
      // Sorted, the papers with a value come first, in the same order; those without one come
      // last by relevance. By relevance, each shard scores with its own word statistics (Pagefind's
      // BM25: how rare a word is in that shard), so the same papers may be ranked differently.
      const unknown = Number(/(\d+) (?:has|have) no known/.exec(single.status)?.[1] ?? 0);
      const ordered = params.some(([key]) => key === 'sort') ? single.ids.length - unknown : 0;
      expect(sharded.ids.slice(0, ordered)).toEqual(single.ids.slice(0, ordered));
      expect([...sharded.ids.slice(ordered)].sort()).toEqual([...single.ids.slice(ordered)].sort());
    } finally {
      await page.close();
    }
  });

  test('a new dump re-indexes only the last shard; the others are copied from the cache unchanged', async () => {
    writeFileSync(join(copy.seeds, '999_new_papers.txt'), NEW_DUMP);
    const rebuilt = join(copy.root, 'dist-rebuilt');
    const log = await buildSite(copy, rebuilt, SHARDED);
    expect(log).toMatch(/Pagefind indexed 479 pages .*; 3 shards, 2 from cache\)/);
    const before = hashTree(join(copy.root, 'dist/pagefind'));
    const after = hashTree(join(rebuilt, 'pagefind'));
    const shard = (tree: Record<string, string>, number: string) =>
      Object.entries(tree).filter(([file]) => (SHARD_FILE.exec(file)?.[1] ?? '0') === number && SHARD_FILE.test(file));
    expect(shard(before, '0').length).toBeGreaterThan(10);
    expect(shard(after, '0')).toEqual(shard(before, '0'));
    expect(shard(after, '1')).toEqual(shard(before, '1'));
    expect(shard(after, '2')).not.toEqual(shard(before, '2'));
  }, 300_000);
});
